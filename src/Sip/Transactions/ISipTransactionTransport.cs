using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// What the transaction layer needs from a transport (RFC 3261 §18): a way to put a message on
/// the wire and to know whether a destination is reliable. Inbound messages and failures flow
/// the other way, through <see cref="ISipTransportReceiver"/>.
/// </summary>
/// <remarks>
/// A state machine calls <see cref="Send"/> while it holds its transaction's lock, so the call
/// must only queue the write: it must not block on I/O, must not await, and must not call back
/// into the transaction layer synchronously. A write that fails later is reported with
/// <see cref="ISipTransportReceiver.OnTransportError"/> (RFC 3261 §17.1.4, §17.2.4).
/// </remarks>
public interface ISipTransactionTransport
{
    /// <summary>
    /// Queues <paramref name="message"/> for sending to <paramref name="destination"/> and
    /// returns at once. A server transaction's responses are sent to the hop its request came
    /// from (including its connection, §18.2.2); a client transaction's requests to the hop its
    /// TU chose (§8.1.2, RFC 3263).
    /// </summary>
    void Send(SipMessage message, SipHop destination);

    /// <summary>
    /// True when the transport towards <paramref name="destination"/> is reliable (TCP, TLS,
    /// SCTP, WS, WSS). The transaction layer then neither retransmits requests or responses nor
    /// waits out retransmissions: Timers A, E and G are off and D, I, J, K are zero (§17).
    /// </summary>
    bool IsReliable(SipHop destination);
}
