namespace Signalling.Core.Transport;

/// <summary>
/// What a protocol does with one accepted connection (Kestrel's <c>ConnectionDelegate</c>): read and
/// write <see cref="StreamConnection.Transport"/> until the peer closes, the connection is aborted or
/// <see cref="StreamConnection.ConnectionClosedRequested"/> is cancelled. When the returned task
/// completes, the host disposes the connection.
/// </summary>
/// <param name="connection">The accepted connection.</param>
/// <returns>A task that completes when the protocol is done with the connection.</returns>
public delegate Task StreamConnectionHandler(StreamConnection connection);
