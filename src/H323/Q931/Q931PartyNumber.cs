using System.Text;

namespace Signalling.H323.Q931;

/// <summary>
/// A party number: the contents of the Calling party number (Q.931 §4.5.10), Called party number
/// (Q.931 §4.5.8) and Connected number (Q.951) elements. Octet 3 holds the type of number and numbering
/// plan; octet 3a (calling and connected numbers only) the presentation and screening indicators; the rest
/// are IA5 digits.
/// </summary>
/// <param name="TypeOfNumber">The type of number (octet 3, bits 7-5).</param>
/// <param name="NumberingPlan">The numbering plan (octet 3, bits 4-1).</param>
/// <param name="Digits">The number digits (IA5: 0-9, *, #, and the like).</param>
/// <param name="Presentation">The presentation indicator of octet 3a; <see langword="null"/> when octet 3a is absent.</param>
/// <param name="Screening">The screening indicator of octet 3a; <see langword="null"/> when octet 3a is absent.</param>
public readonly record struct Q931PartyNumber(
    Q931TypeOfNumber TypeOfNumber,
    Q931NumberingPlan NumberingPlan,
    string Digits,
    Q931PresentationIndicator? Presentation = null,
    Q931ScreeningIndicator? Screening = null)
{
    /// <summary>Whether octet 3a (presentation and screening) is present.</summary>
    public bool HasPresentationOctet => Presentation.HasValue || Screening.HasValue;

    /// <summary>Decodes the contents of a Calling party number, Called party number or Connected number element.</summary>
    /// <param name="contents">The contents octets (after the length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold octet 3 (and octet 3a when octet 3 announces it).</returns>
    public static bool TryParse(ReadOnlySpan<byte> contents, out Q931PartyNumber value)
    {
        value = default;
        if (contents.IsEmpty)
        {
            return false;
        }

        var octet3 = contents[0];
        var typeOfNumber = (Q931TypeOfNumber)((octet3 >> 4) & 0x07);
        var plan = (Q931NumberingPlan)(octet3 & 0x0F);
        // Q.931 §4.5.10: bit 8 of octet 3 is 0 when octet 3a follows.
        if ((octet3 & 0x80) == 0)
        {
            if (contents.Length < 2)
            {
                return false;
            }

            var octet3a = contents[1];
            value = new Q931PartyNumber(
                typeOfNumber,
                plan,
                Encoding.Latin1.GetString(contents[2..]),
                (Q931PresentationIndicator)((octet3a >> 5) & 0x03),
                (Q931ScreeningIndicator)(octet3a & 0x03));
            return true;
        }

        value = new Q931PartyNumber(typeOfNumber, plan, Encoding.Latin1.GetString(contents[1..]));
        return true;
    }

    /// <summary>Encodes this value as a Calling party number element (Q.931 §4.5.10).</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToCallingPartyNumber() => ToInformationElement(Q931InformationElementIdentifiers.CallingPartyNumber);

    /// <summary>Encodes this value as a Called party number element (Q.931 §4.5.8), which has no octet 3a.</summary>
    /// <returns>The element.</returns>
    /// <exception cref="InvalidOperationException">A presentation or screening indicator is set.</exception>
    public Q931InformationElement ToCalledPartyNumber()
    {
        if (HasPresentationOctet)
        {
            throw new InvalidOperationException("A Called party number has no presentation or screening indicator (Q.931 §4.5.8).");
        }

        return ToInformationElement(Q931InformationElementIdentifiers.CalledPartyNumber);
    }

    /// <summary>Encodes this value as a Connected number element (Q.951).</summary>
    /// <returns>The element.</returns>
    public Q931InformationElement ToConnectedNumber() => ToInformationElement(Q931InformationElementIdentifiers.ConnectedNumber);

    /// <summary>Encodes this value as an element with the given identifier.</summary>
    /// <param name="identifier">The identifier, such as <see cref="Q931InformationElementIdentifiers.CallingPartyNumber"/>.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The digits have a character outside IA5 or are too long.</exception>
    public Q931InformationElement ToInformationElement(byte identifier)
    {
        var digits = EncodeIa5(Digits, nameof(Digits));
        var head = HasPresentationOctet ? 2 : 1;
        var octets = new byte[head + digits.Length];
        var octet3 = (byte)((((int)TypeOfNumber & 0x07) << 4) | ((int)NumberingPlan & 0x0F));
        if (HasPresentationOctet)
        {
            octets[0] = octet3;
            octets[1] = (byte)(0x80 | (((int)(Presentation ?? Q931PresentationIndicator.Allowed) & 0x03) << 5) | ((int)(Screening ?? Q931ScreeningIndicator.UserProvidedNotScreened) & 0x03));
        }
        else
        {
            octets[0] = (byte)(0x80 | octet3);
        }

        digits.CopyTo(octets, head);
        return Q931InformationElement.Create(identifier, octets);
    }

    internal static byte[] EncodeIa5(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (text.Length > Q931InformationElement.MaxContentsLength - 2)
        {
            throw new ArgumentException("The text is too long for an information element.", paramName);
        }

        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                throw new ArgumentException($"'{c}' is not an IA5 character.", paramName);
            }
        }

        return Encoding.ASCII.GetBytes(text);
    }
}
