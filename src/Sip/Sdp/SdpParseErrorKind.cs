namespace Signalling.Sip.Sdp;

/// <summary>Why a session description was rejected (RFC 8866 §5 and §9).</summary>
public enum SdpParseErrorKind
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A line is not <c>&lt;type&gt;=&lt;value&gt;</c> with a lower-case type letter, is empty, or holds CR or NUL.</summary>
    InvalidLine,

    /// <summary>A line is not valid UTF-8 (RFC 8866 §5: the default character set is UTF-8).</summary>
    InvalidEncoding,

    /// <summary>The first line is not <c>v=</c> (RFC 8866 §5: a session description starts with v=).</summary>
    MissingVersion,

    /// <summary>The <c>v=</c> line holds a version other than 0 (RFC 8866 §5.1).</summary>
    UnsupportedVersion,

    /// <summary>No <c>o=</c> line before the first media description (RFC 8866 §5.2).</summary>
    MissingOrigin,

    /// <summary>No <c>s=</c> line before the first media description (RFC 8866 §5.3).</summary>
    MissingSessionName,

    /// <summary>A line that may occur once at its level occurs again.</summary>
    DuplicateLine,

    /// <summary>A line occurs where RFC 8866 §5 does not allow it (for example <c>t=</c> inside a media description, or <c>r=</c> before any <c>t=</c>).</summary>
    MisplacedLine,

    /// <summary>The <c>o=</c> line is malformed (RFC 8866 §5.2).</summary>
    InvalidOrigin,

    /// <summary>A <c>c=</c> line is malformed (RFC 8866 §5.7).</summary>
    InvalidConnection,

    /// <summary>A <c>b=</c> line is malformed (RFC 8866 §5.8).</summary>
    InvalidBandwidth,

    /// <summary>A <c>t=</c> line is malformed (RFC 8866 §5.9).</summary>
    InvalidTiming,

    /// <summary>An <c>m=</c> line is malformed apart from its port (RFC 8866 §5.14).</summary>
    InvalidMedia,

    /// <summary>The port or number of ports of an <c>m=</c> line is not a number in range (RFC 8866 §5.14).</summary>
    InvalidPort,

    /// <summary>An <c>a=</c> line has no attribute name (RFC 8866 §5.13).</summary>
    InvalidAttribute,

    /// <summary>An <c>a=rtpmap</c> value is malformed (RFC 8866 §6.6).</summary>
    InvalidRtpMap,

    /// <summary>An <c>a=fmtp</c> value is malformed (RFC 8866 §6.15).</summary>
    InvalidFmtp,

    /// <summary>An <c>a=rtcp</c> value is malformed (RFC 3605 §2.1).</summary>
    InvalidRtcp,
}
