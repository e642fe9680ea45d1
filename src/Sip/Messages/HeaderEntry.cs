namespace Signalling.Sip.Messages;

/// <summary>Where one header line's name and (trimmed) value lie in the message buffer; 16 bytes.</summary>
internal readonly struct HeaderEntry
{
    public HeaderEntry(KnownHeader id, int nameStart, int nameLength, int valueStart, int valueLength)
    {
        NameStart = nameStart;
        ValueStart = valueStart;
        ValueLength = valueLength;
        NameLength = (ushort)nameLength; // a name is shorter than MaxLineLength
        Id = id;
    }

    public int NameStart { get; init; }
    public int ValueStart { get; init; }
    public int ValueLength { get; }
    public ushort NameLength { get; }
    public KnownHeader Id { get; }
}
