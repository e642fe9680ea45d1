using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>INTEGER and whole-number encodings derived by hand from X.691 (08/2015) §10.5–§10.8, §12.</summary>
public sealed class PerIntegerTests
{
    [Theory]
    // §10.5.7.1: range <= 255, minimal bit-field, not aligned. (0..7) 5 = 101, padded by §10.1.
    [InlineData(5L, 0L, 7L, "A0", 3)]
    [InlineData(0L, 0L, 1L, "00", 1)]
    [InlineData(1L, 0L, 1L, "80", 1)]
    [InlineData(254L, 0L, 254L, "FE", 8)]
    // §10.5.7.2: range exactly 256, one octet.
    [InlineData(255L, 0L, 255L, "FF", 8)]
    // §10.5.7.3: range 257..64K, two octets.
    [InlineData(256L, 0L, 256L, "0100", 16)]
    [InlineData(65535L, 0L, 65535L, "FFFF", 16)]
    [InlineData(1L, 1L, 65535L, "0000", 16)]
    // §10.5.7.4: range > 64K: length (lb 1, ub = octets for ub - lb) in a short bit-field, then minimal octets.
    [InlineData(65538L, 1L, 65538L, "80010001", 32)]
    [InlineData(1L, 1L, 65538L, "0000", 16)]
    [InlineData(65536L, 0L, 65536L, "80010000", 24 + 8)]
    [InlineData(0L, 0L, 4294967295L, "0000", 16)]
    [InlineData(4294967295L, 0L, 4294967295L, "C0FFFFFFFF", 40)]
    [InlineData(256L, 0L, 4294967295L, "400100", 24)]
    // §10.5.4: range 1 is empty; the complete encoding is then one zero octet (§10.1.3).
    [InlineData(7L, 7L, 7L, "00", 0)]
    // Negative bounds: offset from lb.
    [InlineData(-1L, -4L, 3L, "60", 3)]
    public void Constrained_integer_matches_hand_derivation(long value, long lb, long ub, string hex, long bits)
    {
        var (encoded, bitLength) = EncodeWithBits(e => e.WriteInteger(value, lb, ub));
        Assert.Equal(hex, encoded);
        Assert.Equal(bits, bitLength);
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadInteger(lb, ub)));
    }

    [Fact]
    public void Range_256_octet_is_aligned_after_a_preceding_bit()
    {
        // BOOLEAN TRUE, then INTEGER (0..255) 255: the octet starts at bit 8 (§10.5.7.2), not bit 1.
        var hex = Encode(e =>
        {
            e.WriteBoolean(true);
            e.WriteInteger(255, 0, 255);
        });
        Assert.Equal("80FF", hex);

        // Whereas (0..254) stays a bit-field right after the boolean: 1 11111110.
        Assert.Equal("FF00", Encode(e =>
        {
            e.WriteBoolean(true);
            e.WriteInteger(254, 0, 254);
        }));
    }

    [Fact]
    public void Full_unsigned_64_bit_range_round_trips()
    {
        var hex = Encode(e => e.WriteInteger(ulong.MaxValue, 0UL, ulong.MaxValue));
        // 8 octets needed: length 8 - 1 = 7 in 3 bits (111), aligned, then FF x 8.
        Assert.Equal("E0FFFFFFFFFFFFFFFF", hex);
        Assert.Equal(ulong.MaxValue, Decode(hex, (ref PerDecoder d) => d.ReadInteger(0UL, ulong.MaxValue)));
        Assert.Equal(long.MinValue, Decode(Encode(e => e.WriteInteger(long.MinValue, long.MinValue, long.MaxValue)),
            (ref PerDecoder d) => d.ReadInteger(long.MinValue, long.MaxValue)));
    }

    [Theory]
    // §10.7: (value - lb) in minimal octets after an unconstrained length.
    [InlineData(-5L, -5L, "0100")]
    [InlineData(0L, -5L, "0105")]
    [InlineData(256L, 0L, "020100")]
    [InlineData(-1L, -100L, "0163")]
    public void Semi_constrained_integer(long value, long lb, string hex)
    {
        Assert.Equal(hex, Encode(e => e.WriteSemiConstrainedInteger(value, lb)));
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadSemiConstrainedInteger(lb)));
    }

    [Theory]
    // §10.8: two's complement in minimal octets after an unconstrained length.
    [InlineData(0L, "0100")]
    [InlineData(-1L, "01FF")]
    [InlineData(127L, "017F")]
    [InlineData(128L, "020080")]
    [InlineData(-128L, "0180")]
    [InlineData(-129L, "02FF7F")]
    [InlineData(51L, "0133")]
    [InlineData(long.MinValue, "088000000000000000")]
    [InlineData(long.MaxValue, "087FFFFFFFFFFFFFFF")]
    public void Unconstrained_integer(long value, string hex)
    {
        Assert.Equal(hex, Encode(e => e.WriteUnconstrainedInteger(value)));
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadUnconstrainedInteger()));
    }

    [Theory]
    // §12.1: extension bit 0 + constrained, or extension bit 1 + unconstrained (aligned length).
    [InlineData(5L, "50")]
    [InlineData(8L, "800108")]
    [InlineData(-1L, "8001FF")]
    public void Extensible_integer(long value, string hex)
    {
        Assert.Equal(hex, Encode(e => e.WriteExtensibleInteger(value, 0, 7)));
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadExtensibleInteger(0, 7)));
    }

    [Theory]
    // §10.6.1: 0 + six bits; §10.6.2: 1 + semi-constrained (aligned length, octets).
    [InlineData(5, "0A")]
    [InlineData(63, "7E")]
    [InlineData(64, "800140")]
    [InlineData(300, "8002012C")]
    public void Normally_small_number(int value, string hex)
    {
        Assert.Equal(hex, Encode(e => e.WriteNormallySmallNumber((ulong)value)));
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadNormallySmallNumber()));
    }

    [Theory]
    // §10.9.3.4: 0 + (n - 1) in six bits for n <= 64; otherwise 1 + unconstrained length.
    [InlineData(1, "00")]
    [InlineData(7, "0C")]
    [InlineData(64, "7E")]
    [InlineData(65, "8041")]
    public void Normally_small_length(int value, string hex)
    {
        Assert.Equal(hex, Encode(e => e.WriteNormallySmallLength(value)));
        Assert.Equal(value, Decode(hex, (ref PerDecoder d) => d.ReadNormallySmallLength()));
    }

    [Fact]
    public void Encoder_rejects_values_outside_the_constraint()
    {
        using var encoder = new PerEncoder();
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteInteger(8, 0, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteInteger(-1, 0, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteSemiConstrainedInteger(-6, -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteEnumerated(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteChoiceIndex(5, 5, extensible: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteOctetString(new byte[11], PerSizeConstraint.Range(0, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.WriteCharacterString("12a", PermittedAlphabet.NumericString, PerSizeConstraint.Unbounded));
        Assert.Equal(0, encoder.BitLength);
    }

    [Fact]
    public void Decoder_reports_values_beyond_the_range_as_constraint_violation()
    {
        // (0..4) takes 3 bits; 111 = 7 is not a value of the type.
        var error = DecodeError([0xE0], (ref PerDecoder d) => d.ReadInteger(0, 4));
        Assert.Equal(PerDecodeErrorReason.ConstraintViolation, error.Reason);
        Assert.Equal(0, error.BitPosition);

        // Unconstrained integer with 9 octets does not fit a long.
        var tooLong = DecodeError(Convert.FromHexString("09010203040506070809"), (ref PerDecoder d) => d.ReadUnconstrainedInteger());
        Assert.Equal(PerDecodeErrorReason.ValueTooLarge, tooLong.Reason);
    }
}
