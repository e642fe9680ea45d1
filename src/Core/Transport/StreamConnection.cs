using System.IO.Pipelines;
using System.Net;

namespace Signalling.Core.Transport;

/// <summary>
/// One byte-stream connection (TCP, later TLS or WebSocket) as a protocol sees it: a duplex pipe plus
/// its lifetime. Modelled on Kestrel's <c>ConnectionContext</c>; a protocol framer (SIP by
/// Content-Length, H.225.0 by TPKT) reads <see cref="Transport"/>'s input and writes its output.
/// </summary>
/// <remarks>
/// Completing <see cref="Transport"/>'s output closes the connection once the buffered bytes are sent.
/// The input completes when the peer half-closes (FIN), and completes with an exception when the peer
/// resets the connection (<see cref="IOException"/>) or when it is aborted
/// (<see cref="ConnectionAbortedException"/>).
/// The class is abstract so that an in-memory transport can stand in for sockets in tests.
/// </remarks>
public abstract class StreamConnection : IAsyncDisposable
{
    /// <summary>An identifier of this connection, unique within the transport that made it; used in logs.</summary>
    public abstract string ConnectionId { get; }

    /// <summary>The local end of the connection, or <see langword="null"/> when the transport has none.</summary>
    public abstract EndPoint? LocalEndPoint { get; }

    /// <summary>The remote end of the connection, or <see langword="null"/> when the transport has none.</summary>
    public abstract EndPoint? RemoteEndPoint { get; }

    /// <summary>The application side of the connection: read what the peer sent, write what to send.</summary>
    public abstract IDuplexPipe Transport { get; }

    /// <summary>Cancelled once the connection is closed in both directions (or aborted).</summary>
    public abstract CancellationToken ConnectionClosed { get; }

    /// <summary>
    /// Cancelled when the owner of the connection (a listener host shutting down) asks the protocol to
    /// finish what it is doing and close. A protocol watches it to stop reading new messages; it is a
    /// request, not an abort: nothing is closed until the protocol completes the pipes or the owner aborts.
    /// </summary>
    public abstract CancellationToken ConnectionClosedRequested { get; }

    /// <summary>Asks the protocol to close gracefully: cancels <see cref="ConnectionClosedRequested"/>.</summary>
    public abstract void RequestClose();

    /// <summary>
    /// Closes the connection at once, discarding what is still buffered. Pending and later reads of
    /// <see cref="Transport"/> fail with a <see cref="ConnectionAbortedException"/> carrying
    /// <paramref name="reason"/>. Calling it again has no effect.
    /// </summary>
    /// <param name="reason">Why the connection is aborted; logged once.</param>
    public abstract void Abort(string reason);

    /// <summary>
    /// Completes both application-side pipes, waits until what was written is sent and the connection
    /// is closed, and releases its resources. It waits for the peer to accept the pending bytes:
    /// call <see cref="Abort"/> first to close without waiting.
    /// </summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public abstract ValueTask DisposeAsync();
}
