using Signalling.Sip.Uris;

namespace Signalling.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private readonly Range _requestUri;

    internal SipRequest(ReadOnlyMemory<byte> buffer, int startLineLength, SipMethod method, Range requestUri, HeaderEntry[] entries, int bodyStart, int bodyLength)
        : base(buffer, startLineLength, entries, bodyStart, bodyLength)
    {
        Method = method;
        _requestUri = requestUri;
    }

    /// <inheritdoc />
    public override bool IsRequest => true;

    /// <summary>The method from the Request-Line.</summary>
    public SipMethod Method { get; }

    /// <summary>The Request-URI as sent.</summary>
    public Utf8Slice RequestUriText => new(Buffer[_requestUri]);

    /// <summary>
    /// The Request-URI parsed (allocates); false when its scheme's grammar rejects it. A URI of
    /// an unknown scheme parses as an <see cref="AbsoluteUri"/> (answer 416, §8.2.2.1).
    /// </summary>
    public bool TryGetRequestUri([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AddressUri? uri) =>
        AddressUri.TryParse(RequestUriText.Span, out uri, out _);
}
