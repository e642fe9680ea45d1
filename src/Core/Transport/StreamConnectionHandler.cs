namespace Signalling.Core.Transport;

/// <summary>
/// What a protocol does with one accepted connection (Kestrel's <c>ConnectionDelegate</c>): read and
/// write <see cref="StreamConnection.Transport"/> until the peer closes, the connection is aborted or
/// <see cref="StreamConnection.ConnectionClosedRequested"/> is cancelled. When the returned task
/// completes, the host disposes the connection.
/// </summary>
/// <remarks>
/// A <see cref="ConnectionAbortedException"/> or <see cref="IOException"/> from a read or write may escape: the
/// connection failed and the transport has logged why. Any other exception is logged as a fault of the protocol
/// and the connection is aborted.
/// </remarks>
/// <param name="connection">The accepted connection.</param>
/// <returns>A task that completes when the protocol is done with the connection.</returns>
public delegate Task StreamConnectionHandler(StreamConnection connection);
