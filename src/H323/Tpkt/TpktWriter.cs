using System.Buffers;
using System.Buffers.Binary;

namespace Signalling.H323.Tpkt;

/// <summary>Writes TPKT packets (RFC 1006 §6) to an <see cref="IBufferWriter{T}"/>.</summary>
public static class TpktWriter
{
    /// <summary>The largest payload one TPKT can carry: the 16-bit length includes the 4-octet header.</summary>
    public const int MaxPayloadLength = TpktOptions.MaxEncodablePacketSize - TpktOptions.HeaderSize;

    /// <summary>Writes the 4-octet header of a packet whose payload the caller writes next.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="payloadLength">The number of payload octets that will follow.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative or above
    /// <see cref="MaxPayloadLength"/>.</exception>
    public static void WriteHeader(IBufferWriter<byte> writer, int payloadLength)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadLength, MaxPayloadLength);
        var span = writer.GetSpan(TpktOptions.HeaderSize);
        span[0] = TpktFramer.Version;
        span[1] = 0; // RFC 1006 §6: reserved, sent as zero.
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)(payloadLength + TpktOptions.HeaderSize));
        writer.Advance(TpktOptions.HeaderSize);
    }

    /// <summary>Writes a whole packet: header and payload.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="payload">The payload; empty writes a keep-alive.</param>
    /// <exception cref="ArgumentOutOfRangeException">The payload is longer than <see cref="MaxPayloadLength"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload)
    {
        WriteHeader(writer, payload.Length);
        writer.Write(payload);
    }

    /// <summary>Writes a whole packet whose payload is a sequence, such as a slice of a pipe.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="payload">The payload.</param>
    /// <exception cref="ArgumentOutOfRangeException">The payload is longer than <see cref="MaxPayloadLength"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, in ReadOnlySequence<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxPayloadLength, nameof(payload));
        WriteHeader(writer, (int)payload.Length);
        foreach (var segment in payload)
        {
            writer.Write(segment.Span);
        }
    }

    /// <summary>Writes a keep-alive: a TPKT with an empty payload, which RFC 1006 §6 allows and
    /// H.323 endpoints use to keep an idle connection open.</summary>
    /// <param name="writer">The destination.</param>
    public static void WriteKeepAlive(IBufferWriter<byte> writer) => WriteHeader(writer, 0);
}
