namespace Signalling.H323.Q931;

/// <summary>The numbering plan of a party number (Q.931 §4.5.8 and §4.5.10, bits 4-1 of octet 3).</summary>
public enum Q931NumberingPlan
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>ISDN/telephony numbering plan (E.164).</summary>
    IsdnTelephony = 1,

    /// <summary>Data numbering plan (X.121).</summary>
    Data = 3,

    /// <summary>Telex numbering plan (F.69).</summary>
    Telex = 4,

    /// <summary>National standard numbering plan.</summary>
    National = 8,

    /// <summary>Private numbering plan.</summary>
    Private = 9,

    /// <summary>Reserved for extension.</summary>
    ReservedForExtension = 15,
}
