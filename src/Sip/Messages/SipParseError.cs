namespace Signalling.Sip.Messages;

/// <summary>
/// Why a message was rejected. The transaction layer turns a rejected request into
/// <c>400 Bad Request</c> (or the status <see cref="SipParseFailure.StatusCode"/> names) with
/// the reason in the phrase; a rejected response is dropped (RFC 3261 §16.3, §18.1.2).
/// </summary>
public enum SipParseError
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>Nothing but CRLF (or nothing) was received.</summary>
    Empty,
    /// <summary>The message is larger than <see cref="SipParserOptions.MaxMessageSize"/>.</summary>
    MessageTooLarge,
    /// <summary>A start line or header line is longer than <see cref="SipParserOptions.MaxLineLength"/>.</summary>
    LineTooLong,
    /// <summary>More header lines than <see cref="SipParserOptions.MaxHeaderCount"/>.</summary>
    TooManyHeaders,
    /// <summary>The start line is neither a Request-Line nor a Status-Line (§7.1, §7.2).</summary>
    InvalidStartLine,
    /// <summary>The method is not a token (§25.1).</summary>
    InvalidMethod,
    /// <summary>The Request-URI is not a URI, contains whitespace or angle brackets, or carries headers (§19.1.5).</summary>
    InvalidRequestUri,
    /// <summary>The SIP-Version is well formed but not SIP/2.0; answered with 505 (§21.5.6).</summary>
    UnsupportedVersion,
    /// <summary>The Status-Code is not three digits (§7.2).</summary>
    InvalidStatusCode,
    /// <summary>A header line has no colon, or its name is not a token (§7.3.1).</summary>
    InvalidHeaderLine,
    /// <summary>The header block never ends with an empty line.</summary>
    IncompleteHeaders,
    /// <summary>A mandatory header is missing: Via, From, To, Call-ID or CSeq (§8.1.1).</summary>
    MissingHeader,
    /// <summary>A header that may appear once appears more than once (§7.3.1).</summary>
    DuplicateHeader,
    /// <summary>A header value does not match its grammar (§25.1); <see cref="SipParseFailure.Header"/> names it.</summary>
    InvalidHeaderValue,
    /// <summary>The CSeq method differs from the request method (§8.1.1.5).</summary>
    CSeqMethodMismatch,
    /// <summary>Content-Length is missing on a stream transport (§18.3).</summary>
    MissingContentLength,
    /// <summary>Content-Length claims more bytes than the datagram holds (§18.3).</summary>
    BodyTruncated,
}
