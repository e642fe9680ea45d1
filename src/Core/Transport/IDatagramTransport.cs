using System.Net;

namespace Signalling.Core.Transport;

/// <summary>
/// A bound datagram endpoint (UDP): SIP over UDP and H.225.0 RAS both receive and send on one of these, so a
/// reply leaves from the address and port the request came to.
/// </summary>
public interface IDatagramTransport : IAsyncDisposable
{
    /// <summary>The endpoint actually bound: when bound to port 0, it carries the port the system chose.</summary>
    EndPoint LocalEndPoint { get; }

    /// <summary>The largest datagram received or sent; larger received ones are dropped.</summary>
    int MaxDatagramSize { get; }

    /// <summary>
    /// Waits for the next datagram. Oversized datagrams and transient errors (an ICMP port-unreachable reported
    /// as a reset) are logged and skipped, never returned. One receive at a time: a single loop owns receiving.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The datagram.</returns>
    ValueTask<ReceivedDatagram> ReceiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends one datagram; sends may run concurrently with each other and with receiving.</summary>
    /// <param name="datagram">The bytes, at most <see cref="MaxDatagramSize"/>.</param>
    /// <param name="remoteEndPoint">Where to send it.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the datagram is handed to the system.</returns>
    ValueTask SendAsync(ReadOnlyMemory<byte> datagram, EndPoint remoteEndPoint, CancellationToken cancellationToken = default);
}
