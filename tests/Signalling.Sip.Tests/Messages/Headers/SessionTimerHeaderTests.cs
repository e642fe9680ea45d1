using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Session-Expires and Min-SE (RFC 4028 §4, §5).</summary>
public sealed class SessionTimerHeaderTests
{
    [Theory]
    // RFC 4028 §4: "Session-Expires: 4000;refresher=uac" and the compact "x: 4000;refresher=uac".
    [InlineData("4000;refresher=uac", 4000u, SessionRefresher.Uac)]
    [InlineData("1800;refresher=uas", 1800u, SessionRefresher.Uas)]
    [InlineData("90 ; \r\n refresher = UAS", 90u, SessionRefresher.Uas)]
    [InlineData("3600;x-foo=bar;refresher=uac", 3600u, SessionRefresher.Uac)]
    public void Session_Expires_decodes_interval_and_refresher(string text, uint seconds, SessionRefresher refresher)
    {
        var value = Parse<SessionExpiresHeader>(text);
        Assert.Equal(seconds, value.DeltaSeconds);
        Assert.Equal(refresher, value.Refresher);
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void Session_Expires_without_refresher_leaves_it_null_and_keeps_other_parameters()
    {
        var value = Parse<SessionExpiresHeader>("480;longtimer=5");
        Assert.Equal(480u, value.DeltaSeconds);
        Assert.Null(value.Refresher);
        Assert.True(value.Parameters.TryGetValue("longtimer"u8, out var v) && v.Equals("5"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("4000;refresher=both")]
    [InlineData("4000;refresher")]
    [InlineData("4000;refresher=\"uac\"")]
    [InlineData("4000 5")]
    [InlineData("4000;;refresher=uac")]
    [InlineData("4294967296")]
    public void Session_Expires_rejects_malformed_values(string text) => Assert.False(TryParse<SessionExpiresHeader>(text, out _));

    [Theory]
    [InlineData("90", 90u)] // RFC 4028 §5 example "Min-SE: 90" (the recommended floor)
    [InlineData("60;x=y", 60u)]
    [InlineData(" 4294967295 ", 4294967295u)]
    public void Min_SE_decodes(string text, uint seconds) => Assert.Equal(seconds, Parse<MinSEHeader>(text).DeltaSeconds);

    [Theory]
    [InlineData("")]
    [InlineData("ninety")]
    [InlineData("90 s")]
    [InlineData("4294967296")]
    public void Min_SE_rejects_malformed_values(string text) => Assert.False(TryParse<MinSEHeader>(text, out _));

    [Fact]
    public void A_re_INVITE_and_a_422_carry_the_session_timer_headers()
    {
        // The compact form "x" is Session-Expires (RFC 4028 §4).
        var invite = Request("INVITE", "Supported: timer\r\nx: 4000;refresher=uac\r\nMin-SE: 90");
        Assert.True(invite.Headers.GetValues<SessionExpiresHeader>(KnownHeader.SessionExpires).TryGetFirst(out var se));
        Assert.Equal(4000u, se.DeltaSeconds);
        Assert.Equal(SessionRefresher.Uac, se.Refresher);
        Assert.True(invite.Headers.GetValues<MinSEHeader>(KnownHeader.MinSE).TryGetFirst(out var minSe));
        Assert.Equal(90u, minSe.DeltaSeconds);

        var tooSmall = Response("422 Session Interval Too Small", "INVITE", "Min-SE: 1800");
        Assert.True(tooSmall.Headers.GetValues<MinSEHeader>(KnownHeader.MinSE).TryGetFirst(out var required));
        Assert.Equal(1800u, required.DeltaSeconds);
    }
}
