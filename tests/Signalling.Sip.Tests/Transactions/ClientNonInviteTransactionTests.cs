using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Every transition of RFC 3261 Figure 6 (§17.1.2), on a fake clock.</summary>
public class ClientNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private ClientNonInviteTransaction Start(SipHop hop) =>
        _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Register, hop.Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP"), hop);

    private void Respond(SipTransaction tx, int status, SipHop? hop = null) =>
        _h.Layer.OnResponse(TransactionHarness.Response(tx.Request, status), hop ?? TransactionHarness.Udp);

    private void AssertSentExactlyAfter(int milliseconds)
    {
        _h.Advance(milliseconds - 1);
        Assert.Empty(_h.TakeSent());
        _h.Advance(1);
        Assert.Equal(["REGISTER"], _h.TakeSent());
    }

    [Fact]
    public void Request_from_TU_sends_it_and_enters_Trying()
    {
        var tx = Start(TransactionHarness.Udp);

        Assert.Equal(ClientNonInviteState.Trying, tx.State);
        Assert.Equal(["REGISTER"], _h.SentSummary);
    }

    [Fact]
    public void Timer_E_in_Trying_doubles_up_to_T2()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.TakeSent();

        // §17.1.2.2: T1, 2*T1, 4*T1, then capped at T2 = 4 s.
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 4000, 4000 }) AssertSentExactlyAfter(interval);
        Assert.Equal(ClientNonInviteState.Trying, tx.State);
    }

    [Fact]
    public void Timer_F_in_Trying_terminates_and_informs_TU()
    {
        var tx = Start(TransactionHarness.Udp);

        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClientNonInviteState.Trying, tx.State);
        _h.Advance(1);

        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Same(tx, Assert.Single(_h.User.Of("Timeout")).Transaction);
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
        // No Timer E after termination.
        _h.TakeSent();
        _h.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_h.SentSummary);
    }

    [Fact]
    public void Transport_error_in_Trying_terminates_and_informs_TU()
    {
        var tx = Start(TransactionHarness.Udp);

        _h.Layer.OnTransportError(tx.Request, TransactionHarness.Udp);

        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Single(_h.User.Of("TransportError"));
    }

    [Fact]
    public void Provisional_enters_Proceeding_where_Timer_E_is_reset_to_T2()
    {
        var tx = Start(TransactionHarness.Udp);
        _h.Advance(600); // E fired at 500 ms, next due at 1500 ms
        _h.TakeSent();

        Respond(tx, 100);

        Assert.Equal(ClientNonInviteState.Proceeding, tx.State);
        Assert.Equal(100, ((SipResponse)Assert.Single(_h.User.Of("Response")).Message!).StatusCode);
        AssertSentExactlyAfter(900); // the pending E fires at 1.5 s
        AssertSentExactlyAfter(4000); // §17.1.2.2: then every T2
        AssertSentExactlyAfter(4000);
    }

    [Fact]
    public void Provisional_in_Proceeding_goes_to_TU()
    {
        var tx = Start(TransactionHarness.Udp);
        Respond(tx, 100);
        Respond(tx, 182);

        Assert.Equal(ClientNonInviteState.Proceeding, tx.State);
        Assert.Equal(2, _h.User.Of("Response").Count);
    }

    [Fact]
    public void Timer_F_and_transport_error_in_Proceeding_terminate_and_inform_TU()
    {
        var timedOut = Start(TransactionHarness.Udp);
        Respond(timedOut, 100);
        _h.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(ClientNonInviteState.Terminated, timedOut.State);
        Assert.Single(_h.User.Of("Timeout"));

        var failed = Start(TransactionHarness.Udp);
        Respond(failed, 100);
        _h.Layer.OnTransportError(failed.Request, TransactionHarness.Udp);
        Assert.Equal(ClientNonInviteState.Terminated, failed.State);
        Assert.Same(failed, Assert.Single(_h.User.Of("TransportError")).Transaction);
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 200)]
    [InlineData(false, 404)]
    [InlineData(true, 503)]
    public void Final_enters_Completed_passes_it_up_and_absorbs_retransmissions_until_Timer_K(bool fromProceeding, int status)
    {
        var tx = Start(TransactionHarness.Udp);
        if (fromProceeding) Respond(tx, 100);
        _h.TakeSent();
        _h.User.Clear();

        Respond(tx, status);
        Respond(tx, status);

        Assert.Equal(ClientNonInviteState.Completed, tx.State);
        Assert.Equal(status, ((SipResponse)Assert.Single(_h.User.Of("Response")).Message!).StatusCode);

        // §17.1.2.2: Timer K = T4 on UDP; no retransmissions meanwhile (E and F stopped).
        _h.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClientNonInviteState.Completed, tx.State);
        Assert.Empty(_h.TakeSent());
        _h.Advance(1);
        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Empty(_h.User.Of("Timeout"));
        Assert.Equal(0, _h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Reliable_transport_has_no_Timer_E_and_Timer_K_is_zero()
    {
        var tx = Start(TransactionHarness.Tcp);
        _h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["REGISTER"], _h.SentSummary);

        Respond(tx, 200, TransactionHarness.Tcp);

        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Equal(["Response", "Terminated"], _h.User.Events.Select(e => e.Kind));
    }
}
