using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3: a request with a magic-cookie branch matches a server transaction when the
/// top Via's branch and sent-by equal the creating request's, and its method equals the
/// request's, except that ACK matches INVITE. Sent-by is compared as sent (a retransmission
/// carries the same bytes). CANCEL looks up its INVITE with method INVITE (§9.2).
/// </summary>
internal readonly record struct ServerTransactionKey(Utf8Slice Branch, Utf8Slice SentByHost, int? SentByPort, SipMethod Method)
{
    public static ServerTransactionKey For(SipMessage message, SipMethod method)
    {
        var via = message.Via;
        return new ServerTransactionKey(via.Branch, via.Host, via.Port, method == SipMethod.Ack ? SipMethod.Invite : method);
    }
}
