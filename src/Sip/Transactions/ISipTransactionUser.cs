using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// The transaction user (TU, RFC 3261 §17): the UA core, proxy core or dialog layer above the
/// transaction layer. Calls come from transport threads and timer callbacks, never while a
/// transaction's lock is held, so the TU may answer at once from inside a callback (e.g. call
/// <see cref="SipServerTransaction.SendResponse"/>). Callbacks must not block.
/// </summary>
public interface ISipTransactionUser
{
    /// <summary>
    /// A new request (not ACK, not CANCEL) and the server transaction created for it
    /// (§17.2.1, §17.2.2: "pass to TU"). The TU answers through the transaction.
    /// </summary>
    void OnRequest(SipServerTransaction transaction);

    /// <summary>
    /// A CANCEL (§9.2), with its own server transaction (the TU answers it, usually 200) and
    /// the INVITE server transaction it matches, or null when none matches (answer 481).
    /// </summary>
    void OnCancel(ServerNonInviteTransaction cancelTransaction, ServerInviteTransaction? inviteTransaction);

    /// <summary>
    /// An ACK that is not part of a transaction: the ACK for a 2xx (§17.1.1.2, §13.3.1.4).
    /// <paramref name="inviteTransaction"/> is the INVITE server transaction in the Accepted state
    /// that it matched (RFC 6026 §7.1), or null when it matched none, as an ACK for a 2xx usually
    /// does since it carries a branch of its own (§13.2.2.4).
    /// </summary>
    void OnAck(SipRequest ack, SipHop source, ServerInviteTransaction? inviteTransaction);

    /// <summary>
    /// A response for a client transaction, as the figures pass it "to TU": provisional
    /// responses and the final one; for INVITE also every 2xx retransmission in the Accepted
    /// state (RFC 6026 §7.2), for which the TU sends the ACK.
    /// </summary>
    void OnResponse(SipClientTransaction transaction, SipResponse response);

    /// <summary>
    /// A response that matches no client transaction (§17.1.3). A UA core passes stray 2xx to
    /// INVITE to its dialogs (§13.2.2.4, RFC 6026 §7.2); anything else is usually dropped.
    /// </summary>
    void OnStrayResponse(SipResponse response, SipHop source);

    /// <summary>
    /// A transaction timed out: Timer B (§17.1.1.2) or F (§17.1.2.2) for a client transaction,
    /// which the TU treats as a 408; Timer H (§17.2.1) for a server INVITE transaction whose ACK
    /// never came.
    /// </summary>
    void OnTimeout(SipTransaction transaction);

    /// <summary>The transport failed to send one of the transaction's messages (§17.1.4, §17.2.4).</summary>
    void OnTransportError(SipTransaction transaction);

    /// <summary>The transaction reached the Terminated state and left the layer's index.</summary>
    void OnTerminated(SipTransaction transaction);
}
