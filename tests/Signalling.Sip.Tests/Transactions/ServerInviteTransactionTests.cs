using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Every transition of RFC 3261 Figure 7 as replaced by RFC 6026 §7.1, on a fake clock.</summary>
public class ServerInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private (ServerInviteTransaction Transaction, SipRequest Invite) Receive(SipHop hop)
    {
        var invite = TransactionHarness.Request(SipMethod.Invite, hop.Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP");
        _h.Layer.OnRequest(invite, hop);
        var tx = Assert.IsType<ServerInviteTransaction>(Assert.Single(_h.User.Of("Request")).Transaction);
        return (tx, invite);
    }

    private SipResponse Answer(ServerInviteTransaction tx, int status)
    {
        var response = TransactionHarness.Response(tx.Request, status);
        Assert.True(tx.SendResponse(response));
        return response;
    }

    /// <summary>The ACK a UAC sends for a 300-699 (§17.1.1.3): same branch as the INVITE.</summary>
    private static SipRequest AckFor(SipRequest invite, string branch) =>
        TransactionHarness.Request(SipMethod.Ack, branch: branch, toTag: "a6c85cf");

    [Fact]
    public void INVITE_is_passed_to_TU_in_Proceeding_and_100_Trying_is_sent_without_To_tag()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);

        Assert.Equal(ServerInviteState.Proceeding, tx.State);
        var trying = Assert.IsType<SipResponse>(Assert.Single(_h.Transport.Messages).Message);
        Assert.Equal(100, trying.StatusCode);
        Assert.True(trying.To.Tag.IsEmpty); // §17.2.1: SHOULD NOT add a To tag to the 100
        Assert.Equal(tx.Request.Via.Branch, trying.Via.Branch);
    }

    [Fact]
    public void Retransmitted_INVITE_in_Proceeding_gets_the_latest_provisional_and_1xx_from_TU_is_sent()
    {
        var (tx, invite) = Receive(TransactionHarness.Udp);
        _h.Layer.OnRequest(invite, TransactionHarness.Udp);
        Answer(tx, 180);
        _h.Layer.OnRequest(invite, TransactionHarness.Udp);

        Assert.Equal(["100", "100", "180", "180"], _h.SentSummary);
        Assert.Equal(ServerInviteState.Proceeding, tx.State);
        Assert.Single(_h.User.Of("Request")); // retransmissions are not new requests
    }

    [Fact]
    public void Transport_error_in_Proceeding_informs_TU_and_stays()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);

        _h.Layer.OnTransportError(tx.LastResponse!, TransactionHarness.Udp);

        Assert.Equal(ServerInviteState.Proceeding, tx.State);
        Assert.Same(tx, Assert.Single(_h.User.Of("TransportError")).Transaction);
        Assert.True(tx.SendResponse(TransactionHarness.Response(tx.Request, 180)));
    }

    [Fact]
    public void Failure_from_TU_enters_Completed_and_Timer_G_doubles_up_to_T2()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        _h.TakeSent();

        Answer(tx, 486);
        Assert.Equal(ServerInviteState.Completed, tx.State);
        Assert.Equal(["486"], _h.TakeSent());

        // §17.2.1: T1, 2*T1, 4*T1, then T2.
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 4000 })
        {
            _h.Advance(interval - 1);
            Assert.Empty(_h.TakeSent());
            _h.Advance(1);
            Assert.Equal(["486"], _h.TakeSent());
        }
    }

    [Fact]
    public void Completed_answers_retransmitted_INVITE_with_the_final_response_and_reports_transport_errors()
    {
        var (tx, invite) = Receive(TransactionHarness.Udp);
        var busy = Answer(tx, 486);
        _h.TakeSent();

        _h.Layer.OnRequest(invite, TransactionHarness.Udp);
        Assert.Equal(["486"], _h.TakeSent());

        _h.Layer.OnTransportError(busy, TransactionHarness.Udp);
        Assert.Equal(ServerInviteState.Completed, tx.State); // RFC 6026 Figure 7: a loop
        Assert.Single(_h.User.Of("TransportError"));
    }

    [Fact]
    public void ACK_enters_Confirmed_is_absorbed_and_Timer_I_ends_it()
    {
        var (tx, invite) = Receive(TransactionHarness.Udp);
        Answer(tx, 486);
        _h.TakeSent();
        var ack = AckFor(invite, tx.Branch.ToString());

        _h.Layer.OnRequest(ack, TransactionHarness.Udp);
        Assert.Equal(ServerInviteState.Confirmed, tx.State);
        _h.Layer.OnRequest(ack, TransactionHarness.Udp); // retransmitted ACK: absorbed

        Assert.Empty(_h.User.Of("Ack"));
        // No more Timer G retransmissions once confirmed; Timer I = T4 on UDP.
        _h.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_h.TakeSent());
        Assert.Equal(ServerInviteState.Confirmed, tx.State);
        _h.Advance(1);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
        Assert.Empty(_h.User.Of("Timeout"));
        Assert.Equal(0, _h.Clock.LiveTimers);
    }

    [Fact]
    public void Timer_H_without_ACK_terminates_and_informs_TU()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        Answer(tx, 603);

        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ServerInviteState.Completed, tx.State);
        _h.Advance(1);

        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Same(tx, Assert.Single(_h.User.Of("Timeout")).Transaction);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Reliable_transport_has_no_Timer_G_and_Timer_I_is_zero()
    {
        var (tx, _) = Receive(TransactionHarness.Tcp);
        Answer(tx, 486);
        _h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["100", "486"], _h.SentSummary);

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Ack, "TCP", branch: tx.Branch.ToString(), toTag: "a6c85cf"), TransactionHarness.Tcp);

        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Success_from_TU_enters_Accepted_absorbs_INVITE_and_sends_TU_retransmissions_of_2xx()
    {
        var (tx, invite) = Receive(TransactionHarness.Udp);
        _h.TakeSent();

        var ok = Answer(tx, 200);
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        Assert.Equal(["200"], _h.TakeSent());

        _h.Layer.OnRequest(invite, TransactionHarness.Udp); // RFC 6026 §7.1: absorbed, not a new request
        Assert.Empty(_h.TakeSent());
        Assert.Single(_h.User.Of("Request"));

        Assert.True(tx.SendResponse(ok)); // the TU retransmits its 2xx (§13.3.1.4)
        Assert.Equal(["200"], _h.TakeSent());
        _h.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_h.TakeSent()); // no Timer G for a 2xx: that is the TU's job
    }

    [Fact]
    public void ACK_matching_in_Accepted_goes_to_TU_with_the_transaction()
    {
        var (tx, invite) = Receive(TransactionHarness.Udp);
        Answer(tx, 200);

        var ack = AckFor(invite, tx.Branch.ToString());
        _h.Layer.OnRequest(ack, TransactionHarness.Udp);

        var e = Assert.Single(_h.User.Of("Ack"));
        Assert.Same(ack, e.Message);
        Assert.Same(tx, e.Transaction);
        Assert.Equal(ServerInviteState.Accepted, tx.State);
    }

    [Fact]
    public void Transport_error_in_Accepted_informs_TU_and_Timer_L_ends_it()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        var ok = Answer(tx, 200);

        _h.Layer.OnTransportError(ok, TransactionHarness.Udp);
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        Assert.Single(_h.User.Of("TransportError"));

        // RFC 6026 §8.7: Timer L = 64*T1.
        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        _h.Advance(1);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
        Assert.Empty(_h.User.Of("Timeout"));
        Assert.Equal(0, _h.Clock.LiveTimers);
    }

    [Fact]
    public void Responses_with_no_edge_are_refused()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 100))); // the 100 is the transaction's own
        Answer(tx, 486);
        _h.TakeSent();

        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 180)));
        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 200)));
        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 500)));

        Assert.Empty(_h.SentSummary);
        Assert.Equal(ServerInviteState.Completed, tx.State);
    }
}
