using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>Building SIP URIs from unescaped parts and the with-style copies.</summary>
public sealed class SipUriConstructionTests
{
    /// <summary>Parts are escaped on the wire and read back unescaped.</summary>
    [Fact]
    public void Parts_are_escaped_on_the_wire_and_read_back_unescaped()
    {
        var uri = new SipUri(
            isSecure: false,
            host: "atlanta.com",
            port: 5060,
            user: "al ice@home",
            password: "p:w",
            parameters: [new UriParameter("transport", "tcp"), new UriParameter("lr"), new UriParameter("odd name", "a;b")],
            headers: [new UriHeader("subject", "project x"), new UriHeader("to", "sip:bob@biloxi.com")]);

        Assert.Equal(
            "sip:al%20ice%40home:p%3Aw@atlanta.com:5060;transport=tcp;lr;odd%20name=a%3Bb?subject=project%20x&to=sip:bob%40biloxi.com",
            uri.ToString());
        var parsed = SipUri.Parse(uri.ToString());
        Assert.Equal("al ice@home", parsed.User);
        Assert.Equal("p:w", parsed.Password);
        Assert.Equal("a;b", parsed.GetParameter("odd name")!.Value);
        Assert.Equal("sip:bob@biloxi.com", parsed.Headers[1].Value);
        Assert.Equal(uri, parsed);
    }

    /// <summary>User unreserved characters are not escaped.</summary>
    [Fact]
    public void User_unreserved_characters_are_not_escaped()
    {
        // RFC 3261 §25.1 user-unreserved lets ";", "?", "/" and "&=+$," through unescaped.
        var uri = new SipUri(false, "gateway.com", user: "+1-212;x=y?/&=$,", parameters: [new UriParameter("user", "phone")]);
        Assert.Equal("sip:+1-212;x=y?/&=$,@gateway.com;user=phone", uri.ToString());
    }

    /// <summary>A bare ipv6 address gets brackets.</summary>
    [Fact]
    public void A_bare_ipv6_address_gets_brackets()
    {
        var uri = new SipUri(true, "2001:db8::10", 5071);
        Assert.Equal("sips:[2001:db8::10]:5071", uri.ToString());
        Assert.Equal(HostKind.IPv6Reference, uri.HostKind);
    }

    /// <summary>Invalid hosts are rejected.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("bad host")]
    [InlineData("atl_anta.com")]
    public void Invalid_hosts_are_rejected(string host) =>
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, host));

    /// <summary>Invalid parts are rejected.</summary>
    [Fact]
    public void Invalid_parts_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, "a.com", user: ""));
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, "a.com", password: "x"));
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, "a.com", port: 65536));
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, "a.com", parameters: [new UriParameter("ttl", "300")]));
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(false, "a.com", parameters: [new UriParameter("lr"), new UriParameter("LR")]));
        Assert.ThrowsAny<ArgumentException>(() => new UriParameter(""));
        Assert.ThrowsAny<ArgumentException>(() => new UriParameter("x", ""));
        Assert.ThrowsAny<ArgumentException>(() => new UriHeader("", "v"));
    }

    /// <summary>With methods copy and change one part.</summary>
    [Fact]
    public void With_methods_copy_and_change_one_part()
    {
        var original = SipUri.Parse("sip:alice:pw@atlanta.com;transport=udp;lr?subject=x");

        Assert.Equal("sips:alice:pw@atlanta.com;transport=udp;lr?subject=x", original.WithSecure(true).ToString());
        Assert.Equal("sip:bob:pw@atlanta.com;transport=udp;lr?subject=x", original.WithUser("bob").ToString());
        Assert.Equal("sip:atlanta.com;transport=udp;lr?subject=x", original.WithUser(null).ToString());
        Assert.Equal("sip:alice:pw@biloxi.com;transport=udp;lr?subject=x", original.WithHost("biloxi.com").ToString());
        Assert.Equal("sip:alice:pw@atlanta.com:5080;transport=udp;lr?subject=x", original.WithPort(5080).ToString());
        Assert.Equal("sip:alice:pw@atlanta.com;transport=tcp;lr?subject=x", original.WithParameter("Transport", "tcp").ToString());
        Assert.Equal("sip:alice:pw@atlanta.com;transport=udp;lr;ttl=5?subject=x", original.WithParameter("ttl", "5").ToString());
        Assert.Equal("sip:alice:pw@atlanta.com;transport=udp?subject=x", original.WithoutParameter("LR").ToString());
        Assert.Same(original, original.WithoutParameter("maddr"));
        Assert.Equal("sip:alice:pw@atlanta.com;transport=udp;lr", original.WithHeaders([]).ToString());

        // The original is unchanged.
        Assert.Equal("sip:alice:pw@atlanta.com;transport=udp;lr?subject=x", original.ToString());
    }

    /// <summary>Typed parse rejects other schemes.</summary>
    [Fact]
    public void Typed_parse_rejects_other_schemes()
    {
        Assert.Throws<FormatException>(() => SipUri.Parse("tel:+1-201-555-0123"));
        Assert.Throws<FormatException>(() => TelUri.Parse("sip:alice@atlanta.com"));
        Assert.Throws<FormatException>(() => AbsoluteUri.Parse("sip:alice@atlanta.com"));
    }
}
