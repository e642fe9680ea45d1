using System.Buffers;
using System.Text;
using Signalling.Sip.Sdp;

namespace Signalling.Sip.Tests.Sdp;

/// <summary>The offer/answer examples of RFC 4317, the RFC 8866 §5 example and RFC 3264 §9 Figure 1.</summary>
public sealed class SdpRfcExampleTests
{
    [Theory]
    [MemberData(nameof(SdpExamples.All), MemberType = typeof(SdpExamples))]
    public void Rfc_examples_reserialize_to_the_same_bytes(string name, string text)
    {
        Assert.True(SdpSession.TryParse(Encoding.UTF8.GetBytes(text), out var session, out var error), $"{name}: {error}");
        Assert.Equal(SdpParseErrorKind.None, error.Kind);
        var writer = new ArrayBufferWriter<byte>();
        session.WriteTo(writer);
        Assert.Equal(text, Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.Equal(text, session.ToString());
    }

    [Fact]
    public void Rfc4317_2_1_offer_has_the_streams_ports_payload_types_and_rtpmaps_it_shows()
    {
        var offer = SdpSession.Parse(SdpExamples.Rfc4317_2_1_Offer);

        Assert.Equal("alice", offer.Origin.UserName);
        Assert.Equal(2890844526UL, offer.Origin.SessionId);
        Assert.Equal(2890844526UL, offer.Origin.SessionVersion);
        Assert.Equal("host.atlanta.example.com", offer.Origin.UnicastAddress);
        Assert.Equal(" ", offer.SessionName);
        Assert.Equal("IN", offer.Connection!.NetworkType);
        Assert.Equal("IP4", offer.Connection.AddressType);
        Assert.Equal("host.atlanta.example.com", offer.Connection.Address);
        var timing = Assert.Single(offer.Timings);
        Assert.Equal((0UL, 0UL), (timing.Start, timing.Stop));

        Assert.Equal(2, offer.Media.Count);
        var audio = offer.Media[0];
        Assert.Equal("audio", audio.MediaType);
        Assert.Equal(49170, audio.Port);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["0", "8", "97"], audio.Formats);
        Assert.Equal(
            [new SdpRtpMap(0, "PCMU", 8000), new SdpRtpMap(8, "PCMA", 8000), new SdpRtpMap(97, "iLBC", 8000)],
            audio.Attributes.GetRtpMaps());
        Assert.Equal(SdpDirection.SendRecv, audio.GetDirection(offer));
        Assert.Null(audio.Attributes.Direction);
        Assert.Same(offer.Connection, audio.GetConnection(offer));

        var video = offer.Media[1];
        Assert.Equal("video", video.MediaType);
        Assert.Equal(51372, video.Port);
        Assert.Equal(["31", "32"], video.Formats);
        Assert.Equal(new SdpRtpMap(31, "H261", 90000), video.ResolveRtpMap(31));
        Assert.Equal(new SdpRtpMap(32, "MPV", 90000), video.ResolveRtpMap(32));
    }

    [Fact]
    public void Rfc4317_2_1_answer_accepts_PCMU_and_MPV_only()
    {
        var answer = SdpSession.Parse(SdpExamples.Rfc4317_2_1_Answer);

        Assert.Equal("bob", answer.Origin.UserName);
        Assert.Equal(2808844564UL, answer.Origin.SessionId);
        Assert.Equal("host.biloxi.example.com", answer.Connection!.Address);
        Assert.Collection(
            answer.Media,
            audio =>
            {
                Assert.Equal(49174, audio.Port);
                Assert.Equal(["0"], audio.Formats);
                Assert.Equal(new SdpRtpMap(0, "PCMU", 8000), audio.ResolveRtpMap(0));
            },
            video =>
            {
                Assert.Equal(49170, video.Port);
                Assert.Equal(["32"], video.Formats);
                Assert.Equal(new SdpRtpMap(32, "MPV", 90000), video.ResolveRtpMap(32));
            });
    }

    [Fact]
    public void Rfc4317_2_2_declined_video_has_port_zero_and_second_offer_increments_the_version()
    {
        var answer = SdpSession.Parse(SdpExamples.Rfc4317_2_2_Answer);
        Assert.False(answer.Media[0].IsRejected);
        Assert.Equal(["0", "8"], answer.Media[0].Formats);
        Assert.True(answer.Media[1].IsRejected);
        Assert.Equal(0, answer.Media[1].Port);
        Assert.Equal(["31"], answer.Media[1].Formats);

        var second = SdpSession.Parse(SdpExamples.Rfc4317_2_2_SecondOffer);
        Assert.Equal(2890844527UL, second.Origin.SessionVersion);
        Assert.Equal(51372, second.Media[0].Port);
        Assert.True(second.Media[1].IsRejected);
    }

    [Fact]
    public void Rfc4317_2_4_telephone_event_stream_is_sendonly_in_the_offer_and_recvonly_in_the_answer()
    {
        var offer = SdpSession.Parse(SdpExamples.Rfc4317_2_4_Offer);
        Assert.Equal(SdpDirection.SendRecv, offer.Media[0].GetDirection(offer));
        Assert.Equal(SdpDirection.SendOnly, offer.Media[1].GetDirection(offer));
        Assert.Empty(offer.Media[0].GetTelephoneEvents());
        var dtmf = Assert.Single(offer.Media[1].GetTelephoneEvents());
        Assert.Equal(new SdpTelephoneEvent(98, 8000, null), dtmf);
        Assert.True(dtmf.Includes(15));   // RFC 4733 §2.4.1: no fmtp means 0-15.
        Assert.False(dtmf.Includes(16));

        var answer = SdpSession.Parse(SdpExamples.Rfc4317_2_4_Answer);
        Assert.Equal(49172, answer.Media[0].Port);
        Assert.Equal(new SdpRtpMap(97, "iLBC", 8000), answer.Media[0].ResolveRtpMap(97));
        Assert.Equal(49174, answer.Media[1].Port);
        Assert.Equal(SdpDirection.RecvOnly, answer.Media[1].GetDirection(answer));
    }

    [Fact]
    public void Rfc4317_2_6_rejects_the_first_stream_and_accepts_iLBC_with_telephone_event()
    {
        var answer = SdpSession.Parse(SdpExamples.Rfc4317_2_6_Answer);
        Assert.True(answer.Media[0].IsRejected);
        Assert.Equal(49170, answer.Media[1].Port);
        Assert.Equal(["97", "101"], answer.Media[1].Formats);
        Assert.Equal(new SdpTelephoneEvent(101, 8000, null), Assert.Single(answer.Media[1].GetTelephoneEvents()));
    }

    [Fact]
    public void Rfc4317_2_8_video_goes_to_its_own_media_level_address()
    {
        var answer = SdpSession.Parse(SdpExamples.Rfc4317_2_8_Answer);
        Assert.Equal("host.biloxi.example.com", answer.Media[0].GetConnection(answer)!.Address);
        Assert.Empty(answer.Media[0].Connections);
        var video = answer.Media[1];
        Assert.Equal("otherhost.biloxi.example.com", Assert.Single(video.Connections).Address);
        Assert.Equal("otherhost.biloxi.example.com", video.GetConnection(answer)!.Address);
        Assert.Equal(49172, video.Port);
    }

    [Fact]
    public void Rfc4317_hold_examples_carry_their_directions_and_addresses()
    {
        var hold = SdpSession.Parse(SdpExamples.Rfc4317_3_1_Answer);
        Assert.Equal("placeholder.biloxi.example.com", hold.Connection!.Address);
        Assert.Equal(SdpDirection.SendOnly, hold.Media[0].GetDirection(hold));

        var twoStreams = SdpSession.Parse(SdpExamples.Rfc4317_3_2_SecondOffer);
        Assert.Equal(SdpDirection.SendOnly, twoStreams.Media[0].GetDirection(twoStreams));
        Assert.Equal(SdpDirection.RecvOnly, twoStreams.Media[1].GetDirection(twoStreams));

        var blackHole = SdpSession.Parse(SdpExamples.Rfc4317_5_2_Offer);
        Assert.Equal("0.0.0.0", blackHole.Connection!.Address);
        Assert.Equal(23442, blackHole.Media[0].Port);
    }

    [Fact]
    public void Rfc4317_4_1_added_stream_comes_from_the_media_server()
    {
        var offer = SdpSession.Parse(SdpExamples.Rfc4317_4_1_SecondOffer);
        Assert.Equal(2, offer.Media.Count);
        Assert.Equal("host.biloxi.example.com", offer.Media[0].GetConnection(offer)!.Address);
        Assert.Equal("mediaserver.biloxi.example.com", offer.Media[1].GetConnection(offer)!.Address);
        Assert.Equal(48282, offer.Media[1].Port);
        Assert.Equal(SdpDirection.RecvOnly, offer.Media[1].GetDirection(offer));
    }

    [Fact]
    public void Rfc4317_5_1_offer_without_media_lines_is_valid()
    {
        var offer = SdpSession.Parse(SdpExamples.Rfc4317_5_1_Offer);
        Assert.Empty(offer.Media);
        Assert.Equal("host.atlanta.example.com", offer.Connection!.Address);
    }

    [Fact]
    public void Rfc8866_example_has_every_session_field_and_an_ipv6_media_connection()
    {
        var s = SdpSession.Parse(SdpExamples.Rfc8866_5);

        Assert.Equal("jdoe", s.Origin.UserName);
        Assert.Equal(3724394400UL, s.Origin.SessionId);
        Assert.Equal(3724394405UL, s.Origin.SessionVersion);
        Assert.Equal("198.51.100.1", s.Origin.UnicastAddress);
        Assert.Equal("Call to John Smith", s.SessionName);
        Assert.Equal("SDP Offer #1", s.Information);
        Assert.Equal("http://www.jdoe.example.com/home.html", s.UriText);
        Assert.Equal(["Jane Doe <jane@jdoe.example.com>"], s.Emails);
        Assert.Equal(["+1 617 555-6011"], s.Phones);
        Assert.Equal("198.51.100.1", s.Connection!.Address);
        Assert.False(s.Connection.IsIPv6);

        Assert.Equal([49170, 49180, 51372], s.Media.Select(m => m.Port));
        Assert.Equal(["audio", "audio", "video"], s.Media.Select(m => m.MediaType));
        Assert.Equal(new SdpRtpMap(0, "PCMU", 8000), s.Media[0].ResolveRtpMap(0)); // static, no rtpmap line
        var video = s.Media[2];
        var v6 = Assert.Single(video.Connections);
        Assert.True(v6.IsIPv6);
        Assert.Equal("2001:db8::2", v6.Address);
        Assert.True(v6.TryGetIPAddress(out var ip));
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, ip.AddressFamily);
        Assert.Equal(new SdpRtpMap(99, "h263-1998", 90000), video.ResolveRtpMap(99));
        Assert.Same(v6, video.GetConnection(s));
    }

    [Fact]
    public void Rfc3264_figure_1_with_t_before_c_parses_and_serializes_in_rfc8866_order()
    {
        // RFC 3264 §9 Figure 1 as published: c= after t=. Erratum 2099 moves c= before t=,
        // which is the order RFC 8866 §5 gives and the order written back.
        var published = SdpExamples.Crlf(
            "v=0", "o=carol 28908764872 28908764872 IN IP4 100.3.6.6", "s=-", "t=0 0", "c=IN IP4 192.0.2.4",
            "m=audio 0 RTP/AVP 0 1 3", "a=rtpmap:0 PCMU/8000", "a=rtpmap:1 1016/8000", "a=rtpmap:3 GSM/8000",
            "m=video 0 RTP/AVP 31 34", "a=rtpmap:31 H261/90000", "a=rtpmap:34 H263/90000");
        var corrected = SdpExamples.Crlf(
            "v=0", "o=carol 28908764872 28908764872 IN IP4 100.3.6.6", "s=-", "c=IN IP4 192.0.2.4", "t=0 0",
            "m=audio 0 RTP/AVP 0 1 3", "a=rtpmap:0 PCMU/8000", "a=rtpmap:1 1016/8000", "a=rtpmap:3 GSM/8000",
            "m=video 0 RTP/AVP 31 34", "a=rtpmap:31 H261/90000", "a=rtpmap:34 H263/90000");

        var s = SdpSession.Parse(published);
        Assert.Equal(28908764872UL, s.Origin.SessionId);
        Assert.Equal("192.0.2.4", s.Connection!.Address);
        Assert.All(s.Media, m => Assert.True(m.IsRejected));
        Assert.Equal(new SdpRtpMap(1, "1016", 8000), s.Media[0].ResolveRtpMap(1));
        Assert.Equal(new SdpRtpMap(34, "H263", 90000), s.Media[1].ResolveRtpMap(34));
        Assert.Equal(corrected, s.ToString());
    }
}
