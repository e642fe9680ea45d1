namespace Signalling.Sip.Uris;

/// <summary>
/// One <c>;name[=value]</c> parameter of a SIP, SIPS or tel URI. The wire (escaped) form is
/// kept as received so that a URI is written back exactly; <see cref="Name"/> and
/// <see cref="Value"/> give the unescaped text.
/// </summary>
public sealed class UriParameter
{
    /// <summary>Creates a parameter from unescaped text; characters outside <c>paramchar</c> are escaped on the wire.</summary>
    /// <param name="name">The parameter name; not empty.</param>
    /// <param name="value">The value, or null for a parameter with no "=" (such as <c>lr</c>); not empty.</param>
    /// <exception cref="ArgumentException">The name or value is empty.</exception>
    public UriParameter(string name, string? value = null)
        : this(
            UriSyntax.Escape(NotEmpty(name, nameof(name)), UriSyntax.ParamChars),
            value is null ? null : UriSyntax.Escape(NotEmpty(value, nameof(value)), UriSyntax.ParamChars),
            escaped: true)
    {
    }

    private UriParameter(string escapedName, string? escapedValue, bool escaped)
    {
        _ = escaped;
        EscapedName = escapedName;
        EscapedValue = escapedValue;
        Name = UriSyntax.Unescape(escapedName);
        Value = escapedValue is null ? null : UriSyntax.Unescape(escapedValue);

        // RFC 3261 §19.1.4: parameter names and values compare case-insensitively, with
        // escapes of unreserved characters equal to the characters themselves.
        ComparableName = UriSyntax.Normalize(escapedName).ToUpperInvariant();
        ComparableValue = escapedValue is null ? null : UriSyntax.Normalize(escapedValue);
    }

    /// <summary>The unescaped parameter name.</summary>
    public string Name { get; }

    /// <summary>The unescaped value, or null when the parameter has no "=".</summary>
    public string? Value { get; }

    /// <summary>The name as written on the wire.</summary>
    public string EscapedName { get; }

    /// <summary>The value as written on the wire, or null.</summary>
    public string? EscapedValue { get; }

    internal string ComparableName { get; }

    internal string? ComparableValue { get; }

    /// <summary>The wire form, <c>name</c> or <c>name=value</c>.</summary>
    public override string ToString() => EscapedValue is null ? EscapedName : EscapedName + "=" + EscapedValue;

    internal static UriParameter FromEscaped(string escapedName, string? escapedValue) => new(escapedName, escapedValue, escaped: true);

    internal bool NameIs(string upperName) => string.Equals(ComparableName, upperName, StringComparison.Ordinal);

    internal bool ValueEquals(UriParameter other) =>
        ComparableValue is null
            ? other.ComparableValue is null
            : other.ComparableValue is not null && string.Equals(ComparableValue, other.ComparableValue, StringComparison.OrdinalIgnoreCase);

    private static string NotEmpty(string text, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(text, paramName);
        return text;
    }
}
