using System.Buffers;
using System.Text;
using CsCheck;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Tests.Messages;

/// <summary>
/// <see cref="SipStreamFramer"/> over multi-segment sequences, as a pipe hands them out
/// (RFC 3261 §18.3 framing by Content-Length; RFC 5626 §4.4.1 keep-alives).
/// </summary>
public sealed class StreamFramingTests
{
    private static readonly byte[] Invite = Encoding.UTF8.GetBytes(Crlf("""
        INVITE sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/TCP pc33.atlanta.example.com;branch=z9hG4bKframe1
        Max-Forwards: 70
        To: <sip:bob@biloxi.example.com>
        From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: frame-1@pc33.atlanta.example.com
        CSeq: 1 INVITE
        X-Folded: first
         Content-Length: 999
        Content-Type: application/sdp
        Content-Length: 42

        v=0
        o=- 1 1 IN IP4 192.0.2.1
        s=-
        t=0 0

        """).Replace("t=0 0\r\n", "t=0 0\n", StringComparison.Ordinal));

    private static readonly byte[] Bye = Message("BYE", "frame-2", body: "");

    private static readonly byte[] Message3 = Message("MESSAGE", "frame-3", body: "hello\r\n\r\nworld");

    [Fact]
    public void The_reference_message_is_what_the_test_assumes()
    {
        Assert.Equal(SipFrameStatus.Message, Frame([Invite], out var message, out var rest));
        Assert.Equal(Invite, message.ToArray());
        Assert.True(rest.IsEmpty);
        var parsed = ParseFramed(message);
        Assert.Equal(42, parsed.Body.Length); // the folded " Content-Length: 999" belongs to X-Folded
    }

    [Fact]
    public void A_message_split_at_every_byte_into_two_segments_frames_identically()
    {
        for (var split = 0; split <= Invite.Length; split++)
        {
            var buffer = Segments(Invite.AsMemory(0, split), Invite.AsMemory(split));
            var status = SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var message, out var failure);
            Assert.True(status == SipFrameStatus.Message, $"split at {split}: {status} {failure}");
            Assert.Equal(Invite, message.ToArray());
            Assert.True(buffer.IsEmpty);
            Assert.Equal("frame-1@pc33.atlanta.example.com", ParseFramed(message).CallId.ToString());
        }
    }

    [Fact]
    public void A_message_in_one_byte_segments_frames_identically()
    {
        var buffer = Segments([.. Invite.Select((_, i) => Invite.AsMemory(i, 1))]);
        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var message, out _));
        Assert.Equal(Invite, message.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Every_prefix_needs_more_data_and_leaves_the_buffer_unchanged()
    {
        for (var length = 1; length < Invite.Length; length++)
        {
            foreach (var split in (int[])[0, length / 2, length])
            {
                var before = Segments(Invite.AsMemory(0, split), Invite.AsMemory(split, length - split));
                var buffer = before;
                var status = SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out _, out _);
                Assert.True(status == SipFrameStatus.NeedMoreData, $"prefix {length} split {split}: {status}");
                Assert.Equal(before.Start, buffer.Start);
                Assert.Equal(before.End, buffer.End);
            }
        }
    }

    [Fact]
    public void Messages_back_to_back_come_out_one_at_a_time()
    {
        var all = Invite.Concat(Bye).Concat(Message3).Concat(Invite).ToArray();
        foreach (var split in (int[])[1, Invite.Length, Invite.Length + 5, all.Length - 3])
        {
            var buffer = Segments(all.AsMemory(0, split), all.AsMemory(split));
            var frames = new List<byte[]>();
            while (SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var message, out var failure) is var status && status != SipFrameStatus.NeedMoreData)
            {
                Assert.True(status == SipFrameStatus.Message, failure.ToString());
                frames.Add(message.ToArray());
            }
            Assert.True(buffer.IsEmpty);
            Assert.Equal([Invite, Bye, Message3, Invite], frames);
            Assert.Equal("hello\r\n\r\nworld", Encoding.UTF8.GetString(ParseFramed(new ReadOnlySequence<byte>(frames[2])).Body.Span));
        }
    }

    [Fact] // RFC 5626 §4.4.1
    public void Double_crlf_is_a_ping_and_a_single_crlf_is_a_pong()
    {
        var ping = Segments("\r\n"u8.ToArray(), "\r\n"u8.ToArray());
        Assert.Equal(SipFrameStatus.KeepAlivePing, SipStreamFramer.TryReadFrame(ref ping, SipParserOptions.Default, out _, out _));
        Assert.True(ping.IsEmpty);

        var pong = Segments("\r\n"u8.ToArray());
        Assert.Equal(SipFrameStatus.KeepAlivePong, SipStreamFramer.TryReadFrame(ref pong, SipParserOptions.Default, out _, out _));
        Assert.True(pong.IsEmpty);

        // "\r\n\r" may be a ping still arriving: nothing is consumed.
        var partial = Segments("\r\n\r"u8.ToArray());
        var before = partial;
        Assert.Equal(SipFrameStatus.NeedMoreData, SipStreamFramer.TryReadFrame(ref partial, SipParserOptions.Default, out _, out _));
        Assert.Equal(before.Length, partial.Length);

        // Keep-alives between messages.
        var mixed = Segments("\r\n\r\n"u8.ToArray(), Bye, "\r\n"u8.ToArray(), Invite);
        var statuses = new List<SipFrameStatus>();
        while (SipStreamFramer.TryReadFrame(ref mixed, SipParserOptions.Default, out _, out _) is var status && status != SipFrameStatus.NeedMoreData)
        {
            statuses.Add(status);
        }
        Assert.Equal([SipFrameStatus.KeepAlivePing, SipFrameStatus.Message, SipFrameStatus.KeepAlivePong, SipFrameStatus.Message], statuses);
        Assert.True(mixed.IsEmpty);
    }

    [Fact]
    public void Crlf_cr_followed_by_more_bytes_is_a_pong_not_a_ping_still_arriving()
    {
        // Found by this suite: "\r\n\r" followed by anything but "\n" returned NeedMoreData
        // forever, so a peer could stall the connection and make the reader buffer without limit.
        var options = new SipParserOptions { MaxMessageSize = 1024 };
        var junk = Segments("\r\n\r"u8.ToArray(), Encoding.UTF8.GetBytes(new string('x', 4096)));
        Assert.NotEqual(SipFrameStatus.NeedMoreData, SipStreamFramer.TryReadFrame(ref junk, options, out _, out _));

        var buffer = Segments("\r\n\r"u8.ToArray(), Bye);
        Assert.Equal(SipFrameStatus.KeepAlivePong, SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out _, out _));
        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var message, out _));
        Assert.Equal("frame-2", ParseFramed(message).CallId.ToString()); // the stray CR before the start line is skipped
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Whatever_the_bytes_a_buffer_beyond_MaxMessageSize_never_needs_more_data()
    {
        var options = new SipParserOptions { MaxMessageSize = 256 };
        var interesting = "\r\n \t:lL0123456789"u8.ToArray();
        var body = Gen.OneOf(Gen.Byte, Gen.Int[0, interesting.Length - 1].Select(i => interesting[i])).Array[options.MaxMessageSize + 1, 600];
        var start = Gen.OneOfConst("", "\r\n", "\r\n\r", "\r\n\r\n", "\n", "INVITE sip:a@b SIP/2.0\r\n", "INVITE sip:a@b SIP/2.0\r\nl: 9999\r\n");
        Gen.Select(start, body, (s, b) => Encoding.UTF8.GetBytes(s).Concat(b).ToArray()).Sample(bytes =>
        {
            var buffer = Segments(bytes.AsMemory(0, bytes.Length / 2), bytes.AsMemory(bytes.Length / 2));
            // Drain what can be drained; each step must consume bytes or stop with a verdict.
            for (var steps = 0; steps <= bytes.Length; steps++)
            {
                var status = SipStreamFramer.TryReadFrame(ref buffer, options, out _, out _);
                if (status == SipFrameStatus.Error) return;
                if (status == SipFrameStatus.NeedMoreData)
                {
                    Assert.True(buffer.Length <= options.MaxMessageSize, $"NeedMoreData with {buffer.Length} bytes buffered: {Convert.ToHexString(buffer.ToArray().AsSpan(0, 8))}");
                    return;
                }
            }
        }, iter: 20000);
    }

    [Fact] // §18.3: Content-Length is mandatory on a stream
    public void Missing_content_length_is_an_error()
    {
        var text = Encoding.UTF8.GetString(Bye).Replace("Content-Length: 0\r\n", "", StringComparison.Ordinal);
        var buffer = Segments(Encoding.UTF8.GetBytes(text));
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out _, out var failure));
        Assert.Equal(SipParseError.MissingContentLength, failure.Reason);
        Assert.Equal(KnownHeader.ContentLength, failure.Header);
    }

    [Theory]
    [InlineData("l: 5")]
    [InlineData("content-length   :   5")]
    [InlineData("Content-Length:\r\n 5")]
    public void Content_length_in_compact_spaced_or_folded_form_frames(string line)
    {
        var text = Encoding.UTF8.GetString(Message("INFO", "frame-cl", body: "12345")).Replace("Content-Length: 5", line, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text + "NEXT");
        var buffer = Segments(bytes.AsMemory(0, 10), bytes.AsMemory(10));
        var status = SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out var message, out var failure);
        Assert.True(status == SipFrameStatus.Message, $"{status} {failure}");
        Assert.Equal("NEXT", Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal("12345", Encoding.UTF8.GetString(ParseFramed(message).Body.Span));
    }

    [Fact]
    public void Two_content_lengths_are_an_error()
    {
        var text = Encoding.UTF8.GetString(Bye).Replace("Content-Length: 0\r\n", "Content-Length: 0\r\nl: 0\r\n", StringComparison.Ordinal);
        var buffer = Segments(Encoding.UTF8.GetBytes(text));
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref buffer, SipParserOptions.Default, out _, out var failure));
        Assert.Equal(SipParseError.DuplicateHeader, failure.Reason);
    }

    [Fact]
    public void A_header_block_beyond_MaxMessageSize_is_an_error_before_it_ends()
    {
        var options = new SipParserOptions { MaxMessageSize = 1024 };
        // A header block still open (no empty line yet), already past the limit.
        var open = Encoding.UTF8.GetBytes("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"X-Filler-{i}: {new string('f', 20)}\r\n")));
        Assert.True(open.Length > options.MaxMessageSize);
        var buffer = Segments(open.AsMemory(0, 500), open.AsMemory(500));
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref buffer, options, out _, out var failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);

        // One endless line with no LF at all.
        var line = Segments(Encoding.UTF8.GetBytes("INVITE sip:" + new string('a', 2000)));
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref line, options, out _, out failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
    }

    [Fact]
    public void A_body_beyond_MaxMessageSize_is_an_error_without_waiting_for_its_bytes()
    {
        var options = new SipParserOptions { MaxMessageSize = 4096 };
        var text = Encoding.UTF8.GetString(Bye).Replace("Content-Length: 0", "Content-Length: 5000", StringComparison.Ordinal);
        var buffer = Segments(Encoding.UTF8.GetBytes(text)); // the headers only: none of the 5000 bytes yet
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref buffer, options, out _, out var failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
        Assert.Equal(513, failure.StatusCode);

        // A claim that does not even fit a long is refused as well, not overflowed.
        var huge = Segments(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bye).Replace("Content-Length: 0", "Content-Length: 99999999999999999999999", StringComparison.Ordinal)));
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref huge, SipParserOptions.Default, out _, out failure));
        Assert.Equal(SipParseError.MessageTooLarge, failure.Reason);
    }

    [Fact]
    public void A_message_exactly_at_MaxMessageSize_frames()
    {
        var options = new SipParserOptions { MaxMessageSize = Invite.Length };
        var buffer = Segments(Invite);
        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.TryReadFrame(ref buffer, options, out var message, out _));
        Assert.True(SipMessageParser.TryParse(message, options, out _, out var failure), failure.ToString());
        options = new SipParserOptions { MaxMessageSize = Invite.Length - 1 };
        buffer = Segments(Invite);
        Assert.Equal(SipFrameStatus.Error, SipStreamFramer.TryReadFrame(ref buffer, options, out _, out _));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static SipFrameStatus Frame(ReadOnlyMemory<byte>[] parts, out ReadOnlySequence<byte> message, out ReadOnlySequence<byte> rest)
    {
        rest = Segments(parts);
        return SipStreamFramer.TryReadFrame(ref rest, SipParserOptions.Default, out message, out _);
    }

    private static SipMessage ParseFramed(in ReadOnlySequence<byte> framed)
    {
        Assert.True(SipMessageParser.TryParse(framed, SipParserOptions.Default, out var message, out var failure), failure.ToString());
        return message!;
    }

    private static ReadOnlySequence<byte> Segments(params ReadOnlyMemory<byte>[] parts) => TestSegment.Sequence(parts);

    private static byte[] Message(string method, string callId, string body) => Encoding.UTF8.GetBytes(Crlf($"""
        {method} sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/TCP pc33.atlanta.example.com;branch=z9hG4bK{callId}
        Max-Forwards: 70
        To: <sip:bob@biloxi.example.com>;tag=b1
        From: <sip:alice@atlanta.example.com>;tag=a1
        Call-ID: {callId}
        CSeq: 2 {method}
        Content-Length: {Encoding.UTF8.GetByteCount(body)}


        """) + body);

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}

/// <summary>A segment of a multi-segment <see cref="ReadOnlySequence{T}"/>, as a pipe would chain them.</summary>
internal sealed class TestSegment : ReadOnlySequenceSegment<byte>
{
    private TestSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Chains the parts in order (empty parts included) into one sequence.</summary>
    public static ReadOnlySequence<byte> Sequence(params ReadOnlyMemory<byte>[] parts)
    {
        if (parts.Length == 0) return ReadOnlySequence<byte>.Empty;
        var first = new TestSegment(parts[0], 0);
        var last = first;
        for (var i = 1; i < parts.Length; i++)
        {
            var next = new TestSegment(parts[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
