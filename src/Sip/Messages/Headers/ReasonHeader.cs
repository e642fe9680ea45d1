namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// One reason-value of a Reason header (RFC 3326 §2): the protocol whose cause it carries
/// (SIP, Q.850 or another token), the cause and a text. Each comma-separated value is one reason.
/// </summary>
public readonly struct ReasonHeader : ISipHeaderValue<ReasonHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _protocol;
    private readonly int _parametersStart;

    private ReasonHeader(ReadOnlyMemory<byte> value, Range protocol, int parametersStart)
    {
        _value = value;
        _protocol = protocol;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The protocol token as sent.</summary>
    public Utf8Slice Protocol => new(_value[_protocol]);

    /// <summary>True when the cause is a SIP status code.</summary>
    public bool IsSip => Protocol.EqualsIgnoreCase("SIP"u8);

    /// <summary>True when the cause is an ITU-T Q.850 cause value.</summary>
    public bool IsQ850 => Protocol.EqualsIgnoreCase("Q.850"u8);

    /// <summary>The reason-params.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The cause parameter, or null when absent.</summary>
    public int? Cause => Parameters.TryGetValue("cause"u8, out var cause) && SipLexer.TryParseDigits(cause.Span, int.MaxValue, out var number)
        ? (int)number
        : null;

    /// <summary>The text parameter as sent (quotes kept), empty when absent.</summary>
    public Utf8Slice TextParameter => Parameters.TryGetValue("text"u8, out var text) ? text : default;

    /// <summary>The text parameter with quotes and escapes removed (allocates), or null when absent.</summary>
    public string? ReasonText => Parameters.TryGetValue("text"u8, out var text) ? SipLexer.Unquote(text.Span) : null;

    /// <summary>
    /// Decodes <c>protocol *(SEMI reason-params)</c> (RFC 3326 §2) with
    /// <c>protocol-cause = "cause" EQUAL 1*DIGIT</c> and <c>reason-text = "text" EQUAL quoted-string</c>.
    /// When the protocol is known the cause must be in its range: a SIP status code 100-699
    /// (RFC 3261 §21) or a Q.850 cause 0-127 (a 7-bit field, ITU-T Q.850 §2.2.5).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ReasonHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var protocol)) return false;
        var name = span[protocol];
        var range = System.Text.Ascii.EqualsIgnoreCase(name, "SIP"u8) ? (Min: 100, Max: 699)
            : System.Text.Ascii.EqualsIgnoreCase(name, "Q.850"u8) ? (Min: 0, Max: 127)
            : (Min: 0, Max: int.MaxValue);
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, range, static (range, name, value, hasValue) =>
            {
                if (TypedHeaderGrammar.NameIs(name, "cause"u8))
                    return hasValue && SipLexer.TryParseDigits(value, range.Max, out var cause) && cause >= range.Min;
                if (TypedHeaderGrammar.NameIs(name, "text"u8))
                    return hasValue && TypedHeaderGrammar.IsQuotedString(value);
                return true;
            }))
        {
            return false;
        }
        result = new ReasonHeader(value, protocol, parametersStart);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
