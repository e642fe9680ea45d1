using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Signalling.Sip.Uris;

/// <summary>
/// A URI that can appear as a Request-URI or inside a name-addr / addr-spec
/// (RFC 3261 §25.1: <c>SIP-URI / SIPS-URI / absoluteURI</c>, with tel URIs of RFC 3966
/// recognised as their own type). Instances are immutable.
/// </summary>
public abstract class AddressUri : IEquatable<AddressUri>
{
    private protected AddressUri()
    {
    }

    /// <summary>The scheme in lower case, without the colon (<c>sip</c>, <c>sips</c>, <c>tel</c>, <c>http</c>, ...).</summary>
    public abstract string Scheme { get; }

    /// <summary>
    /// Parses a URI from its UTF-8 wire form. Never throws: malformed input yields false and
    /// the reason.
    /// </summary>
    /// <param name="utf8">The URI bytes, without surrounding angle brackets or whitespace.</param>
    /// <param name="uri">The URI when the result is true.</param>
    /// <param name="error">The reason when the result is false; <see cref="UriParseError.None"/> otherwise.</param>
    /// <returns>True when the input is a valid URI.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out AddressUri? uri, out UriParseError error)
    {
        uri = null;
        if (utf8.IsEmpty)
        {
            error = UriParseError.Empty;
            return false;
        }

        var colon = utf8.IndexOf((byte)':');
        if (colon < 0 || !UriSyntax.IsScheme(utf8[..colon]))
        {
            error = UriParseError.InvalidScheme;
            return false;
        }

        var scheme = utf8[..colon];
        var rest = utf8[(colon + 1)..];
        if (Ascii.EqualsIgnoreCase(scheme, "sip"u8) || Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            var ok = SipUri.TryParseAfterScheme(scheme.Length == 4, rest, out var sip, out error);
            uri = sip;
            return ok;
        }

        if (Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            var ok = TelUri.TryParseAfterScheme(rest, out var tel, out error);
            uri = tel;
            return ok;
        }

        var okAbsolute = AbsoluteUri.TryParseParts(scheme, rest, out var absolute, out error);
        uri = absolute;
        return okAbsolute;
    }

    /// <summary>Parses a URI from text. Never throws; non-ASCII text is <see cref="UriParseError.InvalidCharacter"/>.</summary>
    /// <param name="text">The URI text.</param>
    /// <param name="uri">The URI when the result is true.</param>
    /// <param name="error">The reason when the result is false.</param>
    /// <returns>True when the text is a valid URI.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressUri? uri, out UriParseError error)
    {
        uri = null;
        if (string.IsNullOrEmpty(text))
        {
            error = UriParseError.Empty;
            return false;
        }

        // URIs are ASCII on the wire (RFC 3261 §25.1); anything else had to be escaped.
        if (!Ascii.IsValid(text))
        {
            error = UriParseError.InvalidCharacter;
            return false;
        }

        var bytes = text.Length <= 512 ? stackalloc byte[text.Length] : new byte[text.Length];
        Encoding.ASCII.GetBytes(text, bytes);
        return TryParse(bytes, out uri, out error);
    }

    /// <summary>Parses a URI from text.</summary>
    /// <param name="text">The URI text.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="FormatException">The text is not a valid URI; the message names the <see cref="UriParseError"/>.</exception>
    public static AddressUri Parse(string text) =>
        TryParse(text, out var uri, out var error)
            ? uri
            : throw new FormatException($"Invalid URI ({error}): '{text}'.");

    /// <summary>Writes the UTF-8 wire form.</summary>
    /// <param name="writer">The destination.</param>
    public abstract void WriteTo(IBufferWriter<byte> writer);

    /// <summary>The wire form.</summary>
    /// <returns>The URI as it is written in a SIP message.</returns>
    public abstract override string ToString();

    /// <summary>Compares two URIs by the rules of their scheme (RFC 3261 §19.1.4, RFC 3966 §4).</summary>
    /// <param name="other">The other URI.</param>
    /// <returns>True when the URIs are equivalent.</returns>
    public abstract bool Equals(AddressUri? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is AddressUri other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(AddressUri)"/>.</summary>
    /// <returns>The hash code.</returns>
    public abstract override int GetHashCode();
}
