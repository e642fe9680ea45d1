namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The RSeq header of a reliable provisional response (RFC 3262 §7.1): the response's sequence
/// number, which the PRACK echoes in RAck.
/// </summary>
public readonly struct RSeqHeader : ISipHeaderValue<RSeqHeader>
{
    /// <summary>The largest response number (RFC 3262 §3: it must be below 2**31).</summary>
    public const uint MaxNumber = int.MaxValue;

    private readonly ReadOnlyMemory<byte> _value;

    private RSeqHeader(ReadOnlyMemory<byte> value, uint number)
    {
        _value = value;
        Number = number;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The response number, 1 to 2**31-1.</summary>
    public uint Number { get; }

    /// <summary>
    /// Decodes <c>response-num = 1*DIGIT</c> (RFC 3262 §7.1). Zero is rejected: §3 draws the
    /// initial value from 1 to 2**31-1, and a later one only counts up from there.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out RSeqHeader result)
    {
        result = default;
        var span = value.Span;
        var (start, length) = SipLexer.Trim(span, 0, span.Length);
        if (!SipLexer.TryParseDigits(span.Slice(start, length), MaxNumber, out var number) || number == 0) return false;
        result = new RSeqHeader(value, (uint)number);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
