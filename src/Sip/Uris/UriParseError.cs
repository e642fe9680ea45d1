namespace Signalling.Sip.Uris;

/// <summary>
/// Why a URI did not parse. Each value names the first rule of the RFC 3261 §25.1 or
/// RFC 3966 §3 grammar that the input broke, so a UAS can put it in a 400 reason phrase.
/// </summary>
public enum UriParseError
{
    /// <summary>The URI parsed.</summary>
    None = 0,

    /// <summary>The input was empty (or null).</summary>
    Empty,

    /// <summary>No scheme, or a scheme that breaks <c>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>.</summary>
    InvalidScheme,

    /// <summary>Nothing follows the colon of a non-SIP, non-tel URI (RFC 3261 §25.1 absoluteURI).</summary>
    MissingSchemeSpecificPart,

    /// <summary>A SIP or SIPS URI has no host.</summary>
    MissingHost,

    /// <summary>The host is not a hostname, an IPv4 address or an IPv6 reference (for example an unterminated <c>[</c>).</summary>
    InvalidHost,

    /// <summary>The port is empty, not decimal, or above 65535.</summary>
    InvalidPort,

    /// <summary>The user part is empty although an <c>@</c> is present (<c>user = 1*( ... )</c>).</summary>
    InvalidUser,

    /// <summary>A <c>%</c> is not followed by two hexadecimal digits.</summary>
    InvalidEscape,

    /// <summary>A character is not allowed where it appears (it had to be escaped), or is not ASCII.</summary>
    InvalidCharacter,

    /// <summary>A URI parameter is empty, repeated, or has an empty or malformed value.</summary>
    InvalidParameter,

    /// <summary>A header of the <c>?name=value&amp;...</c> part is empty or has no <c>=</c>.</summary>
    InvalidHeader,

    /// <summary>A tel URI number breaks the RFC 3966 global-number-digits or local-number-digits rule.</summary>
    InvalidTelNumber,

    /// <summary>A local tel number has no <c>phone-context</c> parameter (RFC 3966 §5.1.5).</summary>
    MissingPhoneContext,
}
