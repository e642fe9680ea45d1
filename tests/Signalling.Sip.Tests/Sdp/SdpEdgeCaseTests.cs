using System.Text;
using Signalling.Sip.Sdp;

namespace Signalling.Sip.Tests.Sdp;

/// <summary>Our own edge cases: line ends, unknown lines, multicast, IPv6, RTCP and large numbers.</summary>
public sealed class SdpEdgeCaseTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    [Fact]
    public void Bare_LF_input_parses_like_CRLF_and_is_written_with_CRLF()
    {
        var lf = SdpExamples.Rfc4317_2_4_Offer.Replace("\r\n", "\n", StringComparison.Ordinal);
        var s = SdpSession.Parse(lf);
        Assert.Equal(2, s.Media.Count);
        Assert.Equal(SdpDirection.SendOnly, s.Media[1].GetDirection(s));
        Assert.Equal(SdpExamples.Rfc4317_2_4_Offer, s.ToString());
    }

    [Fact]
    public void Mixed_line_ends_a_missing_final_line_end_and_trailing_blank_lines_are_accepted()
    {
        var text = "v=0\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\nt=0 0\r\nm=audio 4000 RTP/AVP 0";
        var expected = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        Assert.Equal(expected, SdpSession.Parse(text).ToString());
        Assert.Equal(expected, SdpSession.Parse(expected + "\r\n\r\n").ToString());
    }

    [Fact]
    public void Unknown_attributes_and_fmtp_parameters_round_trip_in_order_at_both_levels()
    {
        var text = Head +
            "a=x-session-thing:some value: with colons\r\n" +
            "a=group:BUNDLE 0\r\n" +
            "m=audio 4000 RTP/AVP 18 101\r\n" +
            "a=x-first\r\n" +
            "a=rtpmap:18 G729/8000\r\n" +
            "a=fmtp:18 annexb=no;x-vendor=42 weird\r\n" +
            "a=empty-value:\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-15,66,70\r\n" +
            "a=ptime:30\r\n" +
            "a=X-CASE:Kept\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal(text, s.ToString());
        Assert.Equal(["x-session-thing", "group"], s.Attributes.Select(a => a.Name));
        Assert.Equal("some value: with colons", s.Attributes[0].Value);
        var m = s.Media[0];
        Assert.Null(m.Attributes[0].Value);
        Assert.Equal(string.Empty, m.Attributes.Find("empty-value")!.Value);
        Assert.Equal(new SdpFmtp("18", "annexb=no;x-vendor=42 weird"), m.Attributes.FindFmtp(18));
        Assert.Equal(30d, m.Attributes.PacketTime);
        Assert.Equal(new SdpRtpMap(18, "G729", 8000), m.ResolveRtpMap(18));
    }

    [Fact]
    public void Unknown_line_types_keep_their_place_at_each_level()
    {
        var text =
            "v=0\r\n" +
            "x=right after version\r\n" +
            "o=- 1 1 IN IP4 192.0.2.1\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.1\r\n" +
            "y=between c and t\r\n" +
            "t=0 0\r\n" +
            "a=one\r\n" +
            "f=between attributes\r\n" +
            "a=two\r\n" +
            "m=video 4000 RTP/AVP 96\r\n" +
            "y=0100000001\r\n" +
            "a=rtpmap:96 PS/90000\r\n" +
            "a=recvonly\r\n" +
            "f=v/2/4///a///\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal(text, s.ToString());
        Assert.Equal(['x', 'y', 'f'], s.UnknownLines.Select(l => l.Type));
        Assert.Equal(['y', 'f'], s.Media[0].UnknownLines.Select(l => l.Type));
        Assert.Equal("0100000001", s.Media[0].UnknownLines[0].Value);

        // Editing the known lines keeps the unknown ones next to what they followed.
        s.Attributes.RemoveAt(1);
        Assert.Contains("a=one\r\nf=between attributes\r\nm=video", s.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('m')]
    [InlineData('A')]
    public void An_unknown_line_cannot_use_a_defined_or_upper_case_letter(char type) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpUnknownLine(type, "x"));

    [Fact]
    public void Multiple_media_lines_keep_their_order_ports_and_rejections()
    {
        var text = Head +
            "m=audio 49170 RTP/AVP 0\r\n" +
            "m=audio 0 RTP/AVP 8\r\n" +
            "m=video 51372/2 RTP/AVP 31\r\n" +
            "m=application 5000 TCP/MRCPv2 1\r\n" +
            "m=image 0 udptl t38\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal([49170, 0, 51372, 5000, 0], s.Media.Select(m => m.Port));
        Assert.Equal([false, true, false, false, true], s.Media.Select(m => m.IsRejected));
        Assert.Equal(2, s.Media[2].NumberOfPorts);
        Assert.Null(s.Media[0].NumberOfPorts);
        Assert.Equal(["t38"], s.Media[4].Formats);
        Assert.Equal("udptl", s.Media[4].Protocol);
        Assert.Equal(text, s.ToString());
    }

    [Fact]
    public void Rtcp_attribute_with_and_without_address()
    {
        // RFC 3605 §2.1 example.
        var s = SdpSession.Parse(Head + "m=audio 49170 RTP/AVP 0\r\na=rtcp:53020 IN IP4 126.16.64.4\r\nm=audio 49180 RTP/AVP 0\r\na=rtcp:53021\r\n");
        Assert.Equal(new SdpRtcp(53020, "IN", "IP4", "126.16.64.4"), s.Media[0].Attributes.Rtcp);
        Assert.Equal(new SdpRtcp(53021), s.Media[1].Attributes.Rtcp);

        s.Media[1].Attributes.Rtcp = new SdpRtcp(6000, "IN", "IP6", "2001:db8::9");
        Assert.Equal("rtcp:6000 IN IP6 2001:db8::9", s.Media[1].Attributes[0].ToString());
        s.Media[1].Attributes.Rtcp = null;
        Assert.Empty(s.Media[1].Attributes);
    }

    [Fact]
    public void Ipv6_connection_and_origin()
    {
        var text = "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal("IP6", s.Origin.AddressType);
        Assert.Equal("2001:db8::1", s.Origin.UnicastAddress);
        Assert.True(s.Connection!.IsIPv6);
        Assert.Equal("2001:db8::1", s.Connection.Address);
        Assert.Null(s.Connection.NumberOfAddresses);
        Assert.Equal(text, s.ToString());
    }

    [Theory]
    [InlineData("c=IN IP4 233.252.0.1/127", "233.252.0.1", 127, null)]       // RFC 8866 §5.7
    [InlineData("c=IN IP4 233.252.0.1/127/3", "233.252.0.1", 127, 3)]        // RFC 8866 §5.7
    [InlineData("c=IN IP6 ff00::db8:0:101/3", "ff00::db8:0:101", null, 3)]   // RFC 8866 §5.7
    [InlineData("c=IN IP4 host.example.com", "host.example.com", null, null)]
    [InlineData("c=IN XYZ odd/thing/kept", "odd/thing/kept", null, null)]
    public void Multicast_suffixes_are_kept_apart_from_the_address(string line, string address, int? ttl, int? number)
    {
        var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n" + line + "\r\nt=0 0\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal((address, ttl, number), (s.Connection!.Address, s.Connection.Ttl, s.Connection.NumberOfAddresses));
        Assert.Equal(text, s.ToString());
    }

    [Fact]
    public void Timing_repeat_zone_key_and_bandwidth_lines_are_kept()
    {
        // RFC 8866 §5.10 and §5.11 examples.
        var text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nb=CT:1024\r\nb=X-YZ:7\r\n" +
            "t=3724394400 3724398000\r\nr=604800 3600 0 90000\r\nr=7d 1h 0 25h\r\nt=0 0\r\n" +
            "z=2882844526 -1h 2898848070 0\r\nk=prompt\r\n" +
            "m=audio 4000 RTP/AVP 0\r\ni=main audio\r\nc=IN IP4 233.252.0.1/127\r\nc=IN IP4 233.252.0.2/127\r\nb=AS:64\r\nk=clear:abc\r\n";
        var s = SdpSession.Parse(text);
        Assert.Equal(2, s.Timings.Count);
        Assert.Equal(3724394400UL, s.Timings[0].Start);
        Assert.Equal(["604800 3600 0 90000", "7d 1h 0 25h"], s.Timings[0].Repeats);
        Assert.Empty(s.Timings[1].Repeats);
        Assert.Equal("2882844526 -1h 2898848070 0", s.TimeZones);
        Assert.Equal("prompt", s.Key);
        Assert.Equal([("CT", 1024UL), ("X-YZ", 7UL)], s.Bandwidths.Select(b => (b.Type, b.Value)));
        Assert.Equal(2, s.Media[0].Connections.Count);
        Assert.Equal("main audio", s.Media[0].Information);
        Assert.Equal("clear:abc", s.Media[0].Key);
        Assert.Equal(64UL, Assert.Single(s.Media[0].Bandwidths).Value);
        Assert.Equal(text, s.ToString());
    }

    [Theory]
    [InlineData("m=audio 99999999999999999999999999999999999999 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 4000/99999999999999999999999 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 4000/2147483648 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("a=rtpmap:96 opus/48000/99999999999999999999\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:96 opus/4294967296\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("t=18446744073709551616 0\r\n", SdpParseErrorKind.InvalidTiming)]
    [InlineData("b=AS:184467440737095516160\r\n", SdpParseErrorKind.InvalidBandwidth)]
    [InlineData("c=IN IP4 233.252.0.1/127/4294967296\r\n", SdpParseErrorKind.InvalidConnection)]
    public void Huge_numbers_are_rejected_not_trusted(string line, SdpParseErrorKind kind)
    {
        var text = Encoding.UTF8.GetBytes("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n" + line);
        Assert.False(SdpSession.TryParse(text, out _, out var error));
        Assert.Equal((kind, 4), (error.Kind, error.LineNumber));
    }

    [Fact]
    public void Large_valid_numbers_are_stored_without_allocating_in_proportion()
    {
        var text = Encoding.UTF8.GetBytes(
            "v=0\r\no=- 18446744073709551615 18446744073709551615 IN IP4 192.0.2.1\r\ns=-\r\n" +
            "c=IN IP4 233.252.0.1/255/2147483647\r\nt=18446744073709551615 18446744073709551615\r\n" +
            "m=audio 65535/2147483647 RTP/AVP 0\r\na=rtpmap:0 PCMU/2147483647/2147483647\r\n");
        SdpSession.TryParse(text, out _, out _); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(SdpSession.TryParse(text, out var s, out var error), error.ToString());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 8_000, $"allocated {allocated} bytes");
        Assert.Equal(ulong.MaxValue, s.Origin.SessionId);
        Assert.Equal(int.MaxValue, s.Media[0].NumberOfPorts);
        Assert.Equal(int.MaxValue, s.Connection!.NumberOfAddresses);
        Assert.Equal(new SdpRtpMap(0, "PCMU", int.MaxValue, int.MaxValue), s.Media[0].Attributes.FindRtpMap(0));
        Assert.Equal(Encoding.UTF8.GetString(text), s.ToString());
    }

    [Fact]
    public void Writing_a_field_with_a_line_end_throws_instead_of_injecting_a_line()
    {
        var s = SdpSession.Parse(SdpExamples.Rfc4317_5_1_Offer);
        s.SessionName = "x\r\nm=audio 1 RTP/AVP 0";
        Assert.Throws<InvalidOperationException>(() => s.ToString());
    }
}
