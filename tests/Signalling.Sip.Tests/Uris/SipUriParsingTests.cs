using System.Buffers;
using System.Text;
using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>Parsing of SIP and SIPS URIs: the RFC 3261 §19.1.3 examples and our edge cases.</summary>
public sealed class SipUriParsingTests
{
    /// <summary>Rfc3261 example plain user at domain.</summary>
    [Fact]
    public void Rfc3261_example_plain_user_at_domain()
    {
        var uri = SipUri.Parse("sip:alice@atlanta.com");
        Assert.False(uri.IsSecure);
        Assert.Equal("sip", uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Null(uri.Password);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Equal(HostKind.DomainName, uri.HostKind);
        Assert.Null(uri.Port);
        Assert.Empty(uri.Parameters);
        Assert.Empty(uri.Headers);
    }

    /// <summary>Rfc3261 example password and transport.</summary>
    [Fact]
    public void Rfc3261_example_password_and_transport()
    {
        var uri = SipUri.Parse("sip:alice:secretword@atlanta.com;transport=tcp");
        Assert.Equal("alice", uri.User);
        Assert.Equal("secretword", uri.Password);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Equal("tcp", uri.Transport);
        var p = Assert.Single(uri.Parameters);
        Assert.Equal("transport", p.Name);
        Assert.Equal("tcp", p.Value);
    }

    /// <summary>Rfc3261 example sips with headers.</summary>
    [Fact]
    public void Rfc3261_example_sips_with_headers()
    {
        var uri = SipUri.Parse("sips:alice@atlanta.com?subject=project%20x&priority=urgent");
        Assert.True(uri.IsSecure);
        Assert.Equal("sips", uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal(2, uri.Headers.Count);
        Assert.Equal("subject", uri.Headers[0].Name);
        Assert.Equal("project x", uri.Headers[0].Value);
        Assert.Equal("project%20x", uri.Headers[0].EscapedValue);
        Assert.Equal("priority", uri.Headers[1].Name);
        Assert.Equal("urgent", uri.Headers[1].Value);
    }

    /// <summary>Rfc3261 example telephone subscriber user with password and user phone.</summary>
    [Fact]
    public void Rfc3261_example_telephone_subscriber_user_with_password_and_user_phone()
    {
        var uri = SipUri.Parse("sip:+1-212-555-1212:1234@gateway.com;user=phone");
        Assert.Equal("+1-212-555-1212", uri.User);
        Assert.Equal("1234", uri.Password);
        Assert.Equal("gateway.com", uri.Host);
        Assert.Equal("phone", uri.UserParameter);
    }

    /// <summary>Rfc3261 example sips numeric user.</summary>
    [Fact]
    public void Rfc3261_example_sips_numeric_user()
    {
        var uri = SipUri.Parse("sips:1212@gateway.com");
        Assert.True(uri.IsSecure);
        Assert.Equal("1212", uri.User);
        Assert.Equal("gateway.com", uri.Host);
    }

    /// <summary>Rfc3261 example ipv4 host.</summary>
    [Fact]
    public void Rfc3261_example_ipv4_host()
    {
        var uri = SipUri.Parse("sip:alice@192.0.2.4");
        Assert.Equal("192.0.2.4", uri.Host);
        Assert.Equal(HostKind.IPv4Address, uri.HostKind);
    }

    /// <summary>Rfc3261 example no user method and escaped header.</summary>
    [Fact]
    public void Rfc3261_example_no_user_method_and_escaped_header()
    {
        var uri = SipUri.Parse("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com");
        Assert.Null(uri.User);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Equal("REGISTER", uri.Method);
        var h = Assert.Single(uri.Headers);
        Assert.Equal("to", h.Name);
        Assert.Equal("alice@atlanta.com", h.Value);
    }

    /// <summary>Rfc3261 example user containing a semicolon.</summary>
    [Fact]
    public void Rfc3261_example_user_containing_a_semicolon()
    {
        var uri = SipUri.Parse("sip:alice;day=tuesday@atlanta.com");
        Assert.Equal("alice;day=tuesday", uri.User);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Empty(uri.Parameters);
    }

    /// <summary>Ipv6 reference with port.</summary>
    [Fact]
    public void Ipv6_reference_with_port()
    {
        var uri = SipUri.Parse("sip:[2001:db8::10]:5070");
        Assert.Equal("[2001:db8::10]", uri.Host);
        Assert.Equal(HostKind.IPv6Reference, uri.HostKind);
        Assert.Equal(5070, uri.Port);
        Assert.Equal("sip:[2001:db8::10]:5070", uri.ToString());
    }

    /// <summary>Convenience accessors read the standard parameters.</summary>
    [Fact]
    public void Convenience_accessors_read_the_standard_parameters()
    {
        var uri = SipUri.Parse("sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15;lr;transport=udp;method=INVITE;user=ip");
        Assert.Equal("239.255.255.1", uri.Maddr);
        Assert.Equal(15, uri.Ttl);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("udp", uri.Transport);
        Assert.Equal("INVITE", uri.Method);
        Assert.Equal("ip", uri.UserParameter);
        Assert.Null(uri.GetParameter("lr")!.Value);
        Assert.False(SipUri.Parse("sip:p1.example.com").IsLooseRouter);
    }

    /// <summary>Escapes are decoded on the properties and kept on the wire.</summary>
    [Fact]
    public void Escapes_are_decoded_on_the_properties_and_kept_on_the_wire()
    {
        var uri = SipUri.Parse("sip:%61lice@atlanta.com");
        Assert.Equal("alice", uri.User);
        Assert.Equal("%61lice", uri.EscapedUser);
        Assert.Equal("sip:%61lice@atlanta.com", uri.ToString());
        Assert.Equal(SipUri.Parse("sip:alice@atlanta.com"), uri);
    }

    /// <summary>Scheme is case insensitive and written in lower case.</summary>
    [Fact]
    public void Scheme_is_case_insensitive_and_written_in_lower_case()
    {
        var uri = AddressUri.Parse("SIPS:bob@biloxi.com");
        var sip = Assert.IsType<SipUri>(uri);
        Assert.True(sip.IsSecure);
        Assert.Equal("sips:bob@biloxi.com", uri.ToString());
    }

    /// <summary>Utf8 parse and WriteTo give the same bytes.</summary>
    [Fact]
    public void Utf8_parse_and_WriteTo_give_the_same_bytes()
    {
        var text = "sip:bob:pw@biloxi.com:5061;transport=tls;lr?subject=hi%20there";
        Assert.True(AddressUri.TryParse(Encoding.ASCII.GetBytes(text), out var uri, out var error));
        Assert.Equal(UriParseError.None, error);
        var writer = new ArrayBufferWriter<byte>();
        uri.WriteTo(writer);
        Assert.Equal(text, Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    /// <summary>Invalid inputs give the right error.</summary>
    [Theory]
    [InlineData("", UriParseError.Empty)]
    [InlineData("alice@atlanta.com", UriParseError.InvalidScheme)]
    [InlineData("1sip:alice@atlanta.com", UriParseError.InvalidScheme)]
    [InlineData("sip:alice@atlanta.com:99999", UriParseError.InvalidPort)]
    [InlineData("sip:alice@atlanta.com:65536", UriParseError.InvalidPort)]
    [InlineData("sip:alice@atlanta.com:", UriParseError.InvalidPort)]
    [InlineData("sip:alice@atlanta.com:50a0", UriParseError.InvalidPort)]
    [InlineData("sip:@atlanta.com", UriParseError.InvalidUser)]
    [InlineData("sip:[2001:db8::10", UriParseError.InvalidHost)]
    [InlineData("sip:[2001:db8::10]x", UriParseError.InvalidHost)]
    [InlineData("sip:[zz::1]", UriParseError.InvalidHost)]
    [InlineData("sip:[fe80::1%25eth0]", UriParseError.InvalidHost)]
    [InlineData("sip:alice@atl_anta.com", UriParseError.InvalidHost)]
    [InlineData("sip:alice@-atlanta.com", UriParseError.InvalidHost)]
    [InlineData("sip:alice@atlanta.123", UriParseError.InvalidHost)]
    [InlineData("sip:alice@192.0.2.256", UriParseError.InvalidHost)]
    [InlineData("sip:alice@192.0.2.04", UriParseError.InvalidHost)] // RFC 5954 §4.1 dec-octet has no leading zero
    [InlineData("sip:%4@atlanta.com", UriParseError.InvalidEscape)]
    [InlineData("sip:%4g@atlanta.com", UriParseError.InvalidEscape)]
    [InlineData("sip:alice@atlanta.com;p=%4", UriParseError.InvalidEscape)]
    [InlineData("sip:alice@atlanta.com?h=%", UriParseError.InvalidEscape)]
    [InlineData("sip:", UriParseError.MissingHost)]
    [InlineData("sip:alice@", UriParseError.MissingHost)]
    [InlineData("sip:alice@;transport=tcp", UriParseError.MissingHost)]
    [InlineData("sip:al ice@atlanta.com", UriParseError.InvalidCharacter)]
    [InlineData("sip:al#ice@atlanta.com", UriParseError.InvalidCharacter)]
    [InlineData("sip:alice:pa;ss@atlanta.com", UriParseError.InvalidCharacter)]
    [InlineData("sip:alicé@atlanta.com", UriParseError.InvalidCharacter)]
    [InlineData("sip:alice@atlanta.com;", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;=x", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;x=", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;x=a b", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;lr;LR", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;ttl=256", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;ttl=abc", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com;maddr=not_a_host", UriParseError.InvalidParameter)]
    [InlineData("sip:alice@atlanta.com?", UriParseError.InvalidHeader)]
    [InlineData("sip:alice@atlanta.com?subject", UriParseError.InvalidHeader)]
    [InlineData("sip:alice@atlanta.com?a=b&", UriParseError.InvalidHeader)]
    [InlineData("sip:alice@atlanta.com?=b", UriParseError.InvalidHeader)]
    [InlineData("sip:alice@atlanta.com?a=b c", UriParseError.InvalidHeader)]
    public void Invalid_inputs_give_the_right_error(string text, UriParseError expected)
    {
        Assert.False(AddressUri.TryParse(text, out var uri, out var error));
        Assert.Null(uri);
        Assert.Equal(expected, error);
        var ex = Assert.Throws<FormatException>(() => AddressUri.Parse(text));
        Assert.Contains(expected.ToString(), ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Null text is empty and does not throw.</summary>
    [Fact]
    public void Null_text_is_empty_and_does_not_throw()
    {
        Assert.False(AddressUri.TryParse((string?)null, out _, out var error));
        Assert.Equal(UriParseError.Empty, error);
    }

    /// <summary>Ports in range parse.</summary>
    [Theory]
    [InlineData("sip:alice@atlanta.com:0", 0)]
    [InlineData("sip:alice@atlanta.com:65535", 65535)]
    [InlineData("sip:alice@atlanta.com:5060;lr", 5060)]
    public void Ports_in_range_parse(string text, int port) => Assert.Equal(port, SipUri.Parse(text).Port);

    /// <summary>Valid edge cases round trip.</summary>
    [Theory]
    [InlineData("sip:alice@atlanta.com.")] // fully qualified with the root dot
    [InlineData("sip:alice@localhost")]
    [InlineData("sip:alice@a-1.b2.example")]
    [InlineData("sip:alice:@atlanta.com")] // an empty password is allowed by the grammar
    [InlineData("sip:alice@[::ffff:192.0.2.4]")]
    [InlineData("sip:alice@atlanta.com;x=[a]:b/c&d+e$")]
    [InlineData("sip:alice@atlanta.com?h=[a]/b?c:d+e$&empty=")]
    public void Valid_edge_cases_round_trip(string text)
    {
        Assert.True(AddressUri.TryParse(text, out var uri, out var error), error.ToString());
        Assert.Equal(text, uri.ToString());
    }
}
