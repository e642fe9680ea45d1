namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// One via-parm of a Via header (RFC 3261 §20.42, §25.1): the sent-protocol, the sent-by
/// host and port, and the parameters the transaction and transport layers use
/// (branch, received, rport of RFC 3581, maddr, ttl).
/// </summary>
public readonly struct ViaHeader : ISipHeaderValue<ViaHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _protocolName;
    private readonly Range _protocolVersion;
    private readonly Range _transport;
    private readonly Range _host;
    private readonly int _port;
    private readonly int _parametersStart;

    private ViaHeader(ReadOnlyMemory<byte> value, Range protocolName, Range protocolVersion, Range transport, Range host, int port, int parametersStart)
    {
        _value = value;
        _protocolName = protocolName;
        _protocolVersion = protocolVersion;
        _transport = transport;
        _host = host;
        _port = port;
        _parametersStart = parametersStart;
    }

    /// <summary>The via-parm as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The protocol name, "SIP".</summary>
    public Utf8Slice ProtocolName => new(_value[_protocolName]);

    /// <summary>The protocol version, "2.0".</summary>
    public Utf8Slice ProtocolVersion => new(_value[_protocolVersion]);

    /// <summary>The transport token: UDP, TCP, TLS, SCTP, WS, WSS or an extension.</summary>
    public Utf8Slice Transport => new(_value[_transport]);

    /// <summary>The sent-by host: a host name, an IPv4 address or a bracketed IPv6 reference.</summary>
    public Utf8Slice Host => new(_value[_host]);

    /// <summary>The sent-by port, or null when absent (the transport's default applies, §18.2.2).</summary>
    public int? Port => _port < 0 ? null : _port;

    /// <summary>The via-params.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The branch parameter, empty when absent (§8.1.1.7).</summary>
    public Utf8Slice Branch => Get("branch"u8);

    /// <summary>True when the branch starts with the RFC 3261 magic cookie "z9hG4bK" (§8.1.1.7).</summary>
    public bool HasRfc3261Branch => Branch.Span.StartsWith("z9hG4bK"u8);

    /// <summary>The received parameter (§18.2.1), empty when absent.</summary>
    public Utf8Slice Received => Get("received"u8);

    /// <summary>True when an rport parameter is present, with or without a value (RFC 3581 §3).</summary>
    public bool HasRPort => Parameters.Contains("rport"u8);

    /// <summary>The rport value filled in by a server (RFC 3581 §4), or null.</summary>
    public int? RPort => Parameters.TryGetValue("rport"u8, out var value) && SipLexer.TryParseDigits(value.Span, 65535, out var port) ? (int)port : null;

    /// <summary>The maddr parameter, empty when absent.</summary>
    public Utf8Slice MAddr => Get("maddr"u8);

    /// <summary>The ttl parameter (0-255), or null.</summary>
    public int? Ttl => Parameters.TryGetValue("ttl"u8, out var value) && SipLexer.TryParseDigits(value.Span, 255, out var ttl) ? (int)ttl : null;

    private Utf8Slice Get(ReadOnlySpan<byte> name) => Parameters.TryGetValue(name, out var value) ? value : default;

    /// <summary>
    /// Decodes one via-parm: <c>sent-protocol LWS sent-by *( SEMI via-params )</c>, with SWS
    /// allowed around each SLASH (§25.1; RFC 4475 §3.1.1.1 shows it folded across lines).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ViaHeader via)
    {
        via = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var name) || !ReadSlash(span, ref i)) return false;
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var version) || !ReadSlash(span, ref i)) return false;
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var transport)) return false;
        var afterTransport = i;
        i = SipLexer.SkipWhitespace(span, i);
        if (i == afterTransport) return false; // LWS is mandatory before sent-by
        if (!HostPort.TryRead(span, ref i, out var host, out var port)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!ValidateParameters(span, parametersStart)) return false;
        via = new ViaHeader(value, name, version, transport, host, port, parametersStart);
        return true;
    }

    // One pass over *( SEMI via-params ) (§25.1): each is a generic-param, and the ones with a
    // grammar of their own are checked too — ttl 0-255, rport empty or a port, branch a token.
    private static bool ValidateParameters(ReadOnlySpan<byte> span, int i)
    {
        while (true)
        {
            i = SipLexer.SkipWhitespace(span, i);
            if (i == span.Length) return true;
            if (span[i] != (byte)';') return false;
            if (!SipParameters.TryReadParameter(span, i + 1, out var nameRange, out var valueRange, out var hasValue, out i)) return false;
            var name = span[nameRange];
            var value = span[valueRange];
            switch (name.Length)
            {
                case 3 when System.Text.Ascii.EqualsIgnoreCase(name, "ttl"u8):
                    if (!SipLexer.TryParseDigits(value, 255, out _)) return false;
                    break;
                case 5 when System.Text.Ascii.EqualsIgnoreCase(name, "rport"u8):
                    if (hasValue && !SipLexer.TryParseDigits(value, 65535, out _)) return false;
                    break;
                case 6 when System.Text.Ascii.EqualsIgnoreCase(name, "branch"u8):
                    if (!SipLexer.IsToken(value)) return false;
                    break;
            }
        }
    }

    private static bool ReadSlash(ReadOnlySpan<byte> span, ref int i)
    {
        i = SipLexer.SkipWhitespace(span, i);
        if (i >= span.Length || span[i] != (byte)'/') return false;
        i = SipLexer.SkipWhitespace(span, i + 1);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
