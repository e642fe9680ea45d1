namespace Signalling.Sip.Transactions;

/// <summary>The states of the non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8).</summary>
public enum ServerNonInviteState
{
    /// <summary>The request was passed to the TU; nothing sent yet.</summary>
    Trying,

    /// <summary>A provisional response was sent.</summary>
    Proceeding,

    /// <summary>A final response was sent; Timer J waits out request retransmissions.</summary>
    Completed,

    /// <summary>Done; the transaction has left the index.</summary>
    Terminated,
}
