using System.Net;
using Microsoft.Extensions.Time.Testing;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>One thing the TU was told, in order.</summary>
internal sealed record TuEvent(string Kind, SipTransaction? Transaction = null, SipMessage? Message = null, SipTransaction? Other = null);

/// <summary>A TU that records every callback and can answer new requests from inside the callback.</summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    private readonly Lock _gate = new();
    private readonly List<TuEvent> _events = [];

    public Action<SipServerTransaction>? OnRequestAnswer { get; set; }

    public IReadOnlyList<TuEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    public IReadOnlyList<TuEvent> Of(string kind) => [.. Events.Where(e => e.Kind == kind)];

    public void Clear()
    {
        lock (_gate) _events.Clear();
    }

    public void OnRequest(SipServerTransaction transaction)
    {
        Add(new TuEvent("Request", transaction, transaction.Request));
        OnRequestAnswer?.Invoke(transaction);
    }

    public void OnCancel(ServerNonInviteTransaction cancelTransaction, ServerInviteTransaction? inviteTransaction) =>
        Add(new TuEvent("Cancel", cancelTransaction, cancelTransaction.Request, inviteTransaction));

    public void OnAck(SipRequest ack, SipHop source, ServerInviteTransaction? inviteTransaction) => Add(new TuEvent("Ack", inviteTransaction, ack));

    public void OnResponse(SipClientTransaction transaction, SipResponse response) => Add(new TuEvent("Response", transaction, response));

    public void OnStrayResponse(SipResponse response, SipHop source) => Add(new TuEvent("StrayResponse", null, response));

    public void OnTimeout(SipTransaction transaction) => Add(new TuEvent("Timeout", transaction));

    public void OnTransportError(SipTransaction transaction) => Add(new TuEvent("TransportError", transaction));

    public void OnTerminated(SipTransaction transaction) => Add(new TuEvent("Terminated", transaction));

    private void Add(TuEvent e)
    {
        lock (_gate) _events.Add(e);
    }
}

/// <summary>A layer over an in-memory transport, a recording TU and a fake clock that starts at a fixed instant.</summary>
internal sealed class TransactionHarness
{
    public TransactionHarness(SipTimerOptions? timers = null)
    {
        Timers = timers ?? SipTimerOptions.Default;
        Layer = new SipTransactionLayer(Transport, User, Clock, Timers);
    }

    public static SipHop Udp { get; } = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));

    public static SipHop Tcp { get; } = new(SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060), "conn-1");

    public CountingClock Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InMemorySipTransport Transport { get; } = new();

    public RecordingUser User { get; } = new();

    public SipTimerOptions Timers { get; }

    public SipTransactionLayer Layer { get; }

    /// <summary>What was sent, as start lines ("INVITE", "ACK", "100", "486"...), oldest first.</summary>
    public IReadOnlyList<string> SentSummary => [.. Transport.Messages.Select(m => Summary(m.Message))];

    public static string Summary(SipMessage message) => message switch
    {
        SipRequest request => request.Method.Name,
        SipResponse response => response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "?",
    };

    /// <summary>Sent messages, then forgets them.</summary>
    public IReadOnlyList<string> TakeSent()
    {
        var sent = SentSummary;
        Transport.Clear();
        return sent;
    }

    /// <summary>
    /// Moves the clock forward 1 ms at a time, so that a timer started from another timer's
    /// callback (Timers A, E, G restart themselves) runs from the instant its predecessor fired:
    /// FakeTimeProvider fires due timers once per Advance, at the end of the step.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(1);
        for (var left = by; left > TimeSpan.Zero; left -= step) Clock.Advance(left < step ? left : step);
    }

    public void Advance(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));

    public static SipRequest Request(SipMethod method, string transport = "UDP", string? branch = null, string sentBy = "pc33.atlanta.com:5060", string? callId = null, uint cseq = 1, string? fromTag = null, string? toTag = null, string[]? routes = null)
    {
        var builder = new SipRequestBuilder(method, "sip:bob@biloxi.com");
        // An empty branch means an RFC 2543 Via with no branch parameter at all.
        if (branch == "") builder.AddHeader(KnownHeader.Via, $"SIP/2.0/{transport} {sentBy}");
        else builder.AddVia(transport, sentBy, branch ?? SipIdentifiers.NewBranch(), rport: false);
        builder
            .AddHeader(KnownHeader.MaxForwards, "70")
            .AddHeader(KnownHeader.To, toTag is null ? "Bob <sip:bob@biloxi.com>" : $"Bob <sip:bob@biloxi.com>;tag={toTag}")
            .AddHeader(KnownHeader.From, $"Alice <sip:alice@atlanta.com>;tag={fromTag ?? "1928301774"}")
            .AddHeader(KnownHeader.CallId, callId ?? "a84b4c76e66710@pc33.atlanta.com")
            .AddHeader(KnownHeader.CSeq, $"{cseq} {method.Name}");
        foreach (var route in routes ?? []) builder.AddHeader(KnownHeader.Route, route);
        return builder.Build();
    }

    public static SipResponse Response(SipRequest request, int status, string toTag = "a6c85cf") =>
        SipResponseBuilder.CreateFor(request, status, toTag: toTag).Build();
}

/// <summary>A fake clock that also counts the timers created and not yet disposed, to show transactions leave none behind.</summary>
internal sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _live;

    public int LiveTimers => Volatile.Read(ref _live);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new CountedTimer(this, base.CreateTimer(callback, state, dueTime, period));
    }

    private sealed class CountedTimer(CountingClock owner, ITimer inner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref owner._live);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
