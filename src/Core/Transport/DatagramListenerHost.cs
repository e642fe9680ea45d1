using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Signalling.Core.Transport;

/// <summary>
/// Runs a protocol on a datagram transport: receives in a loop and hands each datagram to a
/// <see cref="DatagramHandler"/>. Nothing a peer sends and nothing a handler throws stops the loop; only
/// <see cref="StopAsync"/> does. The transport stays the caller's: it is also how the protocol sends.
/// </summary>
public sealed partial class DatagramListenerHost : IAsyncDisposable
{
    // After a receive error that is not about one datagram, wait before trying again instead of spinning.
    private static readonly TimeSpan ReceiveRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IDatagramTransport _transport;
    private readonly DatagramHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiveLoop = Task.CompletedTask;
    private int _started;

    /// <summary>Creates the host; nothing is received until <see cref="StartAsync"/>.</summary>
    /// <param name="transport">The bound transport to receive on.</param>
    /// <param name="handler">The protocol, run once per datagram.</param>
    /// <param name="timeProvider">The clock of the retry delay after a receive error; <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Where the host logs; <see langword="null"/> for nowhere.</param>
    public DatagramListenerHost(IDatagramTransport transport, DatagramHandler handler, TimeProvider? timeProvider = null, ILogger<DatagramListenerHost>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        _transport = transport;
        _handler = handler;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Starts the receive loop.</summary>
    /// <param name="cancellationToken">Not used: starting does not wait.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The datagram host was already started.");
        }

        LogListening(_logger, _transport.LocalEndPoint);

        // On the thread pool so that a datagram already waiting is not handled on the caller's thread.
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops receiving: cancels the pending receive and the running handler's token, and waits for the loop.</summary>
    /// <param name="cancellationToken">Stops waiting for a handler that ignores its token.</param>
    /// <returns>A task that completes when the loop has ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync();
        await _receiveLoop.WaitAsync(cancellationToken);
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases the host; the transport is not disposed.</summary>
    /// <returns>A task that completes when the host is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            ReceivedDatagram datagram;
            try
            {
                datagram = await _transport.ReceiveAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The transport's owner closed it: nothing more will arrive.
                LogTransportClosed(_logger, _transport.LocalEndPoint);
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.OperationAborted)
            {
                LogTransportClosed(_logger, _transport.LocalEndPoint);
                return;
            }
            catch (Exception exception)
            {
                LogReceiveFailed(_logger, _transport.LocalEndPoint, exception);
                try
                {
                    await Task.Delay(ReceiveRetryDelay, _timeProvider, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            try
            {
                await _handler(datagram, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogHandlerFailed(_logger, datagram.RemoteEndPoint, datagram.Payload.Length, exception);
            }
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Receiving datagrams on {EndPoint}")]
    private static partial void LogListening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "The handler of a {Length}-byte datagram from {RemoteEndPoint} threw; receiving goes on")]
    private static partial void LogHandlerFailed(ILogger logger, EndPoint remoteEndPoint, int length, Exception exception);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Error, Message = "Receiving on {EndPoint} failed; retrying")]
    private static partial void LogReceiveFailed(ILogger logger, EndPoint endPoint, Exception exception);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Stopped receiving on {EndPoint}: the transport was closed")]
    private static partial void LogTransportClosed(ILogger logger, EndPoint endPoint);
}
