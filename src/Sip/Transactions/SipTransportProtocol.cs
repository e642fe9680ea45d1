namespace Signalling.Sip.Transactions;

/// <summary>The transport protocols a SIP hop can use (RFC 3261 §18, RFC 7118 for WebSocket).</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP, the only unreliable transport: the transaction layer retransmits (RFC 3261 §17.1.1.2).</summary>
    Udp,

    /// <summary>TCP (RFC 3261 §18).</summary>
    Tcp,

    /// <summary>TLS over TCP (RFC 3261 §26.2.1).</summary>
    Tls,

    /// <summary>WebSocket (RFC 7118).</summary>
    Ws,

    /// <summary>Secure WebSocket (RFC 7118).</summary>
    Wss,
}
