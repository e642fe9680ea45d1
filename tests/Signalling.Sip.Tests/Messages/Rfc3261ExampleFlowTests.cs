using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Messages;

/// <summary>
/// The example messages of RFC 3261 §24: registration (§24.1) and session setup through two
/// proxies (§24.2, F1-F14). Each message parses with the values shown; each response is
/// reproduced with <see cref="SipResponseBuilder.CreateFor"/> from the request as its sender
/// received it, and each proxy hop with <see cref="SipRequestBuilder.From"/>.
/// </summary>
public sealed class Rfc3261ExampleFlowTests
{
    // The RFC leaves the SDP bodies out ("Alice's SDP not shown"); these stand in for them with
    // the Content-Length the RFC gives.
    private static readonly string AliceSdp = Sdp("alice", "pc33.atlanta.com", 142);
    private static readonly string BobSdp = Sdp("bob", "192.0.2.4", 131);

    // ---- §24.1 Registration ------------------------------------------------------------------

    private static readonly string RegisterF1 = Crlf("""
        REGISTER sip:registrar.biloxi.com SIP/2.0
        Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.com>
        From: Bob <sip:bob@biloxi.com>;tag=456248
        Call-ID: 843817637684230@998sdasdh09
        CSeq: 1826 REGISTER
        Contact: <sip:bob@192.0.2.4>
        Expires: 7200
        Content-Length: 0


        """);

    private static readonly string RegisterF2 = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7
         ;received=192.0.2.4
        To: Bob <sip:bob@biloxi.com>;tag=2493k59kd
        From: Bob <sip:bob@biloxi.com>;tag=456248
        Call-ID: 843817637684230@998sdasdh09
        CSeq: 1826 REGISTER
        Contact: <sip:bob@192.0.2.4>
        Expires: 7200
        Content-Length: 0


        """);

    [Fact]
    public void Registration_messages_parse_with_the_values_shown()
    {
        var register = ParseRequest(RegisterF1);
        Assert.Equal(SipMethod.Register, register.Method);
        Assert.Equal("sip:registrar.biloxi.com", register.RequestUriText.ToString());
        Assert.Equal("bobspc.biloxi.com", register.Via.Host.ToString());
        Assert.Equal(5060, register.Via.Port);
        Assert.Equal("z9hG4bKnashds7", register.Via.Branch.ToString());
        Assert.Equal(70, register.MaxForwards);
        Assert.Equal("Bob", register.To.DisplayName);
        Assert.True(register.To.Tag.IsEmpty);
        Assert.Equal("456248", register.From.Tag.ToString());
        Assert.Equal("843817637684230@998sdasdh09", register.CallId.ToString());
        Assert.Equal(1826u, register.CSeq.Number);
        Assert.Equal("sip:bob@192.0.2.4", Assert.Single(register.Contacts.ToList()).Address.UriText.ToString());
        Assert.Equal(7200u, register.Expires);

        var ok = ParseResponse(RegisterF2);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("192.0.2.4", ok.Via.Received.ToString()); // on a folded line
        Assert.Equal("2493k59kd", ok.To.Tag.ToString());
    }

    [Fact]
    public void Registrar_answer_is_reproduced_by_the_response_builder()
    {
        // §18.2.1: the registrar's transport adds received= to the top Via of what it received.
        var received = Received(ParseRequest(RegisterF1), "192.0.2.4");
        var built = SipResponseBuilder.CreateFor(received, 200, toTag: "2493k59kd")
            .AddHeader(KnownHeader.Contact, "<sip:bob@192.0.2.4>")
            .AddHeader(KnownHeader.Expires, "7200")
            .Build();
        AssertSameDialogHeaders(ParseResponse(RegisterF2), built);
        Assert.Equal(7200u, built.Expires);
    }

    // ---- §24.2 Session setup ------------------------------------------------------------------

    private static readonly string F1 = Crlf("""
        INVITE sip:bob@biloxi.com SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.com>
        Content-Type: application/sdp
        Content-Length: 142


        """) + AliceSdp;

    private static readonly string F2 = Crlf("""
        SIP/2.0 100 Trying
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Content-Length: 0


        """);

    private static readonly string F3 = Crlf("""
        INVITE sip:bob@biloxi.com SIP/2.0
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        Max-Forwards: 69
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.com>
        Content-Type: application/sdp
        Content-Length: 142


        """) + AliceSdp;

    private static readonly string F4 = Crlf("""
        SIP/2.0 100 Trying
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Content-Length: 0


        """);

    private static readonly string F5 = Crlf("""
        INVITE sip:bob@192.0.2.4 SIP/2.0
        Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        Max-Forwards: 68
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.com>
        Content-Type: application/sdp
        Content-Length: 142


        """) + AliceSdp;

    private static readonly string F6 = Crlf("""
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
         ;received=192.0.2.3
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        Contact: <sip:bob@192.0.2.4>
        CSeq: 314159 INVITE
        Content-Length: 0


        """);

    private static readonly string F7 = Crlf("""
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        Contact: <sip:bob@192.0.2.4>
        CSeq: 314159 INVITE
        Content-Length: 0


        """);

    private static readonly string F8 = Crlf("""
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        Contact: <sip:bob@192.0.2.4>
        CSeq: 314159 INVITE
        Content-Length: 0


        """);

    private static readonly string F9 = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bK4b43c2ff8.1
         ;received=192.0.2.3
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:bob@192.0.2.4>
        Content-Type: application/sdp
        Content-Length: 131


        """) + BobSdp;

    private static readonly string F10 = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1
         ;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:bob@192.0.2.4>
        Content-Type: application/sdp
        Content-Length: 131


        """) + BobSdp;

    private static readonly string F11 = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds8
         ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Contact: <sip:bob@192.0.2.4>
        Content-Type: application/sdp
        Content-Length: 131


        """) + BobSdp;

    private static readonly string F12 = Crlf("""
        ACK sip:bob@192.0.2.4 SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bKnashds9
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 ACK
        Content-Length: 0


        """);

    private static readonly string F13 = Crlf("""
        BYE sip:alice@pc33.atlanta.com SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10
        Max-Forwards: 70
        From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        To: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 231 BYE
        Content-Length: 0


        """);

    private static readonly string F14 = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10
        From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        To: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 231 BYE
        Content-Length: 0


        """);

    public static TheoryData<string, string, int, int> SessionSetup() => new()
    {
        // name, start line, number of Via values, Content-Length
        { "F1", "INVITE sip:bob@biloxi.com SIP/2.0", 1, 142 },
        { "F2", "SIP/2.0 100 Trying", 1, 0 },
        { "F3", "INVITE sip:bob@biloxi.com SIP/2.0", 2, 142 },
        { "F4", "SIP/2.0 100 Trying", 2, 0 },
        { "F5", "INVITE sip:bob@192.0.2.4 SIP/2.0", 3, 142 },
        { "F6", "SIP/2.0 180 Ringing", 3, 0 },
        { "F7", "SIP/2.0 180 Ringing", 2, 0 },
        { "F8", "SIP/2.0 180 Ringing", 1, 0 },
        { "F9", "SIP/2.0 200 OK", 3, 131 },
        { "F10", "SIP/2.0 200 OK", 2, 131 },
        { "F11", "SIP/2.0 200 OK", 1, 131 },
        { "F12", "ACK sip:bob@192.0.2.4 SIP/2.0", 1, 0 },
        { "F13", "BYE sip:alice@pc33.atlanta.com SIP/2.0", 1, 0 },
        { "F14", "SIP/2.0 200 OK", 1, 0 },
    };

    private static string Flow(string name) => name switch
    {
        "F1" => F1, "F2" => F2, "F3" => F3, "F4" => F4, "F5" => F5, "F6" => F6, "F7" => F7,
        "F8" => F8, "F9" => F9, "F10" => F10, "F11" => F11, "F12" => F12, "F13" => F13, "F14" => F14,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(SessionSetup))]
    public void Session_setup_messages_parse_with_the_values_shown(string name, string startLine, int vias, int contentLength)
    {
        var m = Parse(Flow(name));
        Assert.StartsWith(startLine + "\r\n", m.ToString(), StringComparison.Ordinal);
        Assert.Equal(vias, m.Vias.ToList().Count);
        Assert.Equal(contentLength, m.Body.Length);
        Assert.Equal("a84b4c76e66710", m.CallId.ToString());
        var isBye = name is "F13" or "F14";
        Assert.Equal(isBye ? 231u : 314159u, m.CSeq.Number);
        var alice = isBye ? m.To : m.From;
        var bob = isBye ? m.From : m.To;
        Assert.Equal("Alice", alice.DisplayName);
        Assert.Equal("sip:alice@atlanta.com", alice.UriText.ToString());
        Assert.Equal("1928301774", alice.Tag.ToString());
        Assert.Equal("Bob", bob.DisplayName);
        Assert.Equal("sip:bob@biloxi.com", bob.UriText.ToString());
        // Bob's tag appears from the first response that creates the dialog (F6) onwards.
        Assert.Equal(name is "F1" or "F2" or "F3" or "F4" or "F5" ? "" : "a6c85cf", bob.Tag.ToString());
        // The last Via is always Alice's (or Bob's for the BYE), and every Via but a request's
        // topmost carries the received= its next hop added (§18.2.1).
        var list = m.Vias.ToList();
        Assert.Equal(isBye ? "192.0.2.4" : "pc33.atlanta.com", list[^1].Host.ToString());
        if (m is SipRequest request)
        {
            Assert.Equal(request.Method, request.CSeq.Method);
            Assert.True(request.Via.Received.IsEmpty);
            Assert.Equal(name switch { "F3" => 69, "F5" => 68, _ => 70 }, request.MaxForwards);
        }
        else if (!isBye)
        {
            Assert.All(list, v => Assert.False(v.Received.IsEmpty));
        }
        Assert.All(list, v => Assert.True(v.HasRfc3261Branch));
    }

    [Fact] // F2: the atlanta proxy's 100 Trying to F1 (§8.2.6.1: no To tag on 100)
    public void F2_is_the_proxys_100_to_F1()
    {
        var received = Received(ParseRequest(F1), "192.0.2.1");
        var built = SipResponseBuilder.CreateFor(received, 100).Build();
        var rfc = ParseResponse(F2);
        AssertSameDialogHeaders(rfc, built);
        Assert.True(built.To.Tag.IsEmpty);
        Assert.Equal("Trying", built.ReasonPhrase.ToString());
    }

    [Fact] // F3: the atlanta proxy forwards F1 (§16.6: Max-Forwards decremented, its Via on top)
    public void F3_is_F1_forwarded_by_the_atlanta_proxy()
    {
        var received = Received(ParseRequest(F1), "192.0.2.1");
        var forwarded = SipRequestBuilder.From(received)
            .SetHeader(KnownHeader.MaxForwards, (received.MaxForwards!.Value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddVia("UDP", "bigbox3.site3.atlanta.com", "z9hG4bK77ef4c2312983.1", rport: false)
            .Build();
        var rfc = ParseRequest(F3);
        Assert.Equal(rfc.RequestUriText, forwarded.RequestUriText);
        Assert.Equal(Vias(rfc), Vias(forwarded));
        Assert.Equal(69, forwarded.MaxForwards);
        AssertSameDialogHeaders(rfc, forwarded);
        Assert.Equal(rfc.Body.ToArray(), forwarded.Body.ToArray());
        Assert.Equal(rfc.Contacts.ToList().Select(c => c.ToString()), forwarded.Contacts.ToList().Select(c => c.ToString()));
    }

    [Fact] // §16.6 step 4: a record-routing proxy; the RFC's flow does not record-route, ours may.
    public void A_record_routing_proxy_puts_its_uri_on_top_of_record_route_and_via()
    {
        var f3 = Received(ParseRequest(F3), "192.0.2.2");
        var forwarded = SipRequestBuilder.From(f3)
            .PrependHeader(KnownHeader.RecordRoute, "<sip:server10.biloxi.com;lr>")
            .SetHeader(KnownHeader.MaxForwards, "68")
            .AddVia("UDP", "server10.biloxi.com", "z9hG4bK4b43c2ff8.1", rport: false)
            .Build();
        var twice = SipRequestBuilder.From(forwarded).PrependHeader(KnownHeader.RecordRoute, "<sip:edge.example.com;lr>").Build();
        Assert.Equal(["sip:edge.example.com;lr", "sip:server10.biloxi.com;lr"], twice.RecordRoutes.ToList().Select(r => r.UriText.ToString()));
        Assert.Equal(["server10.biloxi.com", "bigbox3.site3.atlanta.com", "pc33.atlanta.com"], forwarded.Vias.ToList().Select(v => v.Host.ToString()));
        Assert.True(forwarded.RecordRoutes.TryGetFirst(out var rr));
        Assert.True(rr.TryGetUri(out var uri));
        Assert.True(((SipUri)uri).IsLooseRouter);
    }

    [Fact] // F4: the biloxi proxy's 100 Trying to F3
    public void F4_is_the_biloxi_proxys_100_to_F3()
    {
        var received = Received(ParseRequest(F3), "192.0.2.2");
        AssertSameDialogHeaders(ParseResponse(F4), SipResponseBuilder.CreateFor(received, 100).Build());
    }

    [Fact] // F5: the biloxi proxy retargets to Bob's registered contact and forwards
    public void F5_is_F3_retargeted_and_forwarded_by_the_biloxi_proxy()
    {
        var received = Received(ParseRequest(F3), "192.0.2.2");
        var builder = SipRequestBuilder.From(received);
        builder.RequestUri = "sip:bob@192.0.2.4";
        var forwarded = builder
            .SetHeader(KnownHeader.MaxForwards, "68")
            .AddVia("UDP", "server10.biloxi.com", "z9hG4bK4b43c2ff8.1", rport: false)
            .Build();
        var rfc = ParseRequest(F5);
        Assert.Equal(rfc.RequestUriText, forwarded.RequestUriText);
        Assert.Equal(Vias(rfc), Vias(forwarded));
        Assert.Equal(rfc.MaxForwards, forwarded.MaxForwards);
        AssertSameDialogHeaders(rfc, forwarded);
    }

    [Theory] // F6 and F9: Bob answers F5 (§8.2.6.2: Bob's tag on To, everything else copied)
    [InlineData("F6", 180)]
    [InlineData("F9", 200)]
    public void Bobs_responses_are_built_from_F5(string name, int status)
    {
        var received = Received(ParseRequest(F5), "192.0.2.3");
        var builder = SipResponseBuilder.CreateFor(received, status, toTag: "a6c85cf")
            .AddHeader(KnownHeader.Contact, "<sip:bob@192.0.2.4>");
        if (status == 200) builder.SetBody("application/sdp", BobSdp);
        var built = builder.Build();
        var rfc = ParseResponse(Flow(name));
        AssertSameDialogHeaders(rfc, built);
        Assert.Equal(rfc.StatusCode, built.StatusCode);
        Assert.Equal(rfc.ReasonPhrase, built.ReasonPhrase);
        Assert.Equal(rfc.Body.ToArray(), built.Body.ToArray());
    }

    [Theory] // F7, F8, F10, F11: each proxy removes its own Via and relays (§16.7 step 3)
    [InlineData("F6", "F7")]
    [InlineData("F7", "F8")]
    [InlineData("F9", "F10")]
    [InlineData("F10", "F11")]
    public void Proxies_relay_responses_without_their_own_via(string from, string to)
    {
        var response = ParseResponse(Flow(from));
        var builder = SipResponseBuilder.From(response).RemoveHeader(KnownHeader.Via);
        foreach (var via in response.Vias.ToList().Skip(1)) builder.AddHeader(KnownHeader.Via, Unfold(via.Text.ToString()));
        var relayed = builder.Build();
        var rfc = ParseResponse(Flow(to));
        AssertSameDialogHeaders(rfc, relayed);
        Assert.Equal(rfc.Body.ToArray(), relayed.Body.ToArray());
    }

    [Fact] // F14: Alice answers Bob's BYE; the To already has a tag and is copied unchanged.
    public void F14_is_alices_200_to_the_bye()
    {
        var bye = ParseRequest(F13);
        var built = SipResponseBuilder.CreateFor(bye, 200, toTag: "must-not-be-used").Build();
        AssertSameDialogHeaders(ParseResponse(F14), built);
        Assert.Equal("1928301774", built.To.Tag.ToString());
        Assert.Equal(";tag=1928301774", built.To.Parameters.Text.ToString());
    }

    [Fact] // §8.2.6.2: without a tag given, a final response to a request without To tag gets a fresh one.
    public void A_response_builder_without_a_tag_invents_one_except_for_100()
    {
        var invite = ParseRequest(F1);
        var ringing = SipResponseBuilder.CreateFor(invite, 180).Build();
        Assert.False(ringing.To.Tag.IsEmpty);
        Assert.True(SipResponseBuilder.CreateFor(invite, 100).Build().To.Tag.IsEmpty);
        Assert.NotEqual(ringing.To.Tag, SipResponseBuilder.CreateFor(invite, 180).Build().To.Tag);
    }

    [Fact] // F12: the ACK for a 2xx is a new transaction (new branch) with CSeq number of the INVITE.
    public void F12_ack_matches_the_dialog_of_F11()
    {
        var ack = ParseRequest(F12);
        var ok = ParseResponse(F11);
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal(ok.CSeq.Number, ack.CSeq.Number);
        Assert.Equal(SipMethod.Ack, ack.CSeq.Method);
        Assert.Equal(ok.To.Tag, ack.To.Tag);
        Assert.NotEqual(ok.Via.Branch, ack.Via.Branch);
        Assert.Equal(Assert.Single(ok.Contacts.ToList()).Address.UriText, ack.RequestUriText); // the remote target (§12.1.2)
    }

    // ---- helpers ------------------------------------------------------------------------------

    // What a server's transport does on receipt (§18.2.1): received= on the top Via. The value is
    // appended to the top line so that the other Via lines keep their bytes.
    private static SipRequest Received(SipRequest request, string address)
    {
        var builder = SipRequestBuilder.From(request);
        var vias = request.Headers.GetValues(KnownHeader.Via).ToStringList();
        builder.RemoveHeader(KnownHeader.Via);
        for (var i = vias.Count - 1; i >= 0; i--)
        {
            builder.PrependHeader(KnownHeader.Via, i == 0 ? $"{Unfold(vias[i])};received={address}" : Unfold(vias[i]));
        }
        return builder.Build();
    }

    // A folded line is the same value with the fold replaced by one SP (§7.3.1). The builders
    // take single-line values only.
    private static string Unfold(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "[ \t]*\r\n[ \t]+", " ");

    // Via, From, To, Call-ID and CSeq compare by meaning: the RFC folds some Via lines, the
    // builder writes them on one line.
    private static void AssertSameDialogHeaders(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(Vias(expected), Vias(actual));
        Assert.Equal(Canonical(expected.From.Text), Canonical(actual.From.Text));
        Assert.Equal(Canonical(expected.To.Text), Canonical(actual.To.Text));
        Assert.Equal(expected.From.Tag, actual.From.Tag);
        Assert.Equal(expected.To.Tag, actual.To.Tag);
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.CSeq.Number, actual.CSeq.Number);
        Assert.Equal(expected.CSeq.Method, actual.CSeq.Method);
    }

    private static List<string> Vias(SipMessage message) => [.. message.Vias.ToList().Select(v => Canonical(v.Text))];

    private static string Canonical(Utf8Slice text)
    {
        var builder = new StringBuilder();
        var lastWasSpace = false;
        foreach (var c in text.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                lastWasSpace = true;
                continue;
            }
            if (lastWasSpace && builder.Length > 0 && c != ';' && builder[^1] != ';') builder.Append(' ');
            lastWasSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static SipMessage Parse(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out var message, out var failure), failure.ToString());
        return message!;
    }

    private static SipRequest ParseRequest(string text) => Assert.IsType<SipRequest>(Parse(text));

    private static SipResponse ParseResponse(string text) => Assert.IsType<SipResponse>(Parse(text));

    // Raw string literals take the source file's line ends; SIP needs CRLF.
    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");

    private static string Sdp(string user, string address, int length)
    {
        var head = $"v=0\r\no={user} 2890844526 2890844526 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n";
        var media = "m=audio 49172 RTP/AVP 0\r\n";
        var padding = length - head.Length - media.Length - "a=x-pad:\r\n".Length;
        return head + "a=x-pad:" + new string('0', padding) + "\r\n" + media;
    }
}
