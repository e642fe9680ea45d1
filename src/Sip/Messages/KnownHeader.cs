namespace Signalling.Sip.Messages;

/// <summary>
/// The header fields the stack knows by name (RFC 3261 §20 and the extensions it implements).
/// Unknown headers are <see cref="Unknown"/> and are kept byte-exact under their own names.
/// </summary>
public enum KnownHeader : byte
{
    /// <summary>A header this stack does not know by name.</summary>
    Unknown = 0,
    /// <summary>Accept.</summary>
    Accept = 1,
    /// <summary>Accept-Contact (compact form a).</summary>
    AcceptContact = 2,
    /// <summary>Accept-Encoding.</summary>
    AcceptEncoding = 3,
    /// <summary>Accept-Language.</summary>
    AcceptLanguage = 4,
    /// <summary>Alert-Info.</summary>
    AlertInfo = 5,
    /// <summary>Allow.</summary>
    Allow = 6,
    /// <summary>Allow-Events (compact form u).</summary>
    AllowEvents = 7,
    /// <summary>Authentication-Info.</summary>
    AuthenticationInfo = 8,
    /// <summary>Authorization.</summary>
    Authorization = 9,
    /// <summary>Call-ID (compact form i).</summary>
    CallId = 10,
    /// <summary>Call-Info.</summary>
    CallInfo = 11,
    /// <summary>Contact (compact form m).</summary>
    Contact = 12,
    /// <summary>Content-Disposition.</summary>
    ContentDisposition = 13,
    /// <summary>Content-Encoding (compact form e).</summary>
    ContentEncoding = 14,
    /// <summary>Content-Language.</summary>
    ContentLanguage = 15,
    /// <summary>Content-Length (compact form l).</summary>
    ContentLength = 16,
    /// <summary>Content-Type (compact form c).</summary>
    ContentType = 17,
    /// <summary>CSeq.</summary>
    CSeq = 18,
    /// <summary>Date.</summary>
    Date = 19,
    /// <summary>Error-Info.</summary>
    ErrorInfo = 20,
    /// <summary>Event (compact form o).</summary>
    Event = 21,
    /// <summary>Expires.</summary>
    Expires = 22,
    /// <summary>From (compact form f).</summary>
    From = 23,
    /// <summary>Identity (compact form y).</summary>
    Identity = 24,
    /// <summary>In-Reply-To.</summary>
    InReplyTo = 25,
    /// <summary>Max-Forwards.</summary>
    MaxForwards = 26,
    /// <summary>MIME-Version.</summary>
    MimeVersion = 27,
    /// <summary>Min-Expires.</summary>
    MinExpires = 28,
    /// <summary>Min-SE.</summary>
    MinSE = 29,
    /// <summary>Organization.</summary>
    Organization = 30,
    /// <summary>P-Asserted-Identity.</summary>
    PAssertedIdentity = 31,
    /// <summary>Path.</summary>
    Path = 32,
    /// <summary>P-Preferred-Identity.</summary>
    PPreferredIdentity = 33,
    /// <summary>Priority.</summary>
    Priority = 34,
    /// <summary>Privacy.</summary>
    Privacy = 35,
    /// <summary>Proxy-Authenticate.</summary>
    ProxyAuthenticate = 36,
    /// <summary>Proxy-Authorization.</summary>
    ProxyAuthorization = 37,
    /// <summary>Proxy-Require.</summary>
    ProxyRequire = 38,
    /// <summary>RAck.</summary>
    RAck = 39,
    /// <summary>Reason.</summary>
    Reason = 40,
    /// <summary>Record-Route.</summary>
    RecordRoute = 41,
    /// <summary>Referred-By (compact form b).</summary>
    ReferredBy = 42,
    /// <summary>Refer-To (compact form r).</summary>
    ReferTo = 43,
    /// <summary>Reject-Contact (compact form j).</summary>
    RejectContact = 44,
    /// <summary>Replaces.</summary>
    Replaces = 45,
    /// <summary>Reply-To.</summary>
    ReplyTo = 46,
    /// <summary>Request-Disposition (compact form d).</summary>
    RequestDisposition = 47,
    /// <summary>Require.</summary>
    Require = 48,
    /// <summary>Retry-After.</summary>
    RetryAfter = 49,
    /// <summary>Route.</summary>
    Route = 50,
    /// <summary>RSeq.</summary>
    RSeq = 51,
    /// <summary>Server.</summary>
    Server = 52,
    /// <summary>Session-Expires (compact form x).</summary>
    SessionExpires = 53,
    /// <summary>Subject (compact form s).</summary>
    Subject = 54,
    /// <summary>Subscription-State.</summary>
    SubscriptionState = 55,
    /// <summary>Supported (compact form k).</summary>
    Supported = 56,
    /// <summary>Timestamp.</summary>
    Timestamp = 57,
    /// <summary>To (compact form t).</summary>
    To = 58,
    /// <summary>Unsupported.</summary>
    Unsupported = 59,
    /// <summary>User-Agent.</summary>
    UserAgent = 60,
    /// <summary>Via (compact form v).</summary>
    Via = 61,
    /// <summary>Warning.</summary>
    Warning = 62,
    /// <summary>WWW-Authenticate.</summary>
    WwwAuthenticate = 63,
}
