using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Signalling.Core.Transport;

/// <summary>A listening TCP socket; accepted sockets become <see cref="SocketStreamConnection"/>s.</summary>
internal sealed partial class SocketStreamListener(SocketStreamTransport transport, Socket listenSocket, ILogger logger)
    : IStreamListener
{
    public EndPoint EndPoint { get; } = listenSocket.LocalEndPoint!;

    public async ValueTask<StreamConnection?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listenSocket.AcceptAsync(cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.OperationAborted)
            {
                // Unbound while waiting.
                return null;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The peer gave up while its connection sat in the backlog; nothing to hand over.
                LogResetInBacklog(logger, EndPoint);
                continue;
            }

            try
            {
                return transport.CreateConnection(socket);
            }
            catch (SocketException exception)
            {
                // Reset between accept and setting the socket up (RemoteEndPoint, NoDelay).
                LogResetInBacklog(logger, EndPoint, exception);
                socket.Dispose();
            }
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        listenSocket.Dispose();
        return default;
    }

    public ValueTask DisposeAsync() => UnbindAsync();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "A connection to {EndPoint} was reset before it was accepted")]
    private static partial void LogResetInBacklog(ILogger logger, EndPoint endPoint, Exception? exception = null);
}
