using System.Net;
using System.Net.Sockets;
using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;
using Signalling.Sip.Transport;

namespace Signalling.Sip.Tests.Transport;

/// <summary>SIP over real loopback sockets between two transports, each under a transaction layer, and against raw sockets.</summary>
public sealed class SipTransportTests
{
    private static CancellationTokenSource HangGuard()
    {
        var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        return guard;
    }

    private static bool CanBind(IPAddress address)
    {
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string First(SipMessage message, KnownHeader header) =>
        message.Headers.TryGetFirst(header, out var value) ? value.ToString() : throw new InvalidOperationException($"no {header}");

    private static SipResponse Answer(SipRequest request, int status) => SipResponseBuilder.CreateFor(request, status, toTag: "callee1").Build();

    [Theory]
    [InlineData("127.0.0.1", "UDP")]
    [InlineData("127.0.0.1", "TCP")]
    [InlineData("::1", "UDP")]
    [InlineData("::1", "TCP")]
    public async Task OPTIONS_completes_end_to_end(string address, string transport)
    {
        Assert.SkipUnless(CanBind(IPAddress.Parse(address)), $"{address} cannot be bound here");
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync(address);
        await using var callee = await TransportPeer.StartAsync(address);
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        var protocol = transport == "UDP" ? SipTransportProtocol.Udp : SipTransportProtocol.Tcp;
        var destination = new SipHop(protocol, transport == "UDP" ? callee.Udp : callee.Tcp);

        var client = caller.Layer.SendRequest(caller.Request(SipMethod.Options, transport), destination);

        var received = await callee.User.NextAsync("Request", guard.Token);
        Assert.Equal(protocol, received.Transaction!.Hop.Protocol);
        var response = await caller.User.NextAsync("Response", guard.Token);
        Assert.Same(client, response.Transaction);
        Assert.Equal(200, ((SipResponse)response.Message!).StatusCode);
        Assert.Equal(client.Branch, response.Message!.Via.Branch);
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("TCP")]
    public async Task INVITE_gets_100_180_200_and_the_TU_ACKs(string transport)
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync();
        await using var callee = await TransportPeer.StartAsync();
        callee.User.Answer = tx =>
        {
            tx.SendResponse(Answer(tx.Request, 180));
            tx.SendResponse(Answer(tx.Request, 200));
        };
        var protocol = transport == "UDP" ? SipTransportProtocol.Udp : SipTransportProtocol.Tcp;
        var destination = new SipHop(protocol, transport == "UDP" ? callee.Udp : callee.Tcp);
        var invite = caller.Request(SipMethod.Invite, transport);
        caller.User.OnResponseReceived = (_, response) =>
        {
            if (response.StatusCode != 200)
            {
                return;
            }

            // RFC 3261 §13.2.2.4: the UAC core ACKs a 2xx itself, with a new branch, straight to the transport.
            var ack = new SipRequestBuilder(SipMethod.Ack, invite.RequestUriText.ToString())
                .AddHeader(KnownHeader.MaxForwards, "70")
                .AddHeader(KnownHeader.From, First(invite, KnownHeader.From))
                .AddHeader(KnownHeader.To, First(response, KnownHeader.To))
                .AddHeader(KnownHeader.CallId, invite.CallId.ToString())
                .AddHeader(KnownHeader.CSeq, $"{invite.CSeq.Number} ACK")
                .AddVia(transport, TransportPeer.Format(transport == "UDP" ? caller.Udp : caller.Tcp))
                .Build();
            caller.Transport.Send(ack, destination);
        };

        caller.Layer.SendInvite(invite, destination);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var response = await caller.User.NextAsync("Response", guard.Token);
            statuses.Add(((SipResponse)response.Message!).StatusCode);
        }

        Assert.Equal([100, 180, 200], statuses.Order());
        Assert.Equal(200, statuses[^1]);
        var ack = await callee.User.NextAsync("Ack", guard.Token);
        Assert.Equal(SipMethod.Ack, ((SipRequest)ack.Message!).Method);
        Assert.Equal(invite.CallId, ack.Message!.CallId);
    }

    [Fact]
    public async Task A_request_with_a_bad_CSeq_gets_400_naming_it_and_garbage_gets_nothing()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(tcp: false);
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        using var raw = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var rawEndPoint = (IPEndPoint)raw.Client.LocalEndPoint!;

        await raw.SendAsync(RawSip.Options(rawEndPoint, "z9hG4bKbad", cseq: "x OPTIONS", rport: true), callee.Udp, guard.Token);
        // The 400 copies the request's CSeq as it came (§8.2.6.2), so it is read as text, not parsed.
        var rejection = Encoding.ASCII.GetString((await raw.ReceiveAsync(guard.Token)).Buffer);
        Assert.StartsWith("SIP/2.0 400 Bad Request (invalid CSeq)\r\n", rejection, StringComparison.Ordinal);
        Assert.Contains("branch=z9hG4bKbad", rejection, StringComparison.Ordinal);
        Assert.Contains("CSeq: x OPTIONS\r\n", rejection, StringComparison.Ordinal);

        await raw.SendAsync(Encoding.ASCII.GetBytes("\x01\x02 not SIP at all\r\n\r\n"), callee.Udp, guard.Token);
        await raw.SendAsync(RawSip.Options(rawEndPoint, "z9hG4bKgood", rport: true), callee.Udp, guard.Token);

        // The next datagram back is the 200 for the good request: the garbage got nothing.
        var answer = Assert.IsType<SipResponse>(SipMessageParser.Parse((await raw.ReceiveAsync(guard.Token)).Buffer));
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("z9hG4bKgood", answer.Via.Branch.ToString());
        Assert.Single(callee.Log.OfSipTransport, e => e.EventId == 2102);
        Assert.Single(callee.Log.OfSipTransport, e => e.EventId == 2103);
    }

    [Fact]
    public async Task A_response_goes_to_the_source_port_when_the_request_asked_with_rport()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(tcp: false);
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        using var raw = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var sourcePort = ((IPEndPoint)raw.Client.LocalEndPoint!).Port;

        // The Via names port 9 (discard), where nobody listens; RFC 3581 sends the answer to the source port.
        await raw.SendAsync(RawSip.Options(new IPEndPoint(IPAddress.Loopback, 9), "z9hG4bKrport", rport: true), callee.Udp, guard.Token);

        var answer = Assert.IsType<SipResponse>(SipMessageParser.Parse((await raw.ReceiveAsync(guard.Token)).Buffer));
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(sourcePort, answer.Via.RPort); // §18.2.1 / RFC 3581 §4: the transport filled in rport
        var request = await callee.User.NextAsync("Request", guard.Token);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, sourcePort), request.Transaction!.Hop.EndPoint);
    }

    [Fact]
    public async Task A_sent_by_host_that_is_not_the_source_gets_received()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(tcp: false);
        using var raw = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bytes = Encoding.ASCII.GetString(RawSip.Options(new IPEndPoint(IPAddress.Loopback, 9), "z9hG4bKrecv", rport: true))
            .Replace("127.0.0.1:9", "pc33.atlanta.com:9", StringComparison.Ordinal);

        await raw.SendAsync(Encoding.ASCII.GetBytes(bytes), callee.Udp, guard.Token);

        var request = (SipRequest)(await callee.User.NextAsync("Request", guard.Token)).Message!;
        Assert.Equal("127.0.0.1", request.Via.Received.ToString()); // RFC 3261 §18.2.1
        Assert.Equal("pc33.atlanta.com", request.Via.Host.ToString());
    }

    [Fact]
    public async Task TCP_frames_split_and_coalesced_messages_and_answers_a_keep_alive_ping()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(udp: false);
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        using var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(callee.Tcp, guard.Token);
        var stream = client.GetStream();
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var pending = new List<byte>();

        // One message in two writes.
        var split = RawSip.Options(local, "z9hG4bKsplit");
        await stream.WriteAsync(split.AsMemory(0, 40), guard.Token);
        await stream.FlushAsync(guard.Token);
        await stream.WriteAsync(split.AsMemory(40), guard.Token);
        var first = Assert.IsType<SipResponse>(await RawSip.ReadMessageAsync(stream, pending, guard.Token));
        Assert.Equal("z9hG4bKsplit", first.Via.Branch.ToString());

        // Two messages in one write.
        await stream.WriteAsync(RawSip.Options(local, "z9hG4bKone").Concat(RawSip.Options(local, "z9hG4bKtwo")).ToArray(), guard.Token);
        var branches = new[]
        {
            (await RawSip.ReadMessageAsync(stream, pending, guard.Token)).Via.Branch.ToString(),
            (await RawSip.ReadMessageAsync(stream, pending, guard.Token)).Via.Branch.ToString(),
        };
        Assert.Equal(["z9hG4bKone", "z9hG4bKtwo"], branches.Order());

        // RFC 5626 §4.4.1: CRLFCRLF is answered with CRLF, and nothing else.
        await stream.WriteAsync("\r\n\r\n"u8.ToArray(), guard.Token);
        var pong = new byte[2];
        await stream.ReadExactlyAsync(pong, guard.Token);
        Assert.Equal("\r\n"u8.ToArray(), pong);
        await stream.WriteAsync(RawSip.Options(local, "z9hG4bKafter"), guard.Token);
        Assert.Equal("z9hG4bKafter", (await RawSip.ReadMessageAsync(stream, pending, guard.Token)).Via.Branch.ToString());
        Assert.Empty(pending);

        // All four requests came over one connection: the hops the server transactions answer on name it.
        var hops = new List<SipHop>();
        for (var i = 0; i < 4; i++)
        {
            hops.Add((await callee.User.NextAsync("Request", guard.Token)).Transaction!.Hop);
        }

        Assert.Single(hops.Select(h => h.ConnectionId).Distinct());
        Assert.All(hops, h => Assert.Equal(SipTransportProtocol.Tcp, h.Protocol));
    }

    [Fact]
    public async Task A_TCP_framing_error_closes_the_connection_with_one_log_line()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(udp: false);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(callee.Tcp, guard.Token);
        var stream = client.GetStream();

        // RFC 3261 §18.3: Content-Length is mandatory on a stream; without it the stream cannot be framed.
        await stream.WriteAsync(RawSip.Options((IPEndPoint)client.Client.LocalEndPoint!, "z9hG4bKnolength", contentLength: false), guard.Token);

        var buffer = new byte[256];
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, guard.Token);
        }
        catch (IOException)
        {
            read = 0; // closed with a reset: closed all the same
        }

        Assert.Equal(0, read);
        var entry = Assert.Single(callee.Log.OfSipTransport, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information && e.EventId != 2101);
        Assert.Equal(2104, entry.EventId);
        Assert.Contains("Content-Length", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_requests_to_the_same_peer_share_one_TCP_connection()
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync(udp: false);
        await using var callee = await TransportPeer.StartAsync(udp: false);
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        var destination = new SipHop(SipTransportProtocol.Tcp, callee.Tcp);

        caller.Layer.SendRequest(caller.Request(SipMethod.Options, "TCP"), destination);
        caller.Layer.SendRequest(caller.Request(SipMethod.Options, "TCP"), destination);

        var first = await callee.User.NextAsync("Request", guard.Token);
        var second = await callee.User.NextAsync("Request", guard.Token);
        Assert.NotNull(first.Transaction!.Hop.ConnectionId);
        Assert.Equal(first.Transaction.Hop.ConnectionId, second.Transaction!.Hop.ConnectionId);
        await caller.User.NextAsync("Response", guard.Token);
        await caller.User.NextAsync("Response", guard.Token);
        Assert.Equal(1, caller.Transport.ConnectionCount);
    }

    [Fact]
    public async Task A_request_larger_than_MTU_less_200_goes_over_TCP_instead_of_UDP()
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync();
        await using var callee = await TransportPeer.StartAsync();
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));
        Assert.Equal(callee.Udp.Port, callee.Tcp.Port); // port 0 for both chose one port (§18)
        var large = caller.Request(SipMethod.Options, "UDP", body: new string('a', 1400));
        Assert.True(large.ToArray().Length > 1300);

        var client = caller.Layer.SendRequest(large, new SipHop(SipTransportProtocol.Udp, callee.Udp));

        var received = await callee.User.NextAsync("Request", guard.Token);
        Assert.Equal(SipTransportProtocol.Tcp, received.Transaction!.Hop.Protocol);
        Assert.Equal("TCP", received.Message!.Via.Transport.ToString()); // §18.1.1: the Via says so
        var response = await caller.User.NextAsync("Response", guard.Token);
        Assert.Same(client, response.Transaction);
        Assert.Equal(200, ((SipResponse)response.Message!).StatusCode);
    }

    [Fact]
    public async Task A_small_request_stays_on_UDP()
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync();
        await using var callee = await TransportPeer.StartAsync();
        callee.User.Answer = tx => tx.SendResponse(Answer(tx.Request, 200));

        caller.Layer.SendRequest(caller.Request(SipMethod.Options, "UDP"), new SipHop(SipTransportProtocol.Udp, callee.Udp));

        var received = await callee.User.NextAsync("Request", guard.Token);
        Assert.Equal(SipTransportProtocol.Udp, received.Transaction!.Hop.Protocol);
        Assert.Equal(0, caller.Transport.ConnectionCount);
    }

    [Fact]
    public async Task A_request_to_a_TCP_peer_that_refuses_is_reported_as_a_transport_error()
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync(udp: false);
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // bound, not listening: connecting is refused

        var client = caller.Layer.SendRequest(caller.Request(SipMethod.Options, "TCP"), new SipHop(SipTransportProtocol.Tcp, (IPEndPoint)closed.LocalEndPoint!));

        var error = await caller.User.NextAsync("TransportError", guard.Token);
        Assert.Same(client, error.Transaction);
    }

    [Fact]
    public async Task A_TCP_response_whose_connection_is_gone_opens_one_to_the_Via_sent_by()
    {
        using var guard = HangGuard();
        await using var callee = await TransportPeer.StartAsync(udp: false);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var sentBy = (IPEndPoint)listener.LocalEndpoint;
        var request = Assert.IsType<SipRequest>(SipMessageParser.Parse(RawSip.Options(sentBy, "z9hG4bKgone")));

        // §18.2.2: the connection the request came on is closed, so the response opens one to sent-by.
        callee.Transport.Send(Answer(request, 200), new SipHop(SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Loopback, 1), "closed-connection"));

        using var accepted = await listener.AcceptTcpClientAsync(guard.Token);
        var response = Assert.IsType<SipResponse>(await RawSip.ReadMessageAsync(accepted.GetStream(), [], guard.Token));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("z9hG4bKgone", response.Via.Branch.ToString());
    }

    [Fact]
    public async Task A_request_over_a_protocol_without_a_listener_is_reported_as_a_transport_error()
    {
        using var guard = HangGuard();
        await using var caller = await TransportPeer.StartAsync(tcp: false);

        var client = caller.Layer.SendRequest(caller.Request(SipMethod.Options), new SipHop(SipTransportProtocol.Tls, new IPEndPoint(IPAddress.Loopback, 5061)));

        var error = await caller.User.NextAsync("TransportError", guard.Token);
        Assert.Same(client, error.Transaction);
    }

    [Theory]
    [InlineData("UdpEndPoint", "not an endpoint")]
    [InlineData("Mtu", "100")]
    [InlineData("Parser.MaxMessageSize", "2000000")]
    public void Invalid_options_name_the_key(string key, string value)
    {
        var options = new SipTransportOptions();
        switch (key)
        {
            case "UdpEndPoint":
                options.UdpEndPoint = value;
                break;
            case "Mtu":
                options.Mtu = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                options.Parser = new SipParserOptions { MaxMessageSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };
                break;
        }

        var exception = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(key, exception.ParamName);
    }
}
