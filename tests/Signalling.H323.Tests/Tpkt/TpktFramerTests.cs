using System.Buffers;
using Signalling.H323.Tpkt;

namespace Signalling.H323.Tests.Tpkt;

public sealed class TpktFramerTests
{
    private static readonly byte[] TwoPackets = [0x03, 0x00, 0x00, 0x07, 0xAA, 0xBB, 0xCC, 0x03, 0x00, 0x00, 0x05, 0xDD];

    [Fact]
    public void Reads_consecutive_packets_and_advances_past_each()
    {
        var buffer = new ReadOnlySequence<byte>(TwoPackets);
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var first));
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, first.ToArray());
        Assert.Equal(5, buffer.Length);
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var second));
        Assert.Equal(new byte[] { 0xDD }, second.ToArray());
        Assert.True(buffer.IsEmpty);
        Assert.Equal(TpktReadStatus.NeedMoreData, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out _));
    }

    [Fact]
    public void Frames_the_same_packets_whatever_the_segment_boundaries()
    {
        // Every single cut and every pair of cuts: the header, the payload or both straddle segments.
        for (var a = 0; a <= TwoPackets.Length; a++)
        {
            for (var b = a; b <= TwoPackets.Length; b++)
            {
                var buffer = SegmentedSequence.Split(TwoPackets, a, b);
                Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var first));
                Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, first.ToArray());
                Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var second));
                Assert.Equal(new byte[] { 0xDD }, second.ToArray());
                Assert.True(buffer.IsEmpty);
            }
        }
    }

    [Fact]
    public void Needs_more_data_at_every_prefix_and_consumes_nothing()
    {
        for (var length = 0; length < 7; length++)
        {
            var original = SegmentedSequence.Split(TwoPackets[..length], length / 2);
            var buffer = original;
            Assert.Equal(TpktReadStatus.NeedMoreData, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload, out var error));
            Assert.Equal(original, buffer);
            Assert.True(payload.IsEmpty);
            Assert.Equal(TpktFrameError.None, error);
        }
    }

    [Fact]
    public void An_empty_packet_is_a_keep_alive()
    {
        var buffer = SegmentedSequence.Split([0x03, 0x00, 0x00, 0x04, 0x03, 0x00, 0x00, 0x05, 0x01], 2);
        Assert.Equal(TpktReadStatus.KeepAlive, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload));
        Assert.True(payload.IsEmpty);
        Assert.Equal(5, buffer.Length);
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out payload));
        Assert.Equal(new byte[] { 0x01 }, payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, TpktFrameError.BadVersion)]
    [InlineData(new byte[] { 0x04, 0x00, 0x00, 0x05, 0x00 }, TpktFrameError.BadVersion)]
    [InlineData(new byte[] { 0x03, 0x00, 0x00, 0x03 }, TpktFrameError.LengthTooSmall)]
    [InlineData(new byte[] { 0x03, 0x00, 0x00, 0x00 }, TpktFrameError.LengthTooSmall)]
    public void Rejects_bad_headers_without_consuming(byte[] bytes, TpktFrameError expected)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(TpktReadStatus.Error, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out _, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(bytes.Length, buffer.Length);
    }

    [Fact]
    public void Rejects_a_length_over_the_limit_before_the_payload_arrives()
    {
        var options = new TpktOptions { MaxPacketSize = 1000 };
        var buffer = new ReadOnlySequence<byte>([0x03, 0x00, 0x03, 0xE9]); // 1001
        Assert.Equal(TpktReadStatus.Error, TpktFramer.TryReadPacket(ref buffer, options, out _, out var error));
        Assert.Equal(TpktFrameError.PacketTooLarge, error);

        buffer = new ReadOnlySequence<byte>([0x03, 0x00, 0x03, 0xE8]); // exactly 1000: wait for the payload
        Assert.Equal(TpktReadStatus.NeedMoreData, TpktFramer.TryReadPacket(ref buffer, options, out _, out error));
        Assert.Equal(TpktFrameError.None, error);
    }

    [Fact]
    public void The_default_limit_accepts_the_largest_encodable_packet()
    {
        var bytes = new byte[ushort.MaxValue];
        bytes[0] = 3;
        bytes[2] = 0xFF;
        bytes[3] = 0xFF;
        bytes[^1] = 0x5A;
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload));
        Assert.Equal(ushort.MaxValue - 4, payload.Length);
        Assert.Equal(0x5A, payload.Slice(payload.Length - 1).FirstSpan[0]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(65536)]
    public void Options_refuse_limits_the_length_field_cannot_express(int max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TpktOptions { MaxPacketSize = max });

    [Fact]
    public void The_payload_is_a_slice_of_the_input_not_a_copy()
    {
        var bytes = (byte[])TwoPackets.Clone();
        var buffer = new ReadOnlySequence<byte>(bytes);
        TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload);
        bytes[4] = 0x11;
        Assert.Equal(0x11, payload.FirstSpan[0]);
    }

    [Fact]
    public void Writer_output_frames_back_to_the_payload()
    {
        var writer = new ArrayBufferWriter<byte>();
        TpktWriter.Write(writer, new byte[] { 1, 2, 3 });
        TpktWriter.WriteKeepAlive(writer);
        TpktWriter.Write(writer, SegmentedSequence.Split([4, 5, 6, 7], 1, 3));
        Assert.Equal(new byte[] { 3, 0, 0, 7, 1, 2, 3, 3, 0, 0, 4, 3, 0, 0, 8, 4, 5, 6, 7 }, writer.WrittenSpan.ToArray());

        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload));
        Assert.Equal(new byte[] { 1, 2, 3 }, payload.ToArray());
        Assert.Equal(TpktReadStatus.KeepAlive, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out _));
        Assert.Equal(TpktReadStatus.Packet, TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out payload));
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, payload.ToArray());
    }

    [Fact]
    public void Writer_refuses_a_payload_the_length_field_cannot_hold()
    {
        var writer = new ArrayBufferWriter<byte>();
        TpktWriter.Write(writer, new byte[TpktWriter.MaxPayloadLength]);
        Assert.Equal(ushort.MaxValue, writer.WrittenCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => TpktWriter.Write(writer, new byte[TpktWriter.MaxPayloadLength + 1]));
    }
}
