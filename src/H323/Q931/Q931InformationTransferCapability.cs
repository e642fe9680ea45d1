namespace Signalling.H323.Q931;

/// <summary>The information transfer capability of a bearer (Q.931 §4.5.5, bits 5-1 of octet 3).</summary>
public enum Q931InformationTransferCapability
{
    /// <summary>Speech.</summary>
    Speech = 0x00,

    /// <summary>Unrestricted digital information.</summary>
    UnrestrictedDigital = 0x08,

    /// <summary>Restricted digital information.</summary>
    RestrictedDigital = 0x09,

    /// <summary>3.1 kHz audio.</summary>
    Audio3_1kHz = 0x10,

    /// <summary>Unrestricted digital information with tones/announcements.</summary>
    UnrestrictedDigitalWithTones = 0x11,

    /// <summary>Video.</summary>
    Video = 0x18,
}
