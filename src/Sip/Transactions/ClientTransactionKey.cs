using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.3: a response matches a client transaction when its top Via branch equals the
/// request's and its CSeq method equals the request's method (CANCEL and INVITE share a branch).
/// </summary>
internal readonly record struct ClientTransactionKey(Utf8Slice Branch, SipMethod Method)
{
    /// <summary>The key of a request the layer sent or a response it received; an ACK (sent for a 300-699, §17.1.1.3) belongs to its INVITE.</summary>
    public static ClientTransactionKey For(SipMessage message)
    {
        var method = message.CSeq.Method;
        return new ClientTransactionKey(message.Via.Branch, method == SipMethod.Ack ? SipMethod.Invite : method);
    }
}
