namespace Signalling.Sip.Tests.Sdp;

/// <summary>
/// Session descriptions copied from the standards' own text, with CRLF line ends.
/// RFC 4317 §1 notes that its s= lines hold a single space character, so they are "s= ".
/// </summary>
internal static class SdpExamples
{
    public static string Crlf(params string[] lines) => string.Concat(lines.Select(l => l + "\r\n"));

    private const string AliceOrigin = "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com";
    private const string AliceConnection = "c=IN IP4 host.atlanta.example.com";
    private const string BobOrigin = "o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com";
    private const string BobConnection = "c=IN IP4 host.biloxi.example.com";

    /// <summary>RFC 4317 §2.1 [Offer] (also the offer of §2.2, §2.3 and §2.8).</summary>
    public static readonly string Rfc4317_2_1_Offer = Crlf(
        "v=0", AliceOrigin, "s= ", AliceConnection, "t=0 0",
        "m=audio 49170 RTP/AVP 0 8 97",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:97 iLBC/8000",
        "m=video 51372 RTP/AVP 31 32",
        "a=rtpmap:31 H261/90000",
        "a=rtpmap:32 MPV/90000");

    /// <summary>RFC 4317 §2.1 [Answer].</summary>
    public static readonly string Rfc4317_2_1_Answer = Crlf(
        "v=0", BobOrigin, "s= ", BobConnection, "t=0 0",
        "m=audio 49174 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "m=video 49170 RTP/AVP 32",
        "a=rtpmap:32 MPV/90000");

    /// <summary>RFC 4317 §2.2 [Answer]: the video stream is declined with port 0.</summary>
    public static readonly string Rfc4317_2_2_Answer = Crlf(
        "v=0", BobOrigin, "s= ", BobConnection, "t=0 0",
        "m=audio 49172 RTP/AVP 0 8",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "m=video 0 RTP/AVP 31",
        "a=rtpmap:31 H261/90000");

    /// <summary>RFC 4317 §2.2 [Second-Offer]: version incremented, declined video still present.</summary>
    public static readonly string Rfc4317_2_2_SecondOffer = Crlf(
        "v=0", "o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com", "s= ", AliceConnection, "t=0 0",
        "m=audio 51372 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "m=video 0 RTP/AVP 31",
        "a=rtpmap:31 H261/90000");

    /// <summary>RFC 4317 §2.4 [Offer]: a second audio stream for telephone-events, send-only.</summary>
    public static readonly string Rfc4317_2_4_Offer = Crlf(
        "v=0", AliceOrigin, "s= ", AliceConnection, "t=0 0",
        "m=audio 49170 RTP/AVP 0 97",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:97 iLBC/8000",
        "m=audio 49172 RTP/AVP 98",
        "a=rtpmap:98 telephone-event/8000",
        "a=sendonly");

    /// <summary>RFC 4317 §2.4 [Answer].</summary>
    public static readonly string Rfc4317_2_4_Answer = Crlf(
        "v=0", BobOrigin, "s= ", BobConnection, "t=0 0",
        "m=audio 49172 RTP/AVP 97",
        "a=rtpmap:97 iLBC/8000",
        "m=audio 49174 RTP/AVP 98",
        "a=rtpmap:98 telephone-event/8000",
        "a=recvonly");

    /// <summary>RFC 4317 §2.6 [Answer]: the first stream rejected, the second accepted with telephone-event.</summary>
    public static readonly string Rfc4317_2_6_Answer = Crlf(
        "v=0", BobOrigin, "s= ", BobConnection, "t=0 0",
        "m=audio 0 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "m=audio 49170 RTP/AVP 97 101",
        "a=rtpmap:97 iLBC/8000",
        "a=rtpmap:101 telephone-event/8000");

    /// <summary>RFC 4317 §2.8 [Answer]: video sent to a different host (media-level c=).</summary>
    public static readonly string Rfc4317_2_8_Answer = Crlf(
        "v=0", BobOrigin, "s= ", BobConnection, "t=0 0",
        "m=audio 49174 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "m=video 49172 RTP/AVP 32",
        "c=IN IP4 otherhost.biloxi.example.com",
        "a=rtpmap:32 MPV/90000");

    /// <summary>RFC 4317 §3.1 [Answer]: Bob places Alice on hold.</summary>
    public static readonly string Rfc4317_3_1_Answer = Crlf(
        "v=0", BobOrigin, "s= ", "c=IN IP4 placeholder.biloxi.example.com", "t=0 0",
        "m=audio 49172 RTP/AVP 97",
        "a=rtpmap:97 iLBC/8000",
        "a=sendonly");

    /// <summary>RFC 4317 §3.2 [Second-Offer]: one of two audio streams on hold.</summary>
    public static readonly string Rfc4317_3_2_SecondOffer = Crlf(
        "v=0", "o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com", "s= ", BobConnection, "t=0 0",
        "m=audio 49172 RTP/AVP 97",
        "a=rtpmap:97 iLBC/8000",
        "a=sendonly",
        "m=audio 49174 RTP/AVP 98",
        "a=rtpmap:98 telephone-event/8000",
        "a=recvonly");

    /// <summary>RFC 4317 §4.1 [Second-Offer]: a stream added from a media server's address.</summary>
    public static readonly string Rfc4317_4_1_SecondOffer = Crlf(
        "v=0", "o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com", "s= ", BobConnection, "t=0 0",
        "m=audio 49170 RTP/AVP 97",
        "a=rtpmap:97 iLBC/8000",
        "m=audio 48282 RTP/AVP 98",
        "c=IN IP4 mediaserver.biloxi.example.com",
        "a=rtpmap:98 telephone-event/8000",
        "a=recvonly");

    /// <summary>RFC 4317 §5.1 [Offer]: no media lines at all.</summary>
    public static readonly string Rfc4317_5_1_Offer = Crlf(
        "v=0", AliceOrigin, "s= ", AliceConnection, "t=0 0");

    /// <summary>RFC 4317 §5.2 [Offer]: the "black hole" address 0.0.0.0.</summary>
    public static readonly string Rfc4317_5_2_Offer = Crlf(
        "v=0", AliceOrigin, "s= ", "c=IN IP4 0.0.0.0", "t=0 0",
        "m=audio 23442 RTP/AVP 97",
        "a=rtpmap:97 iLBC/8000");

    /// <summary>The example session description at the end of RFC 8866 §5.</summary>
    public static readonly string Rfc8866_5 = Crlf(
        "v=0",
        "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
        "s=Call to John Smith",
        "i=SDP Offer #1",
        "u=http://www.jdoe.example.com/home.html",
        "e=Jane Doe <jane@jdoe.example.com>",
        "p=+1 617 555-6011",
        "c=IN IP4 198.51.100.1",
        "t=0 0",
        "m=audio 49170 RTP/AVP 0",
        "m=audio 49180 RTP/AVP 0",
        "m=video 51372 RTP/AVP 99",
        "c=IN IP6 2001:db8::2",
        "a=rtpmap:99 h263-1998/90000");

    /// <summary>Every RFC example above, for round-trip theories.</summary>
    public static TheoryData<string, string> All => new()
    {
        { "RFC 4317 §2.1 offer", Rfc4317_2_1_Offer },
        { "RFC 4317 §2.1 answer", Rfc4317_2_1_Answer },
        { "RFC 4317 §2.2 answer", Rfc4317_2_2_Answer },
        { "RFC 4317 §2.2 second offer", Rfc4317_2_2_SecondOffer },
        { "RFC 4317 §2.4 offer", Rfc4317_2_4_Offer },
        { "RFC 4317 §2.4 answer", Rfc4317_2_4_Answer },
        { "RFC 4317 §2.6 answer", Rfc4317_2_6_Answer },
        { "RFC 4317 §2.8 answer", Rfc4317_2_8_Answer },
        { "RFC 4317 §3.1 answer", Rfc4317_3_1_Answer },
        { "RFC 4317 §3.2 second offer", Rfc4317_3_2_SecondOffer },
        { "RFC 4317 §4.1 second offer", Rfc4317_4_1_SecondOffer },
        { "RFC 4317 §5.1 offer", Rfc4317_5_1_Offer },
        { "RFC 4317 §5.2 offer", Rfc4317_5_2_Offer },
        { "RFC 8866 §5", Rfc8866_5 },
    };
}
