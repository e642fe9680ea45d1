namespace Signalling.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    private readonly Range _reasonPhrase;

    internal SipResponse(ReadOnlyMemory<byte> buffer, int startLineLength, int statusCode, Range reasonPhrase, HeaderEntry[] entries, int bodyStart, int bodyLength)
        : base(buffer, startLineLength, entries, bodyStart, bodyLength)
    {
        StatusCode = statusCode;
        _reasonPhrase = reasonPhrase;
    }

    /// <inheritdoc />
    public override bool IsRequest => false;

    /// <summary>The three-digit status code (100-699).</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (may be empty, RFC 4475 §3.1.1.12).</summary>
    public Utf8Slice ReasonPhrase => new(Buffer[_reasonPhrase]);

    /// <summary>True for 1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
