using System.Net;

namespace Signalling.Sip.Transactions;

/// <summary>
/// One network hop a message is sent to or received from: the transport protocol, the remote
/// address and, for connection-oriented transports, the connection the message travelled on
/// (RFC 3261 §18.2.2: a response goes back over the connection its request came on).
/// </summary>
/// <param name="Protocol">The transport protocol.</param>
/// <param name="EndPoint">The remote address and port.</param>
/// <param name="ConnectionId">The transport's identifier of the connection, or null for UDP or "any connection".</param>
public readonly record struct SipHop(SipTransportProtocol Protocol, IPEndPoint EndPoint, string? ConnectionId = null);
