using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Signalling.Core.Transport;

/// <summary>
/// TCP over <see cref="Socket"/> and System.IO.Pipelines: binds listeners and opens outbound connections,
/// each connection with input and output pipes bounded by
/// <see cref="ListenerLimits.MaxBufferedBytesPerConnection"/>. IPv4 and IPv6; binding <c>[::]</c> accepts both.
/// </summary>
public sealed class SocketStreamTransport : IStreamListenerFactory, IStreamConnectionFactory
{
    private readonly SocketStreamTransportOptions _options;
    private readonly ILogger _logger;
    private readonly PipeOptions _inputOptions;
    private readonly PipeOptions _outputOptions;

    // Connection ids are unique per transport; the random prefix tells two transports in one log apart.
    private readonly string _idPrefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
    private long _lastConnectionNumber;

    /// <summary>Creates the transport.</summary>
    /// <param name="limits">Buffer limits; <see langword="null"/> for the defaults.</param>
    /// <param name="options">Socket settings; <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where connections log; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public SocketStreamTransport(ListenerLimits? limits = null, SocketStreamTransportOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        limits ??= new ListenerLimits();
        limits.Validate();
        _options = options ?? new SocketStreamTransportOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Backlog, nameof(SocketStreamTransportOptions.Backlog));
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SocketStreamTransport>();

        // Resume at half the limit, as Kestrel does: the socket is read again in large steps, not byte by byte.
        var pause = limits.MaxBufferedBytesPerConnection;
        var resume = Math.Max(1, pause / 2);
        _inputOptions = new PipeOptions(
            _options.MemoryPool,
            readerScheduler: PipeScheduler.ThreadPool,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: pause,
            resumeWriterThreshold: resume,
            useSynchronizationContext: false);
        _outputOptions = new PipeOptions(
            _options.MemoryPool,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.ThreadPool,
            pauseWriterThreshold: pause,
            resumeWriterThreshold: resume,
            useSynchronizationContext: false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="endPoint"/> is not an <see cref="IPEndPoint"/>.</exception>
    public ValueTask<IStreamListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        cancellationToken.ThrowIfCancellationRequested();
        if (endPoint is not IPEndPoint ip)
        {
            throw new ArgumentException("A TCP listener binds to an IP address and port.", nameof(endPoint));
        }

        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.Address.Equals(IPAddress.IPv6Any))
            {
                // [::] means every address, IPv4 included.
                socket.DualMode = true;
            }

            socket.Bind(ip);
            socket.Listen(_options.Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new ValueTask<IStreamListener>(new SocketStreamListener(this, socket, _logger));
    }

    /// <inheritdoc/>
    public async ValueTask<StreamConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);

        // A DnsEndPoint has no family yet: a dual-mode socket reaches whichever address the name resolves to.
        var socket = endPoint.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return CreateConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a connected socket and starts its loops.</summary>
    internal StreamConnection CreateConnection(Socket socket)
    {
        socket.NoDelay = _options.NoDelay;
        var number = Interlocked.Increment(ref _lastConnectionNumber);
        var id = string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}:{number}");
        var connection = new SocketStreamConnection(socket, id, _inputOptions, _outputOptions, _options.StreamWrapper, _options.WaitForDataBeforeAllocatingBuffer, _logger);
        connection.Start();
        return connection;
    }
}
