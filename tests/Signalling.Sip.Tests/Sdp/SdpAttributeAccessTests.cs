using System.Net;
using Signalling.Sip.Sdp;

namespace Signalling.Sip.Tests.Sdp;

/// <summary>Typed read and write access over attributes, and building a session from scratch.</summary>
public sealed class SdpAttributeAccessTests
{
    [Theory]
    [InlineData(null, null, SdpDirection.SendRecv)]                     // RFC 3264 §5.1: absent means sendrecv
    [InlineData("sendonly", null, SdpDirection.SendOnly)]              // session level applies to all media
    [InlineData("sendonly", "recvonly", SdpDirection.RecvOnly)]        // media level overrides
    [InlineData("inactive", "sendrecv", SdpDirection.SendRecv)]
    [InlineData(null, "inactive", SdpDirection.Inactive)]
    public void Media_direction_overrides_session_direction(string? session, string? media, SdpDirection expected)
    {
        var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n" +
            (session is null ? string.Empty : $"a={session}\r\n") +
            "m=audio 4000 RTP/AVP 0\r\n" +
            (media is null ? string.Empty : $"a={media}\r\n");
        var s = SdpSession.Parse(text);
        Assert.Equal(expected, s.Media[0].GetDirection(s));
    }

    [Fact]
    public void Setting_the_direction_replaces_in_place_and_null_removes()
    {
        var m = new SdpMedia("audio", 4000, "RTP/AVP");
        m.Attributes.Add("rtpmap", "0 PCMU/8000");
        m.Attributes.Add("sendonly");
        m.Attributes.Add("ptime", "20");
        m.Attributes.Add("inactive"); // a second, conflicting one

        m.Attributes.Direction = SdpDirection.RecvOnly;
        Assert.Equal(["rtpmap", "recvonly", "ptime"], m.Attributes.Select(a => a.Name));
        Assert.Equal(SdpDirection.RecvOnly, m.Attributes.Direction);

        m.Attributes.Direction = null;
        Assert.Equal(["rtpmap", "ptime"], m.Attributes.Select(a => a.Name));
        Assert.Equal(SdpDirection.SendRecv, m.GetDirection(null));

        m.Attributes.Direction = SdpDirection.Inactive;
        Assert.Equal("inactive", m.Attributes[^1].Name);
    }

    [Fact]
    public void Ptime_and_maxptime_read_and_write()
    {
        var m = new SdpMedia("audio", 4000, "RTP/AVP");
        Assert.Null(m.Attributes.PacketTime);
        m.Attributes.PacketTime = 20;
        m.Attributes.MaxPacketTime = 22.5;
        Assert.Equal("ptime:20", m.Attributes[0].ToString());
        Assert.Equal("maxptime:22.5", m.Attributes[1].ToString());
        Assert.Equal(22.5, m.Attributes.MaxPacketTime);
        m.Attributes.PacketTime = 30;
        Assert.Equal("ptime:30", m.Attributes[0].ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Attributes.PacketTime = 0);
        m.Attributes[0].Value = "bogus";
        Assert.Null(m.Attributes.PacketTime);
    }

    [Fact]
    public void Rtpmap_and_fmtp_replace_the_same_payload_type_in_place()
    {
        var m = new SdpMedia("audio", 4000, "RTP/AVP");
        m.AddRtpFormat(new SdpRtpMap(96, "opus", 48000, 2), "useinbandfec=1");
        m.AddRtpFormat(new SdpRtpMap(101, "telephone-event", 8000), "0-16");
        m.Attributes.SetRtpMap(new SdpRtpMap(96, "opus", 48000, 1));
        m.Attributes.SetFmtp(new SdpFmtp("96", "stereo=0"));

        Assert.Equal(["96", "101"], m.Formats);
        Assert.Equal(
            ["rtpmap:96 opus/48000/1", "fmtp:96 stereo=0", "rtpmap:101 telephone-event/8000", "fmtp:101 0-16"],
            m.Attributes.Select(a => a.ToString()));
        Assert.Equal(new SdpRtpMap(96, "opus", 48000, 1), m.ResolveRtpMap(96));
        Assert.Null(m.ResolveRtpMap(100)); // dynamic without rtpmap
    }

    [Theory]
    [InlineData(0, "PCMU", 8000)]
    [InlineData(3, "GSM", 8000)]
    [InlineData(4, "G723", 8000)]
    [InlineData(8, "PCMA", 8000)]
    [InlineData(9, "G722", 8000)]   // RFC 3551 §4.5.2: 8000 in SDP although sampled at 16000
    [InlineData(18, "G729", 8000)]
    [InlineData(31, "H261", 90000)]
    public void Static_payload_types_resolve_without_rtpmap(int pt, string name, int rate)
    {
        var m = new SdpMedia("audio", 4000, "RTP/AVP");
        Assert.Equal(new SdpRtpMap(pt, name, rate), m.ResolveRtpMap(pt));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(19)]
    [InlineData(96)]
    [InlineData(127)]
    public void Unassigned_or_dynamic_payload_types_do_not_resolve(int pt) =>
        Assert.False(SdpStaticPayloadTypes.TryGet(pt, out _));

    [Fact]
    public void An_explicit_rtpmap_wins_over_the_static_table()
    {
        var m = new SdpMedia("audio", 4000, "RTP/AVP");
        m.Attributes.Add("rtpmap", "8 PCMA/16000");
        Assert.Equal(new SdpRtpMap(8, "PCMA", 16000), m.ResolveRtpMap(8));
    }

    [Fact]
    public void Telephone_events_are_found_with_their_ranges()
    {
        var s = SdpSession.Parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n" +
            "m=audio 4000 RTP/AVP 0 101 100\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15,66,70\r\n" +
            "a=rtpmap:100 Telephone-Event/16000\r\na=fmtp:100 0-16\r\n");
        var events = s.Media[0].GetTelephoneEvents();
        Assert.Equal(
            [new SdpTelephoneEvent(101, 8000, "0-15,66,70"), new SdpTelephoneEvent(100, 16000, "0-16")],
            events);
        Assert.True(events[0].Includes(0));
        Assert.True(events[0].Includes(15));
        Assert.False(events[0].Includes(16));
        Assert.True(events[0].Includes(66));
        Assert.False(events[0].Includes(67));
        Assert.True(events[0].Includes(70));
        Assert.True(events[1].Includes(16));
    }

    [Fact]
    public void A_session_built_from_scratch_serializes_as_rfc8866_lays_it_out()
    {
        var s = new SdpSession(new SdpOrigin("-", 42, 1, "IN", "IP6", "2001:db8::1"))
        {
            Connection = new SdpConnection(IPAddress.Parse("2001:db8::1")),
        };
        var audio = new SdpMedia("audio", 49170, "RTP/AVP");
        audio.AddRtpFormat(new SdpRtpMap(0, "PCMU", 8000));
        audio.AddRtpFormat(new SdpRtpMap(101, "telephone-event", 8000), "0-16");
        audio.Attributes.PacketTime = 20;
        audio.Attributes.Direction = SdpDirection.SendRecv;
        audio.Attributes.Rtcp = new SdpRtcp(49171);
        s.Media.Add(audio);
        s.Media.Add(new SdpMedia("video", 0, "RTP/AVP") { Formats = { "31" } });

        Assert.Equal(
            SdpExamples.Crlf(
                "v=0", "o=- 42 1 IN IP6 2001:db8::1", "s=-", "c=IN IP6 2001:db8::1", "t=0 0",
                "m=audio 49170 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16", "a=ptime:20", "a=sendrecv", "a=rtcp:49171",
                "m=video 0 RTP/AVP 31"),
            s.ToString());
        Assert.Equal(s.ToString(), SdpSession.Parse(s.ToArray()).ToString());
    }

    [Fact]
    public void Port_out_of_range_is_refused_by_the_model()
    {
        var m = new SdpMedia("audio", 0, "RTP/AVP");
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Port = 65536);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Port = -1);
    }
}
