using System.Buffers;
using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7) backed by the bytes it was parsed from. Headers are
/// located once at parse time and decoded into typed values only when read. Instances are
/// immutable; to change a message, start a builder from it.
/// </summary>
public abstract class SipMessage
{
    private readonly int _bodyStart;
    private readonly int _bodyLength;

    // The headers every layer reads, decoded once while the parser validated them.
    private bool _coreDecoded;
    private ViaHeader _topVia;
    private NameAddress _from;
    private NameAddress _to;
    private CSeqHeader _cseq;
    private Utf8Slice _callId;

    private protected SipMessage(ReadOnlyMemory<byte> buffer, int startLineLength, HeaderEntry[] entries, int bodyStart, int bodyLength)
    {
        Buffer = buffer;
        StartLineLength = startLineLength;
        Entries = entries;
        _bodyStart = bodyStart;
        _bodyLength = bodyLength;
    }

    /// <summary>The bytes of the message, from the start line to the end of the body.</summary>
    public ReadOnlyMemory<byte> Buffer { get; }

    internal HeaderEntry[] Entries { get; }

    /// <summary>Length of the start line within <see cref="Buffer"/>, without its CRLF.</summary>
    private protected int StartLineLength { get; }

    /// <summary>True for a request, false for a response.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>The header lines.</summary>
    public SipHeaderCollection Headers => new(this);

    /// <summary>The message body (Content-Length bytes after the empty line).</summary>
    public ReadOnlyMemory<byte> Body => Buffer.Slice(_bodyStart, _bodyLength);

    /// <summary>The topmost Via value (§8.1.1.7, §18.2.2).</summary>
    public ViaHeader Via => _coreDecoded ? _topVia
        : Headers.GetValues<ViaHeader>(KnownHeader.Via).TryGetFirst(out var via) ? via : throw Missing(KnownHeader.Via);

    /// <summary>All Via values, topmost first.</summary>
    public HeaderValues<ViaHeader> Vias => Headers.GetValues<ViaHeader>(KnownHeader.Via);

    /// <summary>The From header (§8.1.1.3).</summary>
    public NameAddress From => _coreDecoded ? _from : Single<NameAddress>(KnownHeader.From);

    /// <summary>The To header (§8.1.1.2).</summary>
    public NameAddress To => _coreDecoded ? _to : Single<NameAddress>(KnownHeader.To);

    /// <summary>The Call-ID (§8.1.1.4), compared byte-wise (§20.8).</summary>
    public Utf8Slice CallId => _coreDecoded ? _callId : Headers.TryGetFirst(KnownHeader.CallId, out var value) ? value : throw Missing(KnownHeader.CallId);

    /// <summary>The CSeq header (§8.1.1.5).</summary>
    public CSeqHeader CSeq => _coreDecoded ? _cseq : Headers.TryGetFirst(KnownHeader.CSeq, out var value) && CSeqHeader.TryParse(value.Span, out var cseq) ? cseq : throw Missing(KnownHeader.CSeq);

    /// <summary>Max-Forwards (§8.1.1.6), or null when absent (RFC 2543 peers).</summary>
    public int? MaxForwards => Headers.TryGetFirst(KnownHeader.MaxForwards, out var value) && SipLexer.TryParseDigits(value.Span, 255, out var hops) ? (int)hops : null;

    /// <summary>The Contact values, including <c>*</c> (§20.10).</summary>
    public HeaderValues<ContactHeader> Contacts => Headers.GetValues<ContactHeader>(KnownHeader.Contact);

    /// <summary>The Route values, in order (§20.34).</summary>
    public HeaderValues<NameAddress> Routes => Headers.GetValues<NameAddress>(KnownHeader.Route);

    /// <summary>The Record-Route values, in order (§20.30).</summary>
    public HeaderValues<NameAddress> RecordRoutes => Headers.GetValues<NameAddress>(KnownHeader.RecordRoute);

    /// <summary>The Content-Type value as sent (e.g. "application/sdp"), empty when absent.</summary>
    public Utf8Slice ContentType => Headers.TryGetFirst(KnownHeader.ContentType, out var value) ? value : default;

    /// <summary>The Expires header in seconds (§20.19), or null when absent or out of range.</summary>
    public uint? Expires => Headers.TryGetFirst(KnownHeader.Expires, out var value) && TypedHeaderGrammar.TryParseDeltaSeconds(value.Span, out var seconds) ? seconds : null;

    /// <summary>Writes the message in wire form: start line, header lines, empty line, body.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var buffer = Buffer.Span;
        var length = StartLineLength + 2 + 2 + _bodyLength;
        foreach (var entry in Entries) length += entry.NameLength + 2 + entry.ValueLength + 2;
        var output = writer.GetSpan(length);
        var position = 0;
        Append(output, ref position, buffer[..StartLineLength]);
        Append(output, ref position, "\r\n"u8);
        foreach (var entry in Entries)
        {
            Append(output, ref position, buffer.Slice(entry.NameStart, entry.NameLength));
            Append(output, ref position, ": "u8);
            Append(output, ref position, buffer.Slice(entry.ValueStart, entry.ValueLength));
            Append(output, ref position, "\r\n"u8);
        }
        Append(output, ref position, "\r\n"u8);
        Append(output, ref position, buffer.Slice(_bodyStart, _bodyLength));
        writer.Advance(position);
    }

    /// <summary>The wire form as a new array.</summary>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(Buffer.Length + 16);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The wire form decoded as UTF-8 (for logs and tests).</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToArray());

    /// <summary>Called by the parser once Via, From, To, CSeq and Call-ID have all been validated.</summary>
    internal void SetCoreHeaders(in ViaHeader topVia, in NameAddress from, in NameAddress to, in CSeqHeader cseq, Utf8Slice callId)
    {
        _topVia = topVia;
        _from = from;
        _to = to;
        _cseq = cseq;
        _callId = callId;
        _coreDecoded = true;
    }

    internal int IndexOf(KnownHeader header)
    {
        var entries = Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Id == header) return i;
        }
        return -1;
    }

    private T Single<T>(KnownHeader header) where T : struct, ISipHeaderValue<T>
    {
        var index = IndexOf(header);
        if (index < 0) throw Missing(header);
        var entry = Entries[index];
        return T.TryParse(Buffer.Slice(entry.ValueStart, entry.ValueLength), out var value) ? value : throw Missing(header);
    }

    private static InvalidOperationException Missing(KnownHeader header) =>
        new($"The message has no valid {SipHeaderNames.GetCanonicalName(header)} header.");

    private static void Append(Span<byte> output, ref int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output[position..]);
        position += bytes.Length;
    }
}
