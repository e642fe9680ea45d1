using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Matching (RFC 3261 §17.1.3, §17.2.3 with the RFC 2543 fallback, §9.2 for CANCEL) and the index's life cycle.</summary>
public class SipTransactionLayerTests
{
    private readonly TransactionHarness _h = new();

    private SipServerTransaction Received(int index = 0) => _h.User.Of("Request")[index].Transaction as SipServerTransaction ?? throw new InvalidOperationException();

    [Fact]
    public void Same_branch_from_another_sent_by_is_another_transaction()
    {
        const string Branch = "z9hG4bKsamebranch";
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options, branch: Branch, sentBy: "a.example.com"), TransactionHarness.Udp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options, branch: Branch, sentBy: "b.example.com"), TransactionHarness.Udp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options, branch: Branch, sentBy: "a.example.com"), TransactionHarness.Udp);

        Assert.Equal(2, _h.User.Of("Request").Count);
        Assert.NotSame(Received(0), Received(1));
        Assert.Equal(2, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Same_branch_and_sent_by_with_another_method_is_another_transaction()
    {
        const string Branch = "z9hG4bKsamebranch";
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options, branch: Branch), TransactionHarness.Udp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Info, branch: Branch), TransactionHarness.Udp);

        Assert.Equal(2, _h.User.Of("Request").Count);
        Assert.Equal([SipMethod.Options, SipMethod.Info], _h.User.Of("Request").Select(e => e.Transaction!.Method));
    }

    [Fact]
    public void CANCEL_gets_its_own_transaction_and_is_handed_over_with_its_INVITE()
    {
        const string Branch = "z9hG4bKinvite1";
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: Branch), TransactionHarness.Udp);
        var invite = Assert.IsType<ServerInviteTransaction>(Received());

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Cancel, branch: Branch), TransactionHarness.Udp);

        var cancel = Assert.Single(_h.User.Of("Cancel"));
        Assert.Same(invite, cancel.Other);
        var cancelTx = Assert.IsType<ServerNonInviteTransaction>(cancel.Transaction);
        Assert.NotSame(invite, cancelTx);
        Assert.Equal(SipMethod.Cancel, cancelTx.Method);
        Assert.Single(_h.User.Of("Request")); // the CANCEL is not a new request for OnRequest
        Assert.Equal(2, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void CANCEL_matching_no_INVITE_is_handed_over_alone()
    {
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: "z9hG4bKone"), TransactionHarness.Udp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Cancel, branch: "z9hG4bKother"), TransactionHarness.Udp);

        Assert.Null(Assert.Single(_h.User.Of("Cancel")).Other);
    }

    [Fact]
    public void ACK_with_the_INVITE_branch_matches_the_INVITE_transaction()
    {
        const string Branch = "z9hG4bKinvite2";
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: Branch), TransactionHarness.Udp);
        var invite = Assert.IsType<ServerInviteTransaction>(Received());
        invite.SendResponse(TransactionHarness.Response(invite.Request, 404));

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Ack, branch: Branch, toTag: "a6c85cf"), TransactionHarness.Udp);

        Assert.Equal(ServerInviteState.Confirmed, invite.State);
        Assert.Empty(_h.User.Of("Ack"));
    }

    [Fact]
    public void ACK_with_a_branch_of_its_own_goes_to_the_TU_directly()
    {
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: "z9hG4bKinvite3"), TransactionHarness.Udp);
        var invite = Assert.IsType<ServerInviteTransaction>(Received());
        invite.SendResponse(TransactionHarness.Response(invite.Request, 200));

        var ack = TransactionHarness.Request(SipMethod.Ack, branch: "z9hG4bKack3", toTag: "a6c85cf");
        _h.Layer.OnRequest(ack, TransactionHarness.Udp);

        var e = Assert.Single(_h.User.Of("Ack"));
        Assert.Same(ack, e.Message);
        Assert.Null(e.Transaction); // §13.2.2.4: the ACK for a 2xx is its own transaction
        Assert.Equal(1, _h.Layer.ServerTransactionCount); // and creates none
    }

    [Fact]
    public void RFC_2543_requests_match_by_Request_URI_tags_Call_ID_CSeq_and_top_Via()
    {
        var invite = TransactionHarness.Request(SipMethod.Invite, branch: "");
        _h.Layer.OnRequest(invite, TransactionHarness.Udp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: ""), TransactionHarness.Udp); // a retransmission
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: "", cseq: 2), TransactionHarness.Udp); // another CSeq
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: "", fromTag: "other"), TransactionHarness.Udp); // another From tag

        Assert.Equal(3, _h.User.Of("Request").Count);
        Assert.Equal(["100", "100", "100", "100"], _h.SentSummary); // the retransmission got the 100 again
        Assert.Equal(3, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void RFC_2543_ACK_matches_only_with_the_To_tag_of_the_response_and_CANCEL_finds_its_INVITE()
    {
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite, branch: "old1"), TransactionHarness.Udp);
        var invite = Assert.IsType<ServerInviteTransaction>(Received());
        Assert.False(invite.Request.Via.HasRfc3261Branch);

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Cancel, branch: "old1"), TransactionHarness.Udp);
        Assert.Same(invite, Assert.Single(_h.User.Of("Cancel")).Other);

        invite.SendResponse(TransactionHarness.Response(invite.Request, 487, toTag: "t487"));

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Ack, branch: "old1", toTag: "wrong"), TransactionHarness.Udp);
        Assert.Equal(ServerInviteState.Completed, invite.State);
        Assert.Single(_h.User.Of("Ack")); // not this transaction's: to the TU

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Ack, branch: "old1", toTag: "t487"), TransactionHarness.Udp);
        Assert.Equal(ServerInviteState.Confirmed, invite.State);
        Assert.Single(_h.User.Of("Ack"));
    }

    [Fact]
    public void Responses_go_to_the_client_transaction_of_their_branch_and_CSeq_method()
    {
        const string Branch = "z9hG4bKclient1";
        var inviteRequest = TransactionHarness.Request(SipMethod.Invite, branch: Branch);
        var invite = _h.Layer.SendInvite(inviteRequest, TransactionHarness.Udp);
        var cancel = _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Cancel, branch: Branch), TransactionHarness.Udp);

        _h.Layer.OnResponse(TransactionHarness.Response(cancel.Request, 200), TransactionHarness.Udp);
        _h.Layer.OnResponse(TransactionHarness.Response(inviteRequest, 487), TransactionHarness.Udp);

        var responses = _h.User.Of("Response");
        Assert.Equal(2, responses.Count);
        Assert.Same(cancel, responses[0].Transaction);
        Assert.Same(invite, responses[1].Transaction);
        Assert.Equal(ClientNonInviteState.Completed, cancel.State);
        Assert.Equal(ClientInviteState.Completed, invite.State);
    }

    [Fact]
    public void Unknown_responses_go_to_the_TU_as_stray()
    {
        _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Options, branch: "z9hG4bKknown"), TransactionHarness.Udp);
        var unknown = TransactionHarness.Response(TransactionHarness.Request(SipMethod.Options, branch: "z9hG4bKunknown"), 200);
        var wrongMethod = TransactionHarness.Response(TransactionHarness.Request(SipMethod.Info, branch: "z9hG4bKknown"), 200);

        _h.Layer.OnResponse(unknown, TransactionHarness.Udp);
        _h.Layer.OnResponse(wrongMethod, TransactionHarness.Udp);

        Assert.Equal([unknown, wrongMethod], _h.User.Of("StrayResponse").Select(e => e.Message));
        Assert.Empty(_h.User.Of("Response"));
    }

    [Fact]
    public void Client_transactions_need_an_RFC_3261_branch_unique_per_method()
    {
        var request = TransactionHarness.Request(SipMethod.Options, branch: "z9hG4bKdup");
        _h.Layer.SendRequest(request, TransactionHarness.Udp);

        Assert.Throws<InvalidOperationException>(() => _h.Layer.SendRequest(request, TransactionHarness.Udp));
        Assert.Throws<ArgumentException>(() => _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Options, branch: "nocookie"), TransactionHarness.Udp));
        Assert.Throws<ArgumentException>(() => _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Invite), TransactionHarness.Udp));
        Assert.Throws<ArgumentException>(() => _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Ack), TransactionHarness.Udp));
        Assert.Throws<ArgumentException>(() => _h.Layer.SendInvite(request, TransactionHarness.Udp));
        Assert.Equal(1, _h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void A_TU_that_throws_does_not_break_the_layer()
    {
        _h.User.OnRequestAnswer = _ => throw new InvalidOperationException("TU bug");

        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options), TransactionHarness.Udp);

        Assert.Single(_h.User.Of("Request"));
        Assert.Equal(1, _h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Transactions_leave_the_index_when_terminated_and_their_timers_stop()
    {
        var tcp = TransactionHarness.Tcp;
        var client = _h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Options, "TCP"), tcp);
        _h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Options, "TCP"), tcp);
        var server = Assert.IsType<ServerNonInviteTransaction>(Received());
        Assert.Equal((1, 1), (_h.Layer.ClientTransactionCount, _h.Layer.ServerTransactionCount));

        _h.Layer.OnResponse(TransactionHarness.Response(client.Request, 200), tcp);
        server.SendResponse(TransactionHarness.Response(server.Request, 200));

        Assert.Equal((0, 0), (_h.Layer.ClientTransactionCount, _h.Layer.ServerTransactionCount));
        Assert.Equal(2, _h.User.Of("Terminated").Count);
        Assert.Equal(0, _h.Clock.LiveTimers); // Timer F was disposed; none left behind
    }

    [Fact]
    public async Task The_same_request_arriving_on_many_threads_at_once_makes_one_transaction()
    {
        var request = TransactionHarness.Request(SipMethod.Register);
        using var start = new ManualResetEventSlim();
        var receivers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            for (var i = 0; i < 200; i++) _h.Layer.OnRequest(request, TransactionHarness.Udp);
        }, TestContext.Current.CancellationToken)).ToArray();

        start.Set();
        await Task.WhenAll(receivers);

        Assert.Single(_h.User.Of("Request"));
        Assert.Equal(1, _h.Layer.ServerTransactionCount);
    }
}
