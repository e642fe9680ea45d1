namespace Signalling.H323.Q931;

/// <summary>
/// The Cause information element (Q.931 §4.5.12, coded as in Q.850 §2): coding standard, location, optional
/// recommendation, cause value and diagnostics.
/// </summary>
/// <param name="CodingStandard">The coding standard (octet 3, bits 7-6).</param>
/// <param name="Location">Where the cause was generated (octet 3, bits 4-1).</param>
/// <param name="Value">The Q.850 cause value (octet 4, bits 7-1), such as 16 (normal call clearing).</param>
/// <param name="Recommendation">The recommendation octet 3a (bits 7-1), when present.</param>
/// <param name="Diagnostics">The diagnostic octets (octet 5 onwards), possibly empty.</param>
public readonly record struct Q931Cause(
    Q931CodingStandard CodingStandard,
    Q931Location Location,
    byte Value,
    byte? Recommendation = null,
    ReadOnlyMemory<byte> Diagnostics = default)
{
    /// <summary>Normal call clearing (Q.850 cause 16).</summary>
    public const byte NormalCallClearing = 16;

    /// <summary>Decodes the contents of a Cause element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value; its diagnostics are a copy.</param>
    /// <returns>Whether the contents hold at least octets 3 and 4.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931Cause value)
    {
        value = default;
        if (contents.Length < 2)
        {
            return false;
        }

        var octet3 = contents[0];
        var i = 1;
        byte? recommendation = null;
        // Q.850 §2.2: bit 8 of octet 3 is 0 when octet 3a (recommendation) follows.
        if ((octet3 & 0x80) == 0)
        {
            recommendation = (byte)(contents[1] & 0x7F);
            i = 2;
            if (contents.Length < 3)
            {
                return false;
            }
        }

        value = new Q931Cause(
            (Q931CodingStandard)((octet3 >> 5) & 0x03),
            (Q931Location)(octet3 & 0x0F),
            (byte)(contents[i] & 0x7F),
            recommendation,
            contents[(i + 1)..].ToArray());
        return true;
    }

    /// <summary>Encodes this value as a Cause element.</summary>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The diagnostics are too long for the element.</exception>
    public Q931InformationElement ToInformationElement()
    {
        var head = Recommendation.HasValue ? 3 : 2;
        if (head + Diagnostics.Length > Q931InformationElement.MaxContentsLength)
        {
            throw new ArgumentException("The diagnostics are too long for a Cause element.");
        }

        Span<byte> octets = stackalloc byte[head + Diagnostics.Length];
        var standard = ((int)CodingStandard & 0x03) << 5;
        var location = (int)Location & 0x0F;
        if (Recommendation is { } recommendation)
        {
            octets[0] = (byte)(standard | location);
            octets[1] = (byte)(0x80 | (recommendation & 0x7F));
        }
        else
        {
            octets[0] = (byte)(0x80 | standard | location);
        }

        octets[head - 1] = (byte)(0x80 | (Value & 0x7F));
        Diagnostics.Span.CopyTo(octets[head..]);
        return Q931InformationElement.Create(Q931InformationElementIdentifiers.Cause, octets);
    }
}
