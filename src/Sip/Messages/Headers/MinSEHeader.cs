namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Min-SE header (RFC 4028 §5): the smallest session interval, in seconds, that the sender
/// accepts; a 422 response carries it to say why a Session-Expires was too short.
/// </summary>
public readonly struct MinSEHeader : ISipHeaderValue<MinSEHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly int _parametersStart;

    private MinSEHeader(ReadOnlyMemory<byte> value, uint deltaSeconds, int parametersStart)
    {
        _value = value;
        DeltaSeconds = deltaSeconds;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The minimum session interval in seconds.</summary>
    public uint DeltaSeconds { get; }

    /// <summary>The generic parameters (none are defined by RFC 4028).</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>Decodes <c>delta-seconds *(SEMI generic-param)</c> (RFC 4028 §5).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out MinSEHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadDigits(span, ref i, out var digits)) return false;
        if (!TypedHeaderGrammar.TryParseDeltaSeconds(span[digits], out var seconds)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!SipParameters.Validate(span, parametersStart)) return false;
        result = new MinSEHeader(value, seconds, parametersStart);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
