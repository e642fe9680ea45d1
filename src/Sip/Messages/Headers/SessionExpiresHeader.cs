namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Session-Expires header (RFC 4028 §4, compact form x): the session interval in seconds
/// and which side refreshes the session.
/// </summary>
public readonly struct SessionExpiresHeader : ISipHeaderValue<SessionExpiresHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly int _parametersStart;

    private SessionExpiresHeader(ReadOnlyMemory<byte> value, uint deltaSeconds, int parametersStart)
    {
        _value = value;
        DeltaSeconds = deltaSeconds;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The session interval in seconds.</summary>
    public uint DeltaSeconds { get; }

    /// <summary>The se-params, including refresher.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The refresher parameter, or null when absent (the 2xx then decides, RFC 4028 §7.2, §9).</summary>
    public SessionRefresher? Refresher =>
        Parameters.TryGetValue("refresher"u8, out var value) ? ParseRefresher(value.Span) : null;

    /// <summary>
    /// Decodes <c>delta-seconds *(SEMI se-params)</c> with
    /// <c>refresher-param = "refresher" EQUAL ("uas" / "uac")</c> (RFC 4028 §4). Values below
    /// the 90 s minimum are accepted here: answering them with 422 is the session layer's job (§8.1).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SessionExpiresHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadDigits(span, ref i, out var digits)) return false;
        if (!TypedHeaderGrammar.TryParseDeltaSeconds(span[digits], out var seconds)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, 0, static (_, name, value, hasValue) =>
                !TypedHeaderGrammar.NameIs(name, "refresher"u8) || (hasValue && ParseRefresher(value) is not null)))
        {
            return false;
        }
        result = new SessionExpiresHeader(value, seconds, parametersStart);
        return true;
    }

    // ABNF string literals are case-insensitive (RFC 5234 §2.3), so "UAC" is uac.
    private static SessionRefresher? ParseRefresher(ReadOnlySpan<byte> value) =>
        System.Text.Ascii.EqualsIgnoreCase(value, "uac"u8) ? SessionRefresher.Uac
        : System.Text.Ascii.EqualsIgnoreCase(value, "uas"u8) ? SessionRefresher.Uas
        : null;

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
