using System.Globalization;
using Signalling.Sip.Messages;
using Stateless;
using Stateless.Graph;

namespace Signalling.Sip.Transactions;

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1, Figure 5 as replaced by RFC 6026 §7.2).
/// It acknowledges 300-699 responses itself (§17.1.1.3); a 2xx moves it to Accepted, where every
/// 2xx goes to the TU, which sends the ACK (§13.2.2.4).
/// </summary>
public sealed class ClientInviteTransaction : SipClientTransaction
{
    private readonly StateMachine<ClientInviteState, ClientInviteTrigger> _machine;
    private readonly StateMachine<ClientInviteState, ClientInviteTrigger>.TriggerWithParameters<SipResponse> _provisional;
    private readonly StateMachine<ClientInviteState, ClientInviteTrigger>.TriggerWithParameters<SipResponse> _success;
    private readonly StateMachine<ClientInviteState, ClientInviteTrigger>.TriggerWithParameters<SipResponse> _failure;
    private readonly TransactionTimer _timerA;
    private readonly TransactionTimer _timerB;
    private readonly TransactionTimer _timerD;
    private readonly TransactionTimer _timerM;
    private SipRequest? _ack;

    internal ClientInviteTransaction(SipRequest invite, SipHop destination, SipTransactionContext context)
        : base(invite, destination, context)
    {
        _timerA = CreateTimer(() => _machine!.Fire(ClientInviteTrigger.TimerAFires));
        _timerB = CreateTimer(() => _machine!.Fire(ClientInviteTrigger.TimerBFires));
        _timerD = CreateTimer(() => _machine!.Fire(ClientInviteTrigger.TimerDFires));
        _timerM = CreateTimer(() => _machine!.Fire(ClientInviteTrigger.TimerMFires));
        _machine = new StateMachine<ClientInviteState, ClientInviteTrigger>(ClientInviteState.Calling, FiringMode.Queued);
        _provisional = _machine.SetTriggerParameters<SipResponse>(ClientInviteTrigger.Response1xx);
        _success = _machine.SetTriggerParameters<SipResponse>(ClientInviteTrigger.Response2xx);
        _failure = _machine.SetTriggerParameters<SipResponse>(ClientInviteTrigger.Response300To699);
        var timers = context.Timers;

        _machine.Configure(ClientInviteState.Calling)
            .InternalTransition(ClientInviteTrigger.TimerAFires, () =>
            {
                Send(Request);
                // §17.1.1.2: each retransmission doubles the interval (no T2 cap for INVITE).
                _timerA.Start(2 * _timerA.Interval);
            })
            .Permit(ClientInviteTrigger.Response1xx, ClientInviteState.Proceeding)
            .Permit(ClientInviteTrigger.Response2xx, ClientInviteState.Accepted)
            .Permit(ClientInviteTrigger.Response300To699, ClientInviteState.Completed)
            .Permit(ClientInviteTrigger.TimerBFires, ClientInviteState.Terminated)
            .Permit(ClientInviteTrigger.TransportError, ClientInviteState.Terminated)
            .OnExit(() =>
            {
                // §17.1.1.2: retransmissions stop once a response comes; Timer B only guards Calling.
                _timerA.Stop();
                _timerB.Stop();
            }, "stop Timers A, B");

        _machine.Configure(ClientInviteState.Proceeding)
            .OnEntryFrom(_provisional, ToUser, "1xx to TU")
            .InternalTransition(_provisional, (response, _) => ToUser(response))
            .Permit(ClientInviteTrigger.Response2xx, ClientInviteState.Accepted)
            .Permit(ClientInviteTrigger.Response300To699, ClientInviteState.Completed);

        _machine.Configure(ClientInviteState.Accepted)
            .OnEntryFrom(_success, response =>
            {
                ToUser(response);
                // RFC 6026 §7.2: Timer M (64*T1) bounds the wait for 2xx retransmissions and forks.
                _timerM.Start(timers.TimerM);
            }, "2xx to TU, start Timer M")
            // RFC 6026 §7.2: every 2xx goes to the TU, which ACKs it; the transaction never does.
            .InternalTransition(_success, (response, _) => ToUser(response))
            .Permit(ClientInviteTrigger.TimerMFires, ClientInviteState.Terminated);

        _machine.Configure(ClientInviteState.Completed)
            .OnEntryFrom(_failure, response =>
            {
                SendAck(response);
                ToUser(response);
                // §17.1.1.2: Timer D (32 s, zero when reliable) absorbs retransmitted finals.
                StartOrFire(_timerD, timers.GetTimerD(IsReliable), () => _machine.Fire(ClientInviteTrigger.TimerDFires));
            }, "ACK sent, resp. to TU, start Timer D")
            // §17.1.1.2: a retransmitted final response is acknowledged again, not passed up.
            .InternalTransition(_failure, (response, _) => SendAck(response))
            .Permit(ClientInviteTrigger.TransportError, ClientInviteState.Terminated)
            .Permit(ClientInviteTrigger.TimerDFires, ClientInviteState.Terminated);

        _machine.Configure(ClientInviteState.Terminated)
            // §17.1.1.2: Timer B is a timeout for the TU (a 408 to it); no ACK is generated.
            .OnEntryFrom(ClientInviteTrigger.TimerBFires, () => Notify(user => user.OnTimeout(this)), "inform TU")
            .OnEntryFrom(ClientInviteTrigger.TransportError, () => Notify(user => user.OnTransportError(this)), "inform TU")
            .OnEntry(() =>
            {
                _timerA.Dispose();
                _timerB.Dispose();
                _timerD.Dispose();
                _timerM.Dispose();
                OnTerminated();
            }, "dispose timers, leave index");

        _machine.OnUnhandledTrigger(LogUnhandled);
        _machine.OnTransitioned(t => LogTransition(t.Source, t.Destination, t.Trigger));
    }

    /// <summary>The current state.</summary>
    public ClientInviteState State => _machine.State;

    /// <inheritdoc />
    public override bool IsTerminated => _machine.State == ClientInviteState.Terminated;

    /// <summary>The ACK the transaction built for a 300-699 response (§17.1.1.3), or null before one came.</summary>
    public SipRequest? Ack => _ack;

    /// <inheritdoc />
    public override string ToDotGraph() => UmlDotGraph.Format(_machine.GetInfo());

    internal override void Start() => Turn(() =>
    {
        // Figure 5 entry: "INVITE from TU / INVITE sent"; Timer A (T1) only when unreliable, Timer B (64*T1) always.
        Send(Request);
        if (!IsReliable) _timerA.Start(Context.Timers.TimerA);
        _timerB.Start(Context.Timers.TimerB);
    });

    internal override void ReceiveResponse(SipResponse response) => Turn(() =>
    {
        if (response.IsProvisional) _machine.Fire(_provisional, response);
        else if (response.IsSuccess) _machine.Fire(_success, response);
        else _machine.Fire(_failure, response);
    });

    internal override void ReceiveTransportError() => Turn(() => _machine.Fire(ClientInviteTrigger.TransportError));

    private void ToUser(SipResponse response) => Notify(user => user.OnResponse(this, response));

    private void SendAck(SipResponse response)
    {
        _ack ??= BuildAck(Request, response);
        Send(_ack);
    }

    /// <summary>
    /// A CANCEL for this INVITE (RFC 3261 §9.1): the same Request-URI, Call-ID, To, From and
    /// CSeq number (method CANCEL), one Via equal to the INVITE's top Via (so the same branch,
    /// which is how the server matches it, §9.2) and the INVITE's Route headers. The TU sends it
    /// with <see cref="SipTransactionLayer.SendRequest"/>, and only once a provisional response
    /// has come (§9.1: not while the transaction is in Calling).
    /// </summary>
    public SipRequest CreateCancel() => BuildFromInvite(Request, SipMethod.Cancel, Request.To.Text);

    /// <summary>
    /// RFC 3261 §17.1.1.3: the ACK for a 300-699 has the INVITE's Request-URI, Call-ID, From and
    /// CSeq number (method ACK), the response's To (with its tag), one Via equal to the INVITE's
    /// top Via (so the same branch), and the INVITE's Route headers.
    /// </summary>
    internal static SipRequest BuildAck(SipRequest invite, SipResponse response) => BuildFromInvite(invite, SipMethod.Ack, response.To.Text);

    private static SipRequest BuildFromInvite(SipRequest invite, SipMethod method, Utf8Slice to)
    {
        var builder = new SipRequestBuilder(method, invite.RequestUriText.ToString())
            .AddHeader(SipHeaderNames.GetCanonicalName(KnownHeader.Via), invite.Via.Text.Memory)
            .AddHeader(KnownHeader.MaxForwards, "70")
            .AddHeader(SipHeaderNames.GetCanonicalName(KnownHeader.To), to.Memory)
            .AddHeader(SipHeaderNames.GetCanonicalName(KnownHeader.From), invite.From.Text.Memory)
            .AddHeader(SipHeaderNames.GetCanonicalName(KnownHeader.CallId), invite.CallId.Memory)
            .AddHeader(KnownHeader.CSeq, string.Create(CultureInfo.InvariantCulture, $"{invite.CSeq.Number} {method.Name}"));
        foreach (var header in invite.Headers)
        {
            if (header.Id == KnownHeader.Route) builder.AddHeader(SipHeaderNames.GetCanonicalName(KnownHeader.Route), header.Value.Memory);
        }
        return builder.Build();
    }
}
