namespace Signalling.H323.Q931;

/// <summary>
/// The Bearer capability information element (Q.931 §4.5.5) as H.225.0 §7.2.2.1 uses it: coding standard,
/// information transfer capability, transfer mode and rate, the rate multiplier when the rate is multirate,
/// and the user information layer 1 protocol. Octets this type does not model (3a, 4a/4b, 5a-7) are
/// skipped when parsing and not written when building.
/// </summary>
/// <param name="CodingStandard">The coding standard (octet 3, bits 7-6).</param>
/// <param name="InformationTransferCapability">The information transfer capability (octet 3, bits 5-1).</param>
/// <param name="TransferMode">The transfer mode (octet 4, bits 7-6).</param>
/// <param name="InformationTransferRate">The information transfer rate code (octet 4, bits 5-1): 0x10 is
/// 64 kbit/s, 0x11 2x64, 0x13 384, 0x15 1536, 0x17 1920, 0x18 multirate (see <paramref name="RateMultiplier"/>).</param>
/// <param name="RateMultiplier">The rate multiplier (octet 4.1), present only when the rate is multirate.</param>
/// <param name="UserInformationLayer1Protocol">The user information layer 1 protocol (octet 5, bits 5-1):
/// 2 is G.711 µ-law, 3 G.711 A-law, 5 H.221/H.242; <see langword="null"/> when octet 5 is absent.</param>
public readonly record struct Q931BearerCapability(
    Q931CodingStandard CodingStandard,
    Q931InformationTransferCapability InformationTransferCapability,
    Q931TransferMode TransferMode,
    byte InformationTransferRate,
    byte? RateMultiplier,
    byte? UserInformationLayer1Protocol)
{
    /// <summary>The information transfer rate code of multirate (64 kbit/s base rate), which adds octet 4.1.</summary>
    public const byte MultirateTransferRate = 0x18;

    /// <summary>The information transfer rate code of 64 kbit/s.</summary>
    public const byte Rate64Kbits = 0x10;

    /// <summary>Decodes the contents of a Bearer capability element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold at least the mandatory octets 3 and 4.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931BearerCapability value)
    {
        value = default;
        var i = 0;
        if (contents.Length < 2)
        {
            return false;
        }

        var octet3 = contents[i];
        // Q.931 §4.5.1: an octet group runs until an octet whose bit 8 (extension) is 1.
        i = SkipGroup(contents, i);
        if (i >= contents.Length)
        {
            return false;
        }

        var octet4 = contents[i];
        i = SkipGroup(contents, i);
        var rate = (byte)(octet4 & 0x1F);
        byte? multiplier = null;
        if (rate == MultirateTransferRate)
        {
            // Q.931 §4.5.5: octet 4.1 is present only for multirate.
            if (i >= contents.Length)
            {
                return false;
            }

            multiplier = (byte)(contents[i] & 0x7F);
            i = SkipGroup(contents, i);
        }

        byte? layer1 = null;
        // Q.931 §4.5.5: octet 5 carries layer identification 01 in bits 7-6.
        if (i < contents.Length && ((contents[i] >> 5) & 0x03) == 1)
        {
            layer1 = (byte)(contents[i] & 0x1F);
        }

        value = new Q931BearerCapability(
            (Q931CodingStandard)((octet3 >> 5) & 0x03),
            (Q931InformationTransferCapability)(octet3 & 0x1F),
            (Q931TransferMode)((octet4 >> 5) & 0x03),
            rate,
            multiplier,
            layer1);
        return true;
    }

    /// <summary>Encodes this value as a Bearer capability element.</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToInformationElement()
    {
        Span<byte> octets = stackalloc byte[4];
        var n = 0;
        octets[n++] = (byte)(0x80 | (((int)CodingStandard & 0x03) << 5) | ((int)InformationTransferCapability & 0x1F));
        octets[n++] = (byte)(0x80 | (((int)TransferMode & 0x03) << 5) | (InformationTransferRate & 0x1F));
        if (InformationTransferRate == MultirateTransferRate)
        {
            octets[n++] = (byte)(0x80 | ((RateMultiplier ?? 1) & 0x7F));
        }

        if (UserInformationLayer1Protocol is { } layer1)
        {
            octets[n++] = (byte)(0x80 | 0x20 | (layer1 & 0x1F));
        }

        return Q931InformationElement.Create(Q931InformationElementIdentifiers.BearerCapability, octets[..n]);
    }

    private static int SkipGroup(ReadOnlySpan<byte> contents, int i)
    {
        while (i < contents.Length && (contents[i] & 0x80) == 0)
        {
            i++;
        }

        return i + 1;
    }
}
