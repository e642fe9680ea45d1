using Signalling.Sip.Messages;
using Stateless;
using Stateless.Graph;

namespace Signalling.Sip.Transactions;

/// <summary>The non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6).</summary>
public sealed class ClientNonInviteTransaction : SipClientTransaction
{
    private readonly StateMachine<ClientNonInviteState, ClientNonInviteTrigger> _machine;
    private readonly StateMachine<ClientNonInviteState, ClientNonInviteTrigger>.TriggerWithParameters<SipResponse> _provisional;
    private readonly StateMachine<ClientNonInviteState, ClientNonInviteTrigger>.TriggerWithParameters<SipResponse> _final;
    private readonly TransactionTimer _timerE;
    private readonly TransactionTimer _timerF;
    private readonly TransactionTimer _timerK;

    internal ClientNonInviteTransaction(SipRequest request, SipHop destination, SipTransactionContext context)
        : base(request, destination, context)
    {
        _timerE = CreateTimer(() => _machine!.Fire(ClientNonInviteTrigger.TimerEFires));
        _timerF = CreateTimer(() => _machine!.Fire(ClientNonInviteTrigger.TimerFFires));
        _timerK = CreateTimer(() => _machine!.Fire(ClientNonInviteTrigger.TimerKFires));
        _machine = new StateMachine<ClientNonInviteState, ClientNonInviteTrigger>(ClientNonInviteState.Trying, FiringMode.Queued);
        _provisional = _machine.SetTriggerParameters<SipResponse>(ClientNonInviteTrigger.Response1xx);
        _final = _machine.SetTriggerParameters<SipResponse>(ClientNonInviteTrigger.Response200To699);
        var timers = context.Timers;

        _machine.Configure(ClientNonInviteState.Trying)
            .InternalTransition(ClientNonInviteTrigger.TimerEFires, () =>
            {
                Send(Request);
                // §17.1.2.2: in Trying, Timer E doubles up to T2.
                var next = 2 * _timerE.Interval;
                _timerE.Start(next < timers.T2 ? next : timers.T2);
            })
            .Permit(ClientNonInviteTrigger.Response1xx, ClientNonInviteState.Proceeding)
            .Permit(ClientNonInviteTrigger.Response200To699, ClientNonInviteState.Completed)
            .Permit(ClientNonInviteTrigger.TimerFFires, ClientNonInviteState.Terminated)
            .Permit(ClientNonInviteTrigger.TransportError, ClientNonInviteState.Terminated);

        _machine.Configure(ClientNonInviteState.Proceeding)
            .OnEntryFrom(_provisional, ToUser, "resp. to TU")
            .InternalTransition(_provisional, (response, _) => ToUser(response))
            .InternalTransition(ClientNonInviteTrigger.TimerEFires, () =>
            {
                Send(Request);
                // §17.1.2.2: in Proceeding, Timer E is reset to T2.
                _timerE.Start(timers.T2);
            })
            .Permit(ClientNonInviteTrigger.Response200To699, ClientNonInviteState.Completed)
            .Permit(ClientNonInviteTrigger.TimerFFires, ClientNonInviteState.Terminated)
            .Permit(ClientNonInviteTrigger.TransportError, ClientNonInviteState.Terminated);

        _machine.Configure(ClientNonInviteState.Completed)
            .OnEntryFrom(_final, ToUser, "resp. to TU")
            .OnEntry(() =>
            {
                _timerE.Stop();
                _timerF.Stop();
                // §17.1.2.2: Timer K (T4, zero when reliable) absorbs response retransmissions,
                // which have no edge in Completed and are dropped as unhandled.
                StartOrFire(_timerK, timers.GetTimerK(IsReliable), () => _machine.Fire(ClientNonInviteTrigger.TimerKFires));
            }, "stop Timers E, F; start Timer K")
            .Permit(ClientNonInviteTrigger.TimerKFires, ClientNonInviteState.Terminated);

        _machine.Configure(ClientNonInviteState.Terminated)
            // §17.1.2.2: Timer F is a timeout for the TU (a 408 to it, §8.1.3.1).
            .OnEntryFrom(ClientNonInviteTrigger.TimerFFires, () => Notify(user => user.OnTimeout(this)), "inform TU")
            .OnEntryFrom(ClientNonInviteTrigger.TransportError, () => Notify(user => user.OnTransportError(this)), "inform TU")
            .OnEntry(() =>
            {
                _timerE.Dispose();
                _timerF.Dispose();
                _timerK.Dispose();
                OnTerminated();
            }, "dispose timers, leave index");

        _machine.OnUnhandledTrigger(LogUnhandled);
        _machine.OnTransitioned(t => LogTransition(t.Source, t.Destination, t.Trigger));
    }

    /// <summary>The current state.</summary>
    public ClientNonInviteState State => _machine.State;

    /// <inheritdoc />
    public override bool IsTerminated => _machine.State == ClientNonInviteState.Terminated;

    /// <inheritdoc />
    public override string ToDotGraph() => UmlDotGraph.Format(_machine.GetInfo());

    internal override void Start() => Turn(() =>
    {
        // Figure 6 entry: "Request from TU / send request"; Timer E (T1) only when unreliable, Timer F (64*T1) always.
        Send(Request);
        if (!IsReliable) _timerE.Start(Context.Timers.TimerE);
        _timerF.Start(Context.Timers.TimerF);
    });

    internal override void ReceiveResponse(SipResponse response) => Turn(() =>
    {
        if (response.IsProvisional) _machine.Fire(_provisional, response);
        else _machine.Fire(_final, response);
    });

    internal override void ReceiveTransportError() => Turn(() => _machine.Fire(ClientNonInviteTrigger.TransportError));

    private void ToUser(SipResponse response) => Notify(user => user.OnResponse(this, response));
}
