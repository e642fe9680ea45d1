using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Signalling.Core.Transport;

/// <summary>
/// A TCP connection: a receive loop fills the input pipe from the socket, a send loop drains the output
/// pipe into it (the shape of Kestrel's <c>SocketConnection</c>). Both run on the connection's own task.
/// </summary>
internal sealed partial class SocketStreamConnection : StreamConnection
{
    // Read into at least this much free space; 2 KiB holds most SIP messages and every TPKT header whole.
    private const int MinimumReceiveSize = 2048;

    private readonly Socket _socket;
    private readonly Func<Stream, CancellationToken, ValueTask<Stream>>? _streamWrapper;
    private readonly bool _waitForData;
    private readonly ILogger _logger;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly CancellationTokenSource _closed = new();
    private readonly CancellationTokenSource _closeRequested = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly CancellationToken _closedToken;
    private readonly CancellationToken _closeRequestedToken;
    private Stream _stream;
    private string? _abortReason;
    private Exception? _receiveError;
    private int _socketClosed;
    private int _resetLogged;
    private int _disposed;
    private Task _processing = Task.CompletedTask;

    public SocketStreamConnection(
        Socket socket,
        string connectionId,
        PipeOptions inputOptions,
        PipeOptions outputOptions,
        Func<Stream, CancellationToken, ValueTask<Stream>>? streamWrapper,
        bool waitForDataBeforeAllocatingBuffer,
        ILogger logger)
    {
        _socket = socket;
        ConnectionId = connectionId;
        _streamWrapper = streamWrapper;
        _waitForData = waitForDataBeforeAllocatingBuffer;
        _logger = logger;

        // Read once: the socket throws for these after it is disposed, and logs want them afterwards.
        LocalEndPoint = socket.LocalEndPoint;
        RemoteEndPoint = socket.RemoteEndPoint;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _input = new Pipe(inputOptions);
        _output = new Pipe(outputOptions);
        Transport = new DuplexPipe(_input.Reader, _output.Writer);
        _closedToken = _closed.Token;
        _closeRequestedToken = _closeRequested.Token;
    }

    public override string ConnectionId { get; }

    public override EndPoint? LocalEndPoint { get; }

    public override EndPoint? RemoteEndPoint { get; }

    public override IDuplexPipe Transport { get; }

    public override CancellationToken ConnectionClosed => _closedToken;

    public override CancellationToken ConnectionClosedRequested => _closeRequestedToken;

    private bool IsAborted => Volatile.Read(ref _abortReason) is not null;

    /// <summary>
    /// Starts the receive and send loops, on the thread pool so that the stream wrapper (a TLS handshake) never
    /// runs on the thread that accepts; called once, by the transport that made the connection.
    /// </summary>
    internal void Start() => _processing = Task.Run(RunAsync, CancellationToken.None);

    public override void RequestClose()
    {
        try
        {
            _closeRequested.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: there is nothing left to ask.
        }
    }

    public override void Abort(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _abortReason, reason, null) is not null)
        {
            return;
        }

        LogAborted(_logger, ConnectionId, RemoteEndPoint, reason);
        try
        {
            // Stops a stream wrapper still setting up (a TLS handshake).
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already: the wrapper has long finished.
        }

        // A loop parked on the pipe (send loop waiting for output, receive loop paused by backpressure)
        // does not notice a closed socket: wake both, then close the socket under whatever is in flight.
        _output.Reader.CancelPendingRead();
        _input.Writer.CancelPendingFlush();
        CloseSocket();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Completing the application side lets the send loop drain what was written and close the socket,
        // and unblocks a receive loop paused by backpressure.
        await _input.Reader.CompleteAsync();
        await _output.Writer.CompleteAsync();
        await _processing;
        _closed.Dispose();
        _closeRequested.Dispose();
        _aborted.Dispose();
    }

    private static bool IsConnectionReset(Exception exception)
    {
        var socketError = exception switch
        {
            SocketException s => s.SocketErrorCode,
            IOException { InnerException: SocketException s } => s.SocketErrorCode,
            _ => SocketError.Success,
        };
        return socketError is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
            or SocketError.OperationAborted or SocketError.Interrupted or SocketError.InvalidArgument;
    }

    private async Task RunAsync()
    {
        try
        {
            if (_streamWrapper is not null && !await WrapStreamAsync())
            {
                return;
            }

            var receiving = ReceiveLoopAsync();
            var sending = SendLoopAsync();
            await receiving;
            await sending;
        }
        finally
        {
            CloseSocket();
            await DisposeStreamAsync();
            try
            {
                _closed.Cancel();
            }
            catch (AggregateException exception)
            {
                // A callback registered on ConnectionClosed threw; it must not fault the connection's task.
                LogClosedCallbackFailed(_logger, ConnectionId, exception);
            }
        }
    }

    private async Task<bool> WrapStreamAsync()
    {
        try
        {
            _stream = await _streamWrapper!(_stream, _aborted.Token);
            return true;
        }
        catch (Exception exception)
        {
            // A failed handshake is what garbage on a TLS port looks like: one line, unless we aborted it ourselves.
            if (!IsAborted)
            {
                LogStreamWrapperFailed(_logger, ConnectionId, RemoteEndPoint, exception.Message);
            }

            var error = IsAborted
                ? new ConnectionAbortedException(_abortReason!)
                : new ConnectionAbortedException("The connection's stream could not be set up.", exception);
            await _input.Writer.CompleteAsync(error);
            await _output.Reader.CompleteAsync(error);
            return false;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error = null;
        var writer = _input.Writer;
        try
        {
            while (true)
            {
                if (_waitForData)
                {
                    // Returns when bytes (or FIN) are there; the real read below tells which.
                    _ = await _stream.ReadAsync(Memory<byte>.Empty);
                }

                var buffer = writer.GetMemory(MinimumReceiveSize);
                var received = await _stream.ReadAsync(buffer);
                if (received == 0)
                {
                    // FIN: the peer sent all it will send. Our sending goes on until the protocol completes the output.
                    break;
                }

                writer.Advance(received);

                // The pipe's pause threshold is the per-connection buffer limit: a flush that does not complete at once
                // means the protocol has not consumed MaxBufferedBytesPerConnection, and we stop reading the socket
                // (TCP flow control then pushes back on the peer) until it catches up to the resume threshold.
                var flushing = writer.FlushAsync();
                if (!flushing.IsCompleted)
                {
                    LogReceivePaused(_logger, ConnectionId);
                }

                var result = await flushing;
                if (result.IsCompleted || result.IsCanceled)
                {
                    // The protocol stopped reading, or Abort woke us.
                    break;
                }
            }
        }
        catch (Exception) when (IsAborted || Volatile.Read(ref _socketClosed) != 0)
        {
            // We closed the socket under the read; that is not the peer's doing.
        }
        catch (Exception exception) when (IsConnectionReset(exception))
        {
            error = new IOException("The connection was reset by the peer.", exception);
            LogReset(exception);
        }
        catch (Exception exception)
        {
            error = exception;
            LogReceiveFailed(_logger, ConnectionId, RemoteEndPoint, exception);
        }

        if (IsAborted)
        {
            error = new ConnectionAbortedException(_abortReason!);
        }

        await writer.CompleteAsync(error);
        if (error is not null)
        {
            // The socket is unusable: stop the send loop as well, and let the protocol's writes fail with the same error.
            Volatile.Write(ref _receiveError, error);
            _output.Reader.CancelPendingRead();
        }
    }

    private async Task SendLoopAsync()
    {
        Exception? error = null;
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                if (result.IsCanceled)
                {
                    break;
                }

                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment);
                }

                // A wrapping stream may buffer; the socket's own stream does not and this is then free.
                await _stream.FlushAsync();
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (IsAborted || Volatile.Read(ref _socketClosed) != 0)
        {
            error = new ConnectionAbortedException("The connection was closed while sending.", exception);
        }
        catch (Exception exception) when (IsConnectionReset(exception))
        {
            error = new IOException("The connection was reset by the peer.", exception);
            LogReset(exception);
        }
        catch (Exception exception)
        {
            error = exception;
            LogSendFailed(_logger, ConnectionId, RemoteEndPoint, exception);
        }

        if (IsAborted)
        {
            error = new ConnectionAbortedException(_abortReason!);
        }

        error ??= Volatile.Read(ref _receiveError);
        await reader.CompleteAsync(error);

        // Sending is over (the protocol completed the output, or the socket failed): close the connection, which also
        // ends the receive loop. Like Kestrel, a connection does not stay half-closed from our side.
        CloseSocket();
    }

    private void LogReset(Exception exception)
    {
        // Both loops see a reset; one line is enough.
        if (Interlocked.Exchange(ref _resetLogged, 1) == 0)
        {
            LogConnectionReset(_logger, ConnectionId, RemoteEndPoint, exception.Message);
        }
    }

    private void CloseSocket()
    {
        if (Interlocked.Exchange(ref _socketClosed, 1) != 0)
        {
            return;
        }

        // A receive loop paused by backpressure would otherwise wait for the protocol forever.
        _input.Writer.CancelPendingFlush();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset or not connected: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }

        _socket.Dispose();
    }

    private async ValueTask DisposeStreamAsync()
    {
        try
        {
            await _stream.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            // The socket is already closed; a wrapping stream may complain that it cannot say goodbye.
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Connection {ConnectionId} from {RemoteEndPoint} aborted: {Reason}")]
    private static partial void LogAborted(ILogger logger, string connectionId, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Connection {ConnectionId} from {RemoteEndPoint} was reset by the peer: {Error}")]
    private static partial void LogConnectionReset(ILogger logger, string connectionId, EndPoint? remoteEndPoint, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Connection {ConnectionId} from {RemoteEndPoint} failed while receiving")]
    private static partial void LogReceiveFailed(ILogger logger, string connectionId, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Connection {ConnectionId} from {RemoteEndPoint} failed while sending")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Connection {ConnectionId} stopped reading: its input buffer is full")]
    private static partial void LogReceivePaused(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: its stream could not be set up: {Error}")]
    private static partial void LogStreamWrapperFailed(ILogger logger, string connectionId, EndPoint? remoteEndPoint, string error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "A ConnectionClosed callback of connection {ConnectionId} threw")]
    private static partial void LogClosedCallbackFailed(ILogger logger, string connectionId, Exception exception);
}
