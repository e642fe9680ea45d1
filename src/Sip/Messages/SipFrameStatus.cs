namespace Signalling.Sip.Messages;

/// <summary>What <see cref="SipStreamFramer.TryReadFrame"/> found at the head of a stream buffer.</summary>
public enum SipFrameStatus
{
    /// <summary>More bytes are needed; nothing was consumed.</summary>
    NeedMoreData,
    /// <summary>A complete message was sliced off the buffer.</summary>
    Message,
    /// <summary>A keep-alive ping, CRLF CRLF (RFC 5626 §4.4.1), was consumed; answer it with a pong.</summary>
    KeepAlivePing,
    /// <summary>A keep-alive pong, a single CRLF (RFC 5626 §4.4.1), was consumed.</summary>
    KeepAlivePong,
    /// <summary>The stream cannot be framed (no Content-Length, a message over the size limit); close it.</summary>
    Error,
}
