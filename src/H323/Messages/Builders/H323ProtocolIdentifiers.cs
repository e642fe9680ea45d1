namespace Signalling.H323.Messages;

/// <summary>
/// The protocol identifiers the builders put in every message (H.225.0 <c>protocolIdentifier</c>,
/// H.245 <c>TerminalCapabilitySet.protocolIdentifier</c>): the versions of the ASN.1 modules the generated
/// types come from.
/// </summary>
public static class H323ProtocolIdentifiers
{
    /// <summary>H.225.0 version 7 (<c>{itu-t (0) recommendation (0) h (8) 2250 version (0) 7}</c>), as
    /// H323Plus sends it; peers of version 4 and later accept it.</summary>
    public const string H225 = "0.0.8.2250.0.7";

    /// <summary>H.245 version 13 (<c>{itu-t (0) recommendation (0) h (8) 245 version (0) 13}</c>).</summary>
    public const string H245 = "0.0.8.245.0.13";
}
