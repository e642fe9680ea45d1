using System.Text;
using Signalling.Sip.Sdp;

namespace Signalling.Sip.Tests.Sdp;

/// <summary>Malformed input gives the right reason and names the right line; nothing throws.</summary>
public sealed class SdpParseErrorTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    [Theory]
    [InlineData("", SdpParseErrorKind.MissingVersion, 1)]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n", SdpParseErrorKind.MissingVersion, 1)]
    [InlineData("\r\nv=0\r\n", SdpParseErrorKind.MissingVersion, 1)]
    [InlineData("V=0\r\n", SdpParseErrorKind.MissingVersion, 1)]
    [InlineData("v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n", SdpParseErrorKind.UnsupportedVersion, 1)]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseErrorKind.MissingOrigin, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseErrorKind.MissingSessionName, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nt=0 0\r\n", SdpParseErrorKind.MissingSessionName, 3)]
    [InlineData("v=0\r\nv=0\r\n", SdpParseErrorKind.DuplicateLine, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\no=- 1 1 IN IP4 192.0.2.1\r\n", SdpParseErrorKind.DuplicateLine, 3)]
    [InlineData("v=0\r\no=- 1 IN IP4 192.0.2.1\r\n", SdpParseErrorKind.InvalidOrigin, 2)]
    [InlineData("v=0\r\no=-  1 1 IN IP4 192.0.2.1\r\n", SdpParseErrorKind.InvalidOrigin, 2)]
    [InlineData("v=0\r\no=- x 1 IN IP4 192.0.2.1\r\n", SdpParseErrorKind.InvalidOrigin, 2)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4\r\n", SdpParseErrorKind.InvalidConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 224.2.1.1/256\r\n", SdpParseErrorKind.InvalidConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP6 ff15::101/3/1\r\n", SdpParseErrorKind.InvalidConnection, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nb=AS\r\n", SdpParseErrorKind.InvalidBandwidth, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0\r\n", SdpParseErrorKind.InvalidTiming, 4)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nr=7d 1h 0 25h\r\n", SdpParseErrorKind.MisplacedLine, 4)]
    public void Session_level_errors_name_the_line(string text, SdpParseErrorKind kind, int line) =>
        AssertError(text, kind, line);

    [Theory]
    [InlineData("m=audio x RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 65536 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio -1 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 4000/0 RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 4000/ RTP/AVP 0\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio\r\n", SdpParseErrorKind.InvalidPort)]
    [InlineData("m=audio 4000 RTP/AVP\r\n", SdpParseErrorKind.InvalidMedia)]
    [InlineData("m=audio 4000 RTP/AVP 0 \r\n", SdpParseErrorKind.InvalidMedia)]
    [InlineData("m=\r\n", SdpParseErrorKind.InvalidMedia)]
    public void Bad_m_lines_give_the_right_kind_on_line_6(string mediaLine, SdpParseErrorKind kind) =>
        AssertError(Head + mediaLine, kind, 6);

    [Theory]
    [InlineData("a=rtpmap:96\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:128 opus/48000/2\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:96 opus\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:96 opus/0\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:96 opus/48000/two\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap:x PCMU/8000\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=rtpmap\r\n", SdpParseErrorKind.InvalidRtpMap)]
    [InlineData("a=fmtp:\r\n", SdpParseErrorKind.InvalidFmtp)]
    [InlineData("a=rtcp:70000\r\n", SdpParseErrorKind.InvalidRtcp)]
    [InlineData("a=rtcp:53020 IN IP4\r\n", SdpParseErrorKind.InvalidRtcp)]
    [InlineData("a=:value\r\n", SdpParseErrorKind.InvalidAttribute)]
    [InlineData("a=\r\n", SdpParseErrorKind.InvalidAttribute)]
    [InlineData("t=0 0\r\n", SdpParseErrorKind.MisplacedLine)]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\n", SdpParseErrorKind.MisplacedLine)]
    [InlineData("v=0\r\n", SdpParseErrorKind.MisplacedLine)]
    [InlineData("i=one\r\ni=two\r\n", SdpParseErrorKind.DuplicateLine)]
    public void Bad_media_level_lines_give_the_right_kind_and_line(string lines, SdpParseErrorKind kind)
    {
        var text = Head + "m=audio 4000 RTP/AVP 0 96\r\na=sendrecv\r\n" + lines;
        var expectedLine = 8 + lines.Split("\r\n").Length - 2;
        AssertError(text, kind, expectedLine);
    }

    [Theory]
    [InlineData("x\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("=x\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("A=foo\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("a =foo\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("a=foo\rbar\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("a=foo\0\r\n", SdpParseErrorKind.InvalidLine)]
    [InlineData("\r\na=foo\r\n", SdpParseErrorKind.InvalidLine)]
    public void Malformed_lines_are_invalid_lines(string line, SdpParseErrorKind kind) => AssertError(Head + line, kind, 6);

    [Fact]
    public void Invalid_utf8_is_an_encoding_error_on_its_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Head), .. "i="u8, 0xC3, 0x28, .. "\r\n"u8];
        Assert.False(SdpSession.TryParse(bytes, out var session, out var error));
        Assert.Null(session);
        Assert.Equal(SdpParseErrorKind.InvalidEncoding, error.Kind);
        Assert.Equal(6, error.LineNumber);
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_error_text()
    {
        var ex = Assert.Throws<FormatException>(() => SdpSession.Parse(Head + "m=audio 99999 RTP/AVP 0\r\n"));
        Assert.StartsWith("SDP line 6:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SdpParseErrorKind.InvalidPort), ex.Message, StringComparison.Ordinal);
    }

    private static void AssertError(string text, SdpParseErrorKind kind, int line)
    {
        Assert.False(SdpSession.TryParse(Encoding.UTF8.GetBytes(text), out var session, out var error));
        Assert.Null(session);
        Assert.Equal((kind, line), (error.Kind, error.LineNumber));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }
}
