namespace Signalling.H323.Q931;

/// <summary>Whether a calling or connected number may be shown (Q.931 §4.5.10, bits 7-6 of octet 3a).</summary>
public enum Q931PresentationIndicator
{
    /// <summary>Presentation allowed.</summary>
    Allowed = 0,

    /// <summary>Presentation restricted.</summary>
    Restricted = 1,

    /// <summary>Number not available due to interworking.</summary>
    NotAvailable = 2,

    /// <summary>Reserved.</summary>
    Reserved = 3,
}
