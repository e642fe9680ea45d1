using Signalling.Sip.Messages;
using Stateless;
using Stateless.Graph;

namespace Signalling.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8, with erratum 1470: a final
/// response may come straight from Trying).
/// </summary>
public sealed class ServerNonInviteTransaction : SipServerTransaction
{
    private readonly StateMachine<ServerNonInviteState, ServerNonInviteTrigger> _machine;
    private readonly StateMachine<ServerNonInviteState, ServerNonInviteTrigger>.TriggerWithParameters<SipResponse> _provisional;
    private readonly StateMachine<ServerNonInviteState, ServerNonInviteTrigger>.TriggerWithParameters<SipResponse> _final;
    private readonly TransactionTimer _timerJ;
    private SipResponse? _lastResponse;

    internal ServerNonInviteTransaction(SipRequest request, SipHop source, SipTransactionContext context)
        : base(request, source, context)
    {
        _timerJ = CreateTimer(() => _machine!.Fire(ServerNonInviteTrigger.TimerJFires));
        _machine = new StateMachine<ServerNonInviteState, ServerNonInviteTrigger>(ServerNonInviteState.Trying, FiringMode.Queued);
        _provisional = _machine.SetTriggerParameters<SipResponse>(ServerNonInviteTrigger.Response1xxFromTU);
        _final = _machine.SetTriggerParameters<SipResponse>(ServerNonInviteTrigger.Response200To699FromTU);

        // RFC 3261 §17.2.2: once in Trying, request retransmissions are discarded; no edge.
        _machine.Configure(ServerNonInviteState.Trying)
            .Permit(ServerNonInviteTrigger.Response1xxFromTU, ServerNonInviteState.Proceeding)
            .Permit(ServerNonInviteTrigger.Response200To699FromTU, ServerNonInviteState.Completed);

        _machine.Configure(ServerNonInviteState.Proceeding)
            .OnEntryFrom(_provisional, SendAndKeep, "send response")
            .InternalTransition(_provisional, (response, _) => SendAndKeep(response))
            .InternalTransition(ServerNonInviteTrigger.Request, ResendLast) // §17.2.2: most recent provisional
            .Permit(ServerNonInviteTrigger.Response200To699FromTU, ServerNonInviteState.Completed)
            .Permit(ServerNonInviteTrigger.TransportError, ServerNonInviteState.Terminated);

        _machine.Configure(ServerNonInviteState.Completed)
            .OnEntryFrom(_final, SendAndKeep, "send response")
            // §17.2.2: Timer J waits out request retransmissions (64*T1), zero when reliable.
            .OnEntry(() => StartOrFire(_timerJ, Context.Timers.GetTimerJ(IsReliable), () => _machine.Fire(ServerNonInviteTrigger.TimerJFires)), "start Timer J")
            .InternalTransition(ServerNonInviteTrigger.Request, ResendLast) // §17.2.2: the final response again
            .Permit(ServerNonInviteTrigger.TimerJFires, ServerNonInviteState.Terminated)
            .Permit(ServerNonInviteTrigger.TransportError, ServerNonInviteState.Terminated);

        _machine.Configure(ServerNonInviteState.Terminated)
            .OnEntryFrom(ServerNonInviteTrigger.TransportError, () => Notify(user => user.OnTransportError(this)), "inform TU")
            .OnEntry(() =>
            {
                _timerJ.Dispose();
                OnTerminated();
            }, "dispose timers, leave index");

        _machine.OnUnhandledTrigger(LogUnhandled);
        _machine.OnTransitioned(t => LogTransition(t.Source, t.Destination, t.Trigger));
    }

    /// <summary>The current state.</summary>
    public ServerNonInviteState State => _machine.State;

    /// <inheritdoc />
    public override bool IsTerminated => _machine.State == ServerNonInviteState.Terminated;

    /// <summary>The last response sent, which request retransmissions are answered with.</summary>
    public SipResponse? LastResponse => _lastResponse;

    /// <inheritdoc />
    public override string ToDotGraph() => UmlDotGraph.Format(_machine.GetInfo());

    /// <inheritdoc />
    public override bool SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var accepted = false;
        Turn(() =>
        {
            if (response.IsProvisional)
            {
                accepted = _machine.CanFire(ServerNonInviteTrigger.Response1xxFromTU);
                if (accepted) _machine.Fire(_provisional, response);
            }
            else
            {
                accepted = _machine.CanFire(ServerNonInviteTrigger.Response200To699FromTU);
                if (accepted) _machine.Fire(_final, response);
            }
            if (!accepted) LogUnhandled(_machine.State, response.IsProvisional ? ServerNonInviteTrigger.Response1xxFromTU : ServerNonInviteTrigger.Response200To699FromTU);
        });
        return accepted;
    }

    internal override void Start()
    {
        // RFC 3261 §17.2.2: the transaction starts in Trying and sends nothing until the TU answers.
    }

    internal override void ReceiveRetransmission(SipRequest request) => Turn(() => _machine.Fire(ServerNonInviteTrigger.Request));

    internal override void ReceiveTransportError() => Turn(() => _machine.Fire(ServerNonInviteTrigger.TransportError));

    private void SendAndKeep(SipResponse response)
    {
        _lastResponse = response;
        Send(response);
    }

    private void ResendLast()
    {
        if (_lastResponse is not null) Send(_lastResponse);
    }
}
