using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// What a transport calls with what it received or failed to send. The transaction layer
/// (<see cref="SipTransactionLayer"/>) implements it. Calls may come from any thread and
/// concurrently; each returns quickly and never throws for anything the network sent.
/// </summary>
public interface ISipTransportReceiver
{
    /// <summary>A request parsed from the network (RFC 3261 §18.2.1: the transport has already added received/rport to its top Via).</summary>
    /// <param name="request">The request.</param>
    /// <param name="source">The hop it came from; responses go back to it.</param>
    void OnRequest(SipRequest request, SipHop source);

    /// <summary>A response parsed from the network (§18.1.2: the transport has checked the top Via's sent-by is its own).</summary>
    /// <param name="response">The response.</param>
    /// <param name="source">The hop it came from.</param>
    void OnResponse(SipResponse response, SipHop source);

    /// <summary>
    /// A message given to <see cref="ISipTransactionTransport.Send"/> could not be sent (no
    /// connection, ICMP unreachable, connection reset). The transaction that sent it informs its
    /// TU (RFC 3261 §17.1.4, §17.2.4).
    /// </summary>
    /// <param name="message">The message passed to Send.</param>
    /// <param name="destination">The destination passed to Send.</param>
    void OnTransportError(SipMessage message, SipHop destination);
}
