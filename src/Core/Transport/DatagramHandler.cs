namespace Signalling.Core.Transport;

/// <summary>
/// What a protocol does with one received datagram. The receive loop awaits it before receiving the next, so it
/// should parse and hand off rather than wait on the network; an exception it throws is logged and the loop goes on.
/// </summary>
/// <param name="datagram">The datagram.</param>
/// <param name="cancellationToken">Cancelled when the host stops.</param>
/// <returns>A task that completes when the datagram is handled.</returns>
public delegate ValueTask DatagramHandler(ReceivedDatagram datagram, CancellationToken cancellationToken);
