using System.Net;
using BenchmarkDotNet.Attributes;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Benchmarks;

/// <summary>
/// The transaction layer alone over <see cref="InMemorySipTransport"/> and a manual clock: a
/// whole non-INVITE server transaction (request in, 200 out, Timer J expiry) and a whole INVITE
/// client transaction (INVITE out, 100/180/200 in, Timer M expiry). Matching, state machines,
/// timers and index upkeep; no parsing (messages are parsed once in setup).
/// </summary>
[MemoryDiagnoser]
public class SipTransactionBenchmarks
{
    private static readonly SipHop Udp = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5060));
    private static readonly TimeSpan SixtyFourT1 = TimeSpan.FromSeconds(32);

    private ManualClock _clock = null!;
    private SipTransactionLayer _layer = null!;
    private SipRequest _options = null!;
    private SipRequest _invite = null!;
    private SipResponse _trying = null!;
    private SipResponse _ringing = null!;
    private SipResponse _ok = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualClock();
        _options = Request(SipMethod.Options);
        _invite = Request(SipMethod.Invite);
        _trying = SipResponseBuilder.CreateFor(_invite, 100).Build();
        _ringing = SipResponseBuilder.CreateFor(_invite, 180, toTag: "b2").Build();
        _ok = SipResponseBuilder.CreateFor(_invite, 200, toTag: "b2").Build();
        var okOptions = SipResponseBuilder.CreateFor(_options, 200, toTag: "b1").Build();
        var transport = new InMemorySipTransport { Record = false };
        _layer = new SipTransactionLayer(transport, new AnsweringUser(okOptions), _clock);

        // Each run must walk the whole machine and leave the index empty, or later runs would
        // only measure retransmission matching.
        if (ServerNonInviteTransaction() != 0) throw new InvalidOperationException("The server transaction did not terminate.");
        if (ClientInviteTransaction() != (int)ClientInviteState.Terminated) throw new InvalidOperationException("The client transaction did not terminate.");
    }

    /// <summary>Figure 8 on UDP: Trying, 200 from TU to Completed, Timer J to Terminated.</summary>
    [Benchmark]
    public int ServerNonInviteTransaction()
    {
        _layer.OnRequest(_options, Udp);
        _clock.Advance(SixtyFourT1);
        return _layer.ServerTransactionCount;
    }

    /// <summary>Figure 5 on UDP: Calling, 100 and 180 to Proceeding, 200 to Accepted, Timer M to Terminated.</summary>
    [Benchmark]
    public int ClientInviteTransaction()
    {
        var transaction = _layer.SendInvite(_invite, Udp);
        _layer.OnResponse(_trying, Udp);
        _layer.OnResponse(_ringing, Udp);
        _layer.OnResponse(_ok, Udp);
        _clock.Advance(SixtyFourT1);
        return (int)transaction.State + _layer.ClientTransactionCount;
    }

    private static SipRequest Request(SipMethod method) =>
        SipRequestBuilder.Create(method, "sip:bob@biloxi.example.com", "Alice <sip:alice@atlanta.example.com>", "Bob <sip:bob@biloxi.example.com>")
            .AddVia("UDP", "pc33.atlanta.example.com:5060", branch: "z9hG4bK776asdhds" + method.Name)
            .Build();

    /// <summary>A TU that answers every new request at once with the same response.</summary>
    private sealed class AnsweringUser(SipResponse answer) : ISipTransactionUser
    {
        public void OnRequest(SipServerTransaction transaction) => transaction.SendResponse(answer);

        public void OnCancel(ServerNonInviteTransaction cancelTransaction, ServerInviteTransaction? inviteTransaction)
        {
        }

        public void OnAck(SipRequest ack, SipHop source, ServerInviteTransaction? inviteTransaction)
        {
        }

        public void OnResponse(SipClientTransaction transaction, SipResponse response)
        {
        }

        public void OnStrayResponse(SipResponse response, SipHop source)
        {
        }

        public void OnTimeout(SipTransaction transaction)
        {
        }

        public void OnTransportError(SipTransaction transaction)
        {
        }

        public void OnTerminated(SipTransaction transaction)
        {
        }
    }

    /// <summary>A clock that moves only when told to; due timers fire in order, each at its own instant.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private readonly List<ManualTimer> _timers = [];
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            var end = _now + by;
            while (true)
            {
                ManualTimer? next = null;
                foreach (var timer in _timers)
                {
                    if (timer.Due <= end && (next is null || timer.Due < next.Due)) next = timer;
                }
                if (next is null) break;
                _now = next.Due;
                _timers.Remove(next);
                next.Fire();
            }
            _now = end;
        }

        private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset Due { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                Due = clock._now + dueTime;
                clock._timers.Add(this);
                return true;
            }

            public void Fire() => callback(state);

            public void Dispose() => clock._timers.Remove(this);

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
