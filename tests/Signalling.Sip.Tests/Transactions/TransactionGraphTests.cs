using System.Text.RegularExpressions;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;

namespace Signalling.Sip.Tests.Transactions;

/// <summary>
/// Each machine's Stateless export (<c>ToDotGraph</c>) against the transition list of its
/// figure: RFC 3261 Figures 5-8, with Figures 5 and 7 as replaced by RFC 6026 §7. The lists are
/// written from the figures (source, event, destination); the figures' entry arrows are the
/// initial state. Absorbed messages with no arrow in a figure must not appear as edges.
/// </summary>
public partial class TransactionGraphTests
{
    // RFC 6026 Figure 5 (INVITE client transaction).
    private static readonly string[] Figure5 =
    [
        "Calling --TimerAFires--> Calling",
        "Calling --TimerBFires--> Terminated",
        "Calling --TransportError--> Terminated",
        "Calling --Response1xx--> Proceeding",
        "Calling --Response2xx--> Accepted",
        "Calling --Response300To699--> Completed",
        "Proceeding --Response1xx--> Proceeding",
        "Proceeding --Response2xx--> Accepted",
        "Proceeding --Response300To699--> Completed",
        "Accepted --Response2xx--> Accepted",
        "Accepted --TimerMFires--> Terminated",
        "Completed --Response300To699--> Completed",
        "Completed --TransportError--> Terminated",
        "Completed --TimerDFires--> Terminated",
    ];

    // RFC 3261 Figure 6 (non-INVITE client transaction).
    private static readonly string[] Figure6 =
    [
        "Trying --TimerEFires--> Trying",
        "Trying --TimerFFires--> Terminated",
        "Trying --TransportError--> Terminated",
        "Trying --Response1xx--> Proceeding",
        "Trying --Response200To699--> Completed",
        "Proceeding --TimerEFires--> Proceeding",
        "Proceeding --Response1xx--> Proceeding",
        "Proceeding --TimerFFires--> Terminated",
        "Proceeding --TransportError--> Terminated",
        "Proceeding --Response200To699--> Completed",
        "Completed --TimerKFires--> Terminated",
    ];

    // RFC 6026 Figure 7 (INVITE server transaction).
    private static readonly string[] Figure7 =
    [
        "Proceeding --Invite--> Proceeding",
        "Proceeding --Response1xxFromTU--> Proceeding",
        "Proceeding --TransportError--> Proceeding",
        "Proceeding --Response300To699FromTU--> Completed",
        "Proceeding --Response2xxFromTU--> Accepted",
        "Completed --Invite--> Completed",
        "Completed --TimerGFires--> Completed",
        "Completed --TransportError--> Completed",
        "Completed --Ack--> Confirmed",
        "Completed --TimerHFires--> Terminated",
        "Confirmed --TimerIFires--> Terminated",
        "Accepted --Invite--> Accepted",
        "Accepted --Ack--> Accepted",
        "Accepted --Response2xxFromTU--> Accepted",
        "Accepted --TransportError--> Accepted",
        "Accepted --TimerLFires--> Terminated",
    ];

    // RFC 3261 Figure 8 (non-INVITE server transaction), with erratum 1470 (final from Trying).
    private static readonly string[] Figure8 =
    [
        "Trying --Response1xxFromTU--> Proceeding",
        "Trying --Response200To699FromTU--> Completed",
        "Proceeding --Request--> Proceeding",
        "Proceeding --Response1xxFromTU--> Proceeding",
        "Proceeding --Response200To699FromTU--> Completed",
        "Proceeding --TransportError--> Terminated",
        "Completed --Request--> Completed",
        "Completed --TimerJFires--> Terminated",
        "Completed --TransportError--> Terminated",
    ];

    [Fact]
    public void Client_INVITE_graph_is_Figure_5_of_RFC_6026()
    {
        var h = new TransactionHarness();
        var transaction = h.Layer.SendInvite(TransactionHarness.Request(SipMethod.Invite), TransactionHarness.Udp);
        AssertGraph(transaction.ToDotGraph(), "Calling", Figure5);
    }

    [Fact]
    public void Client_non_INVITE_graph_is_Figure_6()
    {
        var h = new TransactionHarness();
        var transaction = h.Layer.SendRequest(TransactionHarness.Request(SipMethod.Options), TransactionHarness.Udp);
        AssertGraph(transaction.ToDotGraph(), "Trying", Figure6);
    }

    [Fact]
    public void Server_INVITE_graph_is_Figure_7_of_RFC_6026()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Invite), TransactionHarness.Udp);
        var transaction = Assert.IsType<ServerInviteTransaction>(Assert.Single(h.User.Of("Request")).Transaction);
        AssertGraph(transaction.ToDotGraph(), "Proceeding", Figure7);
    }

    [Fact]
    public void Server_non_INVITE_graph_is_Figure_8()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TransactionHarness.Request(SipMethod.Register), TransactionHarness.Udp);
        var transaction = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(h.User.Of("Request")).Transaction);
        AssertGraph(transaction.ToDotGraph(), "Trying", Figure8);
    }

    private static void AssertGraph(string dot, string initial, string[] figure)
    {
        var edges = Edge().Matches(dot).Select(m => $"{m.Groups["from"].Value} --{m.Groups["trigger"].Value}--> {m.Groups["to"].Value}").Order().ToArray();
        Assert.Equal(figure.Order().ToArray(), edges);
        Assert.Matches($"init -> \"{initial}\"", dot);
    }

    // Stateless UmlDotGraph writes: "From" -> "To" [style="solid", label="Trigger / action"];
    [GeneratedRegex("^\"(?<from>\\w+)\" -> \"(?<to>\\w+)\" \\[[^\\]]*label=\"(?<trigger>\\w+)", RegexOptions.Multiline)]
    private static partial Regex Edge();
}
