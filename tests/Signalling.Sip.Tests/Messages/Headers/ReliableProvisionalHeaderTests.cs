using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>RSeq and RAck (RFC 3262 §7.1, §7.2).</summary>
public sealed class ReliableProvisionalHeaderTests
{
    [Fact]
    public void RSeq_rfc_example_decodes()
    {
        // RFC 3262 §7.1: "RSeq: 988789"
        var rseq = Parse<RSeqHeader>("988789");
        Assert.Equal(988789u, rseq.Number);
        Assert.Equal("988789", rseq.ToString());
    }

    [Theory]
    [InlineData("1", 1u)]
    [InlineData("2147483647", 2147483647u)]
    [InlineData(" \r\n 42 ", 42u)]
    public void RSeq_accepts_the_whole_range(string text, uint expected) => Assert.Equal(expected, Parse<RSeqHeader>(text).Number);

    [Theory]
    [InlineData("0")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999")]
    [InlineData("-1")]
    [InlineData("12a")]
    [InlineData("1 2")]
    [InlineData("")]
    public void RSeq_rejects_out_of_range_and_junk(string text) => Assert.False(TryParse<RSeqHeader>(text, out _));

    [Fact]
    public void RAck_rfc_example_decodes()
    {
        // RFC 3262 §7.2: "RAck: 776656 1 INVITE"
        var rack = Parse<RAckHeader>("776656 1 INVITE");
        Assert.Equal(776656u, rack.ResponseNumber);
        Assert.Equal(1u, rack.CSeqNumber);
        Assert.Equal(SipMethod.Invite, rack.Method);
        Assert.True(rack.MethodText.Equals("INVITE"u8));
        Assert.Equal("776656 1 INVITE", rack.ToString());
    }

    [Fact]
    public void RAck_accepts_folded_whitespace_and_extension_methods()
    {
        var rack = Parse<RAckHeader>("5 \r\n\t 0 \t FOO");
        Assert.Equal(5u, rack.ResponseNumber);
        Assert.Equal(0u, rack.CSeqNumber);
        Assert.Equal("FOO", rack.Method.Name);
    }

    [Theory]
    [InlineData("776656 1")]
    [InlineData("776656INVITE")]
    [InlineData("776656 1INVITE")]
    [InlineData("0 1 INVITE")]
    [InlineData("2147483648 1 INVITE")]
    [InlineData("1 2147483648 INVITE")]
    [InlineData("1 1 INVITE extra")]
    [InlineData("1 1 INV@ITE")]
    [InlineData("a 1 INVITE")]
    [InlineData("")]
    public void RAck_rejects_malformed_values(string text) => Assert.False(TryParse<RAckHeader>(text, out _));

    [Fact]
    public void A_PRACK_carries_RAck_and_a_reliable_183_carries_RSeq()
    {
        var prack = Request("PRACK", "RAck: 776656 314159 INVITE");
        Assert.True(prack.Headers.GetValues<RAckHeader>(KnownHeader.RAck).TryGetFirst(out var rack));
        Assert.Equal(776656u, rack.ResponseNumber);
        Assert.Equal(314159u, rack.CSeqNumber);

        var response = Response("183 Session Progress", "INVITE", "Require: 100rel\r\nRSeq: 988789");
        Assert.True(response.Headers.GetValues<RSeqHeader>(KnownHeader.RSeq).TryGetFirst(out var rseq));
        Assert.Equal(988789u, rseq.Number);
    }
}
