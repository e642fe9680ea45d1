using System.Net;

namespace Signalling.Core.Transport;

/// <summary>One datagram as received: its bytes and who sent it.</summary>
/// <remarks>
/// The payload is the receiver's own array, not a pooled buffer, so a protocol may keep slices of it (a SIP
/// message whose headers are decoded only when read) for as long as it likes.
/// </remarks>
/// <param name="payload">The datagram's bytes.</param>
/// <param name="remoteEndPoint">The sender.</param>
public readonly struct ReceivedDatagram(ReadOnlyMemory<byte> payload, EndPoint remoteEndPoint)
{
    /// <summary>The datagram's bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; } = payload;

    /// <summary>The sender, where a reply goes (RFC 3261 §18.2.2 sends UDP responses to the source address and port).</summary>
    public EndPoint RemoteEndPoint { get; } = remoteEndPoint;
}
