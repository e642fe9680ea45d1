namespace Signalling.H323.Q931;

/// <summary>The type of number of a party number (Q.931 §4.5.8 and §4.5.10, bits 7-5 of octet 3).</summary>
public enum Q931TypeOfNumber
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>International number.</summary>
    International = 1,

    /// <summary>National number.</summary>
    National = 2,

    /// <summary>Network specific number.</summary>
    NetworkSpecific = 3,

    /// <summary>Subscriber number.</summary>
    Subscriber = 4,

    /// <summary>Abbreviated number.</summary>
    Abbreviated = 6,

    /// <summary>Reserved for extension.</summary>
    ReservedForExtension = 7,
}
