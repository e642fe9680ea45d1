using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.3, for requests whose branch lacks the magic cookie (RFC 2543 peers): the
/// Request-URI, From tag, Call-ID, CSeq (number and method, ACK counting as INVITE) and top Via
/// must equal the creating request's. The To tag is compared after the lookup, because an ACK
/// carries the tag of the response, not of the INVITE.
/// </summary>
internal readonly record struct Rfc2543TransactionKey(Utf8Slice RequestUri, Utf8Slice FromTag, Utf8Slice CallId, uint CSeqNumber, SipMethod Method, Utf8Slice TopVia)
{
    public static Rfc2543TransactionKey For(SipRequest request, SipMethod method) =>
        new(request.RequestUriText, request.From.Tag, request.CallId, request.CSeq.Number, method == SipMethod.Ack ? SipMethod.Invite : method, request.Via.Text);
}
