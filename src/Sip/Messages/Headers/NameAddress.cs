namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// A <c>( name-addr / addr-spec ) *( SEMI param )</c> value (RFC 3261 §20.10, §25.1), as in From,
/// To, Contact, Route, Record-Route, Reply-To, Refer-To and P-Asserted-Identity. The display name,
/// the URI and the header parameters are located in place; the URI is parsed only when asked for.
/// </summary>
public readonly struct NameAddress : ISipHeaderValue<NameAddress>
{
    // Controls, SP, DEL, quotes and angle brackets never appear unescaped in a URI (§25.1).
    private static readonly System.Buffers.SearchValues<byte> NotInUri = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x21).Select(b => (byte)b), (byte)'<', (byte)'>', (byte)'"', 0x7F]);

    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _displayName;
    private readonly Range _uri;
    private readonly int _parametersStart;
    private readonly bool _angleBrackets;

    private NameAddress(ReadOnlyMemory<byte> value, Range displayName, Range uri, int parametersStart, bool angleBrackets)
    {
        _value = value;
        _displayName = displayName;
        _uri = uri;
        _parametersStart = parametersStart;
        _angleBrackets = angleBrackets;
    }

    /// <summary>The whole value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The display name as sent (quotes kept), empty when there is none.</summary>
    public Utf8Slice DisplayNameText => new(_value[_displayName]);

    /// <summary>The display name with quotes and escapes removed, or null when there is none.</summary>
    public string? DisplayName
    {
        get
        {
            var text = _value.Span[_displayName];
            return text.IsEmpty ? null : SipLexer.Unquote(text);
        }
    }

    /// <summary>The URI as sent, without angle brackets.</summary>
    public Utf8Slice UriText => new(_value[_uri]);

    /// <summary>
    /// The URI parsed by its scheme's grammar (allocates); false when that grammar rejects it.
    /// Unknown schemes parse as <see cref="Uris.AbsoluteUri"/>.
    /// </summary>
    public bool TryGetUri([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uris.AddressUri? uri) =>
        Uris.AddressUri.TryParse(_value.Span[_uri], out uri, out _);

    /// <summary>True when the URI was enclosed in angle brackets (name-addr form).</summary>
    public bool IsNameAddr => _angleBrackets;

    /// <summary>The header parameters (after the URI), e.g. tag, expires, q, lr is a URI parameter.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The tag parameter (§19.3), empty when absent.</summary>
    public Utf8Slice Tag => Parameters.TryGetValue("tag"u8, out var tag) ? tag : default;

    /// <summary>
    /// Decodes one value. In the addr-spec form the URI may not contain ',', ';' or '?', so what
    /// follows a ';' is a header parameter (§20.10); a URI with '?' must be in angle brackets
    /// (RFC 4475 §3.1.2.13). Spaces inside the brackets are invalid (RFC 4475 §3.1.2.14), and an
    /// unquoted display name must be tokens (RFC 4475 §3.1.2.15).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out NameAddress address)
    {
        address = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (i == span.Length) return false;
        Range display = default;
        if (span[i] == (byte)'"')
        {
            var end = SipLexer.ScanQuotedString(span, i);
            if (end < 0) return false;
            display = i..end;
            i = SipLexer.SkipWhitespace(span, end);
            if (i == span.Length || span[i] != (byte)'<') return false;
        }
        else if (span[i] != (byte)'<')
        {
            // Either *(token LWS) "<" or an addr-spec, which starts with scheme ":".
            var start = i;
            var lastTokenEnd = i;
            var first = true;
            while (true)
            {
                var end = SipLexer.ScanToken(span, i);
                if (end == i) break;
                if (first && end < span.Length && span[end] == (byte)':')
                {
                    return TryParseAddrSpec(value, start, out address);
                }
                first = false;
                lastTokenEnd = end;
                i = SipLexer.SkipWhitespace(span, end);
            }
            if (i == span.Length || span[i] != (byte)'<') return false;
            display = start..lastTokenEnd;
        }
        var close = span[i..].IndexOf((byte)'>');
        if (close < 0) return false;
        var uri = (i + 1)..(i + close);
        if (!IsPlausibleUri(span[uri], allowHeaders: true)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i + close + 1);
        if (!SipParameters.Validate(span, parametersStart)) return false;
        address = new NameAddress(value, display, uri, parametersStart, angleBrackets: true);
        return true;
    }

    private static bool TryParseAddrSpec(ReadOnlyMemory<byte> value, int start, out NameAddress address)
    {
        address = default;
        var span = value.Span;
        var end = start;
        while (end < span.Length && span[end] != (byte)';' && !SipLexer.IsWhitespace(span[end])) end++;
        if (!IsPlausibleUri(span[start..end], allowHeaders: false)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, end);
        if (!SipParameters.Validate(span, parametersStart)) return false;
        address = new NameAddress(value, default, start..end, parametersStart, angleBrackets: false);
        return true;
    }

    /// <summary>
    /// The cheap syntax check done at parse time: <c>scheme ":" 1*uric</c> with no whitespace,
    /// quotes or angle brackets (§25.1 absoluteURI / SIP-URI). The full URI grammar is applied
    /// when the URI is read.
    /// </summary>
    internal static bool IsPlausibleUri(ReadOnlySpan<byte> uri, bool allowHeaders)
    {
        if (uri.Length < 3 || !char.IsAsciiLetter((char)uri[0])) return false;
        var i = 1;
        while (i < uri.Length && (char.IsAsciiLetterOrDigit((char)uri[i]) || uri[i] is (byte)'+' or (byte)'-' or (byte)'.')) i++;
        if (i == uri.Length || uri[i] != (byte)':' || i + 1 == uri.Length) return false;
        var rest = uri[(i + 1)..];
        if (rest.IndexOfAny(NotInUri) >= 0) return false;
        // '?' may appear unescaped in the user part (§25.1 user-unreserved), so headers are
        // what follows a '?' after the '@' (or anywhere when there is no userinfo).
        var at = rest.IndexOf((byte)'@');
        return allowHeaders || rest[(at + 1)..].IndexOf((byte)'?') < 0;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
