using System.Buffers;

namespace Signalling.H323.Tpkt;

/// <summary>
/// Splits a TCP byte stream into TPKT packets (RFC 1006 §6), the framing H.225.0 §7 uses for call
/// signalling and H.245 on TCP. Works on a <see cref="ReadOnlySequence{T}"/> straight from a pipe and never
/// copies: the payload is a slice of the input.
/// </summary>
public static class TpktFramer
{
    /// <summary>The only TPKT version defined (RFC 1006 §6).</summary>
    public const byte Version = 3;

    /// <summary>
    /// Tries to read one TPKT packet from the start of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">The unread bytes. On <see cref="TpktReadStatus.Packet"/> and
    /// <see cref="TpktReadStatus.KeepAlive"/> it is advanced past the packet; otherwise it is unchanged.</param>
    /// <param name="options">The limits to apply.</param>
    /// <param name="payload">The packet's payload (without the header), a slice of the input; empty unless
    /// the result is <see cref="TpktReadStatus.Packet"/>.</param>
    /// <returns>What was found.</returns>
    public static TpktReadStatus TryReadPacket(ref ReadOnlySequence<byte> buffer, TpktOptions options, out ReadOnlySequence<byte> payload) =>
        TryReadPacket(ref buffer, options, out payload, out _);

    /// <summary>
    /// Tries to read one TPKT packet from the start of <paramref name="buffer"/>, reporting why a header was rejected.
    /// </summary>
    /// <param name="buffer">The unread bytes. On <see cref="TpktReadStatus.Packet"/> and
    /// <see cref="TpktReadStatus.KeepAlive"/> it is advanced past the packet; otherwise it is unchanged.</param>
    /// <param name="options">The limits to apply.</param>
    /// <param name="payload">The packet's payload (without the header), a slice of the input; empty unless
    /// the result is <see cref="TpktReadStatus.Packet"/>.</param>
    /// <param name="error">Why the header was rejected when the result is <see cref="TpktReadStatus.Error"/>;
    /// otherwise <see cref="TpktFrameError.None"/>.</param>
    /// <returns>What was found.</returns>
    public static TpktReadStatus TryReadPacket(ref ReadOnlySequence<byte> buffer, TpktOptions options, out ReadOnlySequence<byte> payload, out TpktFrameError error)
    {
        ArgumentNullException.ThrowIfNull(options);
        payload = default;
        error = TpktFrameError.None;

        // The version is checked as soon as one octet is there, so a peer that is not speaking TPKT is
        // refused at once instead of waiting for a length that will never make sense.
        if (buffer.IsEmpty)
        {
            return TpktReadStatus.NeedMoreData;
        }

        Span<byte> header = stackalloc byte[TpktOptions.HeaderSize];
        var available = (int)Math.Min(buffer.Length, TpktOptions.HeaderSize);
        buffer.Slice(0, available).CopyTo(header);
        if (header[0] != Version)
        {
            error = TpktFrameError.BadVersion;
            return TpktReadStatus.Error;
        }

        if (available < TpktOptions.HeaderSize)
        {
            return TpktReadStatus.NeedMoreData;
        }

        // RFC 1006 §6: octet 2 is reserved. It is not checked: RFC 1006 gives it no meaning, and refusing a
        // peer for setting it would gain nothing. The length counts the header itself.
        var length = (header[2] << 8) | header[3];
        if (length < TpktOptions.HeaderSize)
        {
            error = TpktFrameError.LengthTooSmall;
            return TpktReadStatus.Error;
        }

        if (length > options.MaxPacketSize)
        {
            error = TpktFrameError.PacketTooLarge;
            return TpktReadStatus.Error;
        }

        if (buffer.Length < length)
        {
            return TpktReadStatus.NeedMoreData;
        }

        if (length == TpktOptions.HeaderSize)
        {
            buffer = buffer.Slice(TpktOptions.HeaderSize);
            return TpktReadStatus.KeepAlive;
        }

        payload = buffer.Slice(TpktOptions.HeaderSize, length - TpktOptions.HeaderSize);
        buffer = buffer.Slice(length);
        return TpktReadStatus.Packet;
    }
}
