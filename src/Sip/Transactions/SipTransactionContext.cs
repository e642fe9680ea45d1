using Microsoft.Extensions.Logging;

namespace Signalling.Sip.Transactions;

/// <summary>What every transaction of one layer shares: transport, TU, clock, timer values, log, and the layer's index to leave on termination.</summary>
internal sealed class SipTransactionContext(
    ISipTransactionTransport transport,
    ISipTransactionUser user,
    TimeProvider timeProvider,
    SipTimerOptions timers,
    ILogger logger,
    Action<SipTransaction> terminated)
{
    public ISipTransactionTransport Transport { get; } = transport;

    public ISipTransactionUser User { get; } = user;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public SipTimerOptions Timers { get; } = timers;

    public ILogger Logger { get; } = logger;

    /// <summary>Called under the transaction's lock when it enters Terminated, to remove it from the index.</summary>
    public Action<SipTransaction> Terminated { get; } = terminated;
}
