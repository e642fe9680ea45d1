using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Signalling.Sip.Sdp;

/// <summary>
/// Writes a session description in the line order of RFC 8866 §5, always with CRLF.
/// Unknown lines are written right after the known line they followed when parsed.
/// </summary>
internal static class SdpSerializer
{
    internal static void Write(SdpSession session, IBufferWriter<byte> output)
    {
        var w = new LineWriter(output);
        var unknown = session.UnknownLineList;

        w.Begin('v');
        w.Write((ulong)SdpSession.Version);
        w.End();
        WriteUnknown(ref w, unknown, 'v', 1);
        WriteUnknownAfter(ref w, unknown, 'v', 1);

        var o = session.Origin;
        w.Begin('o');
        w.Write(o.UserName);
        w.Space();
        w.Write(o.SessionId);
        w.Space();
        w.Write(o.SessionVersion);
        w.Space();
        w.Write(o.NetworkType);
        w.Space();
        w.Write(o.AddressType);
        w.Space();
        w.Write(o.UnicastAddress);
        w.End();
        WriteUnknown(ref w, unknown, 'o', 1);
        WriteUnknownAfter(ref w, unknown, 'o', 1);

        WriteText(ref w, unknown, 's', session.SessionName);
        WriteText(ref w, unknown, 'i', session.Information);
        WriteText(ref w, unknown, 'u', session.UriText);
        WriteTexts(ref w, unknown, 'e', session.EmailList);
        WriteTexts(ref w, unknown, 'p', session.PhoneList);

        if (session.Connection is { } c)
        {
            WriteConnection(ref w, c);
            WriteUnknown(ref w, unknown, 'c', 1);
        }

        WriteUnknownAfter(ref w, unknown, 'c', session.Connection is null ? 0 : 1);
        WriteBandwidths(ref w, unknown, session.BandwidthList);

        var repeats = 0;
        var timings = session.TimingList;
        for (var i = 0; i < timings.Count; i++)
        {
            w.Begin('t');
            w.Write(timings[i].Start);
            w.Space();
            w.Write(timings[i].Stop);
            w.End();
            WriteUnknown(ref w, unknown, 't', i + 1);
            foreach (var r in timings[i].RepeatList)
            {
                w.Begin('r');
                w.Write(r);
                w.End();
                WriteUnknown(ref w, unknown, 'r', ++repeats);
            }
        }

        WriteUnknownAfter(ref w, unknown, 't', timings.Count);
        WriteUnknownAfter(ref w, unknown, 'r', repeats);
        WriteText(ref w, unknown, 'z', session.TimeZones);
        WriteText(ref w, unknown, 'k', session.Key);
        WriteAttributes(ref w, unknown, session.Attributes);
        WriteStrays(ref w, unknown, "vosiuepcbtrzka");

        foreach (var media in session.MediaList)
            WriteMedia(ref w, media);
    }

    private static void WriteMedia(ref LineWriter w, SdpMedia media)
    {
        var unknown = media.UnknownLineList;
        w.Begin('m');
        w.Write(media.MediaType);
        w.Space();
        w.Write((ulong)media.Port);
        if (media.NumberOfPorts is { } n)
        {
            w.Write('/');
            w.Write((ulong)n);
        }

        w.Space();
        w.Write(media.Protocol);
        foreach (var format in media.FormatList)
        {
            w.Space();
            w.Write(format);
        }

        w.End();
        WriteUnknown(ref w, unknown, 'm', 1);
        WriteUnknownAfter(ref w, unknown, 'm', 1);
        WriteText(ref w, unknown, 'i', media.Information);
        var connections = media.ConnectionList;
        for (var i = 0; i < connections.Count; i++)
        {
            WriteConnection(ref w, connections[i]);
            WriteUnknown(ref w, unknown, 'c', i + 1);
        }

        WriteUnknownAfter(ref w, unknown, 'c', connections.Count);
        WriteBandwidths(ref w, unknown, media.BandwidthList);
        WriteText(ref w, unknown, 'k', media.Key);
        WriteAttributes(ref w, unknown, media.Attributes);
        WriteStrays(ref w, unknown, "micbka");
    }

    private static void WriteConnection(ref LineWriter w, SdpConnection c)
    {
        w.Begin('c');
        w.Write(c.NetworkType);
        w.Space();
        w.Write(c.AddressType);
        w.Space();
        w.Write(c.Address);
        if (c.Ttl is { } ttl)
        {
            w.Write('/');
            w.Write((ulong)ttl);
        }

        if (c.NumberOfAddresses is { } number)
        {
            w.Write('/');
            w.Write((ulong)number);
        }

        w.End();
    }

    private static void WriteBandwidths(ref LineWriter w, List<SdpUnknownLine> unknown, List<SdpBandwidth> bandwidths)
    {
        for (var i = 0; i < bandwidths.Count; i++)
        {
            w.Begin('b');
            w.Write(bandwidths[i].Type);
            w.Write(':');
            w.Write(bandwidths[i].Value);
            w.End();
            WriteUnknown(ref w, unknown, 'b', i + 1);
        }

        WriteUnknownAfter(ref w, unknown, 'b', bandwidths.Count);
    }

    private static void WriteAttributes(ref LineWriter w, List<SdpUnknownLine> unknown, SdpAttributeList attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var a = attributes[i];
            w.Begin('a');
            w.Write(a.Name);
            if (a.Value is { } value)
            {
                w.Write(':');
                w.Write(value);
            }

            w.End();
            WriteUnknown(ref w, unknown, 'a', i + 1);
        }

        WriteUnknownAfter(ref w, unknown, 'a', attributes.Count);
    }

    private static void WriteText(ref LineWriter w, List<SdpUnknownLine> unknown, char type, string? text)
    {
        if (text is not null)
        {
            w.Begin(type);
            w.Write(text);
            w.End();
            WriteUnknown(ref w, unknown, type, 1);
        }

        WriteUnknownAfter(ref w, unknown, type, text is null ? 0 : 1);
    }

    private static void WriteTexts(ref LineWriter w, List<SdpUnknownLine> unknown, char type, List<string> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            w.Begin(type);
            w.Write(texts[i]);
            w.End();
            WriteUnknown(ref w, unknown, type, i + 1);
        }

        WriteUnknownAfter(ref w, unknown, type, texts.Count);
    }

    /// <summary>The unknown lines that followed exactly the <paramref name="count"/>-th line of a type.</summary>
    private static void WriteUnknown(ref LineWriter w, List<SdpUnknownLine> unknown, char afterType, int count)
    {
        foreach (var line in unknown)
        {
            if (line.AfterType == afterType && line.AfterCount == count)
                WriteLine(ref w, line);
        }
    }

    /// <summary>The unknown lines anchored to a type that now has fewer lines than when parsed (or none).</summary>
    private static void WriteUnknownAfter(ref LineWriter w, List<SdpUnknownLine> unknown, char afterType, int count)
    {
        foreach (var line in unknown)
        {
            if (line.AfterType == afterType && (line.AfterCount > count || line.AfterCount <= 0))
                WriteLine(ref w, line);
        }
    }

    /// <summary>Unknown lines anchored to a type that does not exist at this level go at its end.</summary>
    private static void WriteStrays(ref LineWriter w, List<SdpUnknownLine> unknown, string levelTypes)
    {
        foreach (var line in unknown)
        {
            if (!levelTypes.Contains(line.AfterType, StringComparison.Ordinal))
                WriteLine(ref w, line);
        }
    }

    private static void WriteLine(ref LineWriter w, SdpUnknownLine line)
    {
        w.Begin(line.Type);
        w.Write(line.Value);
        w.End();
    }

    private ref struct LineWriter(IBufferWriter<byte> output)
    {
        private readonly IBufferWriter<byte> _output = output;

        public readonly void Begin(char type)
        {
            var span = _output.GetSpan(2);
            span[0] = (byte)type;
            span[1] = (byte)'=';
            _output.Advance(2);
        }

        public readonly void Space() => Write(' ');

        public readonly void Write(char ascii)
        {
            _output.GetSpan(1)[0] = (byte)ascii;
            _output.Advance(1);
        }

        public readonly void Write(ulong value)
        {
            var span = _output.GetSpan(20);
            Utf8Formatter.TryFormat(value, span, out var written);
            _output.Advance(written);
        }

        public readonly void Write(string text)
        {
            // RFC 8866 §5: a field can never hold a line end; writing one would inject lines.
            if (text.AsSpan().IndexOfAny(SdpGrammar.ForbiddenChars) >= 0)
                throw new InvalidOperationException("An SDP field may not contain CR, LF or NUL.");
            var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            var written = Encoding.UTF8.GetBytes(text, span);
            _output.Advance(written);
        }

        public readonly void End()
        {
            var span = _output.GetSpan(2);
            span[0] = (byte)'\r';
            span[1] = (byte)'\n';
            _output.Advance(2);
        }
    }
}
