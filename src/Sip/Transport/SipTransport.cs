using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signalling.Core.Transport;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Transport;

/// <summary>
/// SIP over UDP and TCP (RFC 3261 §18): the one object the transaction layer sends through and hears from.
/// It receives datagrams and framed stream messages, parses them and hands requests and responses to an
/// <see cref="ISipTransportReceiver"/> with the hop they came from; it answers a request that does not parse
/// with 400 (or 505/513) and drops anything else that does not parse with one log line. <see cref="Send"/> only
/// queues: one queue for UDP and one per connection, each drained by one task, and a write that fails is reported
/// through <see cref="ISipTransportReceiver.OnTransportError"/>. Connections are reused per §18: a response goes
/// over the connection its request came on, a new request over an open connection to the same peer.
/// </summary>
public sealed partial class SipTransport : ISipTransactionTransport, IAsyncDisposable
{
    // RFC 3261 §18.1.1: a request within 200 bytes of the path MTU goes over a congestion-controlled transport.
    private const int MtuMargin = 200;
    private const int DefaultSipPort = 5060; // RFC 3261 §18.2.2, §19.1.2
    private static readonly ReadOnlyMemory<byte> KeepAlivePong = "\r\n"u8.ToArray();

    private readonly SipTransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IStreamListenerFactory _listenerFactory;
    private readonly IStreamConnectionFactory _connectionFactory;
    private readonly IPEndPoint? _udpListen;
    private readonly IPEndPoint? _tcpListen;
    private readonly ConcurrentDictionary<string, SipConnection> _connectionsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPEndPoint, SipConnection> _connectionsByRemote = new();
    private readonly ConcurrentDictionary<SipConnection, Task> _outbound = new();
    private readonly Channel<SipOutgoing> _udpQueue;
    private readonly CancellationTokenSource _stopping = new();
    private DatagramSocket? _udp;
    private DatagramListenerHost? _udpHost;
    private StreamListenerHost? _tcpHost;
    private Task _udpSending = Task.CompletedTask;
    private ISipTransportReceiver? _receiver;
    private int _started;
    private int _stopped;

    /// <summary>Creates the transport; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Endpoints and limits; validated here.</param>
    /// <param name="timeProvider">The clock of the listeners' idle timeout and the connect timeout; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Where the transport and its listeners log; <see langword="null"/> for nowhere.</param>
    /// <param name="listenerFactory">Binds the TCP listener; <see langword="null"/> for a <see cref="SocketStreamTransport"/>.</param>
    /// <param name="connectionFactory">Opens outbound TCP connections; <see langword="null"/> for the same transport as the listener
    /// when it can connect. Connection ids must be unique across both.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public SipTransport(
        SipTransportOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IStreamListenerFactory? listenerFactory = null,
        IStreamConnectionFactory? connectionFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SipTransport>();
        _udpListen = options.GetUdpEndPoint();
        _tcpListen = options.GetTcpEndPoint();
        var sockets = listenerFactory is null || connectionFactory is null
            ? new SocketStreamTransport(options.Limits, loggerFactory: _loggerFactory)
            : null;
        _listenerFactory = listenerFactory ?? sockets!;
        _connectionFactory = connectionFactory ?? _listenerFactory as IStreamConnectionFactory ?? sockets!;
        _udpQueue = Channel.CreateBounded<SipOutgoing>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: reported, never dropped silently
        });
    }

    /// <summary>The UDP endpoint actually bound (with the port the system chose), or <see langword="null"/> before start or without UDP.</summary>
    public IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint as IPEndPoint;

    /// <summary>The TCP endpoint actually bound, or <see langword="null"/> before start or without TCP.</summary>
    public IPEndPoint? TcpEndPoint => _tcpHost?.EndPoint as IPEndPoint;

    /// <summary>How many stream connections, inbound and outbound, are open or being opened.</summary>
    public int ConnectionCount => _connectionsByRemote.Count;

    /// <summary>Binds the listeners and starts receiving; from now on messages go to <paramref name="receiver"/>.</summary>
    /// <param name="receiver">Where received messages and send failures go, usually a <see cref="SipTransactionLayer"/>.</param>
    /// <param name="cancellationToken">Cancels binding.</param>
    /// <returns>A task that completes once every listener is bound.</returns>
    /// <exception cref="InvalidOperationException">The transport was already started.</exception>
    /// <exception cref="SocketException">An endpoint cannot be bound.</exception>
    public async Task StartAsync(ISipTransportReceiver receiver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The SIP transport was already started.");
        }

        _receiver = receiver;

        // RFC 3261 §18: a UDP listener has a TCP listener on the same port; with port 0 for both, the port the
        // system chooses for UDP is taken for TCP too (tried again with a new port if TCP finds it in use).
        var samePort = _udpListen is { Port: 0 } && _tcpListen is { Port: 0 } && _udpListen.Address.Equals(_tcpListen.Address);
        for (var attempt = 1; ; attempt++)
        {
            if (_udpListen is not null)
            {
                _udp = DatagramSocket.Bind(_udpListen, _options.Limits, _loggerFactory.CreateLogger<DatagramSocket>());
            }

            if (_tcpListen is null)
            {
                break;
            }

            var tcpEndPoint = samePort ? new IPEndPoint(_tcpListen.Address, ((IPEndPoint)_udp!.LocalEndPoint).Port) : _tcpListen;
            _tcpHost = new StreamListenerHost(_listenerFactory, tcpEndPoint, OnInboundConnectionAsync, _options.Limits, _timeProvider, _loggerFactory.CreateLogger<StreamListenerHost>());
            try
            {
                await _tcpHost.StartAsync(cancellationToken);
                LogListening(_logger, SipTransportProtocol.Tcp, _tcpHost.EndPoint!);
                break;
            }
            catch (SocketException exception) when (samePort && attempt < 8 && exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                await _tcpHost.DisposeAsync();
                _tcpHost = null;
                await _udp!.DisposeAsync();
                _udp = null;
            }
        }

        if (_udp is not null)
        {
            _udpHost = new DatagramListenerHost(_udp, OnDatagramAsync, _timeProvider, _loggerFactory.CreateLogger<DatagramListenerHost>());
            _udpSending = Task.Run(SendDatagramsAsync, CancellationToken.None);
            await _udpHost.StartAsync(cancellationToken);
            LogListening(_logger, SipTransportProtocol.Udp, _udp.LocalEndPoint);
        }
    }

    /// <summary>
    /// Stops: stops receiving, closes connections gracefully (aborting those still open after
    /// <see cref="ListenerLimits.ShutdownTimeout"/>) and drops what is still queued.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when shutdown must stop being graceful.</param>
    /// <returns>A task that completes when every socket is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_udpHost is not null)
        {
            await _udpHost.StopAsync(cancellationToken);
        }

        if (_tcpHost is not null)
        {
            await _tcpHost.StopAsync(cancellationToken);
        }

        await StopOutboundAsync(cancellationToken);
        _udpQueue.Writer.TryComplete();
        await _udpSending;
        if (_udp is not null)
        {
            await _udp.DisposeAsync();
        }
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases the transport.</summary>
    /// <returns>A task that completes when the transport is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_tcpHost is not null)
        {
            await _tcpHost.DisposeAsync();
        }

        if (_udpHost is not null)
        {
            await _udpHost.DisposeAsync();
        }

        _stopping.Dispose();
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The transport was not started.</exception>
    public void Send(SipMessage message, SipHop destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination.EndPoint);
        if (_receiver is null)
        {
            throw new InvalidOperationException("Start the SIP transport before sending.");
        }

        if (Volatile.Read(ref _stopped) != 0)
        {
            ReportLater(message, destination);
            return;
        }

        switch (destination.Protocol)
        {
            case SipTransportProtocol.Udp:
                SendOverUdp(message, destination);
                break;
            case SipTransportProtocol.Tcp when _tcpHost is not null:
                SendOverStream(message, message, destination);
                break;
            default:
                LogNoTransport(_logger, destination.Protocol, destination.EndPoint);
                ReportLater(message, destination);
                break;
        }
    }

    /// <inheritdoc/>
    public bool IsReliable(SipHop destination) => destination.Protocol != SipTransportProtocol.Udp;

    /// <summary>An IPv4 address seen through a dual-mode socket as itself.</summary>
    internal static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    // RFC 3261 §18.2.2 (RFC 3581 §4): over UDP a response goes to the source address and, when the request asked with
    // rport, to the source port; otherwise to the sent-by port (5060 when absent).
    private static SipHop UdpResponseHop(SipRequest request, IPEndPoint source)
    {
        var via = request.Via;
        return via.HasRPort
            ? new SipHop(SipTransportProtocol.Udp, source)
            : new SipHop(SipTransportProtocol.Udp, new IPEndPoint(source.Address, via.Port ?? DefaultSipPort));
    }

    // RFC 3261 §18.2.2: when the connection a request came on is gone, the response opens one to the address in
    // received (else the sent-by host) and the sent-by port.
    private static IPEndPoint StreamResponseTarget(SipResponse response, IPEndPoint fallback)
    {
        var via = response.Via;
        var host = via.Received.IsEmpty ? via.Host.ToString() : via.Received.ToString();
        var address = IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? Normalize(parsed) : fallback.Address;
        return new IPEndPoint(address, via.Port ?? DefaultSipPort);
    }

    private void SendOverUdp(SipMessage message, SipHop destination)
    {
        byte[] bytes = message.ToArray();

        // RFC 3261 §18.1.1: a request larger than MTU - 200 bytes goes over TCP when we can, with its Via saying so.
        if (message is SipRequest request && bytes.Length > _options.Mtu - MtuMargin && _tcpHost is not null)
        {
            var overTcp = TopViaRewrite.WithTransport(request, "TCP", _options.Parser);
            LogSwitchedToTcp(_logger, bytes.Length, destination.EndPoint);
            SendOverStream(overTcp, message, destination with { Protocol = SipTransportProtocol.Tcp, ConnectionId = null });
            return;
        }

        if (_udp is null || !_udpQueue.Writer.TryWrite(new SipOutgoing(null, bytes, message, destination)))
        {
            LogQueueFull(_logger, SipTransportProtocol.Udp, destination.EndPoint);
            ReportLater(message, destination);
        }
    }

    private void SendOverStream(SipMessage message, SipMessage reported, SipHop destination)
    {
        SipConnection? connection = null;
        if (destination.ConnectionId is { } id && _connectionsById.TryGetValue(id, out var named) && !named.IsClosed)
        {
            connection = named;
        }

        var target = Normalize(destination.EndPoint);
        if (connection is null && destination.ConnectionId is not null && message is SipResponse response)
        {
            target = StreamResponseTarget(response, target);
        }

        connection ??= FindOrConnect(target);
        if (!connection.TryEnqueue(new SipOutgoing(message, default, reported, destination)))
        {
            LogQueueFull(_logger, SipTransportProtocol.Tcp, target);
            ReportLater(reported, destination);
        }
    }

    private SipConnection FindOrConnect(IPEndPoint remote)
    {
        while (true)
        {
            if (_connectionsByRemote.TryGetValue(remote, out var existing))
            {
                if (!existing.IsClosed)
                {
                    return existing;
                }

                _connectionsByRemote.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(remote, existing));
                continue;
            }

            var created = new SipConnection(remote, _options.SendQueueCapacity, null);
            if (_connectionsByRemote.TryAdd(remote, created))
            {
                _outbound[created] = Task.Run(() => RunOutboundAsync(created), CancellationToken.None);
                return created;
            }
        }
    }

    private async Task RunOutboundAsync(SipConnection connection)
    {
        StreamConnection stream;
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            stream = await _connectionFactory.ConnectAsync(connection.Remote, linked.Token);
        }
        catch (Exception exception)
        {
            LogConnectFailed(_logger, connection.Remote, exception.Message);
            connection.Close();
            Unregister(connection, null);
            FailPending(connection);
            _outbound.TryRemove(connection, out _);
            return;
        }

        connection.Stream = stream;
        _connectionsById[stream.ConnectionId] = connection;
        try
        {
            await ServeAsync(connection, stream);
        }
        finally
        {
            await stream.DisposeAsync();
            _outbound.TryRemove(connection, out _);
        }
    }

    private async Task OnInboundConnectionAsync(StreamConnection stream)
    {
        var remote = stream.RemoteEndPoint is IPEndPoint ip ? Normalize(ip) : new IPEndPoint(IPAddress.None, 0);
        var connection = new SipConnection(remote, _options.SendQueueCapacity, stream);
        _connectionsById[stream.ConnectionId] = connection;

        // An outbound connection to the same endpoint, if any, stays the one new requests reuse.
        _connectionsByRemote.TryAdd(remote, connection);
        await ServeAsync(connection, stream);
    }

    // Runs one connection: this task reads, a second one writes; returns once both are done, so that whoever
    // disposes the connection afterwards never races a write.
    private async Task ServeAsync(SipConnection connection, StreamConnection stream)
    {
        var writing = Task.Run(() => WriteLoopAsync(connection, stream), CancellationToken.None);
        try
        {
            await ReadLoopAsync(connection, stream);
        }
        finally
        {
            connection.Close();
            Unregister(connection, stream.ConnectionId);
            await writing;
        }
    }

    private void Unregister(SipConnection connection, string? connectionId)
    {
        _connectionsByRemote.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(connection.Remote, connection));
        if (connectionId is not null)
        {
            _connectionsById.TryRemove(new KeyValuePair<string, SipConnection>(connectionId, connection));
        }
    }

    private async Task ReadLoopAsync(SipConnection connection, StreamConnection stream)
    {
        var input = stream.Transport.Input;
        var closing = stream.ConnectionClosedRequested;
        var hop = new SipHop(SipTransportProtocol.Tcp, connection.Remote, stream.ConnectionId);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(closing);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is ConnectionAbortedException or IOException or InvalidOperationException)
            {
                // Reset or aborted: the Core transport has logged why.
                return;
            }

            var buffer = result.Buffer;
            var close = false;
            while (!close)
            {
                var status = SipStreamFramer.TryReadFrame(ref buffer, _options.Parser, out var frame, out var failure);
                switch (status)
                {
                    case SipFrameStatus.Message:
                        // Parsing copies the frame, so the pipe's buffer can be released below (§18.3).
                        var parsed = SipMessageParser.TryParse(frame, _options.Parser, out var message, out failure);
                        Deliver(parsed, message, failure, connection.Remote, hop);
                        continue;
                    case SipFrameStatus.KeepAlivePing:
                        // RFC 5626 §4.4.1: answer CRLFCRLF with CRLF, through the connection's one writer.
                        connection.TryEnqueue(new SipOutgoing(null, KeepAlivePong, null, hop));
                        continue;
                    case SipFrameStatus.KeepAlivePong:
                        continue;
                    case SipFrameStatus.Error:
                        LogFramingError(_logger, stream.ConnectionId, connection.Remote, failure.ToString());
                        close = true;
                        continue;
                    default:
                        break;
                }

                break;
            }

            // Consumed up to the last whole frame; examined to the end, so the next read waits for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);
            if (close || result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    private async Task WriteLoopAsync(SipConnection connection, StreamConnection stream)
    {
        var output = stream.Transport.Output;
        var failed = false;
        await foreach (var item in connection.Pending.ReadAllAsync())
        {
            if (failed)
            {
                Report(item);
                continue;
            }

            try
            {
                if (item.Message is not null)
                {
                    item.Message.WriteTo(output);
                }
                else
                {
                    output.Write(item.Bytes.Span);
                }

                var flushed = await output.FlushAsync();
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    throw new IOException("The connection no longer takes writes.");
                }
            }
            catch (Exception exception)
            {
                failed = true;
                LogSendFailed(_logger, SipTransportProtocol.Tcp, connection.Remote, exception.Message);
                Report(item);

                // Ends the read loop too; whatever is still queued is reported as it is read.
                connection.Close();
                stream.Abort("A SIP message could not be written.");
            }
        }
    }

    private void FailPending(SipConnection connection)
    {
        while (connection.Pending.TryRead(out var item))
        {
            Report(item);
        }
    }

    private async Task StopOutboundAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in _outbound.Keys)
        {
            connection.Stream?.RequestClose();
        }

        var running = Task.WhenAll(_outbound.Values);
        try
        {
            await running.WaitAsync(_options.Limits.ShutdownTimeout, _timeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            foreach (var connection in _outbound.Keys)
            {
                connection.Stream?.Abort("The SIP transport stopped.");
            }

            await running;
        }
    }

    private ValueTask OnDatagramAsync(ReceivedDatagram datagram, CancellationToken cancellationToken)
    {
        if (datagram.RemoteEndPoint is not IPEndPoint remote)
        {
            return ValueTask.CompletedTask;
        }

        var source = Normalize(remote);
        var parsed = SipMessageParser.TryParse(datagram.Payload, _options.Parser, out var message, out var failure);
        if (!parsed && failure.Reason == SipParseError.Empty)
        {
            // CRLF keep-alives over UDP (RFC 5626 uses STUN there, but some peers send CRLF): nothing to answer.
            return ValueTask.CompletedTask;
        }

        Deliver(parsed, message, failure, source, new SipHop(SipTransportProtocol.Udp, source));
        return ValueTask.CompletedTask;
    }

    // Hands one parsed message up, or answers or drops one that did not parse. Never throws.
    private void Deliver(bool parsed, SipMessage? message, SipParseFailure failure, IPEndPoint source, SipHop hop)
    {
        var receiver = _receiver!;
        try
        {
            if (!parsed)
            {
                Reject(failure, source, hop);
                return;
            }

            if (message is SipRequest request)
            {
                // RFC 3261 §18.2.1, RFC 3581 §4: record where the request really came from.
                request = TopViaRewrite.StampReceived(request, source, _options.Parser);
                if (hop.Protocol == SipTransportProtocol.Udp)
                {
                    hop = UdpResponseHop(request, source);
                }

                receiver.OnRequest(request, hop);
            }
            else if (message is SipResponse response)
            {
                receiver.OnResponse(response, hop);
            }
        }
        catch (Exception exception)
        {
            LogReceiverFailed(_logger, hop.Protocol, source, exception);
        }
    }

    // A request whose headers could be read gets 400 (or 505/513) with the reason, straight back to where it came
    // from; anything else is dropped with one line (RFC 3261 §16.3, §18.1.2; a response is never answered).
    private void Reject(SipParseFailure failure, IPEndPoint source, SipHop hop)
    {
        if (failure.Partial is not SipRequest partial || partial.Method == SipMethod.Ack)
        {
            LogDropped(_logger, hop.Protocol, source, failure.ToString());
            return;
        }

        byte[] bytes;
        try
        {
            var writer = new ArrayBufferWriter<byte>(512);
            SipResponseBuilder.CreateFor(partial, failure.StatusCode, failure.ReasonPhrase).WriteTo(writer);
            bytes = writer.WrittenSpan.ToArray();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The headers a response copies are the broken ones.
            LogDropped(_logger, hop.Protocol, source, failure.ToString());
            return;
        }

        LogRejected(_logger, hop.Protocol, source, failure.StatusCode, failure.ToString());
        var answer = new SipOutgoing(null, bytes, null, hop with { EndPoint = source });
        if (hop.Protocol == SipTransportProtocol.Udp)
        {
            _udpQueue.Writer.TryWrite(answer);
        }
        else if (hop.ConnectionId is { } id && _connectionsById.TryGetValue(id, out var connection))
        {
            connection.TryEnqueue(answer);
        }
    }

    private async Task SendDatagramsAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            await foreach (var item in _udpQueue.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await _udp!.SendAsync(item.Bytes, item.Destination.EndPoint, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    LogSendFailed(_logger, SipTransportProtocol.Udp, item.Destination.EndPoint, exception.Message);
                    Report(item);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped: what is still queued is dropped.
        }
    }

    private void Report(in SipOutgoing item)
    {
        if (item.Reported is { } message)
        {
            ReportNow(message, item.Destination);
        }
    }

    // The contract of ISipTransactionTransport.Send forbids calling back synchronously: a failure found inside Send
    // is reported from the thread pool.
    private void ReportLater(SipMessage message, SipHop destination) =>
        ThreadPool.QueueUserWorkItem(static state => state.Transport.ReportNow(state.Message, state.Destination), (Transport: this, Message: message, Destination: destination), preferLocal: false);

    private void ReportNow(SipMessage message, SipHop destination)
    {
        try
        {
            _receiver?.OnTransportError(message, destination);
        }
        catch (Exception exception)
        {
            LogReceiverFailed(_logger, destination.Protocol, destination.EndPoint, exception);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "SIP over {Protocol} on {EndPoint}")]
    private static partial void LogListening(ILogger logger, SipTransportProtocol protocol, EndPoint endPoint);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Dropped an unparsable SIP message over {Protocol} from {Source}: {Failure}")]
    private static partial void LogDropped(ILogger logger, SipTransportProtocol protocol, IPEndPoint source, string failure);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Answered an unparsable SIP request over {Protocol} from {Source} with {StatusCode}: {Failure}")]
    private static partial void LogRejected(ILogger logger, SipTransportProtocol protocol, IPEndPoint source, int statusCode, string failure);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Closing SIP connection {ConnectionId} from {Remote}: the stream cannot be framed ({Failure})")]
    private static partial void LogFramingError(ILogger logger, string connectionId, IPEndPoint remote, string failure);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Sending SIP over {Protocol} to {Destination} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, SipTransportProtocol protocol, IPEndPoint destination, string error);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Connecting to {Remote} for SIP over TCP failed: {Error}")]
    private static partial void LogConnectFailed(ILogger logger, IPEndPoint remote, string error);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "The receiver of a SIP message over {Protocol} from {Source} threw")]
    private static partial void LogReceiverFailed(ILogger logger, SipTransportProtocol protocol, IPEndPoint source, Exception exception);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "The SIP send queue over {Protocol} towards {Destination} is full or closed; the message fails")]
    private static partial void LogQueueFull(ILogger logger, SipTransportProtocol protocol, IPEndPoint destination);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Debug, Message = "A {Length}-byte request to {Destination} goes over TCP instead of UDP (RFC 3261 §18.1.1)")]
    private static partial void LogSwitchedToTcp(ILogger logger, int length, IPEndPoint destination);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "No SIP transport for {Protocol} towards {Destination}; the message fails")]
    private static partial void LogNoTransport(ILogger logger, SipTransportProtocol protocol, IPEndPoint destination);
}
