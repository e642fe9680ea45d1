using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Reason (RFC 3326 §2).</summary>
public sealed class ReasonHeaderTests
{
    [Theory]
    // RFC 3326 §2 examples.
    [InlineData("SIP ;cause=200 ;text=\"Call completed elsewhere\"", true, false, 200, "Call completed elsewhere")]
    [InlineData("Q.850 ;cause=16 ;text=\"Terminated\"", false, true, 16, "Terminated")]
    [InlineData("SIP ;cause=600 ;text=\"Busy Everywhere\"", true, false, 600, "Busy Everywhere")]
    [InlineData("SIP ;cause=580 ;text=\"Precondition Failure\"", true, false, 580, "Precondition Failure")]
    public void Rfc3326_examples_decode(string text, bool isSip, bool isQ850, int cause, string reasonText)
    {
        var reason = Parse<ReasonHeader>(text);
        Assert.Equal(isSip, reason.IsSip);
        Assert.Equal(isQ850, reason.IsQ850);
        Assert.Equal(cause, reason.Cause);
        Assert.Equal(reasonText, reason.ReasonText);
        Assert.Equal(text, reason.ToString());
    }

    [Fact]
    public void Text_with_escaped_quotes_and_commas_is_unquoted()
    {
        var reason = Parse<ReasonHeader>("q.850;\r\n cause = 127 ; text=\"say \\\"hi\\\", then ; go\"");
        Assert.True(reason.IsQ850);
        Assert.Equal(127, reason.Cause);
        Assert.Equal("say \"hi\", then ; go", reason.ReasonText);
        Assert.True(reason.TextParameter.Span.StartsWith("\"say"u8));
    }

    [Fact]
    public void Unknown_protocols_keep_any_cause_and_extension_parameters()
    {
        var reason = Parse<ReasonHeader>("preemption ;cause=1 ;text=\"UA preemption\";foo=bar");
        Assert.False(reason.IsSip || reason.IsQ850);
        Assert.True(reason.Protocol.Equals("preemption"u8));
        Assert.Equal(1, reason.Cause);
        Assert.True(reason.Parameters.TryGetValue("foo"u8, out var foo) && foo.Equals("bar"u8));
        Assert.Equal(100000, Parse<ReasonHeader>("X-Proto;cause=100000").Cause);
    }

    [Fact]
    public void Absent_parameters_are_null()
    {
        var reason = Parse<ReasonHeader>("SIP");
        Assert.Null(reason.Cause);
        Assert.Null(reason.ReasonText);
    }

    [Theory]
    [InlineData("SIP;cause=99")]
    [InlineData("SIP;cause=700")]
    [InlineData("Q.850;cause=128")]
    [InlineData("Q.850;cause=")]
    [InlineData("Q.850;cause=x")]
    [InlineData("SIP;text=unquoted")]
    [InlineData("SIP;text=\"unterminated")]
    [InlineData("")]
    [InlineData(";cause=200")]
    [InlineData("SIP cause=200")]
    public void Malformed_values_are_rejected(string text) => Assert.False(TryParse<ReasonHeader>(text, out _));

    [Fact]
    public void Each_comma_separated_value_is_one_reason()
    {
        // RFC 3326 §2: one value per protocol; commas inside the quoted text do not split.
        var bye = Request("BYE", "Reason: SIP ;cause=200 ;text=\"Call completed, elsewhere\", Q.850 ;cause=16\r\nReason: Q.850;cause=31");
        var reasons = bye.Headers.GetValues<ReasonHeader>(KnownHeader.Reason).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Equal(200, reasons[0].Cause);
        Assert.Equal("Call completed, elsewhere", reasons[0].ReasonText);
        Assert.True(reasons[1].IsQ850);
        Assert.Equal(16, reasons[1].Cause);
        Assert.Equal(31, reasons[2].Cause);
    }
}
