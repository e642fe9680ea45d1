using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Signalling.Core.Transport;

/// <summary>A UDP socket bound to one endpoint, IPv4 or IPv6; binding <c>[::]</c> receives both.</summary>
public sealed partial class DatagramSocket : IDatagramTransport
{
    // Windows reports an ICMP port-unreachable for an earlier send as a reset on the next receive unless told not to.
    private const int SIO_UDP_CONNRESET = -1744830452;

    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly EndPoint _anyRemote;

    // One byte more than the limit: a datagram that fills it is too large (Linux truncates silently to the buffer).
    private readonly byte[] _receiveBuffer;
    private int _receiving;

    private DatagramSocket(Socket socket, int maxDatagramSize, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        MaxDatagramSize = maxDatagramSize;
        LocalEndPoint = socket.LocalEndPoint!;
        _anyRemote = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _receiveBuffer = new byte[maxDatagramSize + 1];
    }

    /// <inheritdoc/>
    public EndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public int MaxDatagramSize { get; }

    /// <summary>Binds a UDP socket to <paramref name="endPoint"/>; port 0 lets the system choose.</summary>
    /// <param name="endPoint">Where to listen, for example <c>0.0.0.0:5060</c> or <c>[::1]:0</c>.</param>
    /// <param name="limits">Supplies <see cref="ListenerLimits.MaxDatagramSize"/>; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where dropped datagrams are logged; <see langword="null"/> for nowhere.</param>
    /// <returns>The bound socket.</returns>
    /// <exception cref="SocketException">The endpoint cannot be bound (in use, not a local address).</exception>
    public static DatagramSocket Bind(IPEndPoint endPoint, ListenerLimits? limits = null, ILogger<DatagramSocket>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        limits ??= new ListenerLimits();
        limits.Validate();
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (OperatingSystem.IsWindows())
            {
                socket.IOControl(SIO_UDP_CONNRESET, [0, 0, 0, 0], null);
            }

            socket.Bind(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new DatagramSocket(socket, limits.MaxDatagramSize, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Another receive is in progress.</exception>
    public async ValueTask<ReceivedDatagram> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _receiving, 1) != 0)
        {
            throw new InvalidOperationException("Only one receive at a time: the receive buffer is shared.");
        }

        try
        {
            while (true)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(_receiveBuffer, SocketFlags.None, _anyRemote, cancellationToken);
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // An ICMP port-unreachable for something we sent earlier; it says nothing about this socket.
                    LogPortUnreachable(_logger, LocalEndPoint);
                    continue;
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.MessageSize)
                {
                    // Windows reports a datagram larger than the buffer this way; the sender is not given.
                    LogOversized(_logger, LocalEndPoint, null, _receiveBuffer.Length, MaxDatagramSize);
                    continue;
                }

                if (result.ReceivedBytes > MaxDatagramSize)
                {
                    LogOversized(_logger, LocalEndPoint, result.RemoteEndPoint, result.ReceivedBytes, MaxDatagramSize);
                    continue;
                }

                // Copied into an array of its own: the receive buffer is reused for the next datagram.
                return new ReceivedDatagram(_receiveBuffer.AsSpan(0, result.ReceivedBytes).ToArray(), result.RemoteEndPoint);
            }
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="datagram"/> is larger than <see cref="MaxDatagramSize"/>.</exception>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, EndPoint remoteEndPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        if (datagram.Length > MaxDatagramSize)
        {
            throw new ArgumentException($"The datagram has {datagram.Length} bytes; the limit is {MaxDatagramSize}.", nameof(datagram));
        }

        await _socket.SendToAsync(datagram, SocketFlags.None, remoteEndPoint, cancellationToken);
    }

    /// <summary>Closes the socket; a pending receive fails.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return default;
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Dropped a datagram to {LocalEndPoint} from {RemoteEndPoint}: at least {Size} bytes, over the limit of {MaxDatagramSize}")]
    private static partial void LogOversized(ILogger logger, EndPoint localEndPoint, EndPoint? remoteEndPoint, int size, int maxDatagramSize);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "Ignored an ICMP port-unreachable reported on {LocalEndPoint}")]
    private static partial void LogPortUnreachable(ILogger logger, EndPoint localEndPoint);
}
