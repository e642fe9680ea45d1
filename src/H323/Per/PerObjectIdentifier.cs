namespace Signalling.H323.Per;

/// <summary>
/// The contents octets of an OBJECT IDENTIFIER (X.690 §8.19) from and to the dotted form, for the common case
/// only: arcs that fit 63 bits, minimal subidentifiers, no leading zeros. Anything else returns
/// <see langword="false"/> and the caller falls back to <see cref="System.Formats.Asn1.AsnWriter"/> /
/// <see cref="System.Formats.Asn1.AsnDecoder"/>, which then accept or reject it exactly as before. Both
/// of those go through <see cref="System.Numerics.BigInteger"/> and cost about a microsecond per OID; this
/// path costs tens of nanoseconds.
/// </summary>
internal static class PerObjectIdentifier
{
    /// <summary>The largest subidentifier the fast path handles (9 octets of 7 bits).</summary>
    private const ulong MaxSubidentifier = (1UL << 63) - 1;

    /// <summary>Decodes contents octets to the dotted form; false when the contents need the general decoder.</summary>
    /// <param name="contents">The contents octets.</param>
    /// <param name="value">The dotted form.</param>
    /// <returns>Whether the fast path decoded the contents.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> contents, out string value)
    {
        value = string.Empty;

        // Each contents octet adds at most 4 characters ("127." as the largest one-octet arc plus its dot),
        // and the first subidentifier adds at most "2." more.
        if (contents.IsEmpty || contents.Length > 64)
        {
            return false;
        }

        Span<char> text = stackalloc char[(contents.Length * 4) + 4];
        var written = 0;
        var first = true;
        var i = 0;
        while (i < contents.Length)
        {
            if (contents[i] == 0x80)
            {
                return false; // not minimal: the general decoder reports it.
            }

            ulong subidentifier = 0;
            byte octet;
            do
            {
                if (i == contents.Length || subidentifier > (MaxSubidentifier >> 7))
                {
                    return false; // truncated or too large for the fast path.
                }

                octet = contents[i++];
                subidentifier = (subidentifier << 7) | (uint)(octet & 0x7F);
            }
            while ((octet & 0x80) != 0);

            if (first)
            {
                first = false;
                var arc0 = subidentifier < 40 ? 0UL : subidentifier < 80 ? 1UL : 2UL;
                text[written++] = (char)('0' + arc0);
                text[written++] = '.';
                subidentifier -= arc0 * 40;
            }
            else
            {
                text[written++] = '.';
            }

            if (!subidentifier.TryFormat(text[written..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }

            written += digits;
        }

        value = new string(text[..written]);
        return true;
    }

    /// <summary>Encodes the dotted form to contents octets; false when the text needs the general encoder.</summary>
    /// <param name="text">The dotted form.</param>
    /// <param name="destination">Receives the contents; must hold at least <c>text.Length</c> octets.</param>
    /// <param name="written">The number of contents octets.</param>
    /// <returns>Whether the fast path encoded the text.</returns>
    public static bool TryEncode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length < 3 || text[0] is < '0' or > '2' || text[1] != '.' || destination.Length < text.Length)
        {
            return false;
        }

        var arc0 = (ulong)(text[0] - '0');
        var position = 2;
        var index = 0;
        while (position < text.Length)
        {
            var start = position;
            ulong arc = 0;
            while (position < text.Length && text[position] != '.')
            {
                var digit = (uint)(text[position] - '0');
                if (digit > 9 || position - start >= 18)
                {
                    return false; // not a digit, or more digits than the fast path handles.
                }

                arc = (arc * 10) + digit;
                position++;
            }

            var length = position - start;
            if (length == 0 || (length > 1 && text[start] == '0'))
            {
                return false; // empty arc or leading zero: left to the general encoder.
            }

            if (position < text.Length)
            {
                position++; // the dot
                if (position == text.Length)
                {
                    return false; // trailing dot
                }
            }

            if (index == 0)
            {
                if (arc0 < 2 && arc >= 40)
                {
                    return false;
                }

                arc += arc0 * 40;
                if (arc > MaxSubidentifier)
                {
                    return false;
                }
            }

            // Base 128, most significant group first, continuation bit on all but the last octet.
            var groups = 1;
            for (var rest = arc >> 7; rest != 0; rest >>= 7)
            {
                groups++;
            }

            for (var g = groups - 1; g >= 0; g--)
            {
                var bits = (byte)((arc >> (7 * g)) & 0x7F);
                destination[written++] = g == 0 ? bits : (byte)(bits | 0x80);
            }

            index++;
        }

        return index > 0;
    }
}
