using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>RFC 3261 §19.1.4: the example sets of equivalent and non-equivalent URIs, copied from the RFC.</summary>
public sealed class SipUriEqualityTests
{
    /// <summary>Theory data: Equivalent pairs.</summary>
    public static TheoryData<string, string> EquivalentPairs => new()
    {
        { "sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp" },
        { "sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5" },
        { "sip:carol@chicago.com", "sip:carol@chicago.com;security=on" },
        { "sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on" },
        { "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com" },
        { "sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x" },

        // The non-transitivity note: each is equivalent to the plain URI.
        { "sip:carol@chicago.com", "sip:carol@chicago.com;security=off" },
    };

    /// <summary>Theory data: Non equivalent pairs.</summary>
    public static TheoryData<string, string> NonEquivalentPairs => new()
    {
        { "SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP" }, // different usernames
        { "sip:bob@biloxi.com", "sip:bob@biloxi.com:5060" }, // can resolve to different ports
        { "sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp" }, // can resolve to different transports
        { "sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp" }, // different port and transports
        { "sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting" }, // different header component
        { "sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4" }, // even though that is what it resolves to
        { "sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off" }, // equality is not transitive
    };

    /// <summary>Rfc3261 equivalent examples are equal both ways with equal hashes.</summary>
    [Theory]
    [MemberData(nameof(EquivalentPairs))]
    public void Rfc3261_equivalent_examples_are_equal_both_ways_with_equal_hashes(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.True(x.Equals(y));
        Assert.True(y.Equals(x));
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    /// <summary>Rfc3261 non equivalent examples differ both ways.</summary>
    [Theory]
    [MemberData(nameof(NonEquivalentPairs))]
    public void Rfc3261_non_equivalent_examples_differ_both_ways(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.False(x.Equals(y));
        Assert.False(y.Equals(x));
    }

    /// <summary>Our edge cases differ.</summary>
    [Theory]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")] // a SIP and a SIPS URI are never equivalent
    [InlineData("sip:alice@atlanta.com", "sip:alice@atlanta.com;user=phone")] // user in one only
    [InlineData("sip:alice@atlanta.com", "sip:alice@atlanta.com;ttl=1")] // ttl in one only
    [InlineData("sip:alice@atlanta.com", "sip:alice@atlanta.com;method=INVITE")] // method in one only
    [InlineData("sip:alice@atlanta.com", "sip:alice@atlanta.com;maddr=239.255.255.1")] // maddr in one only
    [InlineData("sip:alice@atlanta.com;foo=1", "sip:alice@atlanta.com;foo=2")] // same-named parameters must match
    [InlineData("sip:alice@atlanta.com;lr", "sip:alice@atlanta.com;lr=on")] // a flag differs from a value
    [InlineData("sip:alice:one@atlanta.com", "sip:alice:ONE@atlanta.com")] // password is case-sensitive
    [InlineData("sip:alice:one@atlanta.com", "sip:alice@atlanta.com")] // password in one only
    [InlineData("sip:atlanta.com", "sip:alice@atlanta.com")] // user in one only
    [InlineData("sip:a%3Bb@atlanta.com", "sip:a;b@atlanta.com")] // an escaped reserved character keeps its escape
    [InlineData("sip:a@h?x=1", "sip:a@h?x=1&x=1")] // header counts differ
    [InlineData("sip:a@h?subject=A", "sip:a@h?subject=a")] // header values are case-sensitive
    public void Our_edge_cases_differ(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.False(x.Equals(y));
        Assert.False(y.Equals(x));
    }

    /// <summary>Our edge cases are equal.</summary>
    [Theory]
    [InlineData("sip:%61lice@atlanta.com", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;%6Cr", "sip:alice@atlanta.com;LR")]
    [InlineData("sip:alice@atlanta.com;maddr=239.255.255.1", "sip:alice@atlanta.com;MADDR=239.255.255.1")]
    [InlineData("sip:a%3bb@atlanta.com", "sip:a%3Bb@atlanta.com")] // hex digits of an escape are case-insensitive
    [InlineData("sip:a@h?Subject=x", "sip:a@h?subject=x")] // header names are case-insensitive
    [InlineData("sip:a@[2001:DB8::10]:5070", "sip:a@[2001:db8::10]:5070")]
    [InlineData("sip:bob@[::ffff:192.0.2.128]", "sip:bob@[::ffff:c000:280]")] // RFC 5954 §4.2: IP addresses compare by value
    [InlineData("sip:[2001:db8::9:1]", "sip:[2001:db8::9:01]")]
    [InlineData("sip:[0:0:0:0:0:0:13.1.68.3]", "sip:[::13.1.68.3]")]
    public void Our_edge_cases_are_equal(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.True(x.Equals(y));
        Assert.True(y.Equals(x));
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    /// <summary>Equals object uses the scheme rules and never crosses schemes.</summary>
    [Fact]
    public void Equals_object_uses_the_scheme_rules_and_never_crosses_schemes()
    {
        object sip = AddressUri.Parse("sip:alice@atlanta.com");
        Assert.True(sip.Equals(AddressUri.Parse("sip:ALICE@atlanta.com".Replace("ALICE", "alice", StringComparison.Ordinal))));
        Assert.False(sip.Equals(AddressUri.Parse("tel:+1-201-555-0123")));
        Assert.False(sip.Equals("sip:alice@atlanta.com"));
        Assert.False(AddressUri.Parse("sip:alice@atlanta.com").Equals(null));
    }
}
