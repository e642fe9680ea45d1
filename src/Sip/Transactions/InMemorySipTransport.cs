using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// An <see cref="ISipTransactionTransport"/> that puts nothing on a network: it records every
/// message sent, in order, and optionally hands it to a callback (e.g. another layer's
/// <see cref="ISipTransportReceiver"/>, deferred by the caller). UDP is unreliable, every other
/// protocol reliable. For tests and benchmarks of the transaction layer.
/// </summary>
public sealed class InMemorySipTransport : ISipTransactionTransport
{
    private readonly Lock _gate = new();
    private readonly List<(SipMessage Message, SipHop Destination)> _sent = [];

    /// <summary>Called after each send is recorded, outside the recorder's lock. Must not call back into the transaction layer synchronously.</summary>
    public Action<SipMessage, SipHop>? Sent { get; set; }

    /// <summary>When false, sends are not recorded (only <see cref="Sent"/> is called), e.g. in benchmarks.</summary>
    public bool Record { get; set; } = true;

    /// <summary>The messages sent so far, oldest first.</summary>
    public IReadOnlyList<(SipMessage Message, SipHop Destination)> Messages
    {
        get
        {
            lock (_gate) return [.. _sent];
        }
    }

    /// <summary>Forgets the recorded messages.</summary>
    public void Clear()
    {
        lock (_gate) _sent.Clear();
    }

    /// <inheritdoc />
    public void Send(SipMessage message, SipHop destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Record)
        {
            lock (_gate) _sent.Add((message, destination));
        }
        Sent?.Invoke(message, destination);
    }

    /// <inheritdoc />
    public bool IsReliable(SipHop destination) => destination.Protocol != SipTransportProtocol.Udp;
}
