using System.Buffers;

namespace Signalling.Core.Transport;

/// <summary>Socket settings of a <see cref="SocketStreamTransport"/> (the limits are in <see cref="ListenerLimits"/>).</summary>
public sealed class SocketStreamTransportOptions
{
    /// <summary>Disables Nagle's algorithm so that a short message (a SIP response) is sent at once. Default true.</summary>
    public bool NoDelay { get; set; } = true;

    /// <summary>How many not-yet-accepted connections the system queues. Default 512.</summary>
    public int Backlog { get; set; } = 512;

    /// <summary>
    /// Waits for the socket to be readable (a zero-byte read) before renting a receive buffer, so that an idle
    /// connection holds no receive memory: with many connections open this is most of what they cost. Default true,
    /// as in Kestrel; a wrapping stream that does not support zero-byte reads only loses the saving.
    /// </summary>
    public bool WaitForDataBeforeAllocatingBuffer { get; set; } = true;

    /// <summary>Where the connection pipes rent their buffers; <see langword="null"/> for the shared pool.</summary>
    public MemoryPool<byte>? MemoryPool { get; set; }

    /// <summary>
    /// Wraps the socket's stream before any byte is exchanged, for example in an <c>SslStream</c> whose
    /// handshake completes inside the callback (TLS). It runs on the connection's own task, so a slow
    /// handshake does not hold up accepting; if it throws, the connection is aborted. Listeners and
    /// outbound connections wrap alike, so a TLS server and a TLS client use two transports.
    /// </summary>
    public Func<Stream, CancellationToken, ValueTask<Stream>>? StreamWrapper { get; set; }
}
