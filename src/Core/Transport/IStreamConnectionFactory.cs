using System.Net;

namespace Signalling.Core.Transport;

/// <summary>Opens outbound stream connections (Kestrel's <c>IConnectionFactory</c>).</summary>
public interface IStreamConnectionFactory
{
    /// <summary>Connects to <paramref name="endPoint"/>.</summary>
    /// <param name="endPoint">The peer to connect to.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connection, already running.</returns>
    ValueTask<StreamConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default);
}
