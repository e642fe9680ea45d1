namespace Signalling.H323.Q931;

/// <summary>The transfer mode of a bearer (Q.931 §4.5.5, bits 7-6 of octet 4).</summary>
public enum Q931TransferMode
{
    /// <summary>Circuit mode.</summary>
    Circuit = 0,

    /// <summary>Packet mode.</summary>
    Packet = 2,
}
