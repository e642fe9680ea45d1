namespace Signalling.Sip.Transactions;

/// <summary>The states of the INVITE client transaction (RFC 3261 §17.1.1, Figure 5 as replaced by RFC 6026 §7.2).</summary>
public enum ClientInviteState
{
    /// <summary>The INVITE was sent; Timer A retransmits it (unreliable transports), Timer B bounds the wait.</summary>
    Calling,

    /// <summary>A provisional response came; no more retransmissions.</summary>
    Proceeding,

    /// <summary>RFC 6026: a 2xx came; later 2xx (retransmissions, forks) go to the TU until Timer M fires.</summary>
    Accepted,

    /// <summary>A 300-699 came and was acknowledged; Timer D absorbs its retransmissions.</summary>
    Completed,

    /// <summary>Done; the transaction has left the index.</summary>
    Terminated,
}
