using System.Buffers;
using System.Globalization;

namespace Signalling.Sip.Messages;

/// <summary>
/// Builds requests. <see cref="Create"/> fills in what RFC 3261 §8.1.1 requires of a new
/// request outside a dialog (Call-ID, From tag, CSeq, Max-Forwards); the Via is added by the
/// transport layer, which knows the sent-by address, or with <see cref="AddVia"/>.
/// </summary>
public sealed class SipRequestBuilder : SipMessageBuilder<SipRequestBuilder>
{
    /// <summary>Starts a request with only a Request-Line.</summary>
    public SipRequestBuilder(SipMethod method, string requestUri)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(requestUri);
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The method.</summary>
    public SipMethod Method { get; }

    /// <summary>The Request-URI.</summary>
    public string RequestUri { get; set; }

    /// <summary>
    /// A new request outside a dialog (§8.1.1): To and From as given (From gets a fresh tag),
    /// a fresh Call-ID, CSeq <paramref name="cseq"/> with the method, Max-Forwards 70.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="requestUri">The Request-URI (usually the To URI, §8.1.1.1).</param>
    /// <param name="from">The From value without tag, e.g. <c>"Alice" &lt;sip:alice@atlanta.com&gt;</c>.</param>
    /// <param name="to">The To value, e.g. <c>&lt;sip:bob@biloxi.com&gt;</c>.</param>
    /// <param name="cseq">The initial sequence number.</param>
    public static SipRequestBuilder Create(SipMethod method, string requestUri, string from, string to, uint cseq = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        return new SipRequestBuilder(method, requestUri)
            .AddHeader(KnownHeader.MaxForwards, "70")
            .AddHeader(KnownHeader.To, to)
            .AddHeader(KnownHeader.From, $"{from};tag={SipIdentifiers.NewTag()}")
            .AddHeader(KnownHeader.CallId, SipIdentifiers.NewCallId())
            .AddHeader(KnownHeader.CSeq, string.Create(CultureInfo.InvariantCulture, $"{cseq} {method.Name}"));
    }

    /// <summary>Starts from a received request, e.g. for a proxy to forward it (§16.6); Content-Length is recomputed.</summary>
    public static SipRequestBuilder From(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new SipRequestBuilder(request.Method, request.RequestUriText.ToString());
        builder.CopyFrom(request);
        return builder;
    }

    /// <summary>
    /// Puts a Via on top (§8.1.1.7, §18.1.1): <c>SIP/2.0/{transport} {sentBy};branch={branch}</c>,
    /// with a fresh branch when none is given and <c>;rport</c> (RFC 3581) when asked.
    /// </summary>
    public SipRequestBuilder AddVia(string transport, string sentBy, string? branch = null, bool rport = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(transport);
        ArgumentException.ThrowIfNullOrEmpty(sentBy);
        var value = $"SIP/2.0/{transport.ToUpperInvariant()} {sentBy};branch={branch ?? SipIdentifiers.NewBranch()}{(rport ? ";rport" : "")}";
        return PrependHeader(KnownHeader.Via, value);
    }

    /// <summary>Writes the message and parses it back; throws <see cref="InvalidOperationException"/> when it is not valid SIP (e.g. no Via yet).</summary>
    public SipRequest Build() => (SipRequest)BuildMessage();

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        writer.Write(Method.Utf8Name);
        writer.Write(" "u8);
        WriteAscii(writer, RequestUri);
        writer.Write(" SIP/2.0"u8);
    }
}
