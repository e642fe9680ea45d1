namespace Signalling.H323.Tpkt;

/// <summary>What <see cref="TpktFramer.TryReadPacket(ref System.Buffers.ReadOnlySequence{byte}, TpktOptions, out System.Buffers.ReadOnlySequence{byte})"/> found at the start of the buffer.</summary>
public enum TpktReadStatus
{
    /// <summary>The buffer does not yet hold a whole packet; nothing was consumed. Read more and call again.</summary>
    NeedMoreData = 0,

    /// <summary>A packet with a non-empty payload was framed and consumed from the buffer.</summary>
    Packet,

    /// <summary>A 4-octet TPKT with an empty payload was consumed. RFC 1006 §6 allows it (the length counts
    /// only the header); H.323 endpoints send it to keep an idle connection open. It carries no message.</summary>
    KeepAlive,

    /// <summary>The header is invalid; nothing was consumed. The stream can no longer be framed and the
    /// connection should be closed.</summary>
    Error,
}
