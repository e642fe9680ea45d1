namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// A delta-seconds header value: Expires (RFC 3261 §20.19) or Min-Expires (§20.23), both a
/// plain number of seconds.
/// </summary>
public readonly struct ExpiresValue : ISipHeaderValue<ExpiresValue>
{
    private readonly ReadOnlyMemory<byte> _value;

    private ExpiresValue(ReadOnlyMemory<byte> value, uint seconds)
    {
        _value = value;
        Seconds = seconds;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The number of seconds, 0 to 2**32-1.</summary>
    public uint Seconds { get; }

    /// <summary>
    /// Decodes <c>delta-seconds</c> (§25.1). Values past 2**32-1 are rejected, as RFC 4475
    /// §3.1.2.19 (scalar02) expects of an Expires of 10000000000.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ExpiresValue result)
    {
        result = default;
        var span = value.Span;
        var (start, length) = SipLexer.Trim(span, 0, span.Length);
        if (!TypedHeaderGrammar.TryParseDeltaSeconds(span.Slice(start, length), out var seconds)) return false;
        result = new ExpiresValue(value, seconds);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
