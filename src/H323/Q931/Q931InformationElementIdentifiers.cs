namespace Signalling.H323.Q931;

/// <summary>
/// Information element identifiers of codeset 0 (Q.931 §4.5, Table 4-3) that H.225.0 §7.2.2 and §7.3 use,
/// plus the single-octet elements.
/// </summary>
public static class Q931InformationElementIdentifiers
{
    /// <summary>Shift (single octet, Q.931 §4.5.2-§4.5.4): 1001 in bits 8-5, the non-locking bit 4, the codeset in bits 3-1.</summary>
    public const byte Shift = 0x90;

    /// <summary>More data (single octet, Q.931 §4.5.20).</summary>
    public const byte MoreData = 0xA0;

    /// <summary>Sending complete (single octet, Q.931 §4.5.27).</summary>
    public const byte SendingComplete = 0xA1;

    /// <summary>Congestion level (single octet, the level in bits 4-1).</summary>
    public const byte CongestionLevel = 0xB0;

    /// <summary>Repeat indicator (single octet, the indication in bits 4-1).</summary>
    public const byte RepeatIndicator = 0xD0;

    /// <summary>Bearer capability (Q.931 §4.5.5).</summary>
    public const byte BearerCapability = 0x04;

    /// <summary>Cause (Q.931 §4.5.12, Q.850 §2).</summary>
    public const byte Cause = 0x08;

    /// <summary>Call state (Q.931 §4.5.7).</summary>
    public const byte CallState = 0x14;

    /// <summary>Channel identification (Q.931 §4.5.13).</summary>
    public const byte ChannelIdentification = 0x18;

    /// <summary>Facility (Q.932 §8.2.3); contents are kept opaque.</summary>
    public const byte Facility = 0x1C;

    /// <summary>Progress indicator (Q.931 §4.5.23).</summary>
    public const byte ProgressIndicator = 0x1E;

    /// <summary>Notification indicator (Q.931 §4.5.22).</summary>
    public const byte NotificationIndicator = 0x27;

    /// <summary>Display (Q.931 §4.5.16): IA5 characters.</summary>
    public const byte Display = 0x28;

    /// <summary>Keypad facility (Q.931 §4.5.18): IA5 characters.</summary>
    public const byte KeypadFacility = 0x2C;

    /// <summary>Signal (Q.931 §4.5.28).</summary>
    public const byte Signal = 0x34;

    /// <summary>Connected number (Q.951 §3, codeset 0 identifier 0x4C), laid out like the calling party number.</summary>
    public const byte ConnectedNumber = 0x4C;

    /// <summary>Calling party number (Q.931 §4.5.10).</summary>
    public const byte CallingPartyNumber = 0x6C;

    /// <summary>Calling party subaddress (Q.931 §4.5.11).</summary>
    public const byte CallingPartySubaddress = 0x6D;

    /// <summary>Called party number (Q.931 §4.5.8).</summary>
    public const byte CalledPartyNumber = 0x70;

    /// <summary>Called party subaddress (Q.931 §4.5.9).</summary>
    public const byte CalledPartySubaddress = 0x71;

    /// <summary>Redirecting number (Q.952).</summary>
    public const byte RedirectingNumber = 0x74;

    /// <summary>High layer compatibility (Q.931 §4.5.17).</summary>
    public const byte HighLayerCompatibility = 0x7D;

    /// <summary>User-user (Q.931 §4.5.30); in H.225.0 §7.2.2 its length field takes 2 octets.</summary>
    public const byte UserUser = 0x7E;
}
