using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Signalling.Sip.Uris;

/// <summary>
/// A URI of a scheme this stack does not interpret (<c>http:</c>, <c>mailto:</c>,
/// <c>urn:</c>, ...), kept verbatim. Only the RFC 3261 §25.1 absoluteURI syntax is checked,
/// so that a UAS can still answer 416 Unsupported URI Scheme (RFC 3261 §8.2.2.1).
/// </summary>
public sealed class AbsoluteUri : AddressUri
{
    private readonly string _text;
    private readonly string _comparable;

    private AbsoluteUri(string scheme, string schemeSpecificPart, string text)
    {
        Scheme = scheme;
        SchemeSpecificPart = schemeSpecificPart;
        _text = text;

        // RFC 3986 §6.2.2: scheme case and percent-encoding of unreserved characters carry
        // no meaning; nothing else is normalised because the scheme's own rules are unknown.
        _comparable = UriSyntax.Normalize(schemeSpecificPart);
    }

    /// <inheritdoc/>
    public override string Scheme { get; }

    /// <summary>Everything after the first colon, as received.</summary>
    public string SchemeSpecificPart { get; }

    /// <summary>Parses an absolute URI that is neither SIP, SIPS nor tel.</summary>
    /// <param name="text">The URI text.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="FormatException">The text is not an absoluteURI, or is a SIP, SIPS or tel URI.</exception>
    public static new AbsoluteUri Parse(string text) =>
        AddressUri.Parse(text) as AbsoluteUri
            ?? throw new FormatException($"'{text}' is a SIP, SIPS or tel URI, not an absolute URI of another scheme.");

    internal static bool TryParseParts(ReadOnlySpan<byte> scheme, ReadOnlySpan<byte> rest, [NotNullWhen(true)] out AbsoluteUri? uri, out UriParseError error)
    {
        uri = null;

        // RFC 3261 §25.1: absoluteURI = scheme ":" ( hier-part / opaque-part ); both
        // alternatives are non-empty runs of uric characters.
        if (rest.IsEmpty)
        {
            error = UriParseError.MissingSchemeSpecificPart;
            return false;
        }

        switch (UriSyntax.Validate(rest, UriSyntax.UricChars))
        {
            case UriSyntax.Check.BadEscape:
                error = UriParseError.InvalidEscape;
                return false;
            case UriSyntax.Check.BadChar:
                error = UriParseError.InvalidCharacter;
                return false;
        }

        var schemeText = UriSyntax.Ascii(scheme);
        var restText = UriSyntax.Ascii(rest);
        uri = new AbsoluteUri(schemeText.ToLowerInvariant(), restText, schemeText + ":" + restText);
        error = UriParseError.None;
        return true;
    }

    /// <inheritdoc/>
    public override void WriteTo(IBufferWriter<byte> writer) => UriSyntax.WriteAscii(writer, _text);

    /// <inheritdoc/>
    public override string ToString() => _text;

    /// <inheritdoc/>
    public override bool Equals(AddressUri? other) =>
        other is AbsoluteUri a
        && string.Equals(Scheme, a.Scheme, StringComparison.Ordinal)
        && string.Equals(_comparable, a._comparable, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Scheme, _comparable);
}
