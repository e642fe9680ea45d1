using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Uris;

namespace Signalling.Sip.Tests.Messages;

/// <summary>
/// The RFC 4475 torture messages, read from <c>../shared/sip-torture/rfc4475</c> (never copied
/// into the repository). Each test asserts what RFC 4475 §3 says of its message: valid ones parse
/// with the values the section describes, invalid ones are rejected with the reason a UAS turns
/// into its answer. The files were extracted without the trailing empty line in some cases; a
/// datagram's end ends its headers (RFC 3261 §18.3).
/// </summary>
public sealed class TortureMessageTests
{
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        // The names are listed rather than read from disk so that a missing folder skips each
        // test with a reason instead of producing an empty theory.
        foreach (var name in (string[])["badaspec", "badbranch", "baddate", "baddn", "badinv01", "badvers", "bcast", "bext01", "bigcode",
            "clerr", "cparam01", "cparam02", "dblreq", "esc01", "esc02", "escnull", "escruri", "insuf", "intmeth", "inv2543", "invut",
            "longreq", "ltgtruri", "lwsdisp", "lwsruri", "lwsstart", "mcl01", "mismatch01", "mismatch02", "mpart01", "multi01", "ncl",
            "noreason", "novelsc", "quotbal", "regaut01", "regbadct", "regescrt", "scalar02", "scalarlg", "sdp01", "semiuri", "test",
            "transports", "trws", "unkscm", "unksm2", "unreason", "wsinv", "zeromf"])
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void The_folder_holds_exactly_the_listed_messages()
    {
        var directory = SharedData.RequireTortureDirectory();
        var onDisk = Directory.GetFiles(directory, "*.dat").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(AllFiles().Select(row => row.Data).Order(StringComparer.Ordinal), onDisk);
        // 49 RFC 4475 messages plus test.dat, which is not from the RFC.
        Assert.Equal(50, onDisk.Count());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void No_message_throws_and_every_accessor_answers(string name)
    {
        var bytes = SharedData.Torture(name);
        var ok = SipMessageParser.TryParse(bytes.AsMemory(), out var message, out var failure);
        if (ok)
        {
            MessageProbe.AssertReadable(message!);
            // What was parsed writes back to bytes that parse to the same header list and body.
            Assert.True(SipMessageParser.TryParse(message!.ToArray().AsMemory(), out var again, out var failure2), failure2.ToString());
            Assert.Equal(message.Headers.Count, again.Headers.Count);
            Assert.True(message.Body.Span.SequenceEqual(again.Body.Span));
        }
        else
        {
            Assert.NotEqual(SipParseError.None, failure.Reason);
            Assert.False(string.IsNullOrEmpty(failure.Detail));
            if (failure.Partial is { } partial) MessageProbe.ReadAll(partial);
        }

        // The span overload copies; the stream overload insists on Content-Length. Neither throws.
        _ = SipMessageParser.TryParse(bytes.AsSpan(), SipParserOptions.Default, out _, out _);
        _ = SipMessageParser.TryParse(new System.Buffers.ReadOnlySequence<byte>(bytes), SipParserOptions.Default, out _, out _);
    }

    // ---- RFC 4475 §3.1.1: valid messages a parser must accept --------------------------------

    [Fact] // §3.1.1.1
    public void Wsinv_short_tortuous_invite()
    {
        var m = Request("wsinv");
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", m.RequestUriText.ToString());

        // "TO :" with the value on a folded line, and LWS around the parameter's "=".
        Assert.Equal("sip:vivekg@chair-dnrc.example.com", m.To.UriText.ToString());
        Assert.Equal("1918181833n", m.To.Tag.ToString());

        // The display name is a quoted string ending in an escaped backslash and an escaped quote.
        Assert.Equal("\"J Rosenberg \\\\\\\"\"", m.From.DisplayNameText.ToString());
        Assert.Equal("J Rosenberg \\\"", m.From.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag.ToString());
        Assert.Equal("sip:jdrosen@example.com", m.From.UriText.ToString());

        Assert.Equal(68, m.MaxForwards); // "0068", name in mixed case
        Assert.Equal(9u, m.CSeq.Number); // "0009" folded before the method
        Assert.Equal(SipMethod.Invite, m.CSeq.Method);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallId.ToString());

        // Three Via values from two lines (one of them the compact "v"), LWS around every slash.
        var vias = m.Vias.ToList();
        Assert.Equal(3, vias.Count);
        Assert.Equal(["UDP", "TCP", "UDP"], vias.Select(v => v.Transport.ToString()));
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], vias.Select(v => v.Host.ToString()));
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], vias.Select(v => v.Branch.ToString()));
        Assert.All(vias, v => Assert.Equal("SIP", v.ProtocolName.ToString()));
        Assert.All(vias, v => Assert.Equal("2.0", v.ProtocolVersion.ToString()));
        Assert.False(m.Via.HasRfc3261Branch);
        Assert.True(vias[1].HasRfc3261Branch);

        // "s :" is an empty Subject.
        Assert.True(m.Headers.Contains(KnownHeader.Subject));
        Assert.True(m.Headers.GetValues(KnownHeader.Subject).FirstOrDefault().IsEmpty);

        // Unknown headers are kept byte-exact, folding included.
        Assert.Equal("newfangled value\r\n continued newfangled value", m.Headers.GetValues("NewFangledHeader").FirstOrDefault().ToString());
        Assert.Equal(";;,,;;,;", m.Headers.GetValues("UnknownHeaderWithUnusualValue").FirstOrDefault().ToString());

        var route = Assert.Single(m.Routes.ToList());
        Assert.Equal("sip:services.example.com;lr;unknownwith=value;unknown-no-value", route.UriText.ToString());
        Assert.True(route.TryGetUri(out var routeUri));
        Assert.True(((SipUri)routeUri).IsLooseRouter);

        // m: a quoted display name with escaped quotes, parameters folded across lines.
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.Equal("Quoted string \"\"", contact.Address.DisplayName);
        Assert.Equal("sip:jdrosen@example.com", contact.Address.UriText.ToString());
        Assert.True(contact.Address.Parameters.TryGetValue("newparam", out var newparam));
        Assert.Equal("newvalue", newparam.ToString());
        Assert.True(contact.Address.Parameters.TryGetValue("secondparam", out var secondparam));
        Assert.True(secondparam.IsEmpty);
        Assert.Equal(0.33, contact.Q);

        Assert.Equal("application/sdp", m.ContentType.ToString());
        Assert.Equal(150, m.Body.Length);
        Assert.StartsWith("v=0\r\n", Text(m.Body));

        // Written back, the unknown header is still byte-exact.
        Assert.Contains("NewFangledHeader: newfangled value\r\n continued newfangled value\r\n", m.ToString(), StringComparison.Ordinal);
    }

    [Fact] // §3.1.1.2
    public void Intmeth_wide_range_of_valid_characters()
    {
        var m = Request("intmeth");
        const string method = "!interesting-Method0123456789_*+`.%indeed'~";
        Assert.Equal(method, m.Method.Name);
        Assert.False(m.Method.IsWellKnown);
        Assert.Equal(m.Method, m.CSeq.Method);
        Assert.Equal(139122385u, m.CSeq.Number);
        Assert.Equal(255, m.MaxForwards);
        Assert.True(m.TryGetRequestUri(out var uri));
        var sip = Assert.IsType<SipUri>(uri);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", sip.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", sip.Password);
        Assert.Equal("example.com", sip.Host);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.Via.Branch.ToString());
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007F", m.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
        Assert.True(m.From.Parameters.TryGetValue("fromParam''~+*_!.-%", out var fromParam));
        Assert.Equal("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"", fromParam.ToString());
        Assert.Equal("_token~1\'+`*%!-.", m.From.Tag.ToString());
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId.ToString());
        Assert.Equal("\uFEFF\u5927\u505C\u96FB", m.Headers.GetValues("extensionHeader-!.%*+_`'~").FirstOrDefault().ToString());
    }

    [Fact] // §3.1.1.3
    public void Esc01_valid_use_of_the_percent_escape()
    {
        var m = Request("esc01");
        Assert.True(m.TryGetRequestUri(out var ruri));
        Assert.Equal("sips:user@example.com", ((SipUri)ruri).User);
        Assert.Equal("example.net", ((SipUri)ruri).Host);
        Assert.True(m.To.TryGetUri(out var to));
        Assert.Equal(SipUri.Parse("sip:user@example.com"), to); // %75se%72 is "user" (RFC 3261 §19.1.4)
        Assert.True(m.From.TryGetUri(out var from));
        Assert.Equal("I have spaces", ((SipUri)from).User);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", m.CallId.ToString()); // compact "i"
        Assert.Equal("application/sdp", m.ContentType.ToString()); // compact "C", upper case
        var contact = Assert.Single(m.Contacts.ToList()); // value on a folded line
        Assert.True(contact.Address.TryGetUri(out var contactUri));
        var sipContact = (SipUri)contactUri;
        Assert.Equal("caller", sipContact.User);
        Assert.True(sipContact.IsLooseRouter); // %6C%72 is "lr"
        Assert.Equal("value%41", sipContact.GetParameter("name")?.Value);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact] // §3.1.1.4
    public void Escnull_escaped_nulls_in_uris()
    {
        var m = Request("escnull");
        Assert.True(m.To.TryGetUri(out var to));
        Assert.Equal("null-\0-null", ((SipUri)to).User);
        Assert.True(m.From.TryGetUri(out var from));
        Assert.Equal("null-\0-null", ((SipUri)from).User);
        var users = m.Contacts.ToList().Select(c => c.Address.TryGetUri(out var u) ? ((SipUri)u).User : "unparsed");
        Assert.Equal(["\0", "\0\0"], users);
        Assert.Equal(0, m.Body.Length); // "L:0"
    }

    [Fact] // §3.1.1.5
    public void Esc02_percent_escapes_that_change_nothing_or_are_not_escapes()
    {
        var m = Request("esc02");
        // RE%47IST%45R is an unknown method, not REGISTER: method names are not unescaped.
        Assert.Equal("RE%47IST%45R", m.Method.Name);
        Assert.NotEqual(SipMethod.Register, m.Method);
        Assert.Equal(m.Method, m.CSeq.Method);
        Assert.Equal("%Z%45", m.To.DisplayName);
        Assert.Equal("%Z%45", m.From.DisplayName);
        Assert.Equal("z9hG4bK209%fzsnel234", m.Via.Branch.ToString());
        Assert.Equal("TCP", m.Via.Transport.ToString());
        // "C%6Fntact" is an unknown header, not a third Contact.
        Assert.Equal(["sip:alias1@host1.example.com", "sip:alias3@host3.example.com"], m.Contacts.ToList().Select(c => c.Address.UriText.ToString()));
        Assert.Equal("<sip:alias2@host2.example.com>", m.Headers.GetValues("C%6Fntact").FirstOrDefault().ToString());
    }

    [Fact] // §3.1.1.6
    public void Lwsdisp_no_lws_between_display_name_and_bracket()
    {
        var m = Request("lwsdisp");
        Assert.Equal("caller", m.From.DisplayName);
        Assert.Equal("sip:caller@example.com", m.From.UriText.ToString());
        Assert.Equal("323", m.From.Tag.ToString());
    }

    [Fact] // §3.1.1.7
    public void Longreq_long_values_in_header_fields()
    {
        var m = Request("longreq");
        Assert.StartsWith("I have a user name of extreme", m.To.DisplayName, StringComparison.Ordinal);
        Assert.EndsWith(" proportion", m.To.DisplayName, StringComparison.Ordinal);
        Assert.True(m.To.TryGetUri(out var to));
        Assert.Equal(6000, ((SipUri)to).Port);
        Assert.Equal("sip:amazinglylongcallernameamazinglylongcallernameamazinglylongcallernameamazinglylongcallernameamazinglylongcallername@example.net",
            m.From.UriText.ToString());
        Assert.StartsWith("12982982982", m.From.Tag.ToString(), StringComparison.Ordinal);
        Assert.Equal(34, m.Vias.ToList().Count); // 34 lines: Via, v, V, ViA, "V  :" ... all the same header
        Assert.Equal(34, m.Headers.GetValues(KnownHeader.Via).Count());
        Assert.Equal("sip33.example.com", m.Via.Host.ToString());
        Assert.Equal(3882340u, m.CSeq.Number);
        Assert.StartsWith("unknown-longlong", m.Headers.GetValues("Unknown-LongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLongLong-Name").FirstOrDefault().ToString(), StringComparison.Ordinal);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact] // §3.1.1.8
    public void Dblreq_octets_after_the_body_of_a_datagram_are_ignored()
    {
        var bytes = SharedData.Torture("dblreq");
        var m = Request("dblreq");
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallId.ToString()); // compact "I" in upper case
        Assert.Equal(0, m.Body.Length);
        Assert.True(m.Buffer.Length < bytes.Length);
        Assert.DoesNotContain("INVITE", m.ToString(), StringComparison.Ordinal);
    }

    [Fact] // §3.1.1.9
    public void Semiuri_semicolon_separated_user_part()
    {
        var m = Request("semiuri");
        Assert.True(m.TryGetRequestUri(out var uri));
        var sip = (SipUri)uri;
        Assert.Equal("user;par=u@example.net", sip.User);
        Assert.Equal("example.com", sip.Host);
        Assert.Empty(sip.Parameters);
        // One Accept header folded over three lines holds six values.
        Assert.Equal(["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"],
            m.Headers.GetValues(KnownHeader.Accept).ToStringList());
    }

    [Fact] // §3.1.1.10
    public void Transports_varied_and_unknown_transport_types()
    {
        var m = Request("transports");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.ToList().Select(v => v.Transport.ToString()));
        Assert.Equal(["t1.example.com", "t2.example.com", "t3.example.com", "t4.example.com", "t5.example.com"], m.Vias.ToList().Select(v => v.Host.ToString()));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", m.CallId.ToString()); // two spaces after the colon
    }

    [Fact] // §3.1.1.11
    public void Mpart01_multipart_mime_body_with_binary_part()
    {
        var m = Request("mpart01");
        Assert.Equal(SipMethod.Message, m.Method);
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", m.ContentType.ToString());
        Assert.Equal(553, m.Body.Length);
        Assert.True(m.Body.Span.StartsWith("--7a9cbec02ceef655\r\n"u8));
        Assert.True(m.Body.Span.EndsWith("--7a9cbec02ceef655--\r\n"u8));
        Assert.True(m.Body.Span.Contains((byte)0)); // the binary part survives as bytes
        Assert.True(m.Via.HasRPort);
        Assert.Null(m.Via.RPort);
        Assert.Equal(5070, m.Via.Port);
        Assert.Equal("binary", m.Headers.GetValues("Content-Transfer-Encoding").FirstOrDefault().ToString());
        Assert.Single(m.Routes.ToList());
        Assert.Equal(m.Body.ToArray(), Reparse(m).Body.ToArray());
    }

    [Fact] // §3.1.1.12
    public void Unreason_utf8_reason_phrase()
    {
        var m = Response("unreason");
        Assert.Equal(200, m.StatusCode);
        Assert.Equal("= 2**3 * 5**2 \u043D\u043E \u0441\u0442\u043E \u0434\u0435\u0432\u044F\u043D\u043E\u0441\u0442\u043E \u0434\u0435\u0432\u044F\u0442\u044C - \u043F\u0440\u043E\u0441\u0442\u043E\u0435",
            m.ReasonPhrase.ToString());
        Assert.Equal(154, m.Body.Length);
    }

    [Fact] // §3.1.1.13
    public void Noreason_empty_reason_phrase()
    {
        var m = Response("noreason");
        Assert.Equal(100, m.StatusCode);
        Assert.True(m.ReasonPhrase.IsEmpty);
        Assert.True(m.IsProvisional);
    }

    // ---- RFC 4475 §3.1.2: invalid messages -----------------------------------------------------

    public static TheoryData<string, SipParseError, KnownHeader> InvalidMessages() => new()
    {
        { "badinv01", SipParseError.InvalidHeaderValue, KnownHeader.Via },        // §3.1.2.1 ";;,;,," empty elements
        { "clerr", SipParseError.BodyTruncated, KnownHeader.ContentLength },      // §3.1.2.2 Content-Length 9999
        { "ncl", SipParseError.InvalidHeaderValue, KnownHeader.ContentLength },   // §3.1.2.3 Content-Length -999
        { "scalar02", SipParseError.InvalidHeaderValue, KnownHeader.CSeq },       // §3.1.2.4 CSeq beyond 2**31
        { "scalarlg", SipParseError.InvalidHeaderValue, KnownHeader.CSeq },       // §3.1.2.5 (a response: dropped)
        { "quotbal", SipParseError.InvalidHeaderValue, KnownHeader.To },          // §3.1.2.6 unterminated quote
        { "ltgtruri", SipParseError.InvalidRequestUri, KnownHeader.Unknown },     // §3.1.2.7 <> around the Request-URI
        { "lwsruri", SipParseError.InvalidRequestUri, KnownHeader.Unknown },      // §3.1.2.8 LWS inside the Request-URI
        { "lwsstart", SipParseError.InvalidStartLine, KnownHeader.Unknown },      // §3.1.2.9 two SP between elements
        { "trws", SipParseError.InvalidStartLine, KnownHeader.Unknown },          // §3.1.2.10 SP after SIP/2.0
        { "escruri", SipParseError.InvalidRequestUri, KnownHeader.Unknown },      // §3.1.2.11 headers in a sip Request-URI
        { "regbadct", SipParseError.InvalidHeaderValue, KnownHeader.Contact },    // §3.1.2.13 '?' outside <>
        { "badaspec", SipParseError.InvalidHeaderValue, KnownHeader.To },         // §3.1.2.14 SP inside <>
        { "baddn", SipParseError.InvalidHeaderValue, KnownHeader.From },          // §3.1.2.15 ',' in an unquoted display name
        { "badvers", SipParseError.UnsupportedVersion, KnownHeader.Unknown },     // §3.1.2.16 SIP/7.0
        { "mismatch01", SipParseError.CSeqMethodMismatch, KnownHeader.CSeq },     // §3.1.2.17
        { "mismatch02", SipParseError.CSeqMethodMismatch, KnownHeader.CSeq },     // §3.1.2.18
        { "bigcode", SipParseError.InvalidStatusCode, KnownHeader.Unknown },      // §3.1.2.19 4294967301
        { "insuf", SipParseError.MissingHeader, KnownHeader.From },               // §3.3.1 no From, To, Call-ID
        { "multi01", SipParseError.DuplicateHeader, KnownHeader.CSeq },           // §3.3.8 two CSeq (the first duplicate found)
        { "mcl01", SipParseError.DuplicateHeader, KnownHeader.ContentLength },    // §3.3.9 two Content-Length
        { "test", SipParseError.InvalidHeaderLine, KnownHeader.Unknown },         // not in the RFC: "Foobar roobar" has no colon
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public void Invalid_messages_are_rejected_with_their_reason(string name, SipParseError reason, KnownHeader header)
    {
        var ok = SipMessageParser.TryParse(SharedData.Torture(name).AsMemory(), out var message, out var failure);
        Assert.False(ok, $"{name} parsed");
        Assert.Null(message);
        Assert.Equal(reason, failure.Reason);
        Assert.Equal(header, failure.Header);
        Assert.Equal(reason switch { SipParseError.UnsupportedVersion => 505, _ => 400 }, failure.StatusCode);
    }

    [Fact] // §3.1.2.16: answered with 505, not 400
    public void Badvers_maps_to_505_version_not_supported()
    {
        Assert.False(SipMessageParser.TryParse(SharedData.Torture("badvers").AsMemory(), out _, out var failure));
        Assert.Equal(SipParseError.UnsupportedVersion, failure.Reason);
        Assert.Equal(505, failure.StatusCode);
        Assert.Equal("Version Not Supported", failure.ReasonPhrase);
    }

    [Theory] // A rejected request whose core headers are readable can still be answered (§8.2, §16.3).
    [InlineData("mismatch01")]
    [InlineData("mismatch02")]
    [InlineData("regbadct")]
    public void Rejected_requests_with_readable_core_headers_can_be_answered_with_400(string name)
    {
        Assert.False(SipMessageParser.TryParse(SharedData.Torture(name).AsMemory(), out _, out var failure));
        var partial = Assert.IsType<SipRequest>(failure.Partial);
        var answer = SipResponseBuilder.CreateFor(partial, failure.StatusCode, failure.ReasonPhrase).Build();
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal(partial.CallId, answer.CallId);
        Assert.Equal(partial.Headers.GetValues(KnownHeader.Via).ToStringList(), answer.Headers.GetValues(KnownHeader.Via).ToStringList());
    }

    [Fact] // §3.1.2.4: the CSeq error decides; the other overlarge values are our choice.
    public void Scalar02_overlarge_scalars()
    {
        var text = Encoding.UTF8.GetString(SharedData.Torture("scalar02"));
        var validCSeq = text.Replace("CSeq: 36893488147419103232 REGISTER", "CSeq: 36 REGISTER", StringComparison.Ordinal);

        // Choice: RFC 4475 allows treating Max-Forwards 300 as absent; we reject it (a value
        // beyond 255 cannot come from a conforming element, and proxies must not guess hops).
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(validCSeq).AsMemory(), out _, out var failure));
        Assert.Equal(SipParseError.InvalidHeaderValue, failure.Reason);
        Assert.Equal(KnownHeader.MaxForwards, failure.Header);

        // With Max-Forwards in range, the overlarge expiry values read as absent, so the registrar
        // applies its default (3600 s), as the RFC suggests.
        var validMaxForwards = validCSeq.Replace("Max-Forwards: 300", "Max-Forwards: 70", StringComparison.Ordinal);
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(validMaxForwards).AsMemory(), out var m, out failure), failure.ToString());
        Assert.Null(m.Expires);
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.Null(contact.Expires);
        Assert.Equal("280297596632815", contact.Address.Parameters.TryGetValue("expires", out var raw) ? raw.ToString() : null);
    }

    [Fact] // §3.1.2.12 baddate: RFC 3261 requires GMT; the RFC lets an element accept or reject.
    public void Baddate_is_accepted_with_the_date_kept_as_sent()
    {
        // Choice: the parser does not validate Date (no layer acts on it); it stays byte-exact.
        var m = Request("baddate");
        Assert.Equal("Fri, 01 Jan 2010 16:00:00 EST", m.Headers.GetValues(KnownHeader.Date).FirstOrDefault().ToString());
        Assert.Equal(150, m.Body.Length);
    }

    // ---- RFC 4475 §3.2 / §3.3 / §3.4: transaction and application layer semantics ---------------

    [Fact] // §3.2.1: the magic cookie and nothing else
    public void Badbranch_cookie_only_branch_parses()
    {
        // Choice: the parser accepts it; the transaction layer sees a branch equal to the cookie.
        var m = Request("badbranch");
        Assert.Equal("z9hG4bK", m.Via.Branch.ToString());
        Assert.True(m.Via.HasRfc3261Branch);
        Assert.Equal("192.0.2.1", m.Via.Host.ToString());
        Assert.Null(m.Via.Port);
        Assert.False(m.To.IsNameAddr);
    }

    [Fact] // §3.3.2: answered 416 by the UAS, so the parser must deliver it
    public void Unkscm_unknown_request_uri_scheme_parses_as_absolute_uri()
    {
        var m = Request("unkscm");
        Assert.True(m.TryGetRequestUri(out var uri));
        var absolute = Assert.IsType<AbsoluteUri>(uri);
        Assert.Equal("nobodyKnowsThisScheme", absolute.Scheme, ignoreCase: true); // schemes compare case-insensitively
        Assert.Equal("totallyopaquecontent", absolute.SchemeSpecificPart);
    }

    [Fact] // §3.3.3
    public void Novelsc_known_but_atypical_scheme()
    {
        var m = Request("novelsc");
        Assert.True(m.TryGetRequestUri(out var uri));
        var absolute = Assert.IsType<AbsoluteUri>(uri);
        Assert.Equal("soap.beep", absolute.Scheme);
        Assert.Equal("//192.0.2.103:3002", absolute.SchemeSpecificPart);
    }

    [Fact] // §3.3.4
    public void Unksm2_unknown_schemes_in_header_fields()
    {
        var m = Request("unksm2");
        Assert.False(m.To.IsNameAddr);
        Assert.Equal("isbn:2983792873", m.To.UriText.ToString());
        Assert.True(m.To.TryGetUri(out var to));
        Assert.Equal("isbn", Assert.IsType<AbsoluteUri>(to).Scheme);
        Assert.True(m.From.TryGetUri(out var from));
        Assert.Equal("http", Assert.IsType<AbsoluteUri>(from).Scheme);
        Assert.Equal("3234233", m.From.Tag.ToString());
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.True(contact.Address.TryGetUri(out var contactUri));
        Assert.Equal("name", Assert.IsType<AbsoluteUri>(contactUri).Scheme);
    }

    [Fact] // §3.3.5: the application answers 420 listing these
    public void Bext01_require_and_proxy_require_option_tags()
    {
        var m = Request("bext01");
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], m.Headers.GetValues(KnownHeader.Require).ToStringList());
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], m.Headers.GetValues(KnownHeader.ProxyRequire).ToStringList());
        Assert.Equal("TLS", m.Via.Transport.ToString());
    }

    [Fact] // §3.3.6: the application answers 415
    public void Invut_unknown_content_type()
    {
        var m = Request("invut");
        Assert.Equal("application/unknownformat", m.ContentType.ToString());
        Assert.Equal(40, m.Body.Length);
        Assert.Equal("<audio>\r\n <pcmu port=\"443\"/>\r\n</audio>\r\n", Text(m.Body));
    }

    [Fact] // §3.3.7: the registrar answers 401 or 403, not 400
    public void Regaut01_unknown_authorization_scheme_is_kept()
    {
        var m = Request("regaut01");
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", m.Headers.GetValues(KnownHeader.Authorization).FirstOrDefault().ToString());
        Assert.Equal(0, m.Body.Length); // "Content-Length:0"
    }

    [Fact] // §3.3.10: a 200 whose second Via is broadcast; the UAC drops it at the transport layer.
    public void Bcast_response_with_broadcast_via()
    {
        var m = Response("bcast");
        Assert.Equal(["192.0.2.198", "255.255.255.255"], m.Vias.ToList().Select(v => v.Host.ToString()));
        Assert.Equal(SipMethod.Invite, m.CSeq.Method);
        Assert.Equal(154, m.Body.Length);
    }

    [Fact] // §3.3.11: the application answers OPTIONS with Max-Forwards 0 itself (483 for others)
    public void Zeromf_max_forwards_zero()
    {
        var m = Request("zeromf");
        Assert.Equal(0, m.MaxForwards);
    }

    [Fact] // §3.3.12
    public void Cparam01_contact_header_parameter_in_addr_spec_form()
    {
        var m = Request("cparam01");
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.False(contact.Address.IsNameAddr);
        Assert.Equal("sip:+19725552222@gw1.example.net", contact.Address.UriText.ToString());
        Assert.True(contact.Address.Parameters.Contains("unknownparam"u8)); // a header parameter (§20.10)
        Assert.True(contact.Address.TryGetUri(out var uri));
        Assert.Empty(((SipUri)uri).Parameters);
    }

    [Fact] // §3.3.13
    public void Cparam02_contact_uri_parameter_inside_brackets()
    {
        var m = Request("cparam02");
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.True(contact.Address.IsNameAddr);
        Assert.True(contact.Address.Parameters.IsEmpty);
        Assert.True(contact.Address.TryGetUri(out var uri));
        Assert.NotNull(((SipUri)uri).GetParameter("unknownparam")); // a URI parameter
    }

    [Fact] // §3.3.14
    public void Regescrt_escaped_header_in_bracketed_contact_uri()
    {
        var m = Request("regescrt");
        var contact = Assert.Single(m.Contacts.ToList()); // compact "M"
        Assert.True(contact.Address.TryGetUri(out var uri));
        var header = Assert.Single(((SipUri)uri).Headers);
        Assert.Equal("Route", header.Name);
        Assert.Equal("<sip:sip.example.com>", header.Value);
    }

    [Fact] // §3.3.15: the application answers 406 from the Accept value
    public void Sdp01_unacceptable_accept_offering()
    {
        var m = Request("sdp01");
        Assert.Equal(["text/nobodyKnowsThis"], m.Headers.GetValues(KnownHeader.Accept).ToStringList());
        Assert.Equal("application/sdp", m.ContentType.ToString());
        Assert.Equal(150, m.Body.Length);
    }

    [Fact] // §3.4.1: RFC 2543 syntax must still be accepted
    public void Inv2543_rfc2543_syntax()
    {
        var m = Request("inv2543");
        Assert.Null(m.MaxForwards);
        Assert.True(m.Via.Branch.IsEmpty);
        Assert.False(m.Via.HasRfc3261Branch);
        Assert.True(m.From.Tag.IsEmpty);
        Assert.False(m.To.IsNameAddr);
        Assert.Equal("sip:+16505552222@ss1.example.net", m.To.UriText.ToString());
        Assert.Equal("phone", m.To.Parameters.TryGetValue("user", out var user) ? user.ToString() : null); // a header parameter in addr-spec form
        Assert.Single(m.RecordRoutes.ToList());
        Assert.True(m.Body.Span.StartsWith("v=0\r\n"u8)); // no Content-Length: the body runs to the end of the datagram
        Assert.True(m.Body.Span.EndsWith("m=audio 49217 RTP/AVP 0\r\n"u8));
    }

    private static SipRequest Request(string name) => Assert.IsType<SipRequest>(Parse(name));

    private static SipResponse Response(string name) => Assert.IsType<SipResponse>(Parse(name));

    private static SipMessage Parse(string name)
    {
        var ok = SipMessageParser.TryParse(SharedData.Torture(name).AsMemory(), out var message, out var failure);
        Assert.True(ok, $"{name}: {failure}");
        return message!;
    }

    private static SipMessage Reparse(SipMessage message)
    {
        Assert.True(SipMessageParser.TryParse(message.ToArray().AsMemory(), out var again, out var failure), failure.ToString());
        return again!;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
