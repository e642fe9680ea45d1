namespace Signalling.H323.Tpkt;

/// <summary>Why a TPKT header was rejected (RFC 1006 §6).</summary>
public enum TpktFrameError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The version octet is not 3.</summary>
    BadVersion,

    /// <summary>The length field is below 4, the size of the header it includes.</summary>
    LengthTooSmall,

    /// <summary>The length field exceeds <see cref="TpktOptions.MaxPacketSize"/>.</summary>
    PacketTooLarge,
}
