using System.Buffers;

namespace Signalling.Sip.Messages;

/// <summary>
/// Finds message boundaries on a stream transport (TCP, TLS; RFC 3261 §18.3): the header block
/// ends at the first empty line and the body is Content-Length bytes long. Works across the
/// segments of a pipe's <see cref="ReadOnlySequence{T}"/> without copying the message; only the
/// first bytes of each header name are peeked to find Content-Length.
/// </summary>
public static class SipStreamFramer
{
    /// <summary>
    /// Looks at the head of <paramref name="buffer"/>. On <see cref="SipFrameStatus.Message"/>,
    /// <paramref name="message"/> is the message and <paramref name="buffer"/> is what follows it;
    /// on the keep-alive statuses the CRLFs are consumed; on <see cref="SipFrameStatus.NeedMoreData"/>
    /// the buffer is unchanged.
    /// </summary>
    public static SipFrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, SipParserOptions options, out ReadOnlySequence<byte> message, out SipParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        message = default;
        failure = default;
        var reader = new SequenceReader<byte>(buffer);

        // RFC 5626 §4.4.1 keep-alives; RFC 3261 §7.5 CRLFs before a start line.
        if (reader.IsNext("\r\n\r\n"u8))
        {
            buffer = buffer.Slice(4);
            return SipFrameStatus.KeepAlivePing;
        }
        if (reader.IsNext("\r\n"u8))
        {
            // Only exactly "\r\n\r" can be a ping still arriving; with a fourth byte that is not
            // "\n" (checked above) no later byte makes it one.
            if (reader.Remaining == 3 && reader.IsNext("\r\n\r"u8)) return SipFrameStatus.NeedMoreData;
            buffer = buffer.Slice(2);
            return SipFrameStatus.KeepAlivePong;
        }

        // Pass 1: find the empty line that ends the header block.
        if (!reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
        {
            return buffer.Length > options.MaxMessageSize ? TooLarge(out failure) : SipFrameStatus.NeedMoreData;
        }
        while (!(reader.IsNext("\r\n"u8, advancePast: true) || reader.IsNext((byte)'\n', advancePast: true)))
        {
            if (reader.End || !reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
            {
                return buffer.Length > options.MaxMessageSize ? TooLarge(out failure) : SipFrameStatus.NeedMoreData;
            }
            if (reader.Consumed > options.MaxMessageSize) return TooLarge(out failure);
        }
        var headerLength = reader.Consumed;

        // Pass 2: find Content-Length at the start of a header line (not a folded continuation).
        long contentLength = -1;
        var lines = new SequenceReader<byte>(buffer.Slice(0, headerLength));
        lines.TryAdvanceTo((byte)'\n', advancePastDelimiter: true); // the start line
        while (!lines.End)
        {
            if (!PeekNextIsFolding(ref lines))
            {
                var status = ReadContentLength(ref lines, options, ref contentLength, out failure);
                if (status is not null) return status.Value;
            }
            lines.TryAdvanceTo((byte)'\n', advancePastDelimiter: true);
        }

        if (contentLength < 0)
        {
            failure = new SipParseFailure(SipParseError.MissingContentLength, KnownHeader.ContentLength, "Content-Length missing on a stream", null);
            return SipFrameStatus.Error;
        }
        var total = headerLength + contentLength;
        if (total > options.MaxMessageSize) return TooLarge(out failure);
        if (buffer.Length < total) return SipFrameStatus.NeedMoreData;
        message = buffer.Slice(0, total);
        buffer = buffer.Slice(total);
        return SipFrameStatus.Message;
    }

    private static bool PeekNextIsFolding(ref SequenceReader<byte> reader) =>
        reader.TryPeek(out var b) && b is (byte)' ' or (byte)'\t';

    // Reads "Content-Length" / "l" HCOLON 1*DIGIT at the reader's line start without consuming the line.
    private static SipFrameStatus? ReadContentLength(ref SequenceReader<byte> reader, SipParserOptions options, ref long contentLength, out SipParseFailure failure)
    {
        failure = default;
        Span<byte> head = stackalloc byte[32];
        var peeked = reader.UnreadSequence.Length < head.Length ? (int)reader.UnreadSequence.Length : head.Length;
        head = head[..peeked];
        reader.TryCopyTo(head);
        var nameEnd = SipLexer.ScanToken(head, 0);
        var id = SipHeaderNames.Lookup(head[..nameEnd]);
        if (id != KnownHeader.ContentLength) return null;
        var copy = reader;
        copy.Advance(nameEnd);
        copy.AdvancePastAny((byte)' ', (byte)'\t');
        if (!copy.IsNext((byte)':', advancePast: true)) return null;
        copy.AdvancePastAny((byte)' ', (byte)'\t', (byte)'\r', (byte)'\n');
        long value = 0;
        var digits = 0;
        while (copy.TryPeek(out var b) && char.IsAsciiDigit((char)b))
        {
            value = (value * 10) + (b - '0');
            digits++;
            copy.Advance(1);
            if (value > options.MaxMessageSize) return TooLarge(out failure);
        }
        if (digits == 0 || contentLength >= 0)
        {
            failure = new SipParseFailure(digits == 0 ? SipParseError.InvalidHeaderValue : SipParseError.DuplicateHeader,
                KnownHeader.ContentLength, digits == 0 ? "invalid Content-Length" : "more than one Content-Length", null);
            return SipFrameStatus.Error;
        }
        contentLength = value;
        return null;
    }

    private static SipFrameStatus TooLarge(out SipParseFailure failure)
    {
        failure = new SipParseFailure(SipParseError.MessageTooLarge, KnownHeader.Unknown, "message too large", null);
        return SipFrameStatus.Error;
    }
}
