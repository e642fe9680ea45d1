namespace Signalling.Sip.Sdp;

/// <summary>
/// The <c>o=</c> line (RFC 8866 §5.2): who created the session and which version of it this is.
/// RFC 3264 §8 requires the version to grow by one with each changed offer or answer.
/// </summary>
public sealed class SdpOrigin
{
    /// <summary>Creates an origin line.</summary>
    /// <param name="userName">The user name, <c>-</c> when the host has no notion of users.</param>
    /// <param name="sessionId">The numeric session identifier.</param>
    /// <param name="sessionVersion">The session version.</param>
    /// <param name="networkType">The network type, <c>IN</c>.</param>
    /// <param name="addressType">The address type, <c>IP4</c> or <c>IP6</c>.</param>
    /// <param name="unicastAddress">The address or FQDN of the creating host.</param>
    public SdpOrigin(string userName, ulong sessionId, ulong sessionVersion, string networkType, string addressType, string unicastAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(networkType);
        ArgumentException.ThrowIfNullOrEmpty(addressType);
        ArgumentException.ThrowIfNullOrEmpty(unicastAddress);
        UserName = userName;
        SessionId = sessionId;
        SessionVersion = sessionVersion;
        NetworkType = networkType;
        AddressType = addressType;
        UnicastAddress = unicastAddress;
    }

    /// <summary>The user name; <c>-</c> when none (RFC 8866 §5.2).</summary>
    public string UserName { get; set; }

    /// <summary>The session identifier (a numeric string in RFC 8866 §5.2, kept here as 64 bits).</summary>
    public ulong SessionId { get; set; }

    /// <summary>The session version, incremented on each change (RFC 3264 §8).</summary>
    public ulong SessionVersion { get; set; }

    /// <summary>The network type, <c>IN</c> for the Internet.</summary>
    public string NetworkType { get; set; }

    /// <summary>The address type, <c>IP4</c> or <c>IP6</c>.</summary>
    public string AddressType { get; set; }

    /// <summary>The address (or FQDN) of the machine that created the session.</summary>
    public string UnicastAddress { get; set; }

    /// <summary>The line content after <c>o=</c>.</summary>
    /// <returns>The six fields separated by spaces.</returns>
    public override string ToString() => $"{UserName} {SessionId} {SessionVersion} {NetworkType} {AddressType} {UnicastAddress}";
}
