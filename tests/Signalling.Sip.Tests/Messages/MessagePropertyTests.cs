using System.Buffers;
using CsCheck;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

/// <summary>
/// Generated messages survive serialize-then-parse; mutated real messages never make the parser,
/// the framer or a typed accessor throw.
/// </summary>
public sealed class MessagePropertyTests
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";

    private static readonly Gen<string> Token = Gen.String[Gen.Char[TokenChars], 1, 12];

    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10];

    private static readonly Gen<string> Host = Gen.OneOf(
        Gen.Select(Label, Label, (a, b) => $"{a}.{b}.example.com"),
        Gen.Select(Gen.Byte, Gen.Byte, (a, b) => $"192.0.{a}.{b}"),
        Gen.UShort.Select(x => $"[2001:db8::{x:x}]"));

    // user-unreserved and unreserved marks (RFC 3261 §25.1) without '?', ';' and '/' which need care.
    private static readonly Gen<string> User = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()&=+$,"], 1, 16];

    private static readonly Gen<string> SipUriText = Gen.Select(User, Host, Gen.Int[-1, 65535], Gen.OneOfConst("", ";transport=tcp", ";lr", ";maddr=239.255.255.1;ttl=15"),
        (user, host, port, parameters) => $"sip:{user}@{host}{(port >= 0 ? ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}{parameters}");

    private static readonly Gen<SipMethod> Method = Gen.OneOf(
        Gen.OneOfConst(SipMethod.Invite, SipMethod.Options, SipMethod.Register, SipMethod.Message, SipMethod.Info, SipMethod.Subscribe, SipMethod.Bye),
        Token.Select(SipMethod.Parse));

    // A display name may hold commas, angle brackets, semicolons and non-ASCII letters inside its quotes.
    private static readonly Gen<string> DisplayName = Gen.String[Gen.Char["abc XYZ,<>;:@=\u00e9\u4e2d"], 0, 16];

    // Header values: anything but CR and LF, including quotes, commas and UTF-8.
    private static readonly Gen<string> HeaderValue = Gen.String[Gen.Char[" \tabcXYZ019,;:=<>\"\\/@%*()[]{}?'~\u00fc\u0416\u4e2d"], 0, 40];

    private static readonly Gen<string> HeaderName = Gen.OneOf(
        Token.Select(t => "X-" + t),
        Gen.OneOfConst("Subject", "User-Agent", "Organization", "Supported", "Accept", "Allow", "Date", "Server", "P-Custom"));

    private static readonly Gen<(string Name, string Value)[]> ExtraHeaders = Gen.Select(HeaderName, HeaderValue, (n, v) => (n, v)).Array[0, 8];

    private static readonly Gen<byte[]?> Body = Gen.Byte.Array[0, 300].Null();

    private static readonly Gen<SipRequest> Request =
        Gen.Select(Method, SipUriText, SipUriText, SipUriText, DisplayName, Gen.UInt[0, CSeqMax], ExtraHeaders, Body)
        .Select(t =>
        {
            var (method, requestUri, from, to, display, cseq, extra, body) = t;
            var builder = SipRequestBuilder.Create(method, requestUri, $"\"{display}\" <{from}>", $"<{to}>", cseq)
                .AddVia("UDP", "client.example.com:5060")
                .AddHeader(KnownHeader.Contact, $"<{from}>;expires=60");
            foreach (var (name, value) in extra) builder.AddHeader(name, value);
            if (body is not null) builder.SetBody("application/octet-stream", body);
            return builder.Build();
        });

    private static readonly Gen<SipResponse> Response =
        Gen.Select(Request, Gen.Int[100, 699], Gen.String[Gen.Char["abc XYZ-'\u00e9\u043f"], 0, 20].Null(), ExtraHeaders, Body)
        .Select(t =>
        {
            var (request, status, reason, extra, body) = t;
            var builder = SipResponseBuilder.CreateFor(request, status, reason);
            foreach (var (name, value) in extra) builder.AddHeader(name, value);
            if (body is not null) builder.SetBody("text/plain", body);
            return builder.Build();
        });

    private const uint CSeqMax = int.MaxValue;

    [Fact]
    public void Requests_survive_serialize_then_parse()
    {
        Request.Sample(request =>
        {
            var again = Assert.IsType<SipRequest>(RoundTrip(request));
            Assert.Equal(request.Method, again.Method);
            Assert.Equal(request.RequestUriText, again.RequestUriText);
            Assert.True(again.TryGetRequestUri(out _), request.RequestUriText.ToString());
            AssertSameHeadersAndBody(request, again);
            MessageProbe.AssertReadable(again);
        }, iter: 3000);
    }

    [Fact]
    public void Responses_survive_serialize_then_parse()
    {
        Response.Sample(response =>
        {
            var again = Assert.IsType<SipResponse>(RoundTrip(response));
            Assert.Equal(response.StatusCode, again.StatusCode);
            Assert.Equal(response.ReasonPhrase, again.ReasonPhrase);
            AssertSameHeadersAndBody(response, again);
            MessageProbe.AssertReadable(again);
        }, iter: 3000);
    }

    [Fact]
    public void The_builder_keeps_what_it_was_given()
    {
        Gen.Select(Method, SipUriText, ExtraHeaders, Body).Sample(t =>
        {
            var (method, uri, extra, body) = t;
            var builder = SipRequestBuilder.Create(method, uri, "<sip:a@example.com>", "<sip:b@example.com>").AddVia("TCP", "h.example.com");
            foreach (var (name, value) in extra) builder.AddHeader(name, value);
            if (body is not null) builder.SetBody("application/octet-stream", body);
            var built = builder.Build();
            var given = extra.Select(e => (e.Name, e.Value.Trim(' ', '\t'))).ToList();
            var found = new List<(string, string)>();
            foreach (var header in built.Headers)
            {
                if (header.Id == KnownHeader.Unknown || header.Name.ToString() is "Subject" or "User-Agent" or "Organization" or "Supported" or "Accept" or "Allow" or "Date" or "Server")
                    found.Add((header.Name.ToString(), header.Value.ToString()));
            }
            Assert.Equal(given, found);
            Assert.Equal(body ?? [], built.Body.ToArray());
            Assert.Equal(method, built.Method);
            Assert.Equal(uri, built.RequestUriText.ToString());
        }, iter: 2000);
    }

    [Fact]
    public void Mutations_of_the_reference_invite_never_throw()
    {
        var invite = SharedData.ReferenceInvite();
        Mutations(invite).Sample(mutated => Survive(mutated), iter: 20000);
    }

    [Fact]
    public void Mutations_of_every_torture_message_never_throw()
    {
        var directory = SharedData.RequireTortureDirectory();
        foreach (var file in Directory.GetFiles(directory, "*.dat").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            Mutations(bytes).Sample(mutated => Survive(mutated), iter: 400);
        }
    }

    [Fact]
    public void The_framer_and_the_parser_agree_on_where_a_message_ends()
    {
        var invite = SharedData.ReferenceInvite();
        Mutations(invite).Sample(bytes =>
        {
            var buffer = TestSegment.Sequence(bytes.AsMemory(0, bytes.Length / 3), bytes.AsMemory(bytes.Length / 3));
            if (SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var frame, out _) != SipFrameStatus.Message) return;
            if (!SipMessageParser.TryParse(frame, SipParserOptions.Default, out var streamed, out _)) return;
            // What the framer cut and the stream parser accepted is one whole datagram as well.
            Assert.True(SipMessageParser.TryParse(frame.ToArray().AsMemory(), out var datagram, out var failure), failure.ToString());
            AssertSameHeadersAndBody(streamed!, datagram!);
            // The frame is the message plus only the CRLFs that may precede a start line (§7.5).
            var framed = frame.ToArray();
            var leading = framed.AsSpan().IndexOfAnyExcept("\r\n"u8);
            Assert.Equal(framed.Length - leading, streamed!.Buffer.Length);
            Assert.True(framed.AsSpan().EndsWith(streamed.Body.Span));
        }, iter: 20000);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static SipMessage RoundTrip(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>();
        message.WriteTo(writer);
        Assert.True(SipMessageParser.TryParse(writer.WrittenMemory, out var again, out var failure), $"{failure}\n{message}");
        return again!;
    }

    private static void AssertSameHeadersAndBody(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.Headers.Count, actual.Headers.Count);
        for (var i = 0; i < expected.Headers.Count; i++)
        {
            Assert.Equal(expected.Headers[i].Id, actual.Headers[i].Id);
            Assert.Equal(expected.Headers[i].Name, actual.Headers[i].Name);
            Assert.Equal(expected.Headers[i].Value, actual.Headers[i].Value);
        }
        Assert.True(expected.Body.Span.SequenceEqual(actual.Body.Span));
    }

    private static readonly byte[] Interesting = "\r\n :;,\"<>\\%@=/[]\t0123456789"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xC3, 0xFF }).ToArray();

    // Each mutation: flip a byte, insert a byte, delete a byte, or truncate; one to eight of them.
    private static Gen<byte[]> Mutations(byte[] original)
    {
        var value = Gen.OneOf(Gen.Byte, Gen.Int[0, Interesting.Length - 1].Select(i => Interesting[i]));
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], value, (op, at, b) => (op, at, b));
        return edit.Array[1, 8].Select(edits =>
        {
            var bytes = new List<byte>(original);
            foreach (var (op, at, b) in edits)
            {
                if (bytes.Count == 0) break;
                var index = at % bytes.Count;
                switch (op)
                {
                    case 0: bytes[index] = b; break;
                    case 1: bytes.Insert(index, b); break;
                    case 2: bytes.RemoveAt(index); break;
                    default: bytes.RemoveRange(index, bytes.Count - index); break;
                }
            }
            return bytes.ToArray();
        });
    }

    // Whatever the bytes, TryParse returns, the framer returns, and a parsed message answers
    // every accessor; a partial one may only report InvalidOperationException.
    private static void Survive(byte[] bytes)
    {
        if (SipMessageParser.TryParse(bytes.AsMemory(), out var message, out var failure))
        {
            MessageProbe.AssertReadable(message!);
            Assert.True(SipMessageParser.TryParse(message!.ToArray().AsMemory(), out _, out var again), $"written form of a parsed message rejected: {again}");
        }
        else
        {
            Assert.NotEqual(SipParseError.None, failure.Reason);
            if (failure.Partial is { } partial)
            {
                try
                {
                    MessageProbe.ReadAll(partial);
                }
                catch (InvalidOperationException)
                {
                    // allowed on a partial message
                }
            }
        }
        _ = SipMessageParser.TryParse(bytes.AsSpan(), SipParserOptions.Default, out _, out _);
        var sequence = TestSegment.Sequence(bytes.AsMemory(0, bytes.Length / 2), bytes.AsMemory(bytes.Length / 2));
        _ = SipMessageParser.TryParse(sequence, SipParserOptions.Default, out _, out _);

        // Frame the same bytes as a stream: every step consumes something or stops.
        var buffer = sequence;
        for (var steps = 0; steps <= bytes.Length + 1; steps++)
        {
            var status = SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var frame, out _);
            if (status is SipFrameStatus.NeedMoreData or SipFrameStatus.Error) return;
            if (status == SipFrameStatus.Message) _ = SipMessageParser.TryParse(frame, SipParserOptions.Default, out _, out _);
        }
        Assert.Fail("the framer did not stop");
    }
}
