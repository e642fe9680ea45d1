namespace Signalling.H323.Tpkt;

/// <summary>Limits applied when framing TPKT packets.</summary>
public sealed class TpktOptions
{
    /// <summary>The largest packet the 16-bit length field can describe, header included (RFC 1006 §6).</summary>
    public const int MaxEncodablePacketSize = ushort.MaxValue;

    /// <summary>The size of the TPKT header: version, reserved and a 16-bit length (RFC 1006 §6).</summary>
    public const int HeaderSize = 4;

    private readonly int _maxPacketSize = MaxEncodablePacketSize;

    /// <summary>Options with the defaults: any packet the length field can describe is accepted.</summary>
    public static TpktOptions Default { get; } = new();

    /// <summary>
    /// The largest accepted value of the length field, which counts the 4-octet header. Defaults to 65535,
    /// the most the 16-bit field can hold; lower it to bound per-connection buffering. Must be between 4 and 65535.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 4 or above 65535.</exception>
    public int MaxPacketSize
    {
        get => _maxPacketSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, HeaderSize);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxEncodablePacketSize);
            _maxPacketSize = value;
        }
    }
}
