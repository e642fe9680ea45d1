namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Content-Type header (RFC 3261 §20.15, compact form c): a media type and its parameters
/// such as charset or boundary. Type, subtype and parameter names compare case-insensitively
/// (RFC 2045 §5.1).
/// </summary>
public readonly struct ContentTypeHeader : ISipHeaderValue<ContentTypeHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _type;
    private readonly Range _subtype;
    private readonly int _parametersStart;

    private ContentTypeHeader(ReadOnlyMemory<byte> value, Range type, Range subtype, int parametersStart)
    {
        _value = value;
        _type = type;
        _subtype = subtype;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The m-type, e.g. <c>application</c>.</summary>
    public Utf8Slice Type => new(_value[_type]);

    /// <summary>The m-subtype, e.g. <c>sdp</c>.</summary>
    public Utf8Slice Subtype => new(_value[_subtype]);

    /// <summary>The m-parameters, e.g. boundary or charset.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>True when the media type is <paramref name="type"/>/<paramref name="subtype"/>, ignoring case.</summary>
    public bool Is(ReadOnlySpan<byte> type, ReadOnlySpan<byte> subtype) => Type.EqualsIgnoreCase(type) && Subtype.EqualsIgnoreCase(subtype);

    /// <summary>True when the media type is <paramref name="type"/>/<paramref name="subtype"/>, ignoring case.</summary>
    public bool Is(string type, string subtype)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(subtype);
        return Type.EqualsIgnoreCase(type) && Subtype.EqualsIgnoreCase(subtype);
    }

    /// <summary>True for <c>application/sdp</c> (RFC 3264).</summary>
    public bool IsSdp => Is("application"u8, "sdp"u8);

    /// <summary>True for a <c>multipart/*</c> body (RFC 5621).</summary>
    public bool IsMultipart => Type.EqualsIgnoreCase("multipart"u8);

    /// <summary>Finds a parameter by name (case-insensitive) with quotes and escapes removed (allocates).</summary>
    public bool TryGetParameter(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (Parameters.TryGetValue(name, out var raw))
        {
            value = SipLexer.Unquote(raw.Span);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>The charset parameter unquoted, or null when absent.</summary>
    public string? Charset => TryGetParameter("charset", out var value) ? value : null;

    /// <summary>The boundary parameter of a multipart body unquoted, or null when absent (RFC 2046 §5.1.1).</summary>
    public string? Boundary => TryGetParameter("boundary", out var value) ? value : null;

    /// <summary>
    /// Decodes <c>m-type SLASH m-subtype *(SEMI m-parameter)</c> with
    /// <c>m-parameter = m-attribute EQUAL m-value</c> and <c>m-value = token / quoted-string</c>
    /// (RFC 3261 §25.1); SLASH, SEMI and EQUAL allow LWS on both sides.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ContentTypeHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var type)) return false;
        i = SipLexer.SkipWhitespace(span, i);
        if (i == span.Length || span[i] != (byte)'/') return false;
        i = SipLexer.SkipWhitespace(span, i + 1);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var subtype)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        // m-parameter needs a value, and the value is a token or quoted-string, never a host.
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, 0, static (_, _, value, hasValue) =>
                hasValue && (SipLexer.IsToken(value) || TypedHeaderGrammar.IsQuotedString(value))))
        {
            return false;
        }
        result = new ContentTypeHeader(value, type, subtype, parametersStart);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
