using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>Known-multiplier character strings (X.691 §30) and permitted alphabets.</summary>
public sealed class PerCharacterStringTests
{
    private static readonly PermittedAlphabet DialedDigits = PermittedAlphabet.FromCharacters("0123456789#*,");

    [Fact]
    public void Alphabet_widths_follow_30_5_2_and_the_aligned_power_of_two()
    {
        Assert.Equal((128, 8, false), Describe(PermittedAlphabet.IA5String));
        Assert.Equal((11, 4, true), Describe(PermittedAlphabet.NumericString));
        Assert.Equal((74, 8, false), Describe(PermittedAlphabet.PrintableString));
        Assert.Equal((95, 8, false), Describe(PermittedAlphabet.VisibleString));
        Assert.Equal((65536, 16, false), Describe(PermittedAlphabet.BmpString));

        // H.225.0 dialedDigits: 13 characters need 4 bits, and '9' (57) > 15, so indices are sent.
        Assert.Equal((13, 4, true), Describe(DialedDigits));

        // 26 characters need 5 bits, rounded up to 8 in ALIGNED; 'Z' fits 8 bits, so values are sent.
        Assert.Equal((26, 8, false), Describe(PermittedAlphabet.FromRange('A', 'Z')));
        Assert.Equal((16, 4, true), Describe(PermittedAlphabet.FromRange('A', 'P')));
    }

    [Fact]
    public void Index_mapping_depends_on_the_largest_value_not_on_the_count()
    {
        // §30.5.4: {0, 1, 3}: N = 3 -> b = 2; UB = 3 <= 2^2 - 1, so values are sent (3 = 11, not index 2 = 10).
        var sparse = PermittedAlphabet.FromCharacters("\u0000\u0001\u0003");
        Assert.Equal((3, 2, false), Describe(sparse));
        Assert.Equal("C0", Encode(e => e.WriteCharacterString("\u0003", sparse, PerSizeConstraint.Fixed(1))));

        // {0..15}: N = 16 -> b = 4; UB = 15 fits, values. {1, 3}: b = 1; UB = 3 does not fit, indices.
        Assert.False(PermittedAlphabet.FromRange('\u0000', '\u000F').UsesIndices);
        var two = PermittedAlphabet.FromCharacters("\u0001\u0003");
        Assert.Equal((2, 1, true), Describe(two));
        Assert.Equal("80", Encode(e => e.WriteCharacterString("\u0003", two, PerSizeConstraint.Fixed(1))));
    }

    [Theory]
    // dialedDigits IA5String (SIZE (1..128)) (FROM ("0123456789#*,")): length n-1 in 7 bits, pad, 4-bit indices.
    [InlineData("1234", "064567")]
    [InlineData("#*,", "040120")]
    [InlineData("9", "00C0")]
    public void H225_dialed_digits_use_four_bit_indices(string digits, string hex)
    {
        var size = PerSizeConstraint.Range(1, 128);
        Assert.Equal(hex, Encode(e => e.WriteCharacterString(digits, DialedDigits, size)));
        Assert.Equal(digits, Decode(hex, (ref PerDecoder d) => d.ReadCharacterString(DialedDigits, size)));
    }

    [Fact]
    public void H225_h323_id_is_a_bmp_string_of_16_bit_characters()
    {
        // h323-ID BMPString (SIZE (1..256)): length n-1 over range 256 is one aligned octet (§10.5.7.2).
        var size = PerSizeConstraint.Range(1, 256);
        Assert.Equal("0100480069", Encode(e => e.WriteCharacterString("Hi", PermittedAlphabet.BmpString, size)));
        Assert.Equal("Hi\u00E9\u4E2D", Decode(Encode(e => e.WriteCharacterString("Hi\u00E9\u4E2D", PermittedAlphabet.BmpString, size)),
            (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.BmpString, size)));
    }

    [Theory]
    // Examples given on the asn1@oss.com list for ALIGNED PER: "ABCD" as PrintableString and restricted alphabets.
    [InlineData("PrintableString", "0441424344")]
    [InlineData("A..Z", "0441424344")]
    [InlineData("A..P", "040123")]
    [InlineData("IA5String", "0441424344")]
    [InlineData("VisibleString", "0441424344")]
    public void Unconstrained_size_strings_of_abcd(string alphabetName, string hex)
    {
        var alphabet = alphabetName switch
        {
            "PrintableString" => PermittedAlphabet.PrintableString,
            "A..Z" => PermittedAlphabet.FromRange('A', 'Z'),
            "A..P" => PermittedAlphabet.FromRange('A', 'P'),
            "IA5String" => PermittedAlphabet.IA5String,
            _ => PermittedAlphabet.VisibleString,
        };
        Assert.Equal(hex, Encode(e => e.WriteCharacterString("ABCD", alphabet, PerSizeConstraint.Unbounded)));
        Assert.Equal("ABCD", Decode(hex, (ref PerDecoder d) => d.ReadCharacterString(alphabet, PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Numeric_string_sends_indices_with_space_first()
    {
        // NumericString: ' ' = 0, '0' = 1 ... '9' = 10. "123" -> 2, 3, 4.
        Assert.Equal("032340", Encode(e => e.WriteCharacterString("123", PermittedAlphabet.NumericString, PerSizeConstraint.Unbounded)));
        Assert.Equal("0201", Encode(e => e.WriteCharacterString(" 0", PermittedAlphabet.NumericString, PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Fixed_size_strings_align_only_above_16_bits()
    {
        // SIZE (4) x 4 bits = 16: not aligned (§30.5.7), straight after the leading bit.
        Assert.Equal("91A280", Encode(e =>
        {
            e.WriteBit(true);
            e.WriteCharacterString("1234", PermittedAlphabet.NumericString, PerSizeConstraint.Fixed(4));
        }));

        // SIZE (5) x 4 bits = 20: octet-aligned, no length.
        var hex = Encode(e =>
        {
            e.WriteBit(true);
            e.WriteCharacterString("12345", PermittedAlphabet.NumericString, PerSizeConstraint.Fixed(5));
        });
        Assert.Equal("80234560", hex);
        Assert.Equal("12345", Decode(hex, (ref PerDecoder d) =>
        {
            d.ReadBit();
            return d.ReadCharacterString(PermittedAlphabet.NumericString, PerSizeConstraint.Fixed(5));
        }));
    }

    [Fact]
    public void Ranged_size_string_with_ub_times_b_below_16_is_not_aligned()
    {
        // SIZE (1..3) x 4 bits = 12 < 16: length (2 bits) and characters follow without padding.
        var hex = Encode(e =>
        {
            e.WriteBit(true);
            e.WriteCharacterString("12", PermittedAlphabet.NumericString, PerSizeConstraint.Range(1, 3));
        });
        Assert.Equal("A460", hex);
    }

    [Fact]
    public void Extensible_size_string_outside_the_root_uses_an_unconstrained_length()
    {
        var size = PerSizeConstraint.Range(1, 4, extensible: true);
        var hex = Encode(e => e.WriteCharacterString("ABCDEF", PermittedAlphabet.IA5String, size));
        Assert.Equal("8006414243444546", hex);
        Assert.Equal("ABCDEF", Decode(hex, (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.IA5String, size)));
        Assert.Equal("0041", Encode(e => e.WriteCharacterString("A", PermittedAlphabet.IA5String, size)));
    }

    [Fact]
    public void Long_strings_are_fragmented_in_16K_characters()
    {
        var ia5 = new string('x', 20000);
        var encoded = EncodeBytes(e => e.WriteCharacterString(ia5, PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded));
        Assert.Equal(0xC1, encoded[0]);
        Assert.Equal(ia5, Decode(encoded, (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded)));

        var bmp = string.Create(17000, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(0x400 + (i % 500));
            }
        });
        var bmpEncoded = EncodeBytes(e => e.WriteCharacterString(bmp, PermittedAlphabet.BmpString, PerSizeConstraint.Unbounded));
        Assert.Equal(1 + (16384 * 2) + 2 + (616 * 2), bmpEncoded.Length);
        Assert.Equal(bmp, Decode(bmpEncoded, (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.BmpString, PerSizeConstraint.Unbounded)));
    }

    [Theory]
    [InlineData("01F0", "NumericString")] // index 15 of an 11-character alphabet
    [InlineData("0180", "IA5String")]     // value 128 is not IA5
    public void Characters_outside_the_alphabet_are_reported(string hex, string alphabetName)
    {
        var alphabet = alphabetName == "IA5String" ? PermittedAlphabet.IA5String : PermittedAlphabet.NumericString;
        var error = DecodeError(Convert.FromHexString(hex), (ref PerDecoder d) => d.ReadCharacterString(alphabet, PerSizeConstraint.Unbounded));
        Assert.Equal(PerDecodeErrorReason.InvalidCharacter, error.Reason);
        Assert.Equal(8, error.BitPosition);
    }

    private static (int, int, bool) Describe(PermittedAlphabet alphabet) =>
        (alphabet.Count, alphabet.CharacterWidth, alphabet.UsesIndices);
}
