namespace Signalling.H323.Q931;

/// <summary>The coding standard of an information element (Q.931 §4.5.5, bits 7-6 of octet 3).</summary>
public enum Q931CodingStandard
{
    /// <summary>ITU-T standardized coding.</summary>
    ItuT = 0,

    /// <summary>ISO/IEC standard.</summary>
    IsoIec = 1,

    /// <summary>National standard.</summary>
    National = 2,

    /// <summary>Standard defined for the network (public or private) at the location.</summary>
    Network = 3,
}
