using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

public class SipHeaderNamesTests
{
    // RFC 3261 §7.3.3 and §20, RFC 3265/6665 (o, u), RFC 3515 (r), RFC 3892 (b), RFC 4028 (x).
    [Theory]
    [InlineData("i", KnownHeader.CallId)]
    [InlineData("m", KnownHeader.Contact)]
    [InlineData("e", KnownHeader.ContentEncoding)]
    [InlineData("l", KnownHeader.ContentLength)]
    [InlineData("c", KnownHeader.ContentType)]
    [InlineData("f", KnownHeader.From)]
    [InlineData("s", KnownHeader.Subject)]
    [InlineData("k", KnownHeader.Supported)]
    [InlineData("t", KnownHeader.To)]
    [InlineData("v", KnownHeader.Via)]
    [InlineData("o", KnownHeader.Event)]
    [InlineData("u", KnownHeader.AllowEvents)]
    [InlineData("r", KnownHeader.ReferTo)]
    [InlineData("b", KnownHeader.ReferredBy)]
    [InlineData("x", KnownHeader.SessionExpires)]
    [InlineData("V", KnownHeader.Via)]
    [InlineData("call-id", KnownHeader.CallId)]
    [InlineData("CALL-ID", KnownHeader.CallId)]
    [InlineData("MaX-fOrWaRdS", KnownHeader.MaxForwards)]
    [InlineData("WWW-Authenticate", KnownHeader.WwwAuthenticate)]
    [InlineData("cseq", KnownHeader.CSeq)]
    [InlineData("X-Unknown", KnownHeader.Unknown)]
    [InlineData("q", KnownHeader.Unknown)]
    [InlineData("Via-", KnownHeader.Unknown)]
    public void Names_are_case_insensitive_and_compact_forms_are_their_long_forms(string name, KnownHeader expected) =>
        Assert.Equal(expected, SipHeaderNames.Lookup(name));

    [Fact]
    public void Every_known_header_round_trips_through_its_canonical_name()
    {
        foreach (var header in Enum.GetValues<KnownHeader>().Where(h => h != KnownHeader.Unknown))
        {
            var name = SipHeaderNames.GetCanonicalName(header);
            Assert.Equal(header, SipHeaderNames.Lookup(name));
            Assert.Equal(header, SipHeaderNames.Lookup(name.ToLowerInvariant()));
            if (SipHeaderNames.GetCompactName(header) is { } compact) Assert.Equal(header, SipHeaderNames.Lookup(compact));
        }
    }

    [Theory]
    [InlineData(KnownHeader.Via, true)]
    [InlineData(KnownHeader.Contact, true)]
    [InlineData(KnownHeader.Route, true)]
    [InlineData(KnownHeader.Allow, true)]
    [InlineData(KnownHeader.From, false)]
    [InlineData(KnownHeader.WwwAuthenticate, false)] // its parameters are comma-separated
    [InlineData(KnownHeader.Authorization, false)]
    [InlineData(KnownHeader.Date, false)]            // "Sat, 13 Nov 2010 …"
    public void Only_list_headers_split_at_commas(KnownHeader header, bool isList) =>
        Assert.Equal(isList, SipHeaderNames.IsList(header));
}
