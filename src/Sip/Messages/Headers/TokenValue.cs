namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// One element of a token list: Allow (methods, RFC 3261 §20.5), Supported, Require,
/// Proxy-Require, Unsupported (option-tags, §20.37, §20.32, §20.29, §20.40) and Allow-Events
/// (event-types, RFC 6665 §8.2.2). Each element is exactly one token.
/// </summary>
public readonly struct TokenValue : ISipHeaderValue<TokenValue>
{
    private readonly ReadOnlyMemory<byte> _token;

    private TokenValue(ReadOnlyMemory<byte> token) => _token = token;

    /// <summary>The token as sent.</summary>
    public Utf8Slice Token => new(_token);

    /// <summary>True when the token equals <paramref name="other"/> ignoring case (tokens are case-insensitive, §7.3.1).</summary>
    public bool EqualsIgnoreCase(ReadOnlySpan<byte> other) => Token.EqualsIgnoreCase(other);

    /// <summary>Decodes one element: a single token with optional surrounding LWS.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out TokenValue result)
    {
        var (start, length) = SipLexer.Trim(value.Span, 0, value.Length);
        var token = value.Slice(start, length);
        if (!SipLexer.IsToken(token.Span))
        {
            result = default;
            return false;
        }
        result = new TokenValue(token);
        return true;
    }

    /// <summary>
    /// True when any line of <paramref name="header"/> lists <paramref name="token"/>, ignoring
    /// case — e.g. whether Supported carries <c>100rel</c> (RFC 3262 §3) or <c>timer</c> (RFC 4028 §3).
    /// Allocates nothing.
    /// </summary>
    public static bool Contains(SipHeaderCollection headers, KnownHeader header, ReadOnlySpan<byte> token)
    {
        foreach (var value in headers.GetValues<TokenValue>(header))
        {
            if (value.EqualsIgnoreCase(token)) return true;
        }
        return false;
    }

    /// <inheritdoc cref="Contains(SipHeaderCollection, KnownHeader, ReadOnlySpan{byte})"/>
    public static bool Contains(SipHeaderCollection headers, KnownHeader header, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        foreach (var value in headers.GetValues<TokenValue>(header))
        {
            if (value.Token.EqualsIgnoreCase(token)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the Allow header lists <paramref name="method"/>. Method names are
    /// case-sensitive (RFC 3261 §7.1), so this compares exactly, unlike <see cref="Contains(SipHeaderCollection, KnownHeader, string)"/>.
    /// </summary>
    public static bool AllowsMethod(SipHeaderCollection headers, SipMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        foreach (var value in headers.GetValues<TokenValue>(KnownHeader.Allow))
        {
            if (value.Token.Equals(method.Utf8Name)) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Token.ToString();
}
