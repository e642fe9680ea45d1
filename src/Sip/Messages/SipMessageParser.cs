using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Messages;

/// <summary>
/// Parses SIP messages (RFC 3261 §7, §25) from bytes. The start line and every header line are
/// located in one pass; the headers the transaction layer depends on (Via, From, To, Call-ID,
/// CSeq, Max-Forwards, Content-Length, Contact, Route, Record-Route) are validated, and every
/// other header is decoded only when read. Nothing the peer sends throws out of TryParse, and
/// nothing is allocated in proportion to a length the peer claims.
/// </summary>
public static class SipMessageParser
{
    /// <summary>
    /// Parses one datagram (RFC 3261 §18.3): the body runs to Content-Length, or to the end of
    /// the datagram when Content-Length is absent; bytes after Content-Length are ignored. The
    /// message keeps a reference to <paramref name="datagram"/>: the caller must not reuse it.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> datagram, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure) =>
        TryParse(datagram, SipParserOptions.Default, out message, out failure);

    /// <inheritdoc cref="TryParse(ReadOnlyMemory{byte}, out SipMessage?, out SipParseFailure)"/>
    public static bool TryParse(ReadOnlyMemory<byte> datagram, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Parse(datagram, options, isStream: false, out message, out failure);
    }

    /// <summary>Parses one datagram held in a transient buffer; the bytes are copied.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (datagram.Length > options.MaxMessageSize)
        {
            message = null;
            failure = new SipParseFailure(SipParseError.MessageTooLarge, KnownHeader.Unknown, "message too large", null);
            return false;
        }
        return Parse(datagram.ToArray(), options, isStream: false, out message, out failure);
    }

    /// <summary>
    /// Parses one message framed from a stream by <see cref="SipStreamFramer"/> (RFC 3261
    /// §18.3: Content-Length is mandatory). The bytes are copied, since a pipe reuses its
    /// buffers once the reader advances.
    /// </summary>
    public static bool TryParse(in ReadOnlySequence<byte> framed, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (framed.Length > options.MaxMessageSize)
        {
            message = null;
            failure = new SipParseFailure(SipParseError.MessageTooLarge, KnownHeader.Unknown, "message too large", null);
            return false;
        }
        return Parse(framed.ToArray(), options, isStream: true, out message, out failure);
    }

    /// <summary>Parses a whole message and returns it, throwing <see cref="FormatException"/> with the reason (for tests and tools).</summary>
    public static SipMessage Parse(ReadOnlySpan<byte> bytes) =>
        TryParse(bytes, SipParserOptions.Default, out var message, out var failure)
            ? message
            : throw new FormatException($"Invalid SIP message: {failure}");

    private static bool Parse(ReadOnlyMemory<byte> memory, SipParserOptions options, bool isStream, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure)
    {
        message = null;
        var span = memory.Span;
        if (span.Length > options.MaxMessageSize) return Fail(SipParseError.MessageTooLarge, "message too large", out failure);

        // RFC 3261 §7.5: CRLFs before the start line are ignored (they are keep-alives on streams).
        var position = 0;
        while (position < span.Length && span[position] is (byte)'\r' or (byte)'\n') position++;
        if (position == span.Length) return Fail(SipParseError.Empty, "empty message", out failure);
        var start = position;

        var startLineEnd = span[position..].IndexOf((byte)'\n');
        if (startLineEnd < 0) return Fail(SipParseError.IncompleteHeaders, "no end of start line", out failure);
        startLineEnd += position;
        var startLineLength = startLineEnd - start - (startLineEnd > start && span[startLineEnd - 1] == (byte)'\r' ? 1 : 0);
        if (startLineLength > options.MaxLineLength) return Fail(SipParseError.LineTooLong, "start line too long", out failure);
        var startLine = span.Slice(start, startLineLength);
        position = startLineEnd + 1;

        var rented = ArrayPool<HeaderEntry>.Shared.Rent(32);
        try
        {
            var count = 0;
            var error = ReadHeaders(span, ref position, options, isStream, ref rented, ref count, out var detail);
            if (error != SipParseError.None) return Fail(error, detail, out failure);
            var entries = rented.AsSpan(0, count).ToArray();
            if (start != 0)
            {
                // Offsets so far count from the first byte received; the message starts at its start line.
                for (var i = 0; i < entries.Length; i++)
                {
                    var e = entries[i];
                    entries[i] = e with { NameStart = e.NameStart - start, ValueStart = e.ValueStart - start };
                }
            }
            return Build(memory[start..], startLine, position - start, entries, options, isStream, out message, out failure);
        }
        finally
        {
            ArrayPool<HeaderEntry>.Shared.Return(rented);
        }
    }

    private static SipParseError ReadHeaders(ReadOnlySpan<byte> span, ref int position, SipParserOptions options, bool isStream, ref HeaderEntry[] entries, ref int count, out string detail)
    {
        detail = "";
        while (true)
        {
            if (position >= span.Length)
            {
                // A datagram ends the message even without the empty line (§18.3 frames
                // datagrams by their size); a stream frame always has it.
                if (!isStream && span[position - 1] == (byte)'\n') return SipParseError.None;
                detail = "no empty line after the headers";
                return SipParseError.IncompleteHeaders;
            }
            var first = span[position];
            if (first == (byte)'\n')
            {
                position++;
                return SipParseError.None;
            }
            if (first == (byte)'\r' && position + 1 < span.Length && span[position + 1] == (byte)'\n')
            {
                position += 2;
                return SipParseError.None;
            }
            if (first is (byte)' ' or (byte)'\t')
            {
                detail = "continuation line without a header";
                return SipParseError.InvalidHeaderLine;
            }

            // A header line ends at a LF not followed by SP/HTAB (§7.3.1 line folding).
            var lineStart = position;
            int lineFeed;
            while (true)
            {
                var next = span[position..].IndexOf((byte)'\n');
                if (next < 0)
                {
                    detail = "no empty line after the headers";
                    return SipParseError.IncompleteHeaders;
                }
                lineFeed = position + next;
                position = lineFeed + 1;
                if (position < span.Length && span[position] is (byte)' ' or (byte)'\t') continue;
                break;
            }
            var lineEnd = lineFeed > lineStart && span[lineFeed - 1] == (byte)'\r' ? lineFeed - 1 : lineFeed;
            if (lineEnd - lineStart > options.MaxLineLength)
            {
                detail = "header line too long";
                return SipParseError.LineTooLong;
            }

            // header-name HCOLON: HCOLON = *( SP / HTAB ) ":" SWS
            var nameEnd = SipLexer.ScanToken(span, lineStart);
            var colon = nameEnd;
            while (colon < lineEnd && span[colon] is (byte)' ' or (byte)'\t') colon++;
            if (nameEnd == lineStart || colon >= lineEnd || span[colon] != (byte)':')
            {
                detail = "malformed header line";
                return SipParseError.InvalidHeaderLine;
            }
            if (nameEnd - lineStart > ushort.MaxValue)
            {
                // HeaderEntry keeps a name's length in 16 bits; a longer name is only possible
                // with a MaxLineLength above 64 KiB and must not be silently truncated.
                detail = "header name too long";
                return SipParseError.LineTooLong;
            }
            var (valueStart, valueLength) = SipLexer.Trim(span, colon + 1, lineEnd);
            if (count == options.MaxHeaderCount)
            {
                detail = "too many headers";
                return SipParseError.TooManyHeaders;
            }
            if (count == entries.Length)
            {
                var larger = ArrayPool<HeaderEntry>.Shared.Rent(entries.Length * 2);
                entries.AsSpan().CopyTo(larger);
                ArrayPool<HeaderEntry>.Shared.Return(entries);
                entries = larger;
            }
            var id = SipHeaderNames.Lookup(span[lineStart..nameEnd]);
            entries[count++] = new HeaderEntry(id, lineStart, nameEnd - lineStart, valueStart, valueLength);
        }
    }

    private static bool Build(ReadOnlyMemory<byte> memory, ReadOnlySpan<byte> startLine, int headerBlockLength, HeaderEntry[] entries,
        SipParserOptions options, bool isStream, [NotNullWhen(true)] out SipMessage? message, out SipParseFailure failure)
    {
        message = null;
        var span = memory.Span;

        // Content-Length decides where the body ends (§18.3, §20.14).
        var contentLengthIndex = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Id != KnownHeader.ContentLength) continue;
            if (contentLengthIndex >= 0) return Fail(SipParseError.DuplicateHeader, KnownHeader.ContentLength, "more than one Content-Length", null, out failure);
            contentLengthIndex = i;
        }
        var available = span.Length - headerBlockLength;
        int bodyLength;
        if (contentLengthIndex >= 0)
        {
            var entry = entries[contentLengthIndex];
            if (!SipLexer.TryParseDigits(span.Slice(entry.ValueStart, entry.ValueLength), options.MaxMessageSize, out var declared))
                return Fail(SipParseError.InvalidHeaderValue, KnownHeader.ContentLength, "invalid Content-Length", null, out failure);
            if (declared > available) return Fail(SipParseError.BodyTruncated, KnownHeader.ContentLength, "Content-Length larger than the body", null, out failure);
            bodyLength = (int)declared;
        }
        else
        {
            if (isStream) return Fail(SipParseError.MissingContentLength, KnownHeader.ContentLength, "Content-Length missing on a stream", null, out failure);
            bodyLength = available;
        }

        // Bytes after the body are not part of this message (§18.3).
        memory = memory[..(headerBlockLength + bodyLength)];
        if (!TryParseStartLine(memory, startLine, entries, headerBlockLength, bodyLength, out message, out var startError, out var startDetail))
            return Fail(startError, startDetail, out failure);

        var (error, header, detail) = Validate(message);
        if (error != SipParseError.None)
        {
            failure = new SipParseFailure(error, header, detail, message);
            message = null;
            return false;
        }
        failure = default;
        return true;
    }

    private static bool TryParseStartLine(ReadOnlyMemory<byte> memory, ReadOnlySpan<byte> line, HeaderEntry[] entries, int bodyStart, int bodyLength,
        [NotNullWhen(true)] out SipMessage? message, out SipParseError error, out string detail)
    {
        message = null;
        if (line.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8))
            return TryParseStatusLine(memory, line, entries, bodyStart, bodyLength, out message, out error, out detail);

        // Request-Line = Method SP Request-URI SP SIP-Version CRLF (§7.1): exactly one SP each.
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0)
        {
            (error, detail) = (SipParseError.InvalidStartLine, "malformed Request-Line");
            return false;
        }
        var method = SipMethod.Parse(line[..firstSpace]);
        if (method is null)
        {
            (error, detail) = (SipParseError.InvalidMethod, "method is not a token");
            return false;
        }
        var rest = line[(firstSpace + 1)..];
        // The version follows the last SP, so that LWS inside the Request-URI is reported as an
        // invalid URI (RFC 4475 §3.1.2.8) while extra SP between elements stays a malformed line
        // (RFC 4475 §3.1.2.9).
        var secondSpace = rest.LastIndexOf((byte)' ');
        if (secondSpace <= 0 || rest[0] == (byte)' ' || rest[secondSpace - 1] == (byte)' ')
        {
            (error, detail) = (SipParseError.InvalidStartLine, "malformed Request-Line");
            return false;
        }
        var uri = rest[..secondSpace];
        var version = rest[(secondSpace + 1)..];
        var versionError = CheckVersion(version);
        if (versionError != SipParseError.None)
        {
            (error, detail) = (versionError, versionError == SipParseError.UnsupportedVersion ? "SIP version not supported" : "malformed Request-Line");
            return false;
        }
        if (!IsValidRequestUri(uri))
        {
            (error, detail) = (SipParseError.InvalidRequestUri, "invalid Request-URI");
            return false;
        }
        var uriStart = firstSpace + 1;
        message = new SipRequest(memory, line.Length, method, uriStart..(uriStart + uri.Length), entries, bodyStart, bodyLength);
        (error, detail) = (SipParseError.None, "");
        return true;
    }

    private static bool TryParseStatusLine(ReadOnlyMemory<byte> memory, ReadOnlySpan<byte> line, HeaderEntry[] entries, int bodyStart, int bodyLength,
        [NotNullWhen(true)] out SipMessage? message, out SipParseError error, out string detail)
    {
        message = null;
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF (§7.2)
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            (error, detail) = (SipParseError.InvalidStartLine, "malformed Status-Line");
            return false;
        }
        var versionError = CheckVersion(line[..space]);
        if (versionError != SipParseError.None)
        {
            (error, detail) = (versionError, "unsupported or malformed SIP version");
            return false;
        }
        var rest = line[(space + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        if (codeEnd < 0) codeEnd = rest.Length; // tolerate a missing SP before an empty reason phrase
        if (codeEnd != 3 || !SipLexer.TryParseDigits(rest[..3], 999, out var code) || code is < 100 or > 699)
        {
            (error, detail) = (SipParseError.InvalidStatusCode, "invalid Status-Code");
            return false;
        }
        var reasonStart = space + 1 + Math.Min(rest.Length, 4);
        message = new SipResponse(memory, line.Length, (int)code, reasonStart..line.Length, entries, bodyStart, bodyLength);
        (error, detail) = (SipParseError.None, "");
        return true;
    }

    // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (§25.1; the literal is case-insensitive).
    private static SipParseError CheckVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || !System.Text.Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8)) return SipParseError.InvalidStartLine;
        var numbers = version[4..];
        var dot = numbers.IndexOf((byte)'.');
        if (dot <= 0 || dot == numbers.Length - 1) return SipParseError.InvalidStartLine;
        foreach (var b in numbers)
        {
            if (b != (byte)'.' && !char.IsAsciiDigit((char)b)) return SipParseError.InvalidStartLine;
        }
        return numbers.SequenceEqual("2.0"u8) ? SipParseError.None : SipParseError.UnsupportedVersion;
    }

    // A sip/sips Request-URI carries no headers (§19.1.5; RFC 4475 §3.1.2.11), and no URI has
    // whitespace or angle brackets (RFC 4475 §3.1.2.7, §3.1.2.8).
    private static bool IsValidRequestUri(ReadOnlySpan<byte> uri)
    {
        var isSip = uri.Length > 4 && (System.Text.Ascii.EqualsIgnoreCase(uri[..4], "sip:"u8)
            || (uri.Length > 5 && System.Text.Ascii.EqualsIgnoreCase(uri[..5], "sips:"u8)));
        return NameAddress.IsPlausibleUri(uri, allowHeaders: !isSip);
    }

    private static (SipParseError Error, KnownHeader Header, string Detail) Validate(SipMessage message)
    {
        var entries = message.Entries;
        var buffer = message.Buffer;
        int from = -1, to = -1, callId = -1, cseq = -1, maxForwards = -1, contentType = -1, via = -1;
        ViaHeader topVia = default;
        NameAddress fromValue = default, toValue = default;
        CSeqHeader cseqValue = default;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var value = buffer.Slice(entry.ValueStart, entry.ValueLength);
            switch (entry.Id)
            {
                case KnownHeader.Via:
                    if (!AllValid(value, out ViaHeader firstVia)) return (SipParseError.InvalidHeaderValue, KnownHeader.Via, "invalid Via");
                    if (via < 0) topVia = firstVia;
                    via = i;
                    break;
                case KnownHeader.From:
                    if (from >= 0) return Duplicate(KnownHeader.From);
                    from = i;
                    if (!NameAddress.TryParse(value, out fromValue)) return Invalid(KnownHeader.From);
                    break;
                case KnownHeader.To:
                    if (to >= 0) return Duplicate(KnownHeader.To);
                    to = i;
                    if (!NameAddress.TryParse(value, out toValue)) return Invalid(KnownHeader.To);
                    break;
                case KnownHeader.CallId:
                    if (callId >= 0) return Duplicate(KnownHeader.CallId);
                    callId = i;
                    if (!IsValidCallId(value.Span)) return Invalid(KnownHeader.CallId);
                    break;
                case KnownHeader.CSeq:
                    if (cseq >= 0) return Duplicate(KnownHeader.CSeq);
                    cseq = i;
                    if (!CSeqHeader.TryParse(value.Span, out cseqValue)) return Invalid(KnownHeader.CSeq);
                    if (message is SipRequest request && cseqValue.Method != request.Method)
                        return (SipParseError.CSeqMethodMismatch, KnownHeader.CSeq, "CSeq method does not match the request");
                    break;
                case KnownHeader.MaxForwards:
                    if (maxForwards >= 0) return Duplicate(KnownHeader.MaxForwards);
                    maxForwards = i;
                    if (!SipLexer.TryParseDigits(value.Span, 255, out _)) return Invalid(KnownHeader.MaxForwards);
                    break;
                case KnownHeader.ContentType:
                    if (contentType >= 0) return Duplicate(KnownHeader.ContentType);
                    contentType = i;
                    break;
                case KnownHeader.Contact:
                    if (!AllValid(value, out ContactHeader _)) return Invalid(KnownHeader.Contact);
                    break;
                case KnownHeader.Route:
                case KnownHeader.RecordRoute:
                    // route-param = name-addr *( SEMI rr-param ): the angle brackets are mandatory.
                    if (!AllNameAddr(value)) return Invalid(entry.Id);
                    break;
            }
        }
        if (via < 0) return Missing(KnownHeader.Via);
        if (from < 0) return Missing(KnownHeader.From);
        if (to < 0) return Missing(KnownHeader.To);
        if (callId < 0) return Missing(KnownHeader.CallId);
        if (cseq < 0) return Missing(KnownHeader.CSeq);
        var callIdEntry = entries[callId];
        message.SetCoreHeaders(topVia, fromValue, toValue, cseqValue, new Utf8Slice(buffer.Slice(callIdEntry.ValueStart, callIdEntry.ValueLength)));
        return (SipParseError.None, KnownHeader.Unknown, "");
    }

    private static (SipParseError, KnownHeader, string) Duplicate(KnownHeader header) =>
        (SipParseError.DuplicateHeader, header, $"more than one {SipHeaderNames.GetCanonicalName(header)}");

    private static (SipParseError, KnownHeader, string) Invalid(KnownHeader header) =>
        (SipParseError.InvalidHeaderValue, header, $"invalid {SipHeaderNames.GetCanonicalName(header)}");

    private static (SipParseError, KnownHeader, string) Missing(KnownHeader header) =>
        (SipParseError.MissingHeader, header, $"missing {SipHeaderNames.GetCanonicalName(header)}");

    // Each comma-separated element must decode; an empty element (",,") is invalid (RFC 4475 §3.1.2.1).
    private static bool AllValid<T>(ReadOnlyMemory<byte> value, out T first) where T : struct, ISipHeaderValue<T>
    {
        first = default;
        var span = value.Span;
        var index = 0;
        while (true)
        {
            var separator = SipLexer.FindListSeparator(span, index);
            if (separator < 0) return false;
            var (start, length) = SipLexer.Trim(span, index, separator);
            if (length == 0 || !T.TryParse(value.Slice(start, length), out var parsed)) return false;
            if (index == 0) first = parsed;
            if (separator >= span.Length) return true;
            index = separator + 1;
        }
    }

    private static bool AllNameAddr(ReadOnlyMemory<byte> value)
    {
        var span = value.Span;
        var index = 0;
        while (true)
        {
            var separator = SipLexer.FindListSeparator(span, index);
            if (separator < 0) return false;
            var (start, length) = SipLexer.Trim(span, index, separator);
            if (length == 0 || !NameAddress.TryParse(value.Slice(start, length), out var address) || !address.IsNameAddr) return false;
            if (separator >= span.Length) return true;
            index = separator + 1;
        }
    }

    // callid = word [ "@" word ] (§25.1)
    private static bool IsValidCallId(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return false;
        var at = false;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b == (byte)'@')
            {
                if (at || i == 0 || i == value.Length - 1) return false;
                at = true;
                continue;
            }
            if (!(SipLexer.IsTokenChar(b) || b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)':' or (byte)'\\'
                or (byte)'"' or (byte)'/' or (byte)'[' or (byte)']' or (byte)'?' or (byte)'{' or (byte)'}')) return false;
        }
        return true;
    }

    private static bool Fail(SipParseError error, string detail, out SipParseFailure failure)
    {
        failure = new SipParseFailure(error, KnownHeader.Unknown, detail, null);
        return false;
    }

    private static bool Fail(SipParseError error, KnownHeader header, string detail, SipMessage? partial, out SipParseFailure failure)
    {
        failure = new SipParseFailure(error, header, detail, partial);
        return false;
    }
}
