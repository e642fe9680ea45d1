using Microsoft.Extensions.Logging;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Transactions;

/// <summary>
/// A SIP transaction (RFC 3261 §17): one request and its responses, run by one of the four state
/// machines of Figures 5-8 as amended by RFC 6026. Each transaction is its own logical owner:
/// inbound messages, TU calls and its timers are serialised through one lock held only while its
/// Stateless machine fires (never across an await), and TU callbacks run after the lock is
/// released, in order.
/// </summary>
public abstract class SipTransaction
{
    private readonly Lock _gate = new();
    private readonly Queue<Action> _deferred = new();
    private bool _draining;

    private protected SipTransaction(SipRequest request, SipHop hop, SipTransactionContext context)
    {
        Request = request;
        Hop = hop;
        Context = context;
        IsReliable = context.Transport.IsReliable(hop);
        Branch = request.Via.Branch;
    }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>The method of the request (CSeq method, §17.1.3).</summary>
    public SipMethod Method => Request.Method;

    /// <summary>For a client transaction the hop requests go to; for a server transaction the hop the request came from and responses go to.</summary>
    public SipHop Hop { get; }

    /// <summary>True when the transport is reliable: no retransmissions, and D, I, J, K are zero (§17).</summary>
    public bool IsReliable { get; }

    /// <summary>The branch of the request's top Via (§8.1.1.7), the transaction's identifier.</summary>
    public Utf8Slice Branch { get; }

    /// <summary>True once the machine reached Terminated; the transaction has then left the layer's index and its timers are disposed.</summary>
    public abstract bool IsTerminated { get; }

    /// <summary>The machine's graph in DOT (Stateless <c>UmlDotGraph</c>), to hold next to the RFC figure.</summary>
    public abstract string ToDotGraph();

    internal SipTransactionContext Context { get; }

    /// <summary>The key the layer indexed this transaction under, or null when it is not indexed.</summary>
    internal object? IndexKey { get; set; }

    /// <summary>The transport reported that a message of this transaction could not be sent (§17.1.4, §17.2.4).</summary>
    internal abstract void ReceiveTransportError();

    /// <summary>
    /// Runs <paramref name="fire"/> as one turn of the transaction: under its lock, then the TU
    /// callbacks it queued, outside the lock. Nothing thrown by the machine escapes to the
    /// network loop or a timer thread.
    /// </summary>
    private protected void Turn(Action fire)
    {
        lock (_gate)
        {
            try
            {
                fire();
            }
#pragma warning disable CA1031 // a state machine never throws to the network loop (ARCHITECTURE.md)
            catch (Exception exception)
#pragma warning restore CA1031
            {
                TransactionLog.TurnThrew(Context.Logger, exception, GetType().Name, Branch.ToString());
            }
        }
        DrainDeferred();
    }

    /// <summary>Queues a TU callback to run once the lock is released. Call under the lock.</summary>
    private protected void Notify(Action<ISipTransactionUser> callback) =>
        _deferred.Enqueue(() => callback(Context.User));

    /// <summary>Creates a timer whose expiry enters through <see cref="Turn"/> and fires <paramref name="trigger"/> unless the timer was stopped or restarted meanwhile.</summary>
    private protected TransactionTimer CreateTimer(Action trigger) =>
        new(Context.TimeProvider, (timer, token) => Turn(() =>
        {
            if (timer.TryConsume(token)) trigger();
        }));

    /// <summary>Starts <paramref name="timer"/>, or fires its trigger at once (queued) when the duration is zero, as D, I, J and K are on reliable transports.</summary>
    private protected static void StartOrFire(TransactionTimer timer, TimeSpan duration, Action trigger)
    {
        if (duration <= TimeSpan.Zero) trigger();
        else timer.Start(duration);
    }

    /// <summary>Sends a message of this transaction to its hop (the transport only queues it).</summary>
    private protected void Send(SipMessage message) => Context.Transport.Send(message, Hop);

    /// <summary>The actions of entering Terminated: leave the index, tell the TU. Call under the lock.</summary>
    private protected void OnTerminated()
    {
        Context.Terminated(this);
        Notify(user => user.OnTerminated(this));
    }

    private protected void LogUnhandled<TState, TTrigger>(TState state, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (Context.Logger.IsEnabled(LogLevel.Debug))
            TransactionLog.Unhandled(Context.Logger, GetType().Name, Branch.ToString(), trigger.ToString(), state.ToString());
    }

    private protected void LogTransition<TState, TTrigger>(TState source, TState destination, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (Context.Logger.IsEnabled(LogLevel.Debug))
            TransactionLog.Transitioned(Context.Logger, GetType().Name, Branch.ToString(), source.ToString(), destination.ToString(), trigger.ToString());
    }

    private void DrainDeferred()
    {
        while (true)
        {
            Action next;
            lock (_gate)
            {
                // One drainer at a time keeps TU callbacks in order; a TU that calls back into
                // this transaction from a callback only queues more for the running drainer.
                if (_draining || !_deferred.TryDequeue(out next!)) return;
                _draining = true;
            }
            try
            {
                next();
            }
#pragma warning disable CA1031 // a TU that throws must not break the transaction or the network loop
            catch (Exception exception)
#pragma warning restore CA1031
            {
                TransactionLog.UserThrew(Context.Logger, exception, "a transaction callback");
            }
            finally
            {
                lock (_gate) _draining = false;
            }
        }
    }
}
