using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;
using static Signalling.Sip.Tests.Messages.Headers.HeaderTestMessages;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>WWW-Authenticate, Proxy-Authenticate, Authorization, Proxy-Authorization.</summary>
public sealed class AuthenticationHeaderTests
{
    // RFC 3261 §20.44 (and §20.27 with domain="sip:ss1.carrier.com"), folded as printed.
    private const string Rfc3261Challenge =
        "Digest realm=\"atlanta.com\",\r\n domain=\"sip:boxesbybob.com\", qop=\"auth\",\r\n" +
        " nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n opaque=\"\", stale=FALSE, algorithm=MD5";

    // RFC 3261 §20.7.
    private const string Rfc3261Credentials =
        "Digest username=\"Alice\", realm=\"atlanta.com\",\r\n nonce=\"84a4cc6f3082121f32b42a2187831a9e\",\r\n" +
        " response=\"7587245234b3434cc3412213e5f113a5432\"";

    [Fact]
    public void Rfc3261_challenge_decodes()
    {
        var challenge = Parse<AuthenticationHeader>(Rfc3261Challenge);
        Assert.True(challenge.IsDigest);
        Assert.True(challenge.Scheme.Equals("Digest"u8));
        Assert.True(challenge.HasAuthParameters);
        Assert.Equal("atlanta.com", challenge.Realm);
        Assert.True(challenge.RealmText.Equals("\"atlanta.com\""u8));
        Assert.Equal("sip:boxesbybob.com", challenge.Domain);
        Assert.Equal("f84f1cec41e6cbe5aea9c8e88d359", challenge.Nonce);
        Assert.Equal("", challenge.Opaque);
        Assert.True(challenge.OpaqueText.Equals("\"\""u8));
        Assert.False(challenge.Stale);
        Assert.True(challenge.Algorithm.Equals("MD5"u8));
        Assert.False(challenge.IsSessionAlgorithm);
        Assert.True(challenge.HasQop("auth"u8));
        Assert.False(challenge.HasQop("auth-int"u8));
        Assert.Null(challenge.Username);
        Assert.Null(challenge.NonceCount);
        Assert.Null(challenge.UserHash);
        Assert.Equal(Rfc3261Challenge, challenge.ToString());
    }

    [Fact]
    public void Rfc3261_credentials_decode()
    {
        var credentials = Parse<AuthenticationHeader>(Rfc3261Credentials);
        Assert.Equal("Alice", credentials.Username);
        Assert.Equal("atlanta.com", credentials.Realm);
        Assert.Equal("84a4cc6f3082121f32b42a2187831a9e", credentials.Nonce);
        Assert.Equal("7587245234b3434cc3412213e5f113a5432", credentials.Response);
        Assert.True(credentials.Algorithm.IsEmpty); // absent means MD5 (§22.4)
        Assert.Empty(ToList(credentials.Qop));
        var names = new List<string>();
        foreach (var parameter in credentials.Parameters) names.Add(parameter.Name.ToString());
        Assert.Equal(["username", "realm", "nonce", "response"], names);
    }

    [Fact]
    public void Rfc3261_challenge_and_credentials_round_trip_through_messages()
    {
        // §22.2 / §22.3: 401 with WWW-Authenticate and 407 with Proxy-Authenticate; the retried
        // request carries Authorization / Proxy-Authorization (§20.28 example).
        var unauthorized = Response("401 Unauthorized", "REGISTER", "WWW-Authenticate: " + Rfc3261Challenge);
        Assert.True(unauthorized.Headers.GetValues<AuthenticationHeader>(KnownHeader.WwwAuthenticate).TryGetFirst(out var www));
        Assert.Equal("f84f1cec41e6cbe5aea9c8e88d359", www.Nonce);

        var proxy = Response("407 Proxy Authentication Required", "INVITE",
            "Proxy-Authenticate: Digest realm=\"atlanta.com\",\r\n domain=\"sip:ss1.carrier.com\", qop=\"auth\",\r\n" +
            " nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n opaque=\"\", stale=FALSE, algorithm=MD5");
        Assert.True(proxy.Headers.GetValues<AuthenticationHeader>(KnownHeader.ProxyAuthenticate).TryGetFirst(out var pa));
        Assert.Equal("sip:ss1.carrier.com", pa.Domain);

        var register = Request("REGISTER", "Authorization: " + Rfc3261Credentials);
        Assert.True(register.Headers.GetValues<AuthenticationHeader>(KnownHeader.Authorization).TryGetFirst(out var authorization));
        Assert.Equal("Alice", authorization.Username);

        var invite = Request("INVITE",
            "Proxy-Authorization: Digest username=\"Alice\", realm=\"atlanta.com\",\r\n" +
            " nonce=\"c60f3082ee1212b402a21831ae\",\r\n response=\"245f23415f11432b3434341c022\"");
        Assert.True(invite.Headers.GetValues<AuthenticationHeader>(KnownHeader.ProxyAuthorization).TryGetFirst(out var proxyAuthorization));
        Assert.Equal("245f23415f11432b3434341c022", proxyAuthorization.Response);
        Assert.Equal("c60f3082ee1212b402a21831ae", proxyAuthorization.Nonce);
    }

    [Fact]
    public void Rfc8760_algorithms_and_rfc7616_examples_decode()
    {
        // RFC 8760 §2.4: a UAS offers one challenge per algorithm, most preferred first;
        // values from RFC 7616 §3.9.1 (SHA-256) and §3.9.2 (SHA-512-256 with userhash).
        var unauthorized = Response("401 Unauthorized", "REGISTER",
            "WWW-Authenticate: Digest\r\n realm=\"api@example.org\",\r\n qop=\"auth\",\r\n algorithm=SHA-512-256,\r\n" +
            " nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n" +
            " charset=UTF-8,\r\n userhash=true\r\n" +
            "WWW-Authenticate: Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256,\r\n" +
            " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"\r\n" +
            "WWW-Authenticate: Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5,\r\n" +
            " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        var challenges = unauthorized.Headers.GetValues<AuthenticationHeader>(KnownHeader.WwwAuthenticate).ToList();
        Assert.Equal(3, challenges.Count);
        Assert.Equal(["SHA-512-256", "SHA-256", "MD5"], challenges.Select(c => c.Algorithm.ToString()));
        Assert.True(challenges[0].UserHash);
        Assert.True(challenges[0].TryGetParameter("CHARSET", out var charset));
        Assert.Equal("UTF-8", charset);
        Assert.Equal(["auth", "auth-int"], ToList(challenges[1].Qop));
        Assert.True(challenges[1].HasQop("AUTH-INT"u8));
        Assert.Equal("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", challenges[1].Nonce);

        var register = Request("REGISTER",
            "Authorization: Digest\r\n username=\"488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec\",\r\n" +
            " realm=\"api@example.org\",\r\n uri=\"sip:biloxi.example.com\",\r\n algorithm=SHA-512-256,\r\n" +
            " nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n nc=00000001,\r\n" +
            " cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\",\r\n qop=auth,\r\n" +
            " response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\",\r\n" +
            " opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n userhash=true");
        Assert.True(register.Headers.GetValues<AuthenticationHeader>(KnownHeader.Authorization).TryGetFirst(out var credentials));
        Assert.True(credentials.Algorithm.EqualsIgnoreCase("sha-512-256"u8));
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", credentials.CNonce);
        Assert.Equal("sip:biloxi.example.com", credentials.Uri);
        Assert.Equal(["auth"], ToList(credentials.Qop));
        Assert.Equal(64, credentials.Response!.Length);
        Assert.True(credentials.UserHash);
        Assert.Equal("HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", credentials.Opaque);

        // RFC 7616 §3.9.1 SHA-256 credentials, with its session variant flagged.
        var sha256 = Parse<AuthenticationHeader>(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256-sess, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=0000000a, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", " +
            "qop=auth, response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        Assert.True(sha256.IsSessionAlgorithm);
        Assert.Equal(10u, sha256.NonceCount);
        Assert.Equal("Mufasa", sha256.Username);
    }

    [Fact]
    public void Quoted_values_keep_escaped_quotes_and_commas_and_names_ignore_case()
    {
        var value = Parse<AuthenticationHeader>(
            "digest REALM = \"a \\\"quoted\\\", realm\" ,\r\n\tNonce=\"n,1\",x-ext=tok, Stale = true");
        Assert.True(value.IsDigest);
        Assert.Equal("a \"quoted\", realm", value.Realm);
        Assert.Equal("n,1", value.Nonce);
        Assert.True(value.Stale);
        Assert.True(value.TryGetParameter("X-EXT"u8, out var ext) && ext.Equals("tok"u8));
        Assert.True(value.TryGetParameter("x-ext", out var extText));
        Assert.Equal("tok", extText);
        Assert.False(value.TryGetParameter("missing", out _));
    }

    [Theory]
    [InlineData("NoOneKnowsThisScheme opaque-data=here", true)] // RFC 4475 §3.3.1 regaut01
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", false)]  // RFC 7617 token68
    [InlineData("Negotiate", false)]
    public void Non_digest_schemes_keep_their_text(string text, bool hasAuthParameters)
    {
        var value = Parse<AuthenticationHeader>(text);
        Assert.False(value.IsDigest);
        Assert.Equal(hasAuthParameters, value.HasAuthParameters);
        Assert.Equal(text.Contains(' ', StringComparison.Ordinal) ? text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..] : "", value.ParametersText.ToString());
        Assert.Equal(hasAuthParameters, value.TryGetParameter("opaque-data"u8, out _));
    }

    [Fact]
    public void Rfc4475_regaut01_message_decodes()
    {
        var bytes = Encoding.UTF8.GetBytes(
            "REGISTER sip:example.com SIP/2.0\r\n" +
            "To: sip:j.user@example.com\r\n" +
            "From: sip:j.user@example.com;tag=87321hj23128\r\n" +
            "Max-Forwards: 8\r\n" +
            "Call-ID: regaut01.0ha0isndaksdj\r\n" +
            "CSeq: 9338 REGISTER\r\n" +
            "Via: SIP/2.0/TCP 192.0.2.253;branch=z9hG4bKih6Ga4\r\n" +
            "Authorization: NoOneKnowsThisScheme opaque-data=here\r\n" +
            "Content-Length:0\r\n\r\n");
        Assert.True(SipMessageParser.TryParse(bytes.AsMemory(), out var message, out _));
        Assert.True(message.Headers.GetValues<AuthenticationHeader>(KnownHeader.Authorization).TryGetFirst(out var value));
        Assert.True(value.Scheme.Equals("NoOneKnowsThisScheme"u8));
        Assert.True(value.TryGetParameter("opaque-data"u8, out var data) && data.Equals("here"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Digest")]
    [InlineData("Digest   ")]
    [InlineData("Digest,realm=\"a\"")]
    [InlineData("Digest realm=\"a\",")]
    [InlineData("Digest realm=\"a\",,nonce=\"b\"")]
    [InlineData("Digest realm=\"a\" nonce=\"b\"")]
    [InlineData("Digest realm=atlanta.com")]
    [InlineData("Digest realm=\"a\", REALM=\"b\"")]
    [InlineData("Digest x=1, X=2")]
    [InlineData("Digest realm=\"unterminated")]
    [InlineData("Digest realm")]
    [InlineData("Digest realm=")]
    [InlineData("Digest nc=0000001")]
    [InlineData("Digest nc=0000000A")]
    [InlineData("Digest nc=\"00000001\"")]
    [InlineData("Digest response=\"xyz\"")]
    [InlineData("Digest response=\"ABCDEF\"")]
    [InlineData("Digest response=abcdef")]
    [InlineData("Digest stale=maybe")]
    [InlineData("Digest userhash=\"true\"")]
    [InlineData("Digest algorithm=\"MD5\"")]
    [InlineData("Digest qop=\"auth,\"")]
    [InlineData("Digest qop=\"auth int\"")]
    [InlineData("Digest QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Basic,abc")]
    [InlineData("\"Digest\" realm=\"a\"")]
    public void Malformed_values_are_rejected_without_throwing(string text) => Assert.False(TryParse<AuthenticationHeader>(text, out _));

    private static List<string> ToList(AuthenticationHeader.QopEnumerator qop)
    {
        var list = new List<string>();
        foreach (var value in qop) list.Add(value.ToString());
        return list;
    }
}
