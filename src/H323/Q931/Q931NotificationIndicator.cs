namespace Signalling.H323.Q931;

/// <summary>The Notification indicator information element (Q.931 §4.5.22).</summary>
/// <param name="Description">The notification description (octet 3, bits 7-1): 0 user suspended,
/// 1 user resumed, 2 bearer service change; Q.932 and H.450 add more.</param>
public readonly record struct Q931NotificationIndicator(byte Description)
{
    /// <summary>Decodes the contents of a Notification indicator element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold octet 3.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931NotificationIndicator value)
    {
        value = contents.IsEmpty ? default : new Q931NotificationIndicator((byte)(contents[0] & 0x7F));
        return !contents.IsEmpty;
    }

    /// <summary>Encodes this value as a Notification indicator element.</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToInformationElement() =>
        Q931InformationElement.Create(Q931InformationElementIdentifiers.NotificationIndicator, [(byte)(0x80 | (Description & 0x7F))]);
}
