using System.Text;
using CsCheck;
using Signalling.Sip.Sdp;

namespace Signalling.Sip.Tests.Sdp;

/// <summary>Generated sessions round-trip; mutated real bodies never make the parser throw.</summary>
public sealed class SdpPropertyTests
{
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"], 1, 12];

    // Free text: anything but CR, LF and NUL, including spaces, colons and non-ASCII letters.
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abc XYZ:/=-_.;,0189éü中"], 0, 20];

    private static readonly Gen<SdpConnection> Connection = Gen.OneOf(
        Gen.Select(Gen.Byte, Gen.Byte, (a, b) => new SdpConnection("IN", "IP4", $"192.0.{a}.{b}")),
        Gen.Select(Gen.UShort, g => new SdpConnection("IN", "IP6", $"2001:db8::{g:x}")),
        Gen.Select(Gen.Byte, Gen.Int[1, 8], (ttl, n) => new SdpConnection("IN", "IP4", "233.252.0.1") { Ttl = ttl, NumberOfAddresses = n }),
        Gen.Select(Gen.Int[1, 8], n => new SdpConnection("IN", "IP6", "ff15::101") { NumberOfAddresses = n }),
        Gen.Select(Token, t => new SdpConnection("IN", "IP4", t + ".example.com")));

    private static readonly Gen<SdpAttribute> Attribute = Gen.OneOf(
        Gen.Select(Token, Text, (n, v) => new SdpAttribute("x-" + n, v)),
        Gen.Select(Token, n => new SdpAttribute("x-" + n)),
        Gen.OneOfConst("sendrecv", "sendonly", "recvonly", "inactive").Select(n => new SdpAttribute(n)),
        Gen.Int[1, 200].Select(p => new SdpAttribute("ptime", p.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<SdpMedia> Media =
        Gen.Select(
            Gen.OneOfConst("audio", "video", "application", "x-thing"),
            Gen.Int[0, 65535],
            Gen.Int[1, 96].List[0, 4],
            Attribute.List[0, 5],
            Connection.List[0, 2],
            Gen.Bool)
        .Select(t =>
        {
            var (type, port, pts, attrs, conns, withTitle) = t;
            var m = new SdpMedia(type, port, "RTP/AVP") { Information = withTitle ? "title" : null };
            m.Formats.Add("0");
            foreach (var pt in pts.Distinct())
                m.AddRtpFormat(new SdpRtpMap(pt, "X" + pt, 8000, pt % 3 == 0 ? 2 : null), pt % 2 == 0 ? "a=b;c=" + pt : null);
            foreach (var a in attrs)
                m.Attributes.Add(a);
            foreach (var c in conns)
                m.Connections.Add(c);
            m.Bandwidths.Add(new SdpBandwidth("AS", (ulong)port * 7));
            return m;
        });

    private static readonly Gen<SdpSession> Session =
        Gen.Select(
            Gen.Select(Token, Gen.ULong, Gen.ULong, (u, id, v) => new SdpOrigin(u, id, v, "IN", "IP4", "192.0.2.1")),
            Text,
            Connection.Null(),
            Attribute.List[0, 4],
            Media.List[0, 4],
            Gen.Select(Gen.Char['a', 'z'], Text, (c, v) => (c, v)).List[0, 2])
        .Select(t =>
        {
            var (origin, name, connection, attrs, media, unknowns) = t;
            var s = new SdpSession(origin, name) { Connection = connection };
            foreach (var a in attrs)
                s.Attributes.Add(a);
            foreach (var m in media)
                s.Media.Add(m);
            foreach (var (c, v) in unknowns)
            {
                if ("vosiuepcbtrzkam".Contains(c, StringComparison.Ordinal))
                    continue;
                s.UnknownLines.Add(new SdpUnknownLine(c, v));
            }

            return s;
        });

    private const string Interesting = "0123456789 /:=\r\n";

    [Fact]
    public void Parse_of_serialize_serializes_identically() =>
        Session.Sample(s =>
        {
            var text = s.ToString();
            Assert.True(SdpSession.TryParse(Encoding.UTF8.GetBytes(text), out var parsed, out var error), $"{error}\n{text}");
            Assert.Equal(text, parsed.ToString());
            Assert.Equal(s.Media.Count, parsed.Media.Count);
        }, iter: 2000);

    [Fact]
    public void Random_byte_mutations_of_a_real_body_never_throw()
    {
        var body = Encoding.UTF8.GetBytes(SdpExamples.Rfc4317_2_4_Offer + "a=fmtp:98 0-15\r\na=rtcp:49173 IN IP6 2001:db8::1\r\nc=IN IP4 233.252.0.1/127/2\r\n");
        var mutation = Gen.Select(Gen.Int[0, body.Length - 1], Gen.Byte, Gen.Int[0, 3], (at, b, op) => (at, b, op)).List[1, 8];
        mutation.Sample(edits =>
        {
            var bytes = body.ToList();
            foreach (var (at, b, op) in edits)
            {
                var i = Math.Min(at, bytes.Count - 1);
                if (i < 0)
                    break;
                switch (op)
                {
                    case 0: bytes[i] = b; break;
                    case 1: bytes.Insert(i, b); break;
                    case 2: bytes.RemoveAt(i); break;
                    default: bytes.Insert(i, (byte)Interesting[b % Interesting.Length]); break;
                }
            }

            var input = bytes.ToArray();
            if (SdpSession.TryParse(input, out var s, out var error))
            {
                // Whatever was accepted can be written and reads back the same.
                var text = s.ToString();
                Assert.True(SdpSession.TryParse(Encoding.UTF8.GetBytes(text), out var again, out error), error.ToString());
                Assert.Equal(text, again.ToString());
            }
            else
            {
                Assert.NotEqual(SdpParseErrorKind.None, error.Kind);
                Assert.InRange(error.LineNumber, 1, input.Length + 1);
            }
        }, iter: 20000);
    }
}
