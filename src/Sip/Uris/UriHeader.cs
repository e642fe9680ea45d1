namespace Signalling.Sip.Uris;

/// <summary>
/// One <c>name=value</c> header of the <c>?...</c> part of a SIP or SIPS URI
/// (RFC 3261 §19.1.1 "headers"). The escaped wire form is kept as received.
/// </summary>
public sealed class UriHeader
{
    /// <summary>Creates a header from unescaped text; characters outside <c>hnv-unreserved</c> / unreserved are escaped on the wire.</summary>
    /// <param name="name">The header field name; not empty.</param>
    /// <param name="value">The header value; may be empty.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public UriHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        EscapedName = UriSyntax.Escape(name, UriSyntax.HeaderChars);
        EscapedValue = UriSyntax.Escape(value, UriSyntax.HeaderChars);
        Name = name;
        Value = value;
        ComparableName = UriSyntax.Normalize(EscapedName).ToUpperInvariant();
        ComparableValue = UriSyntax.Normalize(EscapedValue);
    }

    private UriHeader(string escapedName, string escapedValue, bool escaped)
    {
        _ = escaped;
        EscapedName = escapedName;
        EscapedValue = escapedValue;
        Name = UriSyntax.Unescape(escapedName);
        Value = UriSyntax.Unescape(escapedValue);
        ComparableName = UriSyntax.Normalize(escapedName).ToUpperInvariant();
        ComparableValue = UriSyntax.Normalize(escapedValue);
    }

    /// <summary>The unescaped header field name.</summary>
    public string Name { get; }

    /// <summary>The unescaped header value (for example <c>sip:bob@biloxi.com</c> for <c>to=sip:bob%40biloxi.com</c>).</summary>
    public string Value { get; }

    /// <summary>The name as written on the wire.</summary>
    public string EscapedName { get; }

    /// <summary>The value as written on the wire.</summary>
    public string EscapedValue { get; }

    // Header field names are case-insensitive (RFC 3261 §7.3.1); values are compared
    // case-sensitively because §19.1.4 defers to each header's own rules and most of them
    // (URIs' userinfo, Call-ID, tags) are case-sensitive.
    internal string ComparableName { get; }

    internal string ComparableValue { get; }

    /// <summary>The wire form, <c>name=value</c>.</summary>
    public override string ToString() => EscapedName + "=" + EscapedValue;

    internal static UriHeader FromEscaped(string escapedName, string escapedValue) => new(escapedName, escapedValue, escaped: true);
}
