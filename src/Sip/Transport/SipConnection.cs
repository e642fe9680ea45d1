using System.Net;
using System.Threading.Channels;
using Signalling.Core.Transport;

namespace Signalling.Sip.Transport;

/// <summary>
/// One SIP stream connection as the <see cref="SipTransport"/> tracks it (RFC 3261 §18): where it goes, its
/// connection once open, and its send queue, drained by a single writer because pipe writes are not thread-safe.
/// An outbound connection exists (and queues) before it is open, so that every message for the peer waits on it.
/// </summary>
internal sealed class SipConnection
{
    private readonly Channel<SipOutgoing> _queue;
    private int _closed;

    public SipConnection(IPEndPoint remote, int capacity, StreamConnection? stream)
    {
        Remote = remote;
        Stream = stream;
        _queue = Channel.CreateBounded<SipOutgoing>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently
        });
    }

    /// <summary>The peer.</summary>
    public IPEndPoint Remote { get; }

    /// <summary>The open connection, or null while an outbound connection is being opened.</summary>
    public StreamConnection? Stream { get; set; }

    /// <summary>True once no more writes are accepted.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>The writes waiting, for the one writer.</summary>
    public ChannelReader<SipOutgoing> Pending => _queue.Reader;

    /// <summary>Queues a write; false when the queue is full or the connection is closed.</summary>
    public bool TryEnqueue(in SipOutgoing item) => _queue.Writer.TryWrite(item);

    /// <summary>Refuses further writes; those already queued are still read by the writer.</summary>
    public void Close()
    {
        Volatile.Write(ref _closed, 1);
        _queue.Writer.TryComplete();
    }
}
