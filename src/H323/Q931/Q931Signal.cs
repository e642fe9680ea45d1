namespace Signalling.H323.Q931;

/// <summary>The Signal information element (Q.931 §4.5.28): which tone or alerting pattern to apply.</summary>
/// <param name="Value">The signal value: 0x00 dial tone on, 0x01 ring back tone on, 0x03 network congestion
/// tone on, 0x04 busy tone on, 0x3F tones off, 0x40-0x47 alerting patterns, 0x4F alerting off.</param>
public readonly record struct Q931Signal(byte Value)
{
    /// <summary>Ring back tone on.</summary>
    public const byte RingBackToneOn = 0x01;

    /// <summary>Decodes the contents of a Signal element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold the signal octet.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931Signal value)
    {
        value = contents.IsEmpty ? default : new Q931Signal(contents[0]);
        return !contents.IsEmpty;
    }

    /// <summary>Encodes this value as a Signal element.</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToInformationElement() =>
        Q931InformationElement.Create(Q931InformationElementIdentifiers.Signal, [Value]);
}
