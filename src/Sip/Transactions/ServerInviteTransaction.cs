using Signalling.Sip.Messages;
using Stateless;
using Stateless.Graph;

namespace Signalling.Sip.Transactions;

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1, Figure 7 as replaced by RFC 6026 §7.1).
/// A 300-699 is retransmitted (Timer G) until its ACK, which the transaction absorbs; a 2xx moves
/// it to Accepted, where the TU owns the 2xx retransmissions and receives the ACK.
/// </summary>
public sealed class ServerInviteTransaction : SipServerTransaction
{
    private readonly StateMachine<ServerInviteState, ServerInviteTrigger> _machine;
    private readonly StateMachine<ServerInviteState, ServerInviteTrigger>.TriggerWithParameters<SipResponse> _provisional;
    private readonly StateMachine<ServerInviteState, ServerInviteTrigger>.TriggerWithParameters<SipResponse> _success;
    private readonly StateMachine<ServerInviteState, ServerInviteTrigger>.TriggerWithParameters<SipResponse> _failure;
    private readonly StateMachine<ServerInviteState, ServerInviteTrigger>.TriggerWithParameters<SipRequest, SipHop> _ack;
    private readonly TransactionTimer _timerG;
    private readonly TransactionTimer _timerH;
    private readonly TransactionTimer _timerI;
    private readonly TransactionTimer _timerL;
    private SipResponse? _lastResponse;

    internal ServerInviteTransaction(SipRequest invite, SipHop source, SipTransactionContext context)
        : base(invite, source, context)
    {
        _timerG = CreateTimer(() => _machine!.Fire(ServerInviteTrigger.TimerGFires));
        _timerH = CreateTimer(() => _machine!.Fire(ServerInviteTrigger.TimerHFires));
        _timerI = CreateTimer(() => _machine!.Fire(ServerInviteTrigger.TimerIFires));
        _timerL = CreateTimer(() => _machine!.Fire(ServerInviteTrigger.TimerLFires));
        _machine = new StateMachine<ServerInviteState, ServerInviteTrigger>(ServerInviteState.Proceeding, FiringMode.Queued);
        _provisional = _machine.SetTriggerParameters<SipResponse>(ServerInviteTrigger.Response1xxFromTU);
        _success = _machine.SetTriggerParameters<SipResponse>(ServerInviteTrigger.Response2xxFromTU);
        _failure = _machine.SetTriggerParameters<SipResponse>(ServerInviteTrigger.Response300To699FromTU);
        _ack = _machine.SetTriggerParameters<SipRequest, SipHop>(ServerInviteTrigger.Ack);
        var timers = context.Timers;

        _machine.Configure(ServerInviteState.Proceeding)
            // §17.2.1: a retransmitted INVITE gets the most recent provisional response again.
            .InternalTransition(ServerInviteTrigger.Invite, ResendLast)
            .InternalTransition(_provisional, (response, _) => SendAndKeep(response))
            // RFC 6026 Figure 7 draws the transport error in Proceeding as a loop: the TU is
            // told and may still answer (e.g. over another connection, §18.2.2).
            .InternalTransition(ServerInviteTrigger.TransportError, NotifyTransportError)
            .Permit(ServerInviteTrigger.Response2xxFromTU, ServerInviteState.Accepted)
            .Permit(ServerInviteTrigger.Response300To699FromTU, ServerInviteState.Completed);

        _machine.Configure(ServerInviteState.Completed)
            .OnEntryFrom(_failure, response =>
            {
                SendAndKeep(response);
                // §17.2.1: Timer G (T1, unreliable only) retransmits; Timer H (64*T1) waits for the ACK.
                if (!IsReliable) _timerG.Start(timers.TimerG);
                _timerH.Start(timers.TimerH);
            }, "send response, start Timers G, H")
            .InternalTransition(ServerInviteTrigger.Invite, ResendLast)
            .InternalTransition(ServerInviteTrigger.TimerGFires, () =>
            {
                ResendLast();
                // §17.2.1: the interval doubles, capped at T2.
                var next = 2 * _timerG.Interval;
                _timerG.Start(next < timers.T2 ? next : timers.T2);
            })
            // RFC 6026 Figure 7: a transport error in Completed informs the TU; Timer H still ends it.
            .InternalTransition(ServerInviteTrigger.TransportError, NotifyTransportError)
            .Permit(ServerInviteTrigger.Ack, ServerInviteState.Confirmed)
            .Permit(ServerInviteTrigger.TimerHFires, ServerInviteState.Terminated)
            .OnExit(() =>
            {
                _timerG.Stop();
                _timerH.Stop();
            }, "stop Timers G, H");

        _machine.Configure(ServerInviteState.Confirmed)
            // §17.2.1: Timer I (T4, zero when reliable) absorbs ACK retransmissions; they (and
            // any late INVITE) have no edge in the figure and are dropped as unhandled.
            .OnEntry(() => StartOrFire(_timerI, timers.GetTimerI(IsReliable), () => _machine.Fire(ServerInviteTrigger.TimerIFires)), "start Timer I")
            .Permit(ServerInviteTrigger.TimerIFires, ServerInviteState.Terminated);

        _machine.Configure(ServerInviteState.Accepted)
            .OnEntryFrom(_success, response =>
            {
                SendAndKeep(response);
                // RFC 6026 §7.1: Timer L (64*T1) bounds the wait for INVITE retransmissions.
                _timerL.Start(timers.TimerL);
            }, "send response, start Timer L")
            // RFC 6026 §7.1: INVITE retransmissions are absorbed (the TU retransmits the 2xx).
            .InternalTransition(ServerInviteTrigger.Invite, () => { })
            .InternalTransition(_success, (response, _) => SendAndKeep(response))
            .InternalTransition(_ack, (ack, source, _) => Notify(user => user.OnAck(ack, source, this)))
            .InternalTransition(ServerInviteTrigger.TransportError, NotifyTransportError)
            .Permit(ServerInviteTrigger.TimerLFires, ServerInviteState.Terminated);

        _machine.Configure(ServerInviteState.Terminated)
            // §17.2.1: Timer H firing means the ACK never came: a transaction failure for the TU.
            .OnEntryFrom(ServerInviteTrigger.TimerHFires, () => Notify(user => user.OnTimeout(this)), "inform TU")
            .OnEntry(() =>
            {
                _timerG.Dispose();
                _timerH.Dispose();
                _timerI.Dispose();
                _timerL.Dispose();
                OnTerminated();
            }, "dispose timers, leave index");

        _machine.OnUnhandledTrigger(LogUnhandled);
        _machine.OnTransitioned(t => LogTransition(t.Source, t.Destination, t.Trigger));
    }

    /// <summary>The current state.</summary>
    public ServerInviteState State => _machine.State;

    /// <inheritdoc />
    public override bool IsTerminated => _machine.State == ServerInviteState.Terminated;

    /// <summary>The last response sent, which INVITE retransmissions are answered with.</summary>
    public SipResponse? LastResponse => _lastResponse;

    /// <inheritdoc />
    public override string ToDotGraph() => UmlDotGraph.Format(_machine.GetInfo());

    /// <summary>
    /// Sends a response from the TU: 101-199 in Proceeding; 2xx in Proceeding or, as a
    /// retransmission by the TU (§13.3.1.4), in Accepted; 300-699 in Proceeding.
    /// </summary>
    /// <inheritdoc />
    public override bool SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var accepted = false;
        Turn(() =>
        {
            var trigger = response.StatusCode switch
            {
                < 200 => ServerInviteTrigger.Response1xxFromTU,
                < 300 => ServerInviteTrigger.Response2xxFromTU,
                _ => ServerInviteTrigger.Response300To699FromTU,
            };
            // 100 Trying is the transaction's own (§17.2.1); the figure's edge is 101-199.
            accepted = response.StatusCode != 100 && _machine.CanFire(trigger);
            if (!accepted)
            {
                LogUnhandled(_machine.State, trigger);
                return;
            }
            var parameterized = trigger switch
            {
                ServerInviteTrigger.Response1xxFromTU => _provisional,
                ServerInviteTrigger.Response2xxFromTU => _success,
                _ => _failure,
            };
            _machine.Fire(parameterized, response);
        });
        return accepted;
    }

    /// <summary>
    /// RFC 3261 §17.2.1: the transaction sends 100 Trying unless the TU will answer within
    /// 200 ms. Not knowing that, it always sends it at once, which quenches retransmissions.
    /// </summary>
    internal override void Start() => Turn(() =>
    {
        // §17.2.1: the 100 is built per §8.2.6 but without adding a To tag.
        var trying = SipResponseBuilder.CreateFor(Request, 100).Build();
        SendAndKeep(trying);
    });

    internal override void ReceiveRetransmission(SipRequest request) => Turn(() => _machine.Fire(ServerInviteTrigger.Invite));

    /// <summary>An ACK matched to this transaction (§17.2.3): absorbed in Completed, passed to the TU in Accepted.</summary>
    internal void ReceiveAck(SipRequest ack, SipHop source) => Turn(() => _machine.Fire(_ack, ack, source));

    internal override void ReceiveTransportError() => Turn(() => _machine.Fire(ServerInviteTrigger.TransportError));

    /// <summary>The To tag of the final response sent, which an RFC 2543 ACK must carry (§17.2.3).</summary>
    internal Utf8Slice FinalResponseToTag => _lastResponse is { IsProvisional: false } final ? final.To.Tag : default;

    private void SendAndKeep(SipResponse response)
    {
        _lastResponse = response;
        Send(response);
    }

    private void ResendLast()
    {
        if (_lastResponse is not null) Send(_lastResponse);
    }

    private void NotifyTransportError() => Notify(user => user.OnTransportError(this));
}
