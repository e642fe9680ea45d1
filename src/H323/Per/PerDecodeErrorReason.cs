namespace Signalling.H323.Per;

/// <summary>Why an aligned PER decode failed (ITU-T X.691).</summary>
public enum PerDecodeErrorReason
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input ended (or an open type ended) before the value was complete.</summary>
    Truncated,

    /// <summary>A length determinant exceeds what this implementation accepts (for example a fragmented
    /// length where only a single-fragment length is supported, or a length beyond <see cref="int.MaxValue"/>).</summary>
    LengthTooLarge,

    /// <summary>A decoded value (size, count or integer) lies outside its PER-visible constraint.</summary>
    ConstraintViolation,

    /// <summary>An ENUMERATED root index is beyond the number of root enumerations (X.691 §13).</summary>
    InvalidEnumeration,

    /// <summary>A CHOICE root index is beyond the number of root alternatives (X.691 §23).</summary>
    InvalidChoiceIndex,

    /// <summary>A character code or index is not in the effective permitted alphabet (X.691 §30.5).</summary>
    InvalidCharacter,

    /// <summary>The contents octets of an OBJECT IDENTIFIER are not valid BER (X.691 §24, X.690 §8.19).</summary>
    InvalidObjectIdentifier,

    /// <summary>An integer does not fit the 64-bit type it is decoded into.</summary>
    ValueTooLarge,

    /// <summary>An open type field is malformed (X.691 §10.2).</summary>
    InvalidOpenType,

    /// <summary>A length determinant is malformed (for example a fragment multiplier outside 1..4, X.691 §10.9.3.8,
    /// or a zero-octet integer length).</summary>
    InvalidLength,
}
