namespace Signalling.H323.Q931;

/// <summary>The Call state information element (Q.931 §4.5.7).</summary>
/// <param name="CodingStandard">The coding standard (bits 8-7).</param>
/// <param name="Value">The call state value (bits 6-1), such as 10 (active, U10/N10).</param>
public readonly record struct Q931CallState(Q931CodingStandard CodingStandard, byte Value)
{
    /// <summary>Decodes the contents of a Call state element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold the state octet.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931CallState value)
    {
        value = default;
        if (contents.IsEmpty)
        {
            return false;
        }

        value = new Q931CallState((Q931CodingStandard)(contents[0] >> 6), (byte)(contents[0] & 0x3F));
        return true;
    }

    /// <summary>Encodes this value as a Call state element.</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToInformationElement() =>
        Q931InformationElement.Create(
            Q931InformationElementIdentifiers.CallState,
            [(byte)((((int)CodingStandard & 0x03) << 6) | (Value & 0x3F))]);
}
