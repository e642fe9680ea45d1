namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Retry-After header (RFC 3261 §20.33): how many seconds to wait before retrying, an
/// optional comment and the duration the callee will be reachable for.
/// </summary>
public readonly struct RetryAfterHeader : ISipHeaderValue<RetryAfterHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _comment;
    private readonly int _parametersStart;

    private RetryAfterHeader(ReadOnlyMemory<byte> value, uint deltaSeconds, Range comment, int parametersStart)
    {
        _value = value;
        DeltaSeconds = deltaSeconds;
        _comment = comment;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The number of seconds after which to retry.</summary>
    public uint DeltaSeconds { get; }

    /// <summary>The comment between the outer parentheses as sent (nested comments and escapes kept), empty when absent.</summary>
    public Utf8Slice Comment => new(_value[_comment]);

    /// <summary>The retry-params.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The duration parameter in seconds, or null when absent.</summary>
    public uint? Duration => TypedHeaderGrammar.GetDeltaSeconds(Parameters, "duration"u8);

    /// <summary>
    /// Decodes <c>delta-seconds [ comment ] *( SEMI retry-param )</c> with
    /// <c>retry-param = ("duration" EQUAL delta-seconds) / generic-param</c> (RFC 3261 §25.1);
    /// comments nest and may contain quoted-pairs.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out RetryAfterHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadDigits(span, ref i, out var digits)) return false;
        if (!TypedHeaderGrammar.TryParseDeltaSeconds(span[digits], out var seconds)) return false;
        i = SipLexer.SkipWhitespace(span, i);
        Range comment = default;
        if (i < span.Length && span[i] == (byte)'(')
        {
            var end = ScanComment(span, i);
            if (end < 0) return false;
            comment = (i + 1)..(end - 1);
            i = SipLexer.SkipWhitespace(span, end);
        }
        var parametersStart = i;
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, 0, static (_, name, value, hasValue) =>
                !TypedHeaderGrammar.NameIs(name, "duration"u8) || (hasValue && TypedHeaderGrammar.TryParseDeltaSeconds(value, out var _))))
        {
            return false;
        }
        result = new RetryAfterHeader(value, seconds, comment, parametersStart);
        return true;
    }

    // comment = LPAREN *(ctext / quoted-pair / comment) RPAREN (§25.1). Returns the index past
    // the closing parenthesis, or -1 when unbalanced or when a control character appears.
    private static int ScanComment(ReadOnlySpan<byte> span, int index)
    {
        var depth = 0;
        for (var i = index; i < span.Length; i++)
        {
            var b = span[i];
            switch (b)
            {
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth == 0) return i + 1;
                    break;
                case (byte)'\\':
                    if (i + 1 >= span.Length || span[i + 1] is (byte)'\r' or (byte)'\n') return -1;
                    i++;
                    break;
                default:
                    if (b < 0x20 && !SipLexer.IsWhitespace(b)) return -1;
                    break;
            }
        }
        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
