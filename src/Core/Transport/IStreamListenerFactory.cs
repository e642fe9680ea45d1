using System.Net;

namespace Signalling.Core.Transport;

/// <summary>Binds stream listeners (Kestrel's <c>IConnectionListenerFactory</c>).</summary>
public interface IStreamListenerFactory
{
    /// <summary>Binds a listener to <paramref name="endPoint"/>; port 0 lets the system choose the port.</summary>
    /// <param name="endPoint">Where to listen, for example <c>0.0.0.0:5060</c> or <c>[::1]:0</c>.</param>
    /// <param name="cancellationToken">Cancels the bind.</param>
    /// <returns>The bound listener.</returns>
    ValueTask<IStreamListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken = default);
}
