namespace Signalling.Sip.Uris;

/// <summary>The form of the host of a SIP or SIPS URI (RFC 3261 §25.1 <c>host</c>).</summary>
public enum HostKind
{
    /// <summary>A fully qualified or relative domain name (<c>hostname</c>).</summary>
    DomainName = 0,

    /// <summary>A dotted-decimal IPv4 address (<c>IPv4address</c>).</summary>
    IPv4Address,

    /// <summary>An IPv6 address in brackets (<c>IPv6reference</c>).</summary>
    IPv6Reference,
}
