using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Transport;

/// <summary>
/// One write waiting in a send queue: a message written straight into a connection's pipe, or bytes already
/// serialized (a UDP datagram, a keep-alive pong, a 400 for a request that did not parse).
/// </summary>
/// <param name="Message">The message to write, or <see langword="null"/> when <paramref name="Bytes"/> hold the write.</param>
/// <param name="Bytes">The bytes to write when <paramref name="Message"/> is null.</param>
/// <param name="Reported">What to pass to <see cref="ISipTransportReceiver.OnTransportError"/> if the write fails; null for nothing.</param>
/// <param name="Destination">The hop as given to <see cref="SipTransport.Send"/>.</param>
internal readonly record struct SipOutgoing(SipMessage? Message, ReadOnlyMemory<byte> Bytes, SipMessage? Reported, SipHop Destination);
