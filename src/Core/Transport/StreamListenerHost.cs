using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Signalling.Core.Transport;

/// <summary>
/// Runs a protocol on a stream listener: binds, accepts in a loop, runs a <see cref="StreamConnectionHandler"/>
/// per connection, enforces <see cref="ListenerLimits"/> and shuts down gracefully. Its
/// <see cref="StartAsync"/>/<see cref="StopAsync"/> pair has the shape of <c>IHostedService</c>.
/// </summary>
/// <remarks>
/// Limits: a connection accepted beyond <see cref="ListenerLimits.MaxConcurrentConnections"/> is closed at once;
/// a connection with no bytes from the peer for <see cref="ListenerLimits.IdleTimeout"/> (measured through the
/// <see cref="TimeProvider"/>) is aborted; buffering is bounded by the transport's pipes.
/// </remarks>
public sealed partial class StreamListenerHost : IAsyncDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopping = 2;

    // After an accept error that is not about one connection (out of descriptors), wait before trying again.
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IStreamListenerFactory _listenerFactory;
    private readonly EndPoint _endPoint;
    private readonly StreamConnectionHandler _handler;
    private readonly ListenerLimits _limits;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<HostedStreamConnection, byte> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IStreamListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private int _state;
    private int _connectionCount;

    /// <summary>Creates the host; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="listenerFactory">The transport to listen on.</param>
    /// <param name="endPoint">Where to listen; port 0 lets the system choose (see <see cref="EndPoint"/>).</param>
    /// <param name="handler">The protocol, run once per connection.</param>
    /// <param name="limits">Connection limits; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock of the idle timeout and the shutdown deadline; <see langword="null"/> for the system clock.</param>
    /// <param name="logger">Where the host logs; <see langword="null"/> for nowhere.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public StreamListenerHost(
        IStreamListenerFactory listenerFactory,
        EndPoint endPoint,
        StreamConnectionHandler handler,
        ListenerLimits? limits = null,
        TimeProvider? timeProvider = null,
        ILogger<StreamListenerHost>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(listenerFactory);
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(handler);
        _limits = limits ?? new ListenerLimits();
        _limits.Validate();
        _listenerFactory = listenerFactory;
        _endPoint = endPoint;
        _handler = handler;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The endpoint actually bound (with the chosen port), or <see langword="null"/> before <see cref="StartAsync"/>.</summary>
    public EndPoint? EndPoint => _listener?.EndPoint;

    /// <summary>How many connections are open (accepted and not yet disposed).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Binds and starts accepting.</summary>
    /// <param name="cancellationToken">Cancels the bind.</param>
    /// <returns>A task that completes once the listener is bound.</returns>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, Running, NotStarted) != NotStarted)
        {
            throw new InvalidOperationException("The listener host was already started.");
        }

        _listener = await _listenerFactory.BindAsync(_endPoint, cancellationToken);
        LogListening(_logger, _listener.EndPoint);
        _acceptLoop = AcceptLoopAsync(_listener);
    }

    /// <summary>
    /// Stops gracefully: stops accepting, asks every connection to close
    /// (<see cref="StreamConnection.ConnectionClosedRequested"/>), waits until they have closed or until
    /// <see cref="ListenerLimits.ShutdownTimeout"/> has passed or <paramref name="cancellationToken"/> is cancelled,
    /// whichever is first, then aborts the connections still open. Calling it again waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when shutdown must stop being graceful.</param>
    /// <returns>A task that completes when the listener and its connections are closed.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        var previous = Interlocked.CompareExchange(ref _state, Stopping, Running);
        if (previous == Running)
        {
            return StopCoreAsync(cancellationToken);
        }

        return previous == Stopping ? _stopped.Task : Task.CompletedTask;
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases the host.</summary>
    /// <returns>A task that completes when the host is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Stopping, NotStarted) == NotStarted)
        {
            _stopped.TrySetResult();
        }

        await StopAsync();
        _stopping.Dispose();
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The deadline starts now, before the first await, so that a test advancing a fake clock right after
            // calling StopAsync is measured against it.
            using var timeout = new CancellationTokenSource(_limits.ShutdownTimeout, _timeProvider);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

            // Once _stopping is cancelled, the last connection to close completes _drained (see RunConnectionAsync).
            await _stopping.CancelAsync();
            if (_listener is not null)
            {
                await _listener.UnbindAsync(CancellationToken.None);
            }

            await _acceptLoop;
            foreach (var connection in _connections.Keys)
            {
                connection.RequestClose();
            }

            if (!await WaitForConnectionsAsync(deadline.Token))
            {
                LogAbortingConnections(_logger, ConnectionCount);
                foreach (var connection in _connections.Keys)
                {
                    connection.Abort("The listener is shutting down.");
                }

                // An aborted connection ends as soon as its handler sees the failed read; bounded again so that a
                // handler that ignores the abort cannot hold up the process.
                using var afterAbort = new CancellationTokenSource(_limits.ShutdownTimeout, _timeProvider);
                if (!await WaitForConnectionsAsync(afterAbort.Token))
                {
                    LogConnectionsNotClosed(_logger, ConnectionCount);
                }
            }

            if (_listener is not null)
            {
                await _listener.DisposeAsync();
            }

            LogStopped(_logger, _endPoint);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private async Task<bool> WaitForConnectionsAsync(CancellationToken cancellationToken)
    {
        if (ConnectionCount == 0)
        {
            return true;
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task AcceptLoopAsync(IStreamListener listener)
    {
        var stopping = _stopping.Token;
        while (true)
        {
            StreamConnection? connection;
            try
            {
                connection = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogAcceptFailed(_logger, listener.EndPoint, exception);
                try
                {
                    await Task.Delay(AcceptRetryDelay, _timeProvider, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (connection is null)
            {
                return;
            }

            if (Interlocked.Increment(ref _connectionCount) > _limits.MaxConcurrentConnections)
            {
                Interlocked.Decrement(ref _connectionCount);
                LogConnectionRejected(_logger, connection.ConnectionId, connection.RemoteEndPoint, _limits.MaxConcurrentConnections);
                connection.Abort("The connection limit was reached.");
                await connection.DisposeAsync();
                continue;
            }

            var hosted = new HostedStreamConnection(connection, _limits.IdleTimeout, _timeProvider, _logger);

            // Registered before the handler starts, so that a shutdown from now on asks it to close.
            _connections.TryAdd(hosted, 0);
            _ = Task.Run(() => RunConnectionAsync(hosted), CancellationToken.None);
        }
    }

    private async Task RunConnectionAsync(HostedStreamConnection connection)
    {
        try
        {
            await _handler(connection);
        }
        catch (Exception exception) when (exception is ConnectionAbortedException or IOException)
        {
            // The connection failed under the handler (aborted, reset, failed handshake): the transport logged why.
            LogHandlerEndedByConnection(_logger, connection.ConnectionId, exception.Message);
            connection.Abort("The connection failed.");
        }
        catch (Exception exception)
        {
            // The protocol's state for this connection is unknown: do not send what it left half-written.
            LogHandlerFailed(_logger, connection.ConnectionId, connection.RemoteEndPoint, exception);
            connection.Abort("The connection handler failed.");
        }
        finally
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception exception)
            {
                LogDisposeFailed(_logger, connection.ConnectionId, exception);
            }

            _connections.TryRemove(connection, out _);
            if (Interlocked.Decrement(ref _connectionCount) == 0 && _stopping.IsCancellationRequested)
            {
                _drained.TrySetResult();
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: the limit of {MaxConcurrentConnections} connections is reached")]
    private static partial void LogConnectionRejected(ILogger logger, string connectionId, EndPoint? remoteEndPoint, int maxConcurrentConnections);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Connection {ConnectionId} from {RemoteEndPoint} aborted: its handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, string connectionId, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Debug, Message = "The handler of connection {ConnectionId} ended with the connection: {Error}")]
    private static partial void LogHandlerEndedByConnection(ILogger logger, string connectionId, string error);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "Accepting on {EndPoint} failed; retrying")]
    private static partial void LogAcceptFailed(ILogger logger, EndPoint endPoint, Exception exception);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Shutdown deadline passed: aborting {Count} connections")]
    private static partial void LogAbortingConnections(ILogger logger, int count);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "{Count} connections did not close after being aborted")]
    private static partial void LogConnectionsNotClosed(ILogger logger, int count);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Information, Message = "Stopped listening on {EndPoint}")]
    private static partial void LogStopped(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Warning, Message = "Closing connection {ConnectionId} failed")]
    private static partial void LogDisposeFailed(ILogger logger, string connectionId, Exception exception);
}
