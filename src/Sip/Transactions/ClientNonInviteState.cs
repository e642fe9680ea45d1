namespace Signalling.Sip.Transactions;

/// <summary>The states of the non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6).</summary>
public enum ClientNonInviteState
{
    /// <summary>The request was sent; Timer E retransmits it (unreliable transports).</summary>
    Trying,

    /// <summary>A provisional response came; Timer E retransmits every T2.</summary>
    Proceeding,

    /// <summary>A final response came; Timer K waits out response retransmissions.</summary>
    Completed,

    /// <summary>Done; the transaction has left the index.</summary>
    Terminated,
}
