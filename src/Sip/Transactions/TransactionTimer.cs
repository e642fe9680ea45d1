namespace Signalling.Sip.Transactions;

/// <summary>
/// One named timer of one transaction (Timer A, B, ...). Each start creates a fresh
/// <see cref="ITimer"/> with its own token, so a callback from a timer that was stopped or
/// restarted meanwhile is recognised as stale under the transaction's lock and dropped.
/// </summary>
internal sealed class TransactionTimer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<TransactionTimer, object> _elapsed;
    private ITimer? _timer;
    private object? _token;

    public TransactionTimer(TimeProvider timeProvider, Action<TransactionTimer, object> elapsed)
    {
        _timeProvider = timeProvider;
        _elapsed = elapsed;
    }

    /// <summary>The interval of the last start (the value Timers A, E and G double).</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>True while started and not yet fired or stopped.</summary>
    public bool IsRunning => _token is not null;

    /// <summary>Starts (or restarts) the timer. Call with the owner's lock held.</summary>
    public void Start(TimeSpan dueTime)
    {
        Stop();
        Interval = dueTime;
        var token = new object();
        _token = token;
        _timer = _timeProvider.CreateTimer(static state =>
        {
            var (owner, token) = ((TransactionTimer, object))state!;
            owner._elapsed(owner, token);
        }, (this, token), dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer. Call with the owner's lock held.</summary>
    public void Stop()
    {
        _token = null;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>True, and the timer marked fired, when <paramref name="token"/> belongs to the current start. Call with the owner's lock held.</summary>
    public bool TryConsume(object token)
    {
        if (!ReferenceEquals(token, _token)) return false;
        _token = null;
        _timer?.Dispose();
        _timer = null;
        return true;
    }

    public void Dispose() => Stop();
}
