using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Refer-To is a name-addr (RFC 3515 §2.1); an attended transfer embeds Replaces in its URI.</summary>
public sealed class ReferToTests
{
    // RFC 3891 §6.1 / RFC 5589 §7 style attended-transfer target: Replaces escaped in the URI headers.
    private const string AttendedTransfer =
        "<sip:dave@denver.example.org?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>";

    [Fact]
    public void Refer_To_with_embedded_Replaces_decodes()
    {
        var referTo = Parse<NameAddress>(AttendedTransfer);
        Assert.True(referTo.IsNameAddr);
        Assert.Equal("sip:dave@denver.example.org?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994", referTo.UriText.ToString());
        Assert.True(referTo.Parameters.IsEmpty);
        Assert.True(referTo.TryGetUri(out var uri));
        Assert.Contains("Replaces=", uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_REFER_carries_Refer_To_with_Replaces()
    {
        // RFC 3515 §2.1: "r" is the compact form of Refer-To.
        var refer = Request("REFER", "r: " + AttendedTransfer + "\r\nReferred-By: <sip:alice@atlanta.example.com>");
        Assert.True(refer.Headers.GetValues<NameAddress>(KnownHeader.ReferTo).TryGetFirst(out var referTo));
        Assert.Contains("Replaces=12345%40192.168.118.3", referTo.UriText.ToString(), StringComparison.Ordinal);
        Assert.True(referTo.TryGetUri(out _));
    }

    [Fact]
    public void Refer_To_with_a_question_mark_outside_brackets_is_rejected()
    {
        // RFC 3515 §2.1 / RFC 3261 §20.10: a URI with headers must be in angle brackets.
        Assert.False(TryParse<NameAddress>("sip:dave@denver.example.org?Replaces=abc", out _));
    }
}
