using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Every transition of RFC 3261 Figure 8 (§17.2.2, with erratum 1470), on a fake clock.</summary>
public class ServerNonInviteTransactionTests
{
    private readonly TransactionHarness _h = new();

    private (ServerNonInviteTransaction Transaction, SipRequest Request) Receive(SipHop hop)
    {
        var request = TransactionHarness.Request(SipMethod.Options, hop.Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP");
        _h.Layer.OnRequest(request, hop);
        var tx = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(_h.User.Of("Request")).Transaction);
        return (tx, request);
    }

    private SipResponse Answer(ServerNonInviteTransaction tx, int status)
    {
        var response = TransactionHarness.Response(tx.Request, status);
        Assert.True(tx.SendResponse(response));
        return response;
    }

    [Fact]
    public void Request_received_is_passed_to_TU_in_Trying_and_its_retransmissions_are_discarded()
    {
        var (tx, request) = Receive(TransactionHarness.Udp);

        Assert.Equal(ServerNonInviteState.Trying, tx.State);
        Assert.Same(request, tx.Request);
        Assert.Equal(TransactionHarness.Udp, tx.Hop);

        _h.Layer.OnRequest(request, TransactionHarness.Udp);

        Assert.Single(_h.User.Of("Request"));
        Assert.Empty(_h.SentSummary);
        Assert.Equal(1, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Provisional_from_TU_enters_Proceeding_and_request_retransmissions_get_it_again()
    {
        var (tx, request) = Receive(TransactionHarness.Udp);

        Answer(tx, 100);
        Assert.Equal(ServerNonInviteState.Proceeding, tx.State);
        Answer(tx, 183);
        Assert.Equal(ServerNonInviteState.Proceeding, tx.State);
        _h.Layer.OnRequest(request, TransactionHarness.Udp);

        Assert.Equal(["100", "183", "183"], _h.SentSummary);
        Assert.All(_h.Transport.Messages, m => Assert.Equal(TransactionHarness.Udp, m.Destination));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Final_from_TU_enters_Completed_answers_retransmissions_and_Timer_J_ends_it(bool fromProceeding)
    {
        var (tx, request) = Receive(TransactionHarness.Udp);
        if (fromProceeding) Answer(tx, 100);
        _h.TakeSent();

        Answer(tx, 200);
        Assert.Equal(ServerNonInviteState.Completed, tx.State);
        _h.Layer.OnRequest(request, TransactionHarness.Udp);
        Assert.Equal(["200", "200"], _h.TakeSent());

        // §17.2.2: Timer J = 64*T1 on UDP.
        _h.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ServerNonInviteState.Completed, tx.State);
        _h.Advance(1);
        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
        Assert.Equal(0, _h.Clock.LiveTimers);

        // Terminated: the same request is now a new transaction.
        _h.Layer.OnRequest(request, TransactionHarness.Udp);
        Assert.Equal(2, _h.User.Of("Request").Count);
    }

    [Fact]
    public void Reliable_transport_terminates_at_once_Timer_J_zero()
    {
        var (tx, _) = Receive(TransactionHarness.Tcp);

        Answer(tx, 404);

        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        Assert.Equal(["404"], _h.SentSummary);
        Assert.Equal(TransactionHarness.Tcp, _h.Transport.Messages[0].Destination); // back over its connection (§18.2.2)
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Transport_error_in_Proceeding_or_Completed_terminates_and_informs_TU(bool completed)
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        var sent = Answer(tx, 100);
        if (completed) sent = Answer(tx, 500);

        _h.Layer.OnTransportError(sent, TransactionHarness.Udp);

        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        Assert.Same(tx, Assert.Single(_h.User.Of("TransportError")).Transaction);
        Assert.Equal(0, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Responses_with_no_edge_are_refused_and_not_sent()
    {
        var (tx, _) = Receive(TransactionHarness.Udp);
        Answer(tx, 200);
        _h.TakeSent();

        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 180)));
        Assert.False(tx.SendResponse(TransactionHarness.Response(tx.Request, 486)));

        Assert.Empty(_h.SentSummary);
        Assert.Equal(200, tx.LastResponse!.StatusCode);
    }

    [Fact]
    public void TU_may_answer_from_inside_the_callback()
    {
        _h.User.OnRequestAnswer = tx => tx.SendResponse(TransactionHarness.Response(tx.Request, 200));

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options), TransactionHarness.Udp);

        Assert.Equal(["200"], _h.SentSummary);
        Assert.Equal(ServerNonInviteState.Completed, ((ServerNonInviteTransaction)_h.User.Of("Request")[0].Transaction!).State);
    }
}
