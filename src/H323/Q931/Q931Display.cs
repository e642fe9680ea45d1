using System.Text;

namespace Signalling.H323.Q931;

/// <summary>The Display information element (Q.931 §4.5.16): IA5 characters for the user to see.</summary>
/// <param name="Text">The display text.</param>
public readonly record struct Q931Display(string Text)
{
    /// <summary>Decodes the contents of a Display element. The text ends at the first NUL: OpenH323-derived
    /// stacks send the C string terminator with it, and NUL is a control character, never display text.
    /// Octets above 0x7F, which IA5 does not have, become the Latin-1 characters with the same code.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Always <see langword="true"/>: any octets form a display text.</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931Display value)
    {
        var end = contents.IndexOf((byte)0);
        value = new Q931Display(Encoding.Latin1.GetString(end < 0 ? contents : contents[..end]));
        return true;
    }

    /// <summary>Encodes this value as a Display element.</summary>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The text has a character outside IA5 (above U+007F) or is longer than 255 characters.</exception>
    public Q931InformationElement ToInformationElement() =>
        Q931InformationElement.Create(Q931InformationElementIdentifiers.Display, Q931PartyNumber.EncodeIa5(Text, nameof(Text)));
}
