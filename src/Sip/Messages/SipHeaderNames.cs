using System.Buffers;
using System.Text;

namespace Signalling.Sip.Messages;

/// <summary>
/// Header names: lookup from the bytes of a name (case-insensitive, compact forms included,
/// RFC 3261 §7.3.1 and §7.3.3), canonical spellings, and which headers carry comma-separated lists.
/// </summary>
public static class SipHeaderNames
{
    private static readonly string[] Canonical =
    [
        "",
        "Accept",
        "Accept-Contact",
        "Accept-Encoding",
        "Accept-Language",
        "Alert-Info",
        "Allow",
        "Allow-Events",
        "Authentication-Info",
        "Authorization",
        "Call-ID",
        "Call-Info",
        "Contact",
        "Content-Disposition",
        "Content-Encoding",
        "Content-Language",
        "Content-Length",
        "Content-Type",
        "CSeq",
        "Date",
        "Error-Info",
        "Event",
        "Expires",
        "From",
        "Identity",
        "In-Reply-To",
        "Max-Forwards",
        "MIME-Version",
        "Min-Expires",
        "Min-SE",
        "Organization",
        "P-Asserted-Identity",
        "Path",
        "P-Preferred-Identity",
        "Priority",
        "Privacy",
        "Proxy-Authenticate",
        "Proxy-Authorization",
        "Proxy-Require",
        "RAck",
        "Reason",
        "Record-Route",
        "Referred-By",
        "Refer-To",
        "Reject-Contact",
        "Replaces",
        "Reply-To",
        "Request-Disposition",
        "Require",
        "Retry-After",
        "Route",
        "RSeq",
        "Server",
        "Session-Expires",
        "Subject",
        "Subscription-State",
        "Supported",
        "Timestamp",
        "To",
        "Unsupported",
        "User-Agent",
        "Via",
        "Warning",
        "WWW-Authenticate"
    ];

    private static readonly byte[][] CanonicalUtf8 = [.. Canonical.Select(Encoding.ASCII.GetBytes)];

    // Candidates by name length, so a lookup compares against a handful of names at most.
    private static readonly KnownHeader[][] ByLength = BuildByLength();

    private static KnownHeader[][] BuildByLength()
    {
        var max = Canonical.Max(c => c.Length);
        var table = new List<KnownHeader>[max + 1];
        for (var i = 0; i <= max; i++) table[i] = [];
        for (var i = 1; i < Canonical.Length; i++) table[Canonical[i].Length].Add((KnownHeader)i);
        return [.. table.Select(l => l.ToArray())];
    }

    /// <summary>Identifies a header by its name as it appeared on the wire.</summary>
    public static KnownHeader Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1) return LookupCompact(name[0]);
        if (name.Length >= ByLength.Length) return KnownHeader.Unknown;
        foreach (var candidate in ByLength[name.Length])
        {
            if (Ascii.EqualsIgnoreCase(name, CanonicalUtf8[(int)candidate])) return candidate;
        }
        return KnownHeader.Unknown;
    }

    /// <summary>Identifies a header by name (case-insensitive, compact forms included).</summary>
    public static KnownHeader Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> buffer = stackalloc byte[64];
        return name.Length <= buffer.Length && Ascii.FromUtf16(name, buffer, out var written) == OperationStatus.Done
            ? Lookup(buffer[..written])
            : KnownHeader.Unknown;
    }

    private static KnownHeader LookupCompact(byte b)
    {
        switch (b | 0x20)
        {
            case (byte)'a': return KnownHeader.AcceptContact;
            case (byte)'b': return KnownHeader.ReferredBy;
            case (byte)'c': return KnownHeader.ContentType;
            case (byte)'d': return KnownHeader.RequestDisposition;
            case (byte)'e': return KnownHeader.ContentEncoding;
            case (byte)'f': return KnownHeader.From;
            case (byte)'i': return KnownHeader.CallId;
            case (byte)'j': return KnownHeader.RejectContact;
            case (byte)'k': return KnownHeader.Supported;
            case (byte)'l': return KnownHeader.ContentLength;
            case (byte)'m': return KnownHeader.Contact;
            case (byte)'o': return KnownHeader.Event;
            case (byte)'r': return KnownHeader.ReferTo;
            case (byte)'s': return KnownHeader.Subject;
            case (byte)'t': return KnownHeader.To;
            case (byte)'u': return KnownHeader.AllowEvents;
            case (byte)'v': return KnownHeader.Via;
            case (byte)'x': return KnownHeader.SessionExpires;
            case (byte)'y': return KnownHeader.Identity;
            default: return KnownHeader.Unknown;
        }
    }

    /// <summary>The canonical spelling of a known header (e.g. "Call-ID").</summary>
    public static string GetCanonicalName(KnownHeader header) => Canonical[(int)header];

    /// <summary>The canonical spelling of a known header as UTF-8 bytes.</summary>
    public static ReadOnlySpan<byte> GetCanonicalNameUtf8(KnownHeader header) => CanonicalUtf8[(int)header];

    /// <summary>The compact form of a header (RFC 3261 §7.3.3 and the extensions), or null.</summary>
    public static string? GetCompactName(KnownHeader header) => header switch
    {
            KnownHeader.AcceptContact => "a",
            KnownHeader.AllowEvents => "u",
            KnownHeader.CallId => "i",
            KnownHeader.Contact => "m",
            KnownHeader.ContentEncoding => "e",
            KnownHeader.ContentLength => "l",
            KnownHeader.ContentType => "c",
            KnownHeader.Event => "o",
            KnownHeader.From => "f",
            KnownHeader.Identity => "y",
            KnownHeader.ReferredBy => "b",
            KnownHeader.ReferTo => "r",
            KnownHeader.RejectContact => "j",
            KnownHeader.RequestDisposition => "d",
            KnownHeader.SessionExpires => "x",
            KnownHeader.Subject => "s",
            KnownHeader.Supported => "k",
            KnownHeader.To => "t",
            KnownHeader.Via => "v",
            _ => null,
    };

    /// <summary>
    /// True for headers whose grammar is a comma-separated list (RFC 3261 §7.3.1), so that
    /// several values on one line are the same as several header lines. Headers such as the
    /// authentication ones, whose values contain commas, are not.
    /// </summary>
    public static bool IsList(KnownHeader header) => header is
            KnownHeader.Accept or
            KnownHeader.AcceptContact or
            KnownHeader.AcceptEncoding or
            KnownHeader.AcceptLanguage or
            KnownHeader.AlertInfo or
            KnownHeader.Allow or
            KnownHeader.AllowEvents or
            KnownHeader.CallInfo or
            KnownHeader.Contact or
            KnownHeader.ContentEncoding or
            KnownHeader.ContentLanguage or
            KnownHeader.ErrorInfo or
            KnownHeader.InReplyTo or
            KnownHeader.PAssertedIdentity or
            KnownHeader.Path or
            KnownHeader.PPreferredIdentity or
            KnownHeader.ProxyRequire or
            KnownHeader.Reason or
            KnownHeader.RecordRoute or
            KnownHeader.RejectContact or
            KnownHeader.RequestDisposition or
            KnownHeader.Require or
            KnownHeader.Route or
            KnownHeader.Supported or
            KnownHeader.Unsupported or
            KnownHeader.Via or
            KnownHeader.Warning;
}
