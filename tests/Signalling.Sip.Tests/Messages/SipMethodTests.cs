using System.Text;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

public class SipMethodTests
{
    [Fact]
    public void Well_known_methods_parse_to_the_shared_instances()
    {
        Assert.Same(SipMethod.Invite, SipMethod.Parse("INVITE"u8));
        Assert.Same(SipMethod.Prack, SipMethod.Parse("PRACK"u8));
        Assert.True(SipMethod.Update.IsWellKnown);
    }

    [Fact]
    public void Methods_are_case_sensitive_RFC3261_7_1()
    {
        var lower = SipMethod.Parse("invite"u8);

        Assert.NotNull(lower);
        Assert.NotEqual(SipMethod.Invite, lower);
        Assert.False(lower.IsWellKnown);
    }

    [Fact]
    public void Extension_methods_are_kept_as_sent_and_compare_by_name()
    {
        var a = SipMethod.Parse("NEWMETHOD"u8);
        var b = SipMethod.Parse("NEWMETHOD");

        Assert.Equal(a, b);
        Assert.Equal("NEWMETHOD", a!.Name);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("IN VITE")]
    [InlineData("INVITE:")]
    [InlineData("<INVITE>")]
    public void Non_tokens_are_not_methods(string text) =>
        Assert.Null(SipMethod.Parse(Encoding.UTF8.GetBytes(text)));
}
