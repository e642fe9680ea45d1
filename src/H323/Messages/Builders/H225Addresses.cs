using System.Net;
using System.Net.Sockets;
using Signalling.H323.Messages.H225;

namespace Signalling.H323.Messages;

/// <summary>
/// Builds the H.225.0 address values the message builders take: a <c>TransportAddress</c> from an IP end
/// point (<c>ipAddress</c> or <c>ip6Address</c>) and a <c>GloballyUniqueID</c> from a
/// <see cref="Guid"/> (an OCTET STRING (SIZE(16)) in the H.225.0 ASN.1).
/// </summary>
public static class H225Addresses
{
    /// <summary>The size of a GloballyUniqueID / ConferenceIdentifier (OCTET STRING (SIZE(16)) in the H.225.0 ASN.1).</summary>
    public const int GuidLength = 16;

    /// <summary>Makes an H.225.0 transport address from an IP end point.</summary>
    /// <param name="endPoint">The IPv4 or IPv6 address and port.</param>
    /// <returns><c>ipAddress</c> for IPv4, <c>ip6Address</c> for IPv6.</returns>
    public static TransportAddress FromEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? TransportAddress.CreateIp6Address(new TransportAddressIp6Address { Ip = address.GetAddressBytes(), Port = endPoint.Port })
            : TransportAddress.CreateIpAddress(new TransportAddressIpAddress { Ip = address.GetAddressBytes(), Port = endPoint.Port });
    }

    /// <summary>The 16 octets of a GUID in network (big-endian) order, for <c>CallIdentifier.guid</c> and
    /// <c>conferenceID</c>.</summary>
    /// <param name="guid">The GUID.</param>
    /// <returns>The octets.</returns>
    public static byte[] ToOctets(Guid guid) => guid.ToByteArray(bigEndian: true);

    /// <summary>A call identifier (H.225.0 <c>CallIdentifier</c>) holding the GUID.</summary>
    /// <param name="guid">The GUID.</param>
    /// <returns>The call identifier.</returns>
    public static CallIdentifier ToCallIdentifier(Guid guid) => new() { Guid = ToOctets(guid) };

    /// <summary>The endpoint type of a plain terminal (H.225.0 <c>EndpointType</c> with <c>terminal</c>;
    /// <c>mc</c> and <c>undefinedNode</c> false).</summary>
    /// <returns>A new value.</returns>
    public static EndpointType Terminal() => new() { Terminal = new TerminalInfo(), Mc = false, UndefinedNode = false };
}
