namespace Signalling.Sip.Messages;

/// <summary>
/// A rejected message: the reason, the header concerned (if any), and the message as far as it
/// could be located, so that a request can still be answered with 400 when its Via, From, To,
/// Call-ID and CSeq are readable.
/// </summary>
public readonly struct SipParseFailure
{
    internal SipParseFailure(SipParseError reason, KnownHeader header, string detail, SipMessage? partial)
    {
        Reason = reason;
        Header = header;
        Detail = detail;
        Partial = partial;
    }

    /// <summary>Why the message was rejected.</summary>
    public SipParseError Reason { get; }

    /// <summary>The header at fault, or <see cref="KnownHeader.Unknown"/>.</summary>
    public KnownHeader Header { get; }

    /// <summary>A short human-readable explanation, suitable for a log line.</summary>
    public string Detail { get; }

    /// <summary>
    /// The message with its start line and headers located, when the failure came after that
    /// point; its typed accessors may fail for the header at fault.
    /// </summary>
    public SipMessage? Partial { get; }

    /// <summary>The status a UAS or proxy answers a rejected request with.</summary>
    public int StatusCode => Reason switch
    {
        SipParseError.UnsupportedVersion => 505,   // RFC 3261 §21.5.6
        SipParseError.MessageTooLarge => 513,      // RFC 3261 §21.5.7
        _ => 400,
    };

    /// <summary>A reason phrase for the answer, e.g. "Bad Request (invalid CSeq)".</summary>
    public string ReasonPhrase => StatusCode switch
    {
        505 => "Version Not Supported",
        513 => "Message Too Large",
        _ => $"Bad Request ({Detail})",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {Detail}";
}
