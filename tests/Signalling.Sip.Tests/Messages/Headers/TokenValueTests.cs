using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Token lists: Allow, Supported, Require, Proxy-Require, Unsupported, Allow-Events.</summary>
public sealed class TokenValueTests
{
    [Theory]
    [InlineData("100rel")]
    [InlineData(" timer ")]
    [InlineData("presence.winfo")]
    [InlineData("\r\n\tINVITE")]
    public void A_single_token_decodes(string text) => Assert.Equal(text.Trim(), Parse<TokenValue>(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("foo bar")]
    [InlineData("foo;bar")]
    [InlineData("\"foo\"")]
    [InlineData("f/o")]
    public void Anything_but_one_token_is_rejected(string text) => Assert.False(TryParse<TokenValue>(text, out _));

    [Fact]
    public void Rfc3261_examples_split_into_tokens()
    {
        // RFC 3261 §20.5 "Allow: INVITE, ACK, OPTIONS, CANCEL, BYE", §20.37 "Supported: 100rel",
        // §20.32 "Require: 100rel", §20.29 "Proxy-Require: foo", §20.40 "Unsupported: foo".
        var message = Request("INVITE",
            "Allow: INVITE, ACK, OPTIONS, CANCEL, BYE\r\n" +
            "Supported: 100rel\r\nk: timer ,\r\n replaces\r\n" +
            "Require: 100rel\r\nProxy-Require: foo\r\nUnsupported: foo\r\n" +
            "Allow-Events: presence, dialog, message-summary");
        var allow = message.Headers.GetValues<TokenValue>(KnownHeader.Allow).ToList();
        Assert.Equal(["INVITE", "ACK", "OPTIONS", "CANCEL", "BYE"], allow.Select(t => t.ToString()));
        Assert.Equal(["100rel", "timer", "replaces"], message.Headers.GetValues<TokenValue>(KnownHeader.Supported).ToList().Select(t => t.ToString()));
        Assert.Equal(3, message.Headers.GetValues<TokenValue>(KnownHeader.AllowEvents).ToList().Count);

        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.Supported, "TIMER"));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.Supported, "Replaces"u8));
        Assert.False(TokenValue.Contains(message.Headers, KnownHeader.Supported, "path"));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.Require, "100REL"));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.ProxyRequire, "foo"));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.Unsupported, "FOO"));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.AllowEvents, "message-summary"));
        Assert.False(TokenValue.Contains(message.Headers, KnownHeader.AllowEvents, "message"));
        Assert.True(TokenValue.AllowsMethod(message.Headers, SipMethod.Bye));
        Assert.False(TokenValue.AllowsMethod(message.Headers, SipMethod.Prack));
    }

    [Fact]
    public void Allow_methods_compare_case_sensitively_and_bad_elements_are_skipped()
    {
        // Methods are case-sensitive (RFC 3261 §7.1); an empty Supported is valid and lists nothing.
        var message = Request("OPTIONS", "Allow: invite, BYE, bad token\r\nSupported:");
        Assert.False(TokenValue.AllowsMethod(message.Headers, SipMethod.Invite));
        Assert.True(TokenValue.Contains(message.Headers, KnownHeader.Allow, "INVITE"));
        Assert.True(TokenValue.AllowsMethod(message.Headers, SipMethod.Bye));
        Assert.Equal(2, message.Headers.GetValues<TokenValue>(KnownHeader.Allow).ToList().Count);
        Assert.Empty(message.Headers.GetValues<TokenValue>(KnownHeader.Supported).ToList());
        Assert.False(TokenValue.Contains(message.Headers, KnownHeader.Require, "100rel"));
    }
}
