namespace Signalling.H323.Q931;

/// <summary>Why a Q.931 message could not be parsed.</summary>
public enum Q931ParseErrorReason
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The message ends inside its header (protocol discriminator, call reference or message type).</summary>
    Truncated,

    /// <summary>The protocol discriminator is not 0x08, Q.931 user-network call control (Q.931 §4.2).</summary>
    UnsupportedProtocolDiscriminator,

    /// <summary>Bits 8-5 of the call reference length octet are not zero (Q.931 §4.3).</summary>
    InvalidCallReference,

    /// <summary>The call reference value is longer than 2 octets, the most H.225.0 §7.2.2 uses.</summary>
    CallReferenceTooLong,

    /// <summary>An information element ends before its length octet(s) or its contents are complete.</summary>
    InformationElementTruncated,

    /// <summary>The message holds more information elements than <see cref="Q931ParseOptions.MaxInformationElements"/>.</summary>
    TooManyInformationElements,
}
