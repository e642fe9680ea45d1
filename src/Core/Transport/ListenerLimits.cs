namespace Signalling.Core.Transport;

/// <summary>
/// Limits that keep a peer from exhausting memory or connections; bound from configuration as options.
/// The defaults are safe for a public-facing listener.
/// </summary>
public sealed class ListenerLimits
{
    /// <summary>The largest UDP payload (65,535 bytes less the IP and UDP headers) fits in the default.</summary>
    public const int DefaultMaxDatagramSize = 65_535;

    /// <summary>
    /// How many stream connections a listener host keeps open at once; a connection accepted beyond it is
    /// closed at once with one log line. Default 10,000.
    /// </summary>
    public int MaxConcurrentConnections { get; set; } = 10_000;

    /// <summary>
    /// How long a stream connection may go without a byte from the peer before it is aborted; this is what
    /// closes half-open connections whose peer vanished. Default two minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. A protocol whose connections are legitimately
    /// silent for long (H.225.0 call signalling during a call) raises it or sends keep-alives.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many bytes a stream connection buffers in each direction before it stops reading from the
    /// socket (received bytes the protocol has not consumed) or stops accepting writes (bytes the peer
    /// has not taken). Default 1 MiB. It must exceed the largest message a protocol accepts: a framer
    /// that waits for a whole message cannot make progress once reading has paused.
    /// </summary>
    public long MaxBufferedBytesPerConnection { get; set; } = 1024 * 1024;

    /// <summary>The largest datagram accepted; larger ones are dropped with one log line. Default 65,535.</summary>
    public int MaxDatagramSize { get; set; } = DefaultMaxDatagramSize;

    /// <summary>
    /// How long a graceful shutdown waits for connections to finish after asking them to close, before
    /// it aborts them. Default five seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a limit is out of range, naming the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero, negative or too large.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentConnections, nameof(MaxConcurrentConnections));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBufferedBytesPerConnection, nameof(MaxBufferedBytesPerConnection));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDatagramSize, nameof(MaxDatagramSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDatagramSize, DefaultMaxDatagramSize, nameof(MaxDatagramSize));
        if (IdleTimeout <= TimeSpan.Zero && IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "IdleTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
    }
}
