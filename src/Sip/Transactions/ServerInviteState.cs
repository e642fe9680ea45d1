namespace Signalling.Sip.Transactions;

/// <summary>The states of the INVITE server transaction (RFC 3261 §17.2.1, Figure 7 as replaced by RFC 6026 §7.1).</summary>
public enum ServerInviteState
{
    /// <summary>The INVITE was passed to the TU; provisional responses are sent.</summary>
    Proceeding,

    /// <summary>A 300-699 was sent; Timer G retransmits it until the ACK comes or Timer H fires.</summary>
    Completed,

    /// <summary>The ACK for the 300-699 came; Timer I absorbs ACK retransmissions.</summary>
    Confirmed,

    /// <summary>RFC 6026: a 2xx was sent; INVITE retransmissions are absorbed and the TU's 2xx retransmissions sent until Timer L fires.</summary>
    Accepted,

    /// <summary>Done; the transaction has left the index.</summary>
    Terminated,
}
