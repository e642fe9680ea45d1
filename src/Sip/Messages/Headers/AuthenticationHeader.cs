using System.Diagnostics.CodeAnalysis;

namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// A challenge or credentials: the value of WWW-Authenticate, Proxy-Authenticate (RFC 3261
/// §20.44, §20.27) or Authorization, Proxy-Authorization (§20.7, §20.28). It is an auth-scheme
/// followed by comma-separated auth-params (§25.1); for the Digest scheme the parameters of
/// §22.4 / RFC 7616 §3.3-3.4 are checked and typed (RFC 8760 adds SHA-256 and SHA-512-256 as
/// algorithm tokens, so algorithms are kept as tokens). Values are slices of the message;
/// the unquoting accessors allocate.
/// </summary>
public readonly struct AuthenticationHeader : ISipHeaderValue<AuthenticationHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _scheme;
    private readonly int _parametersStart;
    private readonly bool _hasAuthParameters;

    private AuthenticationHeader(ReadOnlyMemory<byte> value, Range scheme, int parametersStart, bool hasAuthParameters)
    {
        _value = value;
        _scheme = scheme;
        _parametersStart = parametersStart;
        _hasAuthParameters = hasAuthParameters;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The auth-scheme as sent, e.g. <c>Digest</c>.</summary>
    public Utf8Slice Scheme => new(_value[_scheme]);

    /// <summary>True for the Digest scheme (scheme names are case-insensitive, RFC 7235 §2.1).</summary>
    public bool IsDigest => Scheme.EqualsIgnoreCase("Digest"u8);

    /// <summary>Everything after the scheme as sent: the auth-params, or a non-Digest scheme's own syntax.</summary>
    public Utf8Slice ParametersText => new(_value[_parametersStart..]);

    /// <summary>
    /// True when the text after the scheme is a list of auth-params (always for Digest). A
    /// non-Digest scheme with some other syntax (e.g. a token68) is accepted with this false,
    /// and its text is only available as <see cref="ParametersText"/>.
    /// </summary>
    public bool HasAuthParameters => _hasAuthParameters;

    /// <summary>Enumerates the auth-params in order (values as sent, quotes kept).</summary>
    public ParameterEnumerator Parameters => new(_hasAuthParameters ? _value[_parametersStart..] : default);

    /// <summary>The realm with quotes removed, or null when absent.</summary>
    public string? Realm => GetUnquoted("realm"u8);

    /// <summary>The realm as sent (quotes kept), empty when absent.</summary>
    public Utf8Slice RealmText => GetRaw("realm"u8);

    /// <summary>The nonce with quotes removed, or null when absent.</summary>
    public string? Nonce => GetUnquoted("nonce"u8);

    /// <summary>The nonce as sent, empty when absent.</summary>
    public Utf8Slice NonceText => GetRaw("nonce"u8);

    /// <summary>The opaque value with quotes removed, or null when absent.</summary>
    public string? Opaque => GetUnquoted("opaque"u8);

    /// <summary>The opaque value as sent, empty when absent.</summary>
    public Utf8Slice OpaqueText => GetRaw("opaque"u8);

    /// <summary>The domain of a challenge, space-separated URIs with quotes removed, or null when absent.</summary>
    public string? Domain => GetUnquoted("domain"u8);

    /// <summary>The domain as sent, empty when absent.</summary>
    public Utf8Slice DomainText => GetRaw("domain"u8);

    /// <summary>The username of credentials with quotes removed, or null when absent.</summary>
    public string? Username => GetUnquoted("username"u8);

    /// <summary>The username as sent, empty when absent.</summary>
    public Utf8Slice UsernameText => GetRaw("username"u8);

    /// <summary>The digest-uri of credentials with quotes removed, or null when absent.</summary>
    public string? Uri => GetUnquoted("uri"u8);

    /// <summary>The digest-uri as sent, empty when absent.</summary>
    public Utf8Slice UriText => GetRaw("uri"u8);

    /// <summary>The request-digest (lower-case hex) with quotes removed, or null when absent.</summary>
    public string? Response => GetUnquoted("response"u8);

    /// <summary>The request-digest as sent, empty when absent.</summary>
    public Utf8Slice ResponseText => GetRaw("response"u8);

    /// <summary>The client nonce with quotes removed, or null when absent.</summary>
    public string? CNonce => GetUnquoted("cnonce"u8);

    /// <summary>The client nonce as sent, empty when absent.</summary>
    public Utf8Slice CNonceText => GetRaw("cnonce"u8);

    /// <summary>
    /// The algorithm token (MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256,
    /// SHA-512-256-sess per RFC 7616 §6.1 and RFC 8760 §2.2, or another token); empty when
    /// absent, which means MD5 (RFC 3261 §22.4).
    /// </summary>
    public Utf8Slice Algorithm => GetRaw("algorithm"u8);

    /// <summary>True when the algorithm is a session variant (<c>-sess</c>, RFC 7616 §3.4.2).</summary>
    public bool IsSessionAlgorithm
    {
        get
        {
            var algorithm = Algorithm.Span;
            return algorithm.Length > 5 && System.Text.Ascii.EqualsIgnoreCase(algorithm[^5..], "-sess"u8);
        }
    }

    /// <summary>
    /// The qop values: the options of a challenge (a quoted comma list) or the one chosen in
    /// credentials (a token). Empty when absent.
    /// </summary>
    public QopEnumerator Qop => new(GetRaw("qop"u8).Memory);

    /// <summary>The qop parameter as sent, empty when absent.</summary>
    public Utf8Slice QopText => GetRaw("qop"u8);

    /// <summary>True when qop lists <paramref name="qop"/> (e.g. <c>auth</c>), ignoring case.</summary>
    public bool HasQop(ReadOnlySpan<byte> qop)
    {
        foreach (var value in Qop)
        {
            if (value.EqualsIgnoreCase(qop)) return true;
        }
        return false;
    }

    /// <summary>The stale flag of a challenge (§22.4: retry with the new nonce), or null when absent.</summary>
    public bool? Stale => GetBoolean("stale"u8);

    /// <summary>The userhash flag (RFC 7616 §3.4.4), or null when absent.</summary>
    public bool? UserHash => GetBoolean("userhash"u8);

    /// <summary>The nonce count of credentials (8 LHEX, RFC 7616 §3.4), or null when absent.</summary>
    public uint? NonceCount =>
        TryGetParameter("nc"u8, out var nc) && uint.TryParse(nc.Span, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var count)
            ? count
            : null;

    /// <summary>Finds an auth-param by name (case-insensitive); the value is as sent, quotes kept.</summary>
    public bool TryGetParameter(ReadOnlySpan<byte> name, out Utf8Slice value)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name.EqualsIgnoreCase(name))
            {
                value = parameter.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Finds an auth-param by name (case-insensitive), with quotes and escapes removed (allocates).</summary>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        value = null;
        Span<byte> buffer = name.Length <= 128 ? stackalloc byte[name.Length] : new byte[name.Length];
        if (System.Text.Ascii.FromUtf16(name, buffer, out _) != System.Buffers.OperationStatus.Done) return false;
        if (!TryGetParameter(buffer, out var raw)) return false;
        value = SipLexer.Unquote(raw.Span);
        return true;
    }

    private Utf8Slice GetRaw(ReadOnlySpan<byte> name) => TryGetParameter(name, out var value) ? value : default;

    private string? GetUnquoted(ReadOnlySpan<byte> name) => TryGetParameter(name, out var value) ? SipLexer.Unquote(value.Span) : null;

    private bool? GetBoolean(ReadOnlySpan<byte> name) =>
        TryGetParameter(name, out var value) ? value.EqualsIgnoreCase("true"u8) : null;

    /// <summary>
    /// Decodes <c>auth-scheme LWS auth-param *(COMMA auth-param)</c> with
    /// <c>auth-param = token EQUAL ( token / quoted-string )</c> (RFC 3261 §25.1). A parameter
    /// name may appear only once (RFC 7235 §2.2 via RFC 7616 §3.3). For Digest, each parameter
    /// §25.1 defines must have its form: realm, nonce, opaque, domain, username, uri and cnonce
    /// quoted; response quoted LHEX; algorithm a token; qop a token or a quoted token list;
    /// stale and userhash true/false; nc 8 LHEX. Other schemes (RFC 4475 §3.3.1 regaut01 uses
    /// one) are accepted with any text after the scheme.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out AuthenticationHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var scheme)) return false;
        var afterScheme = i;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        var isDigest = System.Text.Ascii.EqualsIgnoreCase(span[scheme], "Digest"u8);
        if (parametersStart == span.Length)
        {
            // A bare scheme carries nothing to authenticate with; Digest needs its parameters.
            if (isDigest) return false;
            result = new AuthenticationHeader(value, scheme, parametersStart, hasAuthParameters: false);
            return true;
        }
        if (parametersStart == afterScheme) return false; // LWS is mandatory after the scheme
        var hasAuthParameters = ValidateAuthParameters(span, parametersStart, isDigest);
        if (isDigest && !hasAuthParameters) return false;
        result = new AuthenticationHeader(value, scheme, parametersStart, hasAuthParameters);
        return true;
    }

    private static bool ValidateAuthParameters(ReadOnlySpan<byte> span, int start, bool isDigest)
    {
        var i = start;
        while (i < span.Length)
        {
            var parameterStart = i;
            if (!ReadAuthParameter(span, i, out var name, out var value, out i)) return false;
            if (isDigest && !IsValidDigestParameter(span[name], span[value])) return false;
            // Duplicates (RFC 7235 §2.2): compare with every earlier name. Lists are short, and
            // the quadratic cost on a hostile header is bounded by the message size limit.
            var j = start;
            while (j < parameterStart)
            {
                ReadAuthParameter(span, j, out var earlier, out _, out j);
                if (System.Text.Ascii.EqualsIgnoreCase(span[earlier], span[name])) return false;
            }
        }
        return true;
    }

    // The forms RFC 3261 §25.1 gives the Digest parameters, with RFC 7616 §3.4's userhash.
    private static bool IsValidDigestParameter(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (NameIsAny(name, "realm"u8, "nonce"u8, "opaque"u8, "domain"u8) || NameIsAny(name, "username"u8, "uri"u8, "cnonce"u8))
            return TypedHeaderGrammar.IsQuotedString(value);
        if (TypedHeaderGrammar.NameIs(name, "response"u8))
            return TypedHeaderGrammar.IsQuotedString(value) && value.Length > 2 && TypedHeaderGrammar.IsLowerHex(value[1..^1]);
        if (TypedHeaderGrammar.NameIs(name, "algorithm"u8))
            return SipLexer.IsToken(value);
        if (TypedHeaderGrammar.NameIs(name, "stale"u8) || TypedHeaderGrammar.NameIs(name, "userhash"u8))
            return System.Text.Ascii.EqualsIgnoreCase(value, "true"u8) || System.Text.Ascii.EqualsIgnoreCase(value, "false"u8);
        if (TypedHeaderGrammar.NameIs(name, "nc"u8))
            return value.Length == 8 && TypedHeaderGrammar.IsLowerHex(value);
        if (TypedHeaderGrammar.NameIs(name, "qop"u8))
            return SipLexer.IsToken(value) || IsQuotedTokenList(value);
        return true;
    }

    private static bool NameIsAny(ReadOnlySpan<byte> name, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d = default) =>
        TypedHeaderGrammar.NameIs(name, a) || TypedHeaderGrammar.NameIs(name, b) || TypedHeaderGrammar.NameIs(name, c) || (!d.IsEmpty && TypedHeaderGrammar.NameIs(name, d));

    // qop-options = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT (§25.1); RFC 7616
    // §3.9.1 writes "auth, auth-int", so LWS around the commas is allowed.
    private static bool IsQuotedTokenList(ReadOnlySpan<byte> value)
    {
        if (!TypedHeaderGrammar.IsQuotedString(value)) return false;
        var inner = value[1..^1];
        while (true)
        {
            var comma = inner.IndexOf((byte)',');
            var element = comma < 0 ? inner : inner[..comma];
            var (start, length) = SipLexer.Trim(element, 0, element.Length);
            if (!SipLexer.IsToken(element.Slice(start, length))) return false;
            if (comma < 0) return true;
            inner = inner[(comma + 1)..];
        }
    }

    /// <summary>
    /// Reads one <c>token EQUAL ( token / quoted-string )</c> and the COMMA after it (§25.1).
    /// <paramref name="next"/> is the index after the comma, or the end. A trailing comma fails.
    /// </summary>
    private static bool ReadAuthParameter(ReadOnlySpan<byte> span, int index, out Range name, out Range value, out int next)
    {
        value = default;
        next = span.Length;
        var i = SipLexer.SkipWhitespace(span, index);
        var nameEnd = SipLexer.ScanToken(span, i);
        name = i..nameEnd;
        if (nameEnd == i) return false;
        i = SipLexer.SkipWhitespace(span, nameEnd);
        if (i == span.Length || span[i] != (byte)'=') return false;
        i = SipLexer.SkipWhitespace(span, i + 1);
        var valueStart = i;
        if (i < span.Length && span[i] == (byte)'"')
        {
            i = SipLexer.ScanQuotedString(span, i);
            if (i < 0) return false;
        }
        else
        {
            i = SipLexer.ScanToken(span, i);
            if (i == valueStart) return false;
        }
        value = valueStart..i;
        i = SipLexer.SkipWhitespace(span, i);
        if (i == span.Length) return true;
        if (span[i] != (byte)',') return false;
        i++;
        if (SipLexer.SkipWhitespace(span, i) == span.Length) return false;
        next = i;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();

    /// <summary>Enumerates auth-params without allocating.</summary>
    public struct ParameterEnumerator
    {
        private readonly ReadOnlyMemory<byte> _text;
        private int _index;

        internal ParameterEnumerator(ReadOnlyMemory<byte> text)
        {
            _text = text;
            _index = 0;
            Current = default;
        }

        /// <summary>The current parameter; its value is as sent, quotes kept.</summary>
        public SipParameter Current { get; private set; }

        /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
        public readonly ParameterEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next parameter.</summary>
        public bool MoveNext()
        {
            var span = _text.Span;
            if (_index >= span.Length || !ReadAuthParameter(span, _index, out var name, out var value, out var next)) return false;
            Current = new SipParameter(new Utf8Slice(_text[name]), new Utf8Slice(_text[value]), true);
            _index = next;
            return true;
        }
    }

    /// <summary>Enumerates qop values without allocating.</summary>
    public struct QopEnumerator
    {
        private readonly ReadOnlyMemory<byte> _inner;
        private int _index;

        internal QopEnumerator(ReadOnlyMemory<byte> raw)
        {
            var span = raw.Span;
            _inner = span.Length >= 2 && span[0] == (byte)'"' ? raw[1..^1] : raw;
            _index = 0;
            Current = default;
        }

        /// <summary>The current qop value.</summary>
        public Utf8Slice Current { get; private set; }

        /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
        public readonly QopEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next qop value.</summary>
        public bool MoveNext()
        {
            var span = _inner.Span;
            if (_index > span.Length || span.IsEmpty) return false;
            var comma = span[_index..].IndexOf((byte)',');
            var end = comma < 0 ? span.Length : _index + comma;
            var (start, length) = SipLexer.Trim(span, _index, end);
            Current = new Utf8Slice(_inner.Slice(start, length));
            _index = end + 1;
            return true;
        }
    }
}
