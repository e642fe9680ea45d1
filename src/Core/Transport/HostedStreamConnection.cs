using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Signalling.Core.Transport;

/// <summary>
/// A connection as a <see cref="StreamListenerHost"/> hands it to the protocol: the transport's connection
/// plus the idle timeout. Kept out of the transports so that every transport (sockets, in-memory, TLS) gets
/// the same limit from the same place.
/// </summary>
internal sealed partial class HostedStreamConnection : StreamConnection
{
    private readonly StreamConnection _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer? _idleTimer;
    private long _lastActivity;

    public HostedStreamConnection(StreamConnection inner, TimeSpan idleTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        Transport = new DuplexPipe(new ActivityPipeReader(inner.Transport.Input, this), inner.Transport.Output);
        _lastActivity = timeProvider.GetTimestamp();
        if (idleTimeout != Timeout.InfiniteTimeSpan)
        {
            // One timer per connection that fires at most once per timeout; activity only stores a timestamp,
            // so a busy connection costs no timer changes per read.
            _idleTimer = timeProvider.CreateTimer(
                static state => ((HostedStreamConnection)state!).OnIdleTimer(), this, idleTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    public override string ConnectionId => _inner.ConnectionId;

    public override EndPoint? LocalEndPoint => _inner.LocalEndPoint;

    public override EndPoint? RemoteEndPoint => _inner.RemoteEndPoint;

    public override IDuplexPipe Transport { get; }

    public override CancellationToken ConnectionClosed => _inner.ConnectionClosed;

    public override CancellationToken ConnectionClosedRequested => _inner.ConnectionClosedRequested;

    public override void RequestClose() => _inner.RequestClose();

    public override void Abort(string reason) => _inner.Abort(reason);

    public override async ValueTask DisposeAsync()
    {
        // The timer stays armed while the transport drains: a peer that stops reading our last bytes is
        // still cut off after the idle timeout instead of holding the connection open.
        await _inner.DisposeAsync();
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync();
        }
    }

    internal void RecordActivity() => Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());

    private void OnIdleTimer()
    {
        var idle = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (idle >= _idleTimeout)
        {
            LogIdleTimeout(_logger, ConnectionId, RemoteEndPoint, _idleTimeout);
            _inner.Abort("No bytes arrived within the idle timeout.");
            return;
        }

        try
        {
            _idleTimer!.Change(_idleTimeout - idle, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the callback ran: the connection is gone.
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: nothing received for {IdleTimeout}")]
    private static partial void LogIdleTimeout(ILogger logger, string connectionId, EndPoint? remoteEndPoint, TimeSpan idleTimeout);
}
