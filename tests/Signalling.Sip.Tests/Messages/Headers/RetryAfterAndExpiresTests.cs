using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Retry-After (RFC 3261 §20.33), Expires (§20.19) and Min-Expires (§20.23).</summary>
public sealed class RetryAfterAndExpiresTests
{
    [Fact]
    public void Rfc3261_retry_after_examples_decode()
    {
        // RFC 3261 §20.33: "Retry-After: 18000;duration=3600" and "Retry-After: 120 (I'm in a meeting)".
        var withDuration = Parse<RetryAfterHeader>("18000;duration=3600");
        Assert.Equal(18000u, withDuration.DeltaSeconds);
        Assert.Equal(3600u, withDuration.Duration);
        Assert.True(withDuration.Comment.IsEmpty);

        var withComment = Parse<RetryAfterHeader>("120 (I'm in a meeting)");
        Assert.Equal(120u, withComment.DeltaSeconds);
        Assert.Equal("I'm in a meeting", withComment.Comment.ToString());
        Assert.Null(withComment.Duration);
        Assert.Equal("120 (I'm in a meeting)", withComment.ToString());
    }

    [Fact]
    public void Nested_comments_escapes_and_folded_parameters_decode()
    {
        var value = Parse<RetryAfterHeader>("60 (back (soon) \\) ok) ;\r\n duration = 10;x=y");
        Assert.Equal("back (soon) \\) ok", value.Comment.ToString());
        Assert.Equal(10u, value.Duration);
        Assert.True(value.Parameters.TryGetValue("x"u8, out var x) && x.Equals("y"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("120 (unbalanced")]
    [InlineData("120 (a))")]
    [InlineData("120;duration=forever")]
    [InlineData("120;duration")]
    [InlineData("120 30")]
    [InlineData("4294967296")]
    public void Retry_after_rejects_malformed_values(string text) => Assert.False(TryParse<RetryAfterHeader>(text, out _));

    [Theory]
    [InlineData("5", 5u)] // §20.19 "Expires: 5"
    [InlineData("0", 0u)]
    [InlineData(" 4294967295 ", 4294967295u)]
    public void Expires_decodes(string text, uint seconds) => Assert.Equal(seconds, Parse<ExpiresValue>(text).Seconds);

    [Theory]
    [InlineData("")]
    [InlineData("10000000000")] // RFC 4475 §3.1.2.19 scalar02
    [InlineData("5 s")]
    [InlineData("-1")]
    [InlineData("Thu, 01 Dec 1994 16:00:00 GMT")] // the RFC 2543 date form is gone from RFC 3261
    public void Expires_rejects_malformed_values(string text) => Assert.False(TryParse<ExpiresValue>(text, out _));

    [Fact]
    public void Responses_carry_Retry_After_and_Min_Expires()
    {
        var busy = Response("486 Busy Here", "INVITE", "Retry-After: 120 (I'm in a meeting);duration=1800");
        Assert.True(busy.Headers.GetValues<RetryAfterHeader>(KnownHeader.RetryAfter).TryGetFirst(out var retry));
        Assert.Equal(120u, retry.DeltaSeconds);
        Assert.Equal(1800u, retry.Duration);

        // §20.23 "Min-Expires: 60" in a 423 Interval Too Brief.
        var brief = Response("423 Interval Too Brief", "REGISTER", "Min-Expires: 60");
        Assert.True(brief.Headers.GetValues<ExpiresValue>(KnownHeader.MinExpires).TryGetFirst(out var min));
        Assert.Equal(60u, min.Seconds);

        var register = Request("REGISTER", "Expires: 7200");
        Assert.True(register.Headers.GetValues<ExpiresValue>(KnownHeader.Expires).TryGetFirst(out var expires));
        Assert.Equal(7200u, expires.Seconds);
    }
}
