using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Signalling.Sip.Sdp;

/// <summary>
/// A <c>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;</c> line (RFC 8866 §5.7).
/// For IP4 multicast the address may carry <c>/ttl</c> and <c>/number of addresses</c>; for IP6
/// multicast only <c>/number of addresses</c>. Both are kept separately from the address.
/// </summary>
public sealed class SdpConnection
{
    /// <summary>Creates a connection line.</summary>
    /// <param name="networkType">The network type, <c>IN</c>.</param>
    /// <param name="addressType">The address type, <c>IP4</c> or <c>IP6</c>.</param>
    /// <param name="address">The address or FQDN, without <c>/ttl</c> or <c>/number</c> suffixes.</param>
    public SdpConnection(string networkType, string addressType, string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(networkType);
        ArgumentException.ThrowIfNullOrEmpty(addressType);
        ArgumentException.ThrowIfNullOrEmpty(address);
        NetworkType = networkType;
        AddressType = addressType;
        Address = address;
    }

    /// <summary>Creates an <c>IN IP4</c> or <c>IN IP6</c> connection line for an IP address.</summary>
    /// <param name="address">The address.</param>
    public SdpConnection(IPAddress address)
        : this("IN", AddressTypeOf(address), address.ToString())
    {
    }

    /// <summary>The network type, <c>IN</c> for the Internet.</summary>
    public string NetworkType { get; set; }

    /// <summary>The address type, <c>IP4</c> or <c>IP6</c>.</summary>
    public string AddressType { get; set; }

    /// <summary>The connection address or FQDN, without the multicast suffixes.</summary>
    public string Address { get; set; }

    /// <summary>The multicast TTL (IP4 only, RFC 8866 §5.7), or null.</summary>
    public int? Ttl { get; set; }

    /// <summary>The number of multicast addresses (RFC 8866 §5.7), or null.</summary>
    public int? NumberOfAddresses { get; set; }

    /// <summary>Whether this is an <c>IP6</c> address.</summary>
    public bool IsIPv6 => string.Equals(AddressType, "IP6", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The address as an <see cref="IPAddress"/> when it is a literal (not an FQDN).
    /// </summary>
    /// <param name="address">The parsed address.</param>
    /// <returns>True when <see cref="Address"/> is an IPv4 or IPv6 literal.</returns>
    public bool TryGetIPAddress([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(Address, out address);

    /// <summary>The line content after <c>c=</c>.</summary>
    /// <returns>The network type, address type and address with its suffixes.</returns>
    public override string ToString()
    {
        var text = $"{NetworkType} {AddressType} {Address}";
        if (Ttl is { } ttl)
            text += "/" + ttl.ToString(CultureInfo.InvariantCulture);
        if (NumberOfAddresses is { } n)
            text += "/" + n.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    private static string AddressTypeOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
    }
}
