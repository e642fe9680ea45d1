namespace Signalling.Sip.Sdp;

/// <summary>
/// The media direction attributes of RFC 8866 §6.7 as used by RFC 3264 §5.1 / §6.1;
/// when none is present the direction is <see cref="SendRecv"/>.
/// </summary>
public enum SdpDirection
{
    /// <summary><c>a=sendrecv</c>: send and receive.</summary>
    SendRecv = 0,

    /// <summary><c>a=sendonly</c>: send only.</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>: receive only.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: neither send nor receive.</summary>
    Inactive,
}
