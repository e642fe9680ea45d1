using System.Text;
using CsCheck;
using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Uris;

/// <summary>Generated URIs round-trip through text, and no input makes TryParse throw.</summary>
public sealed class UriPropertyTests
{
    // Characters that exercise every escaping rule: user-unreserved, reserved, "%", space, non-ASCII.
    private const string AwkwardChars = "abcXYZ019-_.!~*'()&=+$,;?/:@[]% #\"é中";

    private static readonly Gen<string> Label =
        Gen.Select(Gen.Char['a', 'z'], Gen.String[Gen.Char["abz09-"], 0, 4], Gen.Char["az09"], (first, middle, last) => first + middle + last);

    private static readonly Gen<string> Host = Gen.OneOf(
        Label.Array[1, 3].Select(labels => string.Join('.', labels)),
        Gen.Byte.Array[4, 4].Select(b => string.Join('.', b)),
        Gen.OneOfConst("[::1]", "[2001:db8::10]", "2001:db8::c001", "[fe80::1:2:3:4]", "[::ffff:192.0.2.4]"));

    private static readonly Gen<(string? User, string? Password)> UserInfo = Gen.OneOf(
        Gen.Const<(string?, string?)>((null, null)),
        Gen.Select(Gen.String[Gen.Char[AwkwardChars], 1, 10], Gen.String[Gen.Char[AwkwardChars], 0, 6].Null(0.5), (u, p) => ((string?)u, p)));

    private static readonly Gen<UriParameter[]> Parameters =
        Gen.Select(Gen.String[Gen.Char["abcLR" + AwkwardChars], 1, 6], Gen.String[Gen.Char[AwkwardChars], 1, 6].Null(0.3))
            .Array[0, 4]
            .Select(ps => ps.DistinctBy(p => p.Item1.ToUpperInvariant())
                .Where(p => !p.Item1.Equals("ttl", StringComparison.OrdinalIgnoreCase) && !p.Item1.Equals("maddr", StringComparison.OrdinalIgnoreCase))
                .Select(p => new UriParameter(p.Item1, p.Item2))
                .ToArray());

    private static readonly Gen<UriHeader[]> Headers =
        Gen.Select(Gen.String[Gen.Char[AwkwardChars], 1, 6], Gen.String[Gen.Char[AwkwardChars], 0, 6], (n, v) => new UriHeader(n, v)).Array[0, 3];

    private static readonly Gen<SipUri> SipUris =
        Gen.Select(Gen.Bool, Host, Gen.Int[0, 65535].Nullable(0.5), UserInfo, Parameters, Headers)
            .Select(t => new SipUri(t.Item1, t.Item2, t.Item3, t.Item4.User, t.Item4.Password, t.Item5, t.Item6));

    /// <summary>Generated sip uris round trip through their text.</summary>
    [Fact]
    public void Generated_sip_uris_round_trip_through_their_text()
    {
        SipUris.Sample(
            uri =>
            {
                var text = uri.ToString();
                var parsed = SipUri.Parse(text);
                Assert.True(parsed.Equals(uri), text);
                Assert.True(uri.Equals(parsed), text);
                Assert.Equal(uri.GetHashCode(), parsed.GetHashCode());
                Assert.Equal(text, parsed.ToString());
                Assert.Equal(uri.User, parsed.User);
                Assert.Equal(uri.Password, parsed.Password);
                Assert.Equal(uri.Parameters.Select(p => (p.Name, p.Value)), parsed.Parameters.Select(p => (p.Name, p.Value)));
                Assert.Equal(uri.Headers.Select(h => (h.Name, h.Value)), parsed.Headers.Select(h => (h.Name, h.Value)));
            },
            iter: 2000);
    }

    /// <summary>Escaping is lossless for the user part.</summary>
    [Fact]
    public void Escaping_is_lossless_for_the_user_part()
    {
        Gen.String[Gen.Char[AwkwardChars], 1, 20].Sample(
            user =>
            {
                var uri = new SipUri(false, "example.com", user: user);
                Assert.Equal(user, SipUri.Parse(uri.ToString()).User);
            },
            iter: 2000);
    }

    /// <summary>Random bytes never make TryParse throw.</summary>
    [Fact]
    public void Random_bytes_never_make_TryParse_throw()
    {
        Gen.Byte.Array[0, 80].Sample(
            bytes =>
            {
                var ok = AddressUri.TryParse(bytes, out var uri, out var error);
                Assert.Equal(ok, uri is not null);
                Assert.Equal(ok, error == UriParseError.None);
            },
            iter: 20000);
    }

    /// <summary>Uri shaped noise never throws and what parses round trips.</summary>
    [Fact]
    public void Uri_shaped_noise_never_throws_and_what_parses_round_trips()
    {
        var noise = Gen.Select(
            Gen.OneOfConst("sip:", "sips:", "SIP:", "tel:", "tel:+", "http:", "x:", ""),
            Gen.String[Gen.Char["a1F@:;?=&%[].+-#()/ *é"], 0, 40],
            (prefix, body) => prefix + body);

        noise.Sample(
            text =>
            {
                if (AddressUri.TryParse(text, out var uri, out _))
                {
                    var again = AddressUri.Parse(uri.ToString());
                    Assert.True(again.Equals(uri), text);
                    Assert.Equal(uri.ToString(), again.ToString());
                    Assert.Equal(uri.GetHashCode(), again.GetHashCode());
                }

                _ = AddressUri.TryParse(Encoding.UTF8.GetBytes(text), out _, out _);
            },
            iter: 50000);
    }
}
