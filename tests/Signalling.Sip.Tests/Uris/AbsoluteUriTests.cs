using System.Buffers;
using System.Text;
using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>Other schemes are kept verbatim after an RFC 3261 §25.1 absoluteURI syntax check.</summary>
public sealed class AbsoluteUriTests
{
    /// <summary>Other schemes are kept verbatim.</summary>
    [Theory]
    [InlineData("http://www.example.com/alice/photo.jpg", "http")] // RFC 3261 §20.9 Call-Info example
    [InlineData("mailto:alice@atlanta.com", "mailto")]
    [InlineData("urn:service:sos", "urn")]
    [InlineData("im:alice@atlanta.com", "im")]
    [InlineData("HTTP://www.example.com/a%20b?x=1;y=2", "http")]
    [InlineData("http://[2001:db8::1]:8080/", "http")]
    public void Other_schemes_are_kept_verbatim(string text, string scheme)
    {
        var uri = Assert.IsType<AbsoluteUri>(AddressUri.Parse(text));
        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(text, uri.ToString());
        Assert.Equal(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], uri.SchemeSpecificPart);
        var writer = new ArrayBufferWriter<byte>();
        uri.WriteTo(writer);
        Assert.Equal(text, Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    /// <summary>Invalid absolute uris give the right error.</summary>
    [Theory]
    [InlineData("http:", UriParseError.MissingSchemeSpecificPart)]
    [InlineData("http://example.com/a b", UriParseError.InvalidCharacter)]
    [InlineData("http://example.com/<x>", UriParseError.InvalidCharacter)]
    [InlineData("http://example.com/%G0", UriParseError.InvalidEscape)]
    [InlineData("ht_tp://example.com", UriParseError.InvalidScheme)]
    [InlineData(":foo", UriParseError.InvalidScheme)]
    public void Invalid_absolute_uris_give_the_right_error(string text, UriParseError expected)
    {
        Assert.False(AddressUri.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    /// <summary>Equality ignores scheme case and unreserved escapes only.</summary>
    [Fact]
    public void Equality_ignores_scheme_case_and_unreserved_escapes_only()
    {
        var a = AddressUri.Parse("HTTP://example.com/%7Ealice");
        Assert.True(a.Equals(AddressUri.Parse("http://example.com/~alice")));
        Assert.Equal(a.GetHashCode(), AddressUri.Parse("http://example.com/~alice").GetHashCode());
        Assert.False(a.Equals(AddressUri.Parse("http://EXAMPLE.com/~Alice")));
        Assert.False(AddressUri.Parse("http://example.com/a%2Fb").Equals(AddressUri.Parse("http://example.com/a/b")));
    }
}
