using System.Net;

namespace Signalling.Core.Transport;

/// <summary>
/// A bound stream listener (Kestrel's <c>IConnectionListener</c>): accepts connections one at a time.
/// </summary>
public interface IStreamListener : IAsyncDisposable
{
    /// <summary>The endpoint actually bound: when bound to port 0, it carries the port the system chose.</summary>
    EndPoint EndPoint { get; }

    /// <summary>Waits for the next connection.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The connection, already running, or <see langword="null"/> once the listener is unbound.</returns>
    ValueTask<StreamConnection?> AcceptAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops accepting: a pending and every later <see cref="AcceptAsync"/> returns <see langword="null"/>.
    /// Connections already accepted are not affected.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the listener is unbound.</returns>
    ValueTask UnbindAsync(CancellationToken cancellationToken = default);
}
