using System.Buffers;
using System.Text;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

public class SipMessageBuilderTests
{
    [Fact]
    public void Create_fills_in_what_RFC3261_8_1_1_requires()
    {
        var request = SipRequestBuilder.Create(SipMethod.Invite, "sip:bob@biloxi.com", "\"Alice\" <sip:alice@atlanta.com>", "<sip:bob@biloxi.com>", cseq: 17)
            .AddVia("udp", "pc33.atlanta.com:5060")
            .Build();

        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("sip:bob@biloxi.com", request.RequestUriText.ToString());
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal(17u, request.CSeq.Number);
        Assert.Equal(SipMethod.Invite, request.CSeq.Method);
        Assert.Equal("Alice", request.From.DisplayName);
        Assert.True(request.From.Tag.Length >= 8, "the From tag carries at least 32 random bits (§19.3)");
        Assert.True(request.To.Tag.IsEmpty, "a request outside a dialog has no To tag (§8.1.1.2)");
        Assert.True(request.CallId.Length >= 16);
        Assert.Equal("UDP", request.Via.Transport.ToString());
        Assert.Equal("pc33.atlanta.com", request.Via.Host.ToString());
        Assert.Equal(5060, request.Via.Port);
        Assert.True(request.Via.HasRfc3261Branch);
        Assert.True(request.Via.HasRPort);
    }

    [Fact]
    public void Fresh_identifiers_differ_every_time()
    {
        var a = SipRequestBuilder.Create(SipMethod.Options, "sip:b@c", "<sip:a@c>", "<sip:b@c>").AddVia("UDP", "h").Build();
        var b = SipRequestBuilder.Create(SipMethod.Options, "sip:b@c", "<sip:a@c>", "<sip:b@c>").AddVia("UDP", "h").Build();

        Assert.NotEqual(a.CallId, b.CallId);
        Assert.NotEqual(a.From.Tag, b.From.Tag);
        Assert.NotEqual(a.Via.Branch, b.Via.Branch);
        Assert.StartsWith("z9hG4bK", SipIdentifiers.NewBranch(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_refuses_a_request_without_Via()
    {
        var builder = SipRequestBuilder.Create(SipMethod.Options, "sip:b@c", "<sip:a@c>", "<sip:b@c>");

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("MissingHeader", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_length_is_computed_from_the_body_and_never_taken_from_the_caller()
    {
        var request = SipRequestBuilder.Create(SipMethod.Message, "sip:b@c", "<sip:a@c>", "<sip:b@c>")
            .AddVia("TCP", "h")
            .AddHeader("Content-Length", "999")
            .SetBody("text/plain;charset=utf-8", "héllo")
            .Build();

        Assert.Equal("héllo", Encoding.UTF8.GetString(request.Body.Span));
        Assert.Equal(["6"], request.Headers.GetValues(KnownHeader.ContentLength).ToStringList());
        Assert.Equal("text/plain;charset=utf-8", request.ContentType.ToString());
    }

    [Fact]
    public void AddVia_goes_on_top_and_SetHeader_replaces_in_place()
    {
        var original = SipRequestBuilder.Create(SipMethod.Invite, "sip:b@c", "<sip:a@c>", "<sip:b@c>")
            .AddVia("UDP", "client.example.com", branch: "z9hG4bKclient")
            .Build();

        // A proxy forwarding it (§16.6 steps 3 and 8): one hop fewer, its own Via on top.
        var forwarded = SipRequestBuilder.From(original)
            .SetHeader(KnownHeader.MaxForwards, "69")
            .AddVia("UDP", "proxy.example.com", branch: "z9hG4bKproxy", rport: false)
            .Build();

        Assert.Equal(69, forwarded.MaxForwards);
        var vias = forwarded.Vias.ToList();
        Assert.Equal(2, vias.Count);
        Assert.Equal("z9hG4bKproxy", vias[0].Branch.ToString());
        Assert.False(vias[0].HasRPort);
        Assert.Equal("z9hG4bKclient", vias[1].Branch.ToString());
        Assert.Equal(original.CallId, forwarded.CallId);
        var names = Enumerable.Range(0, forwarded.Headers.Count).Select(i => forwarded.Headers[i].Id).ToList();
        Assert.Equal(names.IndexOf(KnownHeader.MaxForwards), Enumerable.Range(0, original.Headers.Count).Select(i => original.Headers[i].Id).ToList().IndexOf(KnownHeader.MaxForwards) + 1);
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("X", "line\r\nInjected: yes")]
    [InlineData("X", "bare\nLF")]
    [InlineData("X", "ends with a fold\r\n")]
    public void Header_injection_is_refused(string name, string value)
    {
        var builder = new SipRequestBuilder(SipMethod.Options, "sip:a@b");

        Assert.Throws<ArgumentException>(() => builder.AddHeader(name, value));
    }

    [Fact]
    public void CreateFor_copies_the_request_headers_per_8_2_6_2()
    {
        var request = Parse(
            "INVITE sip:bob@biloxi.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bK2, SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK1\r\n" +
            "Via: SIP/2.0/TCP origin.example.com;branch=z9hG4bK0\r\n" +
            "Max-Forwards: 68\r\n" +
            "To: Bob <sip:bob@biloxi.com>\r\n" +
            "From: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Timestamp: 54\r\n" +
            "Content-Length: 0\r\n\r\n");

        var ringing = SipResponseBuilder.CreateFor(request, 180, toTag: "a6c85cf").Build();
        var trying = SipResponseBuilder.CreateFor(request, 100).Build();

        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal("Ringing", ringing.ReasonPhrase.ToString());
        Assert.Equal(request.Headers.GetValues(KnownHeader.Via).ToStringList(), ringing.Headers.GetValues(KnownHeader.Via).ToStringList());
        Assert.Equal(request.From.Text, ringing.From.Text);
        Assert.Equal("a6c85cf", ringing.To.Tag.ToString());
        Assert.Equal(request.CallId, ringing.CallId);
        Assert.Equal(request.CSeq.Number, ringing.CSeq.Number);
        Assert.False(ringing.Headers.Contains(KnownHeader.Timestamp), "only 100 Trying echoes Timestamp (§8.2.6.1)");
        Assert.False(ringing.Headers.Contains(KnownHeader.MaxForwards));

        Assert.True(trying.To.Tag.IsEmpty, "100 Trying needs no To tag");
        Assert.Equal(["54"], trying.Headers.GetValues(KnownHeader.Timestamp).ToStringList());
    }

    [Fact]
    public void Folded_values_are_written_as_one_line_RFC3261_7_3_1()
    {
        var request = new SipRequestBuilder(SipMethod.Options, "sip:a@b")
            .AddHeader(KnownHeader.Via, "SIP/2.0/UDP h\r\n\t ;branch=z9hG4bK1")
            .AddHeader("Subject", "lunch\r\n today")
            .AddHeader(KnownHeader.From, "<sip:x@y>;tag=1").AddHeader(KnownHeader.To, "<sip:a@b>")
            .AddHeader(KnownHeader.CallId, "c").AddHeader(KnownHeader.CSeq, "1 OPTIONS")
            .Build();

        Assert.Equal("SIP/2.0/UDP h ;branch=z9hG4bK1", request.Via.Text.ToString());
        Assert.Equal(["lunch today"], request.Headers.GetValues("Subject").ToStringList());
    }

    [Fact]
    public void CreateFor_keeps_an_existing_To_tag()
    {
        var request = Parse(
            "BYE sip:alice@pc33.atlanta.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10\r\n" +
            "From: Bob <sip:bob@biloxi.com>;tag=a6c85cf\r\n" +
            "To: Alice <sip:alice@atlanta.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710\r\n" +
            "CSeq: 231 BYE\r\n\r\n");

        var ok = SipResponseBuilder.CreateFor(request, 200, toTag: "ignored").Build();

        Assert.Equal("1928301774", ok.To.Tag.ToString());
    }

    [Fact]
    public void A_built_message_serializes_to_the_bytes_it_was_parsed_from()
    {
        var response = SipResponseBuilder.CreateFor(
                Parse("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 2 OPTIONS\r\n\r\n"),
                200, toTag: "t")
            .AddHeader(KnownHeader.Allow, "INVITE, ACK, OPTIONS")
            .Build();
        var writer = new ArrayBufferWriter<byte>();
        response.WriteTo(writer);

        Assert.Equal(response.Buffer.ToArray(), writer.WrittenSpan.ToArray());
        Assert.Equal(
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>;tag=t\r\nCall-ID: c\r\nCSeq: 2 OPTIONS\r\nAllow: INVITE, ACK, OPTIONS\r\nContent-Length: 0\r\n\r\n",
            response.ToString());
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void Status_codes_outside_100_to_699_are_refused(int status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipResponseBuilder(status));

    [Theory]
    [InlineData(180, "Ringing")]
    [InlineData(481, "Call/Transaction Does Not Exist")]
    [InlineData(491, "Request Pending")]
    [InlineData(599, "Server Error")]
    public void Default_reason_phrases_come_from_RFC3261_21(int status, string phrase) =>
        Assert.Equal(phrase, SipReasonPhrases.Get(status));

    private static SipRequest Parse(string text) => (SipRequest)SipMessageParser.Parse(Encoding.UTF8.GetBytes(text));
}
