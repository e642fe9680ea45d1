using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>tel URIs: the RFC 3966 examples and the §4 equality rule.</summary>
public sealed class TelUriTests
{
    /// <summary>Rfc3966 global number.</summary>
    [Fact]
    public void Rfc3966_global_number()
    {
        var uri = TelUri.Parse("tel:+1-201-555-0123");
        Assert.Equal("tel", uri.Scheme);
        Assert.True(uri.IsGlobal);
        Assert.Equal("+1-201-555-0123", uri.Number);
        Assert.Equal("+12015550123", uri.Digits);
        Assert.Null(uri.PhoneContext);
        Assert.Equal("tel:+1-201-555-0123", uri.ToString());
    }

    /// <summary>Rfc3966 local number with domain context.</summary>
    [Fact]
    public void Rfc3966_local_number_with_domain_context()
    {
        var uri = TelUri.Parse("tel:7042;phone-context=example.com");
        Assert.False(uri.IsGlobal);
        Assert.Equal("7042", uri.Number);
        Assert.Equal("example.com", uri.PhoneContext);
    }

    /// <summary>Rfc3966 local number with global number context.</summary>
    [Fact]
    public void Rfc3966_local_number_with_global_number_context()
    {
        var uri = TelUri.Parse("tel:863-1234;phone-context=+1-914-555");
        Assert.False(uri.IsGlobal);
        Assert.Equal("8631234", uri.Digits);
        Assert.Equal("+1-914-555", uri.PhoneContext);
    }

    /// <summary>Extension subaddress and other parameters are kept in order.</summary>
    [Fact]
    public void Extension_subaddress_and_other_parameters_are_kept_in_order()
    {
        var uri = TelUri.Parse("tel:+1-201-555-0123;ext=1234;isub=a%40b;foo=bar;flag");
        Assert.Equal("1234", uri.Extension);
        Assert.Equal("a@b", uri.IsdnSubaddress);
        Assert.Equal(["ext", "isub", "foo", "flag"], uri.Parameters.Select(p => p.Name));
        Assert.Null(uri.GetParameter("flag")!.Value);
        Assert.Equal("tel:+1-201-555-0123;ext=1234;isub=a%40b;foo=bar;flag", uri.ToString());
    }

    /// <summary>Rfc3966 equivalent.</summary>
    [Theory]
    [InlineData("tel:+1-201-555-0123", "tel:+12015550123")] // visual separators are ignored
    [InlineData("tel:+1-201-555-0123", "tel:+1.201.(555).0123")]
    [InlineData("tel:7042;phone-context=example.com", "tel:7042;phone-context=EXAMPLE.com")] // case-insensitive
    [InlineData("tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555")]
    [InlineData("tel:+1-201-555-0123;ext=1;foo=bar", "tel:+12015550123;FOO=BAR;ext=1")] // parameter order
    [InlineData("tel:+1-201-555-0123;foo=%61", "tel:+1-201-555-0123;foo=a")] // escapes of unreserved characters
    [InlineData("tel:abc;phone-context=example.com", "tel:ABC;phone-context=example.com")] // hex digits
    [InlineData("TEL:+1-201-555-0123", "tel:+12015550123")]
    public void Rfc3966_equivalent(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.True(x.Equals(y));
        Assert.True(y.Equals(x));
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
    }

    /// <summary>Rfc3966 not equivalent.</summary>
    [Theory]
    [InlineData("tel:+1-201-555-0123", "tel:+1-201-555-0124")]
    [InlineData("tel:+1-201-555-0123", "tel:1-201-555-0123;phone-context=example.com")] // global vs local
    [InlineData("tel:7042;phone-context=example.com", "tel:7042;phone-context=example.net")]
    [InlineData("tel:+1-201-555-0123", "tel:+1-201-555-0123;ext=1")] // parameter in one only
    [InlineData("tel:+1-201-555-0123;foo=a", "tel:+1-201-555-0123;foo=b")]
    [InlineData("tel:+1-201-555-0123;foo", "tel:+1-201-555-0123;foo=x")]
    public void Rfc3966_not_equivalent(string a, string b)
    {
        var x = AddressUri.Parse(a);
        var y = AddressUri.Parse(b);
        Assert.False(x.Equals(y));
        Assert.False(y.Equals(x));
    }

    /// <summary>A tel uri never equals a sip uri with the same number.</summary>
    [Fact]
    public void A_tel_uri_never_equals_a_sip_uri_with_the_same_number()
    {
        Assert.False(AddressUri.Parse("tel:+12015550123").Equals(AddressUri.Parse("sip:+12015550123@example.com;user=phone")));
    }

    /// <summary>Invalid tel uris give the right error.</summary>
    [Theory]
    [InlineData("tel:", UriParseError.InvalidTelNumber)]
    [InlineData("tel:+", UriParseError.InvalidTelNumber)]
    [InlineData("tel:+-", UriParseError.InvalidTelNumber)]
    [InlineData("tel:+1 201", UriParseError.InvalidTelNumber)]
    [InlineData("tel:+1-20x", UriParseError.InvalidTelNumber)]
    [InlineData("tel:;phone-context=example.com", UriParseError.InvalidTelNumber)]
    [InlineData("tel:7042", UriParseError.MissingPhoneContext)]
    [InlineData("tel:7042;ext=1", UriParseError.MissingPhoneContext)]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com", UriParseError.InvalidParameter)]
    [InlineData("tel:7042;phone-context=", UriParseError.InvalidParameter)]
    [InlineData("tel:7042;phone-context=exa_mple.com", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;ext=12a", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;ext", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;f_o=1", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;ext=1;EXT=2", UriParseError.InvalidParameter)]
    [InlineData("tel:+1-201-555-0123;foo=%zz", UriParseError.InvalidEscape)]
    public void Invalid_tel_uris_give_the_right_error(string text, UriParseError expected)
    {
        Assert.False(AddressUri.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    /// <summary>Construction from parts.</summary>
    [Fact]
    public void Construction_from_parts()
    {
        var uri = new TelUri("863-1234", [new UriParameter("phone-context", "+1-914-555")]);
        Assert.Equal("tel:863-1234;phone-context=+1-914-555", uri.ToString());
        Assert.Equal(TelUri.Parse("tel:8631234;phone-context=+1914555"), uri);
        Assert.ThrowsAny<ArgumentException>(() => new TelUri("7042"));
        Assert.ThrowsAny<ArgumentException>(() => new TelUri("12 34", [new UriParameter("phone-context", "example.com")]));
    }
}
