using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Content-Type (RFC 3261 §20.15).</summary>
public sealed class ContentTypeHeaderTests
{
    [Fact]
    public void Rfc3261_example_decodes()
    {
        // RFC 3261 §20.15: "Content-Type: application/sdp" and "c: text/html; charset=ISO-8859-4".
        var sdp = Parse<ContentTypeHeader>("application/sdp");
        Assert.True(sdp.IsSdp);
        Assert.True(sdp.Type.Equals("application"u8));
        Assert.True(sdp.Subtype.Equals("sdp"u8));
        Assert.True(sdp.Parameters.IsEmpty);

        var html = Parse<ContentTypeHeader>("text/html; charset=ISO-8859-4");
        Assert.True(html.Is("TEXT", "Html"));
        Assert.Equal("ISO-8859-4", html.Charset);
        Assert.Null(html.Boundary);
        Assert.Equal("text/html; charset=ISO-8859-4", html.ToString());
    }

    [Fact]
    public void Case_insensitive_comparisons_and_lws_around_separators()
    {
        var value = Parse<ContentTypeHeader>("Multipart / MIXED ;\r\n BOUNDARY = \"unique \\\"boundary\\\"-1\" ; x=y");
        Assert.True(value.IsMultipart);
        Assert.True(value.Is("multipart"u8, "mixed"u8));
        Assert.False(value.IsSdp);
        Assert.Equal("unique \"boundary\"-1", value.Boundary);
        Assert.True(value.TryGetParameter("X", out var x));
        Assert.Equal("y", x);
        Assert.False(value.TryGetParameter("charset", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("/sdp")]
    [InlineData("application/sdp/x")]
    [InlineData("application sdp")]
    [InlineData("application/sdp;charset")]
    [InlineData("application/sdp;charset=")]
    [InlineData("application/sdp;host=[::1]")]
    [InlineData("application/sdp;;a=b")]
    [InlineData("application/sdp;a=\"open")]
    public void Malformed_values_are_rejected(string text) => Assert.False(TryParse<ContentTypeHeader>(text, out _));

    [Fact]
    public void A_message_with_the_compact_form_decodes()
    {
        var message = Request("MESSAGE", "c: text/plain;charset=\"UTF-8\"");
        Assert.True(message.Headers.GetValues<ContentTypeHeader>(KnownHeader.ContentType).TryGetFirst(out var type));
        Assert.True(type.Is("text", "plain"));
        Assert.Equal("UTF-8", type.Charset);
    }
}
