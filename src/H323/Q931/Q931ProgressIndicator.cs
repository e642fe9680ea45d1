namespace Signalling.H323.Q931;

/// <summary>The Progress indicator information element (Q.931 §4.5.23).</summary>
/// <param name="CodingStandard">The coding standard (octet 3, bits 7-6).</param>
/// <param name="Location">Where the indication was generated (octet 3, bits 4-1).</param>
/// <param name="Description">The progress description (octet 4, bits 7-1): 1 call is not end-to-end ISDN,
/// 2 destination is non-ISDN, 3 origination is non-ISDN, 8 in-band information is now available.</param>
public readonly record struct Q931ProgressIndicator(Q931CodingStandard CodingStandard, Q931Location Location, byte Description)
{
    /// <summary>Progress description 8: in-band information or an appropriate pattern is now available.</summary>
    public const byte InbandInformationAvailable = 8;

    /// <summary>Decodes the contents of a Progress indicator element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold octets 3 and 4.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931ProgressIndicator value)
    {
        value = default;
        if (contents.Length < 2)
        {
            return false;
        }

        value = new Q931ProgressIndicator(
            (Q931CodingStandard)((contents[0] >> 5) & 0x03),
            (Q931Location)(contents[0] & 0x0F),
            (byte)(contents[1] & 0x7F));
        return true;
    }

    /// <summary>Encodes this value as a Progress indicator element.</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToInformationElement() =>
        Q931InformationElement.Create(
            Q931InformationElementIdentifiers.ProgressIndicator,
            [(byte)(0x80 | (((int)CodingStandard & 0x03) << 5) | ((int)Location & 0x0F)), (byte)(0x80 | (Description & 0x7F))]);
}
