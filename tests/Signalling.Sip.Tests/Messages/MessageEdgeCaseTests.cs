using System.Buffers;
using System.Text;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

/// <summary>Our own edge cases of RFC 3261 §7 and §25 syntax, written as test data.</summary>
public sealed class MessageEdgeCaseTests
{
    private const string Core = """
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKedge1
        Max-Forwards: 70
        To: <sip:bob@biloxi.example.com>
        From: "Alice" <sip:alice@atlanta.example.com>;tag=88sja8x
        Call-ID: edge-1@pc33.atlanta.example.com
        CSeq: 1 OPTIONS
        """;

    private static string Options(string extraHeaders = "", string body = "") =>
        Crlf($"OPTIONS sip:bob@biloxi.example.com SIP/2.0\n{Core}\n{extraHeaders}{(extraHeaders.Length > 0 ? "\n" : "")}Content-Length: {Encoding.UTF8.GetByteCount(body)}\n\n") + body;

    [Fact] // §7.3.3
    public void Compact_forms_are_the_same_headers_as_their_long_forms()
    {
        var compact = Parse(Crlf("""
            INVITE sip:bob@biloxi.example.com SIP/2.0
            v: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKc1
            t: <sip:bob@biloxi.example.com>
            f: <sip:alice@atlanta.example.com>;tag=1
            i: compact@pc33
            CSeq: 7 INVITE
            m: <sip:alice@pc33.atlanta.example.com>
            c: application/sdp
            s: lunch
            k: 100rel
            e: gzip
            l: 4

            v=0

            """).Replace("v=0\r\n", "v=0\n", StringComparison.Ordinal));
        Assert.Equal("pc33.atlanta.example.com", compact.Via.Host.ToString());
        Assert.Equal("sip:bob@biloxi.example.com", compact.To.UriText.ToString());
        Assert.Equal("1", compact.From.Tag.ToString());
        Assert.Equal("compact@pc33", compact.CallId.ToString());
        Assert.Single(compact.Contacts.ToList());
        Assert.Equal("application/sdp", compact.ContentType.ToString());
        Assert.Equal("lunch", compact.Headers.GetValues(KnownHeader.Subject).FirstOrDefault().ToString());
        Assert.Equal("lunch", compact.Headers.GetValues("Subject").FirstOrDefault().ToString());
        Assert.Equal(["100rel"], compact.Headers.GetValues(KnownHeader.Supported).ToStringList());
        Assert.Equal(["gzip"], compact.Headers.GetValues("Content-Encoding").ToStringList());
        Assert.Equal("v=0\n", Encoding.UTF8.GetString(compact.Body.Span));
        Assert.Equal(KnownHeader.Via, compact.Headers[0].Id);
        Assert.Equal("v", compact.Headers[0].Name.ToString()); // the name as sent is kept
    }

    [Fact] // §7.3.1: field names are case-insensitive
    public void Header_names_are_case_insensitive()
    {
        var m = Parse(Crlf("""
            OPTIONS sip:bob@biloxi.example.com SIP/2.0
            vIA: SIP/2.0/UDP host.example.com;branch=z9hG4bKcase
            mAX-forwards: 12
            TO: <sip:bob@biloxi.example.com>
            fRoM: <sip:alice@atlanta.example.com>;tag=9
            cALL-iD: case@host
            cseq: 2 OPTIONS
            x-CUSTOM: one
            CONTENT-LENGTH: 0


            """));
        Assert.Equal(12, m.MaxForwards);
        Assert.Equal("case@host", m.CallId.ToString());
        Assert.Equal(2u, m.CSeq.Number);
        Assert.Equal("one", m.Headers.GetValues("X-Custom").FirstOrDefault().ToString());
        Assert.True(m.Headers.Contains("x-custom"));
        Assert.True(m.Headers.Contains(KnownHeader.ContentLength));
    }

    [Fact] // §7.3.1: several lines of a list header equal one comma-separated line
    public void Several_lines_equal_one_comma_separated_line()
    {
        var lines = Parse(Options("""
            Via: SIP/2.0/UDP second.example.com;branch=z9hG4bK2
            Via: SIP/2.0/TCP third.example.com;branch=z9hG4bK3
            Route: <sip:p1.example.com;lr>
            Route: <sip:p2.example.com;lr>
            Supported: timer
            Supported: 100rel
            """));
        var joined = Parse(Options("""
            Via: SIP/2.0/UDP second.example.com;branch=z9hG4bK2 , SIP/2.0/TCP third.example.com;branch=z9hG4bK3
            Route: <sip:p1.example.com;lr>,<sip:p2.example.com;lr>
            Supported: timer,100rel
            """));
        Assert.Equal(Texts(lines.Vias.ToList().Select(v => v.Text)), Texts(joined.Vias.ToList().Select(v => v.Text)));
        Assert.Equal(["pc33.atlanta.example.com", "second.example.com", "third.example.com"], joined.Vias.ToList().Select(v => v.Host.ToString()));
        Assert.Equal(Texts(lines.Routes.ToList().Select(r => r.Text)), Texts(joined.Routes.ToList().Select(r => r.Text)));
        Assert.Equal(2, joined.Routes.ToList().Count);
        Assert.Equal(lines.Headers.GetValues(KnownHeader.Supported).ToStringList(), joined.Headers.GetValues(KnownHeader.Supported).ToStringList());
        Assert.Equal(["timer", "100rel"], joined.Headers.GetValues(KnownHeader.Supported).ToStringList());
    }

    [Fact] // §7.3.1: a comma inside a quoted string or angle brackets does not separate values
    public void Commas_inside_quotes_and_angle_brackets_never_split()
    {
        var m = Parse(Options("""
            Contact: "Doe, John" <sip:john,doe@example.com;x=a,b>;expires=60, <sip:second@example.com>;q=0.5
            Route: "Proxy, one" <sip:p1.example.com;lr>
            X-List: "a,b", <c,d>
            """));
        var contacts = m.Contacts.ToList();
        Assert.Equal(2, contacts.Count);
        Assert.Equal("Doe, John", contacts[0].Address.DisplayName);
        Assert.Equal("sip:john,doe@example.com;x=a,b", contacts[0].Address.UriText.ToString());
        Assert.Equal(60u, contacts[0].Expires);
        Assert.Equal(0.5, contacts[1].Q);
        Assert.Equal("Proxy, one", Assert.Single(m.Routes.ToList()).DisplayName);
        // An unknown header is not known to be a list: its value is one string.
        Assert.Equal(["\"a,b\", <c,d>"], m.Headers.GetValues("X-List").ToStringList());
    }

    [Fact]
    public void Unknown_headers_and_parameters_are_kept_byte_exact_through_WriteTo()
    {
        const string weird = "  v1 ;;; \"quoted \\\" , part\" <not-a-uri>  \u00e9t\u00e9 \t end";
        var m = Parse(Options($"""
            X-Weird:{weird}
            P-Custom-Thing: a=b;c="d;e"
            Contact: <sip:c@example.com;uriParam=UpperCase;flag>;X-Param="Quoted Value";another=tok%en;bare
            Via: SIP/2.0/UDP second.example.com;branch=z9hG4bK2;x-Unknown=Va1ue;flag
            """));
        Assert.Equal(weird.Trim(), m.Headers.GetValues("X-Weird").FirstOrDefault().ToString());
        var written = m.ToArray();
        var again = Parse(Encoding.UTF8.GetString(written));
        Assert.Equal(m.Headers.Count, again.Headers.Count);
        for (var i = 0; i < m.Headers.Count; i++)
        {
            Assert.Equal(m.Headers[i].Name, again.Headers[i].Name);
            Assert.Equal(m.Headers[i].Value, again.Headers[i].Value);
        }
        Assert.Contains("X-Weird: " + weird.Trim() + "\r\n", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.Contains("P-Custom-Thing: a=b;c=\"d;e\"\r\n", Encoding.UTF8.GetString(written), StringComparison.Ordinal);

        var contact = Assert.Single(again.Contacts.ToList());
        Assert.True(contact.Address.Parameters.TryGetValue("x-param", out var quoted)); // names are case-insensitive
        Assert.Equal("\"Quoted Value\"", quoted.ToString());
        Assert.True(contact.Address.Parameters.TryGetValue("another", out var token));
        Assert.Equal("tok%en", token.ToString());
        Assert.True(contact.Address.Parameters.Contains("bare"u8));
        Assert.Equal("sip:c@example.com;uriParam=UpperCase;flag", contact.Address.UriText.ToString());
        var second = again.Vias.ToList()[1];
        Assert.True(second.Parameters.TryGetValue("X-UNKNOWN", out var unknown));
        Assert.Equal("Va1ue", unknown.ToString());
        Assert.True(second.Parameters.Contains("flag"u8));
    }

    [Fact] // §25.1 IPv6reference in sent-by, received and maddr
    public void Ipv6_sent_by()
    {
        var m = Parse(Crlf("""
            OPTIONS sip:bob@[2001:db8::10]:5070 SIP/2.0
            Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKv6;received=2001:db8::9;rport=5061;maddr=[ff05::1];ttl=16
            Via: SIP/2.0/TCP [::ffff:192.0.2.1];branch=z9hG4bKv6b
            Max-Forwards: 70
            To: <sip:bob@[2001:db8::10]:5070>
            From: <sip:alice@[2001:db8::1]>;tag=6
            Call-ID: v6@[2001:db8::1]
            CSeq: 1 OPTIONS
            Content-Length: 0


            """));
        var vias = m.Vias.ToList();
        Assert.Equal("[2001:db8::1]", vias[0].Host.ToString());
        Assert.Equal(5060, vias[0].Port);
        Assert.Equal("2001:db8::9", vias[0].Received.ToString());
        Assert.Equal(5061, vias[0].RPort);
        Assert.Equal("[ff05::1]", vias[0].MAddr.ToString());
        Assert.Equal(16, vias[0].Ttl);
        Assert.Equal("[::ffff:192.0.2.1]", vias[1].Host.ToString());
        Assert.Null(vias[1].Port);
        Assert.True(m.To.TryGetUri(out var to));
        Assert.Equal(5070, ((Signalling.Sip.Uris.SipUri)to).Port);
        Assert.Equal("v6@[2001:db8::1]", m.CallId.ToString());
    }

    [Theory]
    [InlineData("SIP/2.0/UDP [2001:db8::1;branch=z9hG4bK1")]  // unterminated reference
    [InlineData("SIP/2.0/UDP [2001:zz8::1];branch=z9hG4bK1")] // not hex
    [InlineData("SIP/2.0/UDP host:65536;branch=z9hG4bK1")]    // port out of range
    [InlineData("SIP/2.0/UDP host;ttl=256")]                  // ttl out of range
    [InlineData("SIP/2.0/UDP host;rport=x")]                  // rport not a port
    [InlineData("SIP/2.0/UDP host;branch=\"quoted\"")]         // branch is a token
    [InlineData("SIP/2.0/UDPhost;branch=z9hG4bK1")]           // no LWS before sent-by
    [InlineData("SIP/2.0 host;branch=z9hG4bK1")]              // no transport
    public void Invalid_via_values_are_rejected(string via)
    {
        var text = Options().Replace("Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKedge1", "Via: " + via, StringComparison.Ordinal);
        var failure = Reject(text);
        Assert.Equal(SipParseError.InvalidHeaderValue, failure.Reason);
        Assert.Equal(KnownHeader.Via, failure.Header);
    }

    [Fact]
    public void Leading_crlfs_before_the_start_line_are_ignored()
    {
        var text = "\r\n\r\n\r\n" + Options("X-After: kept", "hello");
        var m = Parse(text);
        Assert.Equal("OPTIONS", ((SipRequest)m).Method.Name);
        Assert.True(m.Buffer.Span.StartsWith("OPTIONS "u8));
        // Header positions are counted from the start line, not from the first byte received.
        Assert.Equal("kept", m.Headers.GetValues("X-After").FirstOrDefault().ToString());
        Assert.Equal("edge-1@pc33.atlanta.example.com", m.CallId.ToString());
        Assert.Equal("hello", Encoding.UTF8.GetString(m.Body.Span));
        Assert.Equal(Options("X-After: kept", "hello"), m.ToString());
    }

    [Fact]
    public void Only_crlfs_is_empty()
    {
        Assert.Equal(SipParseError.Empty, Reject("\r\n\r\n").Reason);
        Assert.Equal(SipParseError.Empty, Reject("").Reason);
    }

    [Fact] // §18.3: without Content-Length a datagram's body runs to its end
    public void A_datagram_without_content_length_has_the_rest_as_body()
    {
        var text = Options().Replace("Content-Length: 0\r\n", "", StringComparison.Ordinal) + "body bytes";
        Assert.Equal("body bytes", Encoding.UTF8.GetString(Parse(text).Body.Span));
    }

    [Fact] // §18.3: bytes after Content-Length are not part of the message
    public void Bytes_after_the_body_are_ignored()
    {
        var m = Parse(Options(body: "abc") + "garbage");
        Assert.Equal("abc", Encoding.UTF8.GetString(m.Body.Span));
        Assert.False(m.ToString().Contains("garbage", StringComparison.Ordinal));
    }

    [Fact]
    public void Bare_lf_line_ends_are_accepted()
    {
        var m = Parse(Options(body: "x").Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("edge-1@pc33.atlanta.example.com", m.CallId.ToString());
        Assert.Equal("x", Encoding.UTF8.GetString(m.Body.Span));
    }

    [Theory] // RFC 4475 §3.1.2.7-§3.1.2.10 without the shared folder
    [InlineData("OPTIONS sip:bob@biloxi.example.com; lr SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("OPTIONS <sip:bob@biloxi.example.com> SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com?Subject=x SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("OPTIONS  sip:bob@biloxi.example.com SIP/2.0", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com  SIP/2.0", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com SIP/2.0 ", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com", SipParseError.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com SIP/2.1", SipParseError.UnsupportedVersion)]
    [InlineData("OPTIONS sip:bob@biloxi.example.com SIP/2.", SipParseError.InvalidStartLine)]
    [InlineData("OPT{ONS sip:bob@biloxi.example.com SIP/2.0", SipParseError.InvalidMethod)]
    public void Malformed_request_lines(string requestLine, SipParseError reason)
    {
        var text = Options().Replace("OPTIONS sip:bob@biloxi.example.com SIP/2.0", requestLine, StringComparison.Ordinal);
        Assert.Equal(reason, Reject(text).Reason);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Too Small", SipParseError.InvalidStatusCode)]
    [InlineData("SIP/2.0 700 Too Big", SipParseError.InvalidStatusCode)]
    [InlineData("SIP/2.0 2000 Four Digits", SipParseError.InvalidStatusCode)]
    [InlineData("SIP/2.0 2x0 Letters", SipParseError.InvalidStatusCode)]
    [InlineData("SIP/3.0 200 OK", SipParseError.UnsupportedVersion)]
    public void Malformed_status_lines(string statusLine, SipParseError reason)
    {
        var text = Options().Replace("OPTIONS sip:bob@biloxi.example.com SIP/2.0", statusLine, StringComparison.Ordinal);
        Assert.Equal(reason, Reject(text).Reason);
    }

    [Theory] // headers that may appear once (§7.3.1, §20)
    [InlineData("From: <sip:x@example.com>;tag=2", KnownHeader.From)]
    [InlineData("To: <sip:x@example.com>", KnownHeader.To)]
    [InlineData("Call-ID: other", KnownHeader.CallId)]
    [InlineData("CSeq: 2 OPTIONS", KnownHeader.CSeq)]
    [InlineData("Max-Forwards: 3", KnownHeader.MaxForwards)]
    [InlineData("l: 0", KnownHeader.ContentLength)]
    public void A_second_single_valued_header_is_a_duplicate(string line, KnownHeader header)
    {
        var failure = Reject(Options(line));
        Assert.Equal(SipParseError.DuplicateHeader, failure.Reason);
        Assert.Equal(header, failure.Header);
    }

    [Theory]
    [InlineData("Via")]
    [InlineData("From")]
    [InlineData("To")]
    [InlineData("Call-ID")]
    [InlineData("CSeq")]
    public void A_missing_mandatory_header_is_named(string name)
    {
        var lines = Options().Split("\r\n").Where(l => !l.StartsWith(name + ":", StringComparison.Ordinal));
        var failure = Reject(string.Join("\r\n", lines));
        Assert.Equal(SipParseError.MissingHeader, failure.Reason);
        Assert.Equal(SipHeaderNames.Lookup(name), failure.Header);
    }

    [Fact]
    public void A_header_line_without_colon_or_with_a_leading_continuation_is_rejected()
    {
        Assert.Equal(SipParseError.InvalidHeaderLine, Reject(Options("NoColonHere")).Reason);
        Assert.Equal(SipParseError.InvalidHeaderLine, Reject(Options("Bad Name: x")).Reason);
        var continuationFirst = Options().Replace("SIP/2.0\r\nVia", "SIP/2.0\r\n  folded\r\nVia", StringComparison.Ordinal);
        Assert.Equal(SipParseError.InvalidHeaderLine, Reject(continuationFirst).Reason);
    }

    [Fact]
    public void The_header_block_must_end_on_a_stream()
    {
        var text = Options().TrimEnd('\r', '\n') + "\r\n";
        var sequence = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
        Assert.False(SipMessageParser.TryParse(sequence, SipParserOptions.Default, out _, out var failure));
        Assert.Equal(SipParseError.IncompleteHeaders, failure.Reason);
        // ... while a datagram's end ends its headers (RFC 4475 files, §18.3).
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out _, out _));
    }

    // ---- limits ---------------------------------------------------------------------------------

    [Fact]
    public void MaxMessageSize_rejects_with_MessageTooLarge_and_513()
    {
        var text = Options(body: new string('x', 600));
        var options = new SipParserOptions { MaxMessageSize = 512 };
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.False(SipMessageParser.TryParse(bytes.AsMemory(), options, out _, out var failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
        Assert.Equal(513, failure.StatusCode);
        Assert.False(SipMessageParser.TryParse(bytes.AsSpan(), options, out _, out failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
        Assert.False(SipMessageParser.TryParse(new ReadOnlySequence<byte>(bytes), options, out _, out failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
        Assert.True(SipMessageParser.TryParse(bytes.AsMemory(), new SipParserOptions { MaxMessageSize = bytes.Length }, out _, out failure), failure.ToString());
    }

    [Fact]
    public void MaxHeaderCount_rejects_with_TooManyHeaders()
    {
        var extra = string.Join("\n", Enumerable.Range(0, 10).Select(i => $"X-H{i}: {i}"));
        var bytes = Encoding.UTF8.GetBytes(Options(extra));
        var lines = 6 + 10 + 1;
        Assert.True(SipMessageParser.TryParse(bytes.AsMemory(), new SipParserOptions { MaxHeaderCount = lines }, out _, out var failure), failure.ToString());
        Assert.False(SipMessageParser.TryParse(bytes.AsMemory(), new SipParserOptions { MaxHeaderCount = lines - 1 }, out _, out failure));
        Assert.Equal(SipParseError.TooManyHeaders, failure.Reason);
    }

    [Fact]
    public void MaxLineLength_rejects_long_start_and_header_lines_with_LineTooLong()
    {
        var options = new SipParserOptions { MaxLineLength = 100 };
        var longHeader = Options("X-Long: " + new string('a', 100));
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(longHeader).AsMemory(), options, out _, out var failure));
        Assert.Equal(SipParseError.LineTooLong, failure.Reason);

        // A folded line counts as one line (§7.3.1).
        var folded = Options("X-Long: " + new string('a', 50) + "\n " + new string('b', 50));
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(folded).AsMemory(), options, out _, out failure));
        Assert.Equal(SipParseError.LineTooLong, failure.Reason);

        var longUri = Options().Replace("sip:bob@biloxi.example.com SIP", "sip:" + new string('u', 100) + "@biloxi.example.com SIP", StringComparison.Ordinal);
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(longUri).AsMemory(), options, out _, out failure));
        Assert.Equal(SipParseError.LineTooLong, failure.Reason);

        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(Options("X-Short: " + new string('a', 80))).AsMemory(), options, out _, out failure), failure.ToString());
    }

    [Fact]
    public void A_header_name_longer_than_64_KiB_is_rejected_not_truncated()
    {
        // Found by this suite: with MaxLineLength raised above 64 KiB a 70000-byte name came back
        // as its first 4464 bytes (the length was kept in 16 bits), changing the message.
        var options = new SipParserOptions { MaxLineLength = 200_000, MaxMessageSize = 1_000_000 };
        var text = Options(new string('X', 70_000) + ": v");
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), options, out _, out var failure));
        Assert.Equal(SipParseError.LineTooLong, failure.Reason);

        var longest = Options(new string('X', ushort.MaxValue) + ": v");
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(longest).AsMemory(), options, out var m, out failure), failure.ToString());
        Assert.Contains(Enumerable.Range(0, m.Headers.Count), i => m.Headers[i].Name.Length == ushort.MaxValue);
        Assert.Equal("v", m.Headers.GetValues(new string('x', ushort.MaxValue)).FirstOrDefault().ToString());
    }

    [Fact]
    public void Content_length_beyond_the_datagram_or_not_a_number_is_rejected()
    {
        Assert.Equal(SipParseError.BodyTruncated, Reject(Options(body: "abc").Replace("Content-Length: 3", "Content-Length: 4", StringComparison.Ordinal)).Reason);
        var notNumber = Reject(Options().Replace("Content-Length: 0", "Content-Length: 0x10", StringComparison.Ordinal));
        Assert.Equal(SipParseError.InvalidHeaderValue, notNumber.Reason);
        Assert.Equal(KnownHeader.ContentLength, notNumber.Header);
        // A claim far beyond MaxMessageSize is rejected without trusting it.
        Assert.Equal(SipParseError.InvalidHeaderValue, Reject(Options().Replace("Content-Length: 0", "Content-Length: 99999999999999999999", StringComparison.Ordinal)).Reason);
    }

    // ---- builders --------------------------------------------------------------------------------

    [Fact] // §10.2.2: the wildcard Contact of a REGISTER that removes all bindings
    public void Wildcard_contact()
    {
        var m = Parse(Options("Contact: *\nExpires: 0").Replace("OPTIONS", "REGISTER", StringComparison.Ordinal));
        var contact = Assert.Single(m.Contacts.ToList());
        Assert.True(contact.IsWildcard);
        Assert.Equal("*", contact.ToString());
        Assert.Null(contact.Expires);
        Assert.Equal(0u, m.Expires);
    }

    [Fact]
    public void Tel_uris_in_the_request_uri_and_to()
    {
        var m = Assert.IsType<SipRequest>(Parse(Options()
            .Replace("OPTIONS sip:bob@biloxi.example.com", "OPTIONS tel:+1-201-555-0123", StringComparison.Ordinal)
            .Replace("To: <sip:bob@biloxi.example.com>", "To: tel:+1-201-555-0123;tag=t1", StringComparison.Ordinal)));
        Assert.True(m.TryGetRequestUri(out var uri));
        Assert.IsType<Signalling.Sip.Uris.TelUri>(uri);
        Assert.Equal("tel:+1-201-555-0123", m.To.UriText.ToString());
        Assert.Equal("t1", m.To.Tag.ToString()); // addr-spec form: ;tag is a header parameter
    }

    [Fact] // §8.2.6.1: Timestamp is copied into 100 Trying only
    public void Timestamp_is_copied_into_100_trying()
    {
        var request = Assert.IsType<SipRequest>(Parse(Options("Timestamp: 54.2 0.5")));
        Assert.Equal("54.2 0.5", SipResponseBuilder.CreateFor(request, 100).Build().Headers.GetValues(KnownHeader.Timestamp).FirstOrDefault().ToString());
        Assert.False(SipResponseBuilder.CreateFor(request, 180).Build().Headers.Contains(KnownHeader.Timestamp));
    }

    [Fact]
    public void CreateFor_answers_a_request_with_folded_core_headers()
    {
        var request = Assert.IsType<SipRequest>(Parse(Options().Replace(";branch=z9hG4bKedge1", "\r\n ;branch=z9hG4bKedge1", StringComparison.Ordinal)));
        var response = SipResponseBuilder.CreateFor(request, 200).Build();
        Assert.Equal("z9hG4bKedge1", response.Via.Branch.ToString());
        Assert.DoesNotContain("\r\n ;", response.ToString(), StringComparison.Ordinal);
    }

    private static SipMessage Parse(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out var message, out var failure), failure.ToString());
        return message!;
    }

    private static SipParseFailure Reject(string text)
    {
        Assert.False(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out var message, out var failure), "parsed");
        Assert.Null(message);
        return failure;
    }

    private static string[] Texts(IEnumerable<Utf8Slice> values) => [.. values.Select(v => v.ToString())];

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}
