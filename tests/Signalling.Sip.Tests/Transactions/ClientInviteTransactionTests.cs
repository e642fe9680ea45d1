using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Every transition of RFC 3261 Figure 5 as replaced by RFC 6026 §7.2, on a fake clock.</summary>
public class ClientInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ClientInviteTransaction Start(SipHop hop, string[]? routes = null) =>
        _h.Layer.SendInvite(TransactionHarness.Request(SipMethod.Invite, hop.Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP", routes: routes), hop);

    [Fact]
    public void INVITE_from_TU_sends_it_and_enters_Calling()
    {
        var tx = Start(TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Calling, tx.State);
        Assert.Equal(["INVITE"], _h.SentSummary);
        Assert.Equal(TransactionHarness.Udp, _h.Transport.Messages[0].Destination);
        Assert.Equal(1, _h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Timer_A_retransmits_with_doubling_intervals_and_no_T2_cap_on_UDP()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.TakeSent();

        // §17.1.1.2: T1, 2*T1, 4*T1, 8*T1, 16*T1 — the INVITE interval is not capped at T2 (4 s).
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 8000 })
        {
            _h.Advance(interval - 1);
            Assert.Empty(_h.TakeSent());
            _h.Advance(1);
            Assert.Equal(["INVITE"], _h.TakeSent());
        }
        Assert.Equal(ClientInviteState.Calling, tx.State);
    }

    [Fact]
    public void Timer_B_fires_in_Calling_terminates_and_informs_TU_without_ACK()
    {
        var tx = Start(TransactionHarness.Udp);

        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClientInviteState.Calling, tx.State);
        _h.Advance(1);

        Assert.Equal(ClientInviteState.Terminated, tx.State);
        // 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s: seven INVITEs, never an ACK.
        Assert.Equal(Enumerable.Repeat("INVITE", 7), _h.SentSummary);
        Assert.Same(tx, Assert.Single(_h.User.Of("Timeout")).Transaction);
        Assert.Single(_h.User.Of("Terminated"));
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
        Assert.Equal(0, _h.Clock.LiveTimers);
    }

    [Fact]
    public void Reliable_transport_never_retransmits_and_Timer_B_still_runs()
    {
        var tx = Start(TransactionHarness.Tcp);

        _h.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(["INVITE"], _h.SentSummary);
        _h.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Single(_h.User.Of("Timeout"));
    }

    [Fact]
    public void Transport_error_in_Calling_terminates_and_informs_TU()
    {
        var tx = Start(TransactionHarness.Udp);

        _h.Layer.OnTransportError(tx.Request, TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Same(tx, Assert.Single(_h.User.Of("TransportError")).Transaction);
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Provisional_in_Calling_enters_Proceeding_passes_it_up_and_stops_A_and_B()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.TakeSent();

        var ringing = TransactionHarness.Response(tx.Request, 180);
        _h.Layer.OnResponse(ringing, TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Proceeding, tx.State);
        Assert.Same(ringing, Assert.Single(_h.User.Of("Response")).Message);
        _h.Advance(TimeSpan.FromSeconds(100));
        Assert.Empty(_h.SentSummary); // no Timer A
        Assert.Equal(ClientInviteState.Proceeding, tx.State); // no Timer B
        Assert.Empty(_h.User.Of("Timeout"));
    }

    [Fact]
    public void Provisional_in_Proceeding_goes_to_TU_and_stays()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 100), TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 183), TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Proceeding, tx.State);
        Assert.Equal([100, 183], _h.User.Of("Response").Select(e => ((SipResponse)e.Message!).StatusCode));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Success_enters_Accepted_from_Calling_or_Proceeding_and_sends_no_ACK(bool fromProceeding)
    {
        var tx = Start(TransactionHarness.Udp);
        if (fromProceeding) _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 180), TransactionHarness.Udp);
        _h.TakeSent();

        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200), TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Accepted, tx.State);
        Assert.Equal(200, ((SipResponse)_h.User.Of("Response")[^1].Message!).StatusCode);
        Assert.Empty(_h.TakeSent()); // RFC 6026 §7.2: the TU sends the ACK for a 2xx
        Assert.Null(tx.Ack);
    }

    [Fact]
    public void Accepted_passes_every_2xx_to_TU_until_Timer_M()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200), TransactionHarness.Udp);
        _h.TakeSent();

        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200), TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200, toTag: "fork2"), TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 180), TransactionHarness.Udp); // no edge: dropped

        Assert.Equal(3, _h.User.Of("Response").Count);
        Assert.Empty(_h.TakeSent());

        // RFC 6026 §8.4: Timer M = 64*T1.
        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClientInviteState.Accepted, tx.State);
        _h.Advance(1);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Empty(_h.User.Of("Timeout"));
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
        Assert.Equal(0, _h.Clock.LiveTimers);

        // Once terminated, a late 2xx is stray and goes to the core (RFC 6026 §7.2).
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200), TransactionHarness.Udp);
        Assert.Single(_h.User.Of("StrayResponse"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Failure_enters_Completed_sends_ACK_and_passes_it_up(bool fromProceeding)
    {
        var tx = Start(TransactionHarness.Udp);
        if (fromProceeding) _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 180), TransactionHarness.Udp);
        _h.TakeSent();

        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 486), TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Completed, tx.State);
        Assert.Equal(["ACK"], _h.TakeSent());
        Assert.Equal(486, ((SipResponse)_h.User.Of("Response")[^1].Message!).StatusCode);
    }

    [Fact]
    public void ACK_for_a_failure_follows_17_1_1_3()
    {
        var tx = Start(TransactionHarness.Udp, routes: ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"]);
        _h.TakeSent();

        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 603, toTag: "xyz987"), TransactionHarness.Udp);

        var (message, destination) = Assert.Single(_h.Transport.Messages);
        var ack = Assert.IsType<SipRequest>(message);
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(TransactionHarness.Udp, destination);
        Assert.Equal(tx.Request.RequestUriText, ack.RequestUriText);
        Assert.Equal(tx.Request.Via.Text, Assert.Single(ack.Vias.ToList()).Text); // same branch, one Via
        Assert.Equal(tx.Request.CallId, ack.CallId);
        Assert.Equal(tx.Request.From.Text, ack.From.Text);
        Assert.Equal("xyz987", ack.To.Tag.ToString());
        Assert.Equal(tx.Request.CSeq.Number, ack.CSeq.Number);
        Assert.Equal(SipMethod.Ack, ack.CSeq.Method);
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.com;lr"], ack.Routes.ToList().Select(r => r.UriText.ToString()));
        Assert.Same(ack, tx.Ack);
    }

    [Fact]
    public void Completed_acknowledges_retransmitted_failures_without_telling_TU_and_Timer_D_ends_it()
    {
        var tx = Start(TransactionHarness.Udp);
        var busy = TransactionHarness.Response(tx.Request, 486);
        _h.Layer.OnResponse(busy, TransactionHarness.Udp);
        _h.TakeSent();

        _h.Layer.OnResponse(busy, TransactionHarness.Udp);
        _h.Layer.OnResponse(busy, TransactionHarness.Udp);

        Assert.Equal(["ACK", "ACK"], _h.TakeSent());
        Assert.Single(_h.User.Of("Response"));

        // §17.1.1.2: Timer D at least 32 s on UDP.
        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClientInviteState.Completed, tx.State);
        _h.Advance(1);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Reliable_transport_terminates_at_once_after_ACK_Timer_D_zero()
    {
        var tx = Start(TransactionHarness.Tcp);
        _h.TakeSent();

        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 404), TransactionHarness.Tcp);

        Assert.Equal(["ACK"], _h.TakeSent());
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["Response", "Terminated"], _h.User.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Transport_error_in_Completed_terminates_and_informs_TU()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 500), TransactionHarness.Udp);

        _h.Layer.OnTransportError(tx.Ack!, TransactionHarness.Udp);

        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Single(_h.User.Of("TransportError"));
    }

    [Fact]
    public void Timers_of_an_earlier_state_do_not_fire_later()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, 200), TransactionHarness.Udp);
        _h.TakeSent();

        _h.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(_h.TakeSent()); // Timer A was stopped on leaving Calling
        Assert.Empty(_h.User.Of("Timeout")); // and Timer B too
        Assert.Equal(ClientInviteState.Accepted, tx.State);
    }
}
