using System.Net;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>Two layers talking over in-memory transports: a caller's client transactions against a callee's server transactions.</summary>
public class LoopbackTests
{
    private static readonly SipHop CallerHop = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));
    private static readonly SipHop CalleeHop = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.2"), 5060));

    private readonly TransactionHarness _caller = new();
    private readonly TransactionHarness _callee = new();
    private readonly Queue<(SipMessage Message, ISipTransportReceiver To, SipHop From)> _wire = new();

    public LoopbackTests()
    {
        // The transport contract forbids calling back synchronously, so the wire is a queue
        // that the test pumps.
        _caller.Transport.Sent = (message, _) => _wire.Enqueue((message, _callee.Layer, CallerHop));
        _callee.Transport.Sent = (message, _) => _wire.Enqueue((message, _caller.Layer, CalleeHop));
    }

    private void Pump()
    {
        while (_wire.TryDequeue(out var item))
        {
            if (item.Message is SipRequest request) item.To.OnRequest(request, item.From);
            else item.To.OnResponse((SipResponse)item.Message, item.From);
        }
    }

    [Fact]
    public void INVITE_cancelled_after_ringing_ends_with_487_ACKed_by_the_client_transaction()
    {
        var invite = _caller.Layer.SendInvite(TransactionHarness.Request(SipMethod.Invite, routes: ["<sip:proxy.example.com;lr>"]), CalleeHop);
        Pump();
        var serverInvite = Assert.IsType<ServerInviteTransaction>(Assert.Single(_callee.User.Of("Request")).Transaction);
        serverInvite.SendResponse(TransactionHarness.Response(serverInvite.Request, 180));
        Pump();
        Assert.Equal(ClientInviteState.Proceeding, invite.State);

        var cancelRequest = invite.CreateCancel();
        Assert.Equal(invite.Branch, cancelRequest.Via.Branch); // §9.1: same branch, so §9.2 matches it
        Assert.Equal(SipMethod.Cancel, cancelRequest.CSeq.Method);
        Assert.Equal(invite.Request.CSeq.Number, cancelRequest.CSeq.Number);
        Assert.Equal(["sip:proxy.example.com;lr"], cancelRequest.Routes.ToList().Select(r => r.UriText.ToString()));
        var cancel = _caller.Layer.SendRequest(cancelRequest, CalleeHop);
        Pump();

        var (cancelTx, matched) = (Assert.Single(_callee.User.Of("Cancel")).Transaction as ServerNonInviteTransaction, Assert.Single(_callee.User.Of("Cancel")).Other);
        Assert.Same(serverInvite, matched);
        cancelTx!.SendResponse(TransactionHarness.Response(cancelTx.Request, 200));
        serverInvite.SendResponse(TransactionHarness.Response(serverInvite.Request, 487));
        Pump();

        Assert.Equal(ClientNonInviteState.Completed, cancel.State);
        Assert.Equal(ClientInviteState.Completed, invite.State);
        Assert.Equal(ServerInviteState.Confirmed, serverInvite.State); // the transaction's own ACK arrived
        Assert.Equal([100, 180, 200, 487], _caller.User.Of("Response").Select(e => ((SipResponse)e.Message!).StatusCode));
        Assert.Empty(_callee.User.Of("Ack")); // absorbed by the server transaction
    }

    [Fact]
    public void INVITE_answered_with_200_and_ACKed_by_the_TU_end_in_Accepted_then_Terminated()
    {
        var invite = _caller.Layer.SendInvite(TransactionHarness.Request(SipMethod.Invite), CalleeHop);
        Pump();
        var serverInvite = Assert.IsType<ServerInviteTransaction>(Assert.Single(_callee.User.Of("Request")).Transaction);
        var ok = TransactionHarness.Response(serverInvite.Request, 200);
        serverInvite.SendResponse(ok);
        Pump();
        Assert.Equal(ClientInviteState.Accepted, invite.State);
        Assert.Equal(ServerInviteState.Accepted, serverInvite.State);

        // The UAC core ACKs the 2xx itself, with a new branch (§13.2.2.4), straight to the transport.
        var ack = TransactionHarness.Request(SipMethod.Ack, branch: SipIdentifiers.NewBranch(), toTag: "a6c85cf");
        _caller.Transport.Send(ack, CalleeHop);
        Pump();

        Assert.Same(ack, Assert.Single(_callee.User.Of("Ack")).Message);
        _caller.Advance(TimeSpan.FromSeconds(32));
        _callee.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(ClientInviteState.Terminated, invite.State);
        Assert.Equal(ServerInviteState.Terminated, serverInvite.State);
        Assert.Equal((0, 0), (_caller.Layer.ClientTransactionCount, _callee.Layer.ServerTransactionCount));
    }

    [Fact]
    public void Lost_requests_are_retransmitted_and_a_late_copy_is_absorbed()
    {
        var options = _caller.Layer.SendRequest(TransactionHarness.Request(SipMethod.Options), CalleeHop);
        _wire.Clear(); // the first copy is lost
        _caller.Advance(500); // Timer E
        Assert.Single(_wire);
        Pump();
        var server = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(_callee.User.Of("Request")).Transaction);
        server.SendResponse(TransactionHarness.Response(server.Request, 200));
        _caller.Advance(1000); // another Timer E before the 200 is pumped
        Pump();

        Assert.Equal(ClientNonInviteState.Completed, options.State);
        Assert.Single(_callee.User.Of("Request")); // the late copy was absorbed (and answered again)
        Assert.Equal(["200", "200"], _callee.SentSummary);
        Assert.Single(_caller.User.Of("Response")); // the second 200 was absorbed in Completed
    }
}
