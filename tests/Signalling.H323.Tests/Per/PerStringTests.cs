using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>Length determinants (§10.9), OCTET STRING (§17), BIT STRING (§16) and OBJECT IDENTIFIER (§24).</summary>
public sealed class PerStringTests
{
    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 7) + 1);
        }

        return bytes;
    }

    [Theory]
    // §10.9.3.6: one octet below 128; §10.9.3.7: 10 + 14 bits below 16K.
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8080")]
    [InlineData(16383, "BFFF")]
    public void Unconstrained_length_forms(int length, string header)
    {
        var value = Pattern(length);
        var encoded = EncodeBytes(e => e.WriteOctetString(value, PerSizeConstraint.Unbounded));
        Assert.Equal(header, Convert.ToHexString(encoded, 0, header.Length / 2));
        Assert.Equal(header.Length / 2 + length, encoded.Length);
        Assert.Equal(value, Decode(encoded, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Length_16384_is_one_fragment_then_a_zero_length()
    {
        // §10.9.3.8: 11 000001 (one 16K fragment), the octets, then a final length of 0.
        var value = Pattern(16384);
        var encoded = EncodeBytes(e => e.WriteOctetString(value, PerSizeConstraint.Unbounded));
        Assert.Equal(1 + 16384 + 1, encoded.Length);
        Assert.Equal(0xC1, encoded[0]);
        Assert.Equal(0x00, encoded[^1]);
        Assert.Equal(value, Decode(encoded, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Length_65536_is_one_4x16K_fragment_then_a_zero_length()
    {
        var value = Pattern(65536);
        var encoded = EncodeBytes(e => e.WriteOctetString(value, PerSizeConstraint.Unbounded));
        Assert.Equal(1 + 65536 + 1, encoded.Length);
        Assert.Equal(0xC4, encoded[0]);
        Assert.Equal(0x00, encoded[^1]);
        Assert.Equal(value, Decode(encoded, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Fragmented_octet_string_of_70000_round_trips()
    {
        // 70000 = 65536 (C4) + 4464 (0x1170 -> 91 70).
        var value = Pattern(70000);
        var encoded = EncodeBytes(e => e.WriteOctetString(value, PerSizeConstraint.Unbounded));
        Assert.Equal(1 + 65536 + 2 + 4464, encoded.Length);
        Assert.Equal(0xC4, encoded[0]);
        Assert.Equal(0x91, encoded[1 + 65536]);
        Assert.Equal(0x70, encoded[2 + 65536]);
        Assert.Equal(value, Decode(encoded, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded)));

        // Also when the string starts at an odd bit: the fragments are still octet-aligned.
        var shifted = EncodeBytes(e =>
        {
            e.WriteBit(true);
            e.WriteOctetString(value, PerSizeConstraint.Unbounded);
        });
        Assert.Equal(0x80, shifted[0]);
        Assert.Equal(0xC4, shifted[1]);
        var decoded = Decode(shifted, (ref PerDecoder d) =>
        {
            Assert.True(d.ReadBit());
            return d.ReadOctetString(PerSizeConstraint.Unbounded);
        });
        Assert.Equal(value, decoded);
    }

    [Fact]
    public void Fragmented_length_of_32768_plus_remainder_uses_m_equals_2()
    {
        var value = Pattern(32768 + 5);
        var encoded = EncodeBytes(e => e.WriteOctetString(value, PerSizeConstraint.Unbounded));
        Assert.Equal(0xC2, encoded[0]);
        Assert.Equal(0x05, encoded[1 + 32768]);
        Assert.Equal(value, Decode(encoded, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded)));
    }

    [Fact]
    public void Fixed_size_octet_strings()
    {
        // §17.6: two octets or fewer are not aligned: 1 then AB CD straight after.
        Assert.Equal("D5E680", Encode(e =>
        {
            e.WriteBit(true);
            e.WriteOctetString([0xAB, 0xCD], PerSizeConstraint.Fixed(2));
        }));

        // §17.7: three octets are aligned, no length.
        Assert.Equal("80ABCDEF", Encode(e =>
        {
            e.WriteBit(true);
            e.WriteOctetString([0xAB, 0xCD, 0xEF], PerSizeConstraint.Fixed(3));
        }));

        // §17.5: zero octets, nothing at all.
        Assert.Equal(0, EncodeWithBits(e => e.WriteOctetString([], PerSizeConstraint.Fixed(0))).Bits);

        var decoded = Decode("D5E680", (ref PerDecoder d) =>
        {
            Assert.True(d.ReadBit());
            return d.ReadOctetString(PerSizeConstraint.Fixed(2));
        });
        Assert.Equal(new byte[] { 0xAB, 0xCD }, decoded);
    }

    [Fact]
    public void Ranged_octet_string_has_constrained_length_and_aligned_octets()
    {
        // SIZE (0..10): after the leading bit, length 1 in 4 bits (1 0001), pad, then the octet (§17.8).
        Assert.Equal("88AB", Encode(e =>
        {
            e.WriteBit(true);
            e.WriteOctetString([0xAB], PerSizeConstraint.Range(0, 10));
        }));

        // An empty value: length 0 and no padding (§10.9.3.3 NOTE: an empty aligned field adds none).
        var (hex, bits) = EncodeWithBits(e =>
        {
            e.WriteBit(true);
            e.WriteOctetString([], PerSizeConstraint.Range(0, 10));
        });
        Assert.Equal("80", hex);
        Assert.Equal(5, bits);
    }

    [Fact]
    public void Extensible_size_octet_string()
    {
        var size = PerSizeConstraint.Range(1, 4, extensible: true);

        // In root: 0, length 1 - 1 = 0 in 2 bits, align, octet.
        Assert.Equal("0011", Encode(e => e.WriteOctetString([0x11], size)));

        // Out of root: 1, then an unconstrained length and the octets.
        var big = Pattern(5);
        var hex = Encode(e => e.WriteOctetString(big, size));
        Assert.Equal("8005" + Convert.ToHexString(big), hex);
        Assert.Equal(big, Decode(hex, (ref PerDecoder d) => d.ReadOctetString(size)));
    }

    [Fact]
    public void Bit_strings()
    {
        // §16.9: fixed size <= 16 bits, no length, not aligned.
        Assert.Equal(("B0", 4L), EncodeWithBits(e => e.WriteBitString([0xB0], 4, PerSizeConstraint.Fixed(4))));

        // §16.10: fixed 17 bits, aligned.
        var seventeen = new byte[] { 0xFF, 0x00, 0x80 };
        Assert.Equal("80FF0080", Encode(e =>
        {
            e.WriteBit(true);
            e.WriteBitString(seventeen, 17, PerSizeConstraint.Fixed(17));
        }));

        // §16.11: SIZE (0..255) has range 256, so the length is one aligned octet, then the aligned bits.
        var hex = Encode(e => e.WriteBitString([0xA5, 0xC0], 10, PerSizeConstraint.Range(0, 255)));
        Assert.Equal("0AA5C0", hex);
        var bits = Decode(hex, (ref PerDecoder d) => (d.ReadBitString(PerSizeConstraint.Range(0, 255), out var count), count));
        Assert.Equal(10, bits.count);
        Assert.Equal(new byte[] { 0xA5, 0xC0 }, bits.Item1);

        // Unbounded and fragmented in units of 16K bits.
        var large = Pattern(5000); // 40000 bits = 2 x 16K + 7232
        var encoded = EncodeBytes(e => e.WriteBitString(large, 40000, PerSizeConstraint.Unbounded));
        Assert.Equal(0xC2, encoded[0]);
        var decoded = Decode(encoded, (ref PerDecoder d) => (d.ReadBitString(PerSizeConstraint.Unbounded, out var count), count));
        Assert.Equal(40000, decoded.count);
        Assert.Equal(large, decoded.Item1);
    }

    [Fact]
    public void Unbounded_sizes_below_the_root_lower_bound_are_constraint_violations()
    {
        // SIZE (2..MAX, ...): extension bit 0 (in root), then a length of 1, which the root does not allow.
        var size = PerSizeConstraint.AtLeast(2, extensible: true);
        var bits = DecodeError([0x00, 0x01, 0x80], (ref PerDecoder d) => d.ReadBitString(size, out _));
        Assert.Equal(PerDecodeErrorReason.ConstraintViolation, bits.Reason);
        var octets = DecodeError([0x00, 0x01, 0x80], (ref PerDecoder d) => d.ReadOctetString(size));
        Assert.Equal(PerDecodeErrorReason.ConstraintViolation, octets.Reason);

        // With the extension bit set the same length is accepted (it is outside the root by design).
        Assert.Equal(new byte[] { 0x80 }, Decode([0x80, 0x01, 0x80], (ref PerDecoder d) => d.ReadOctetString(size)));
    }

    [Theory]
    // H.225.0 protocolIdentifier for version 4: 0.0.8.2250.0.4 -> BER contents 00 08 91 4A 00 04.
    [InlineData("0.0.8.2250.0.4", "060008914A0004")]
    [InlineData("1.2.840.113549", "062A864886F70D")]
    public void Object_identifier_is_length_and_ber_contents(string oid, string expected)
    {
        var hex = Encode(e => e.WriteObjectIdentifier(oid));
        Assert.Equal(expected, hex);
        Assert.Equal(oid, Decode(hex, (ref PerDecoder d) => d.ReadObjectIdentifier()));
    }

    [Fact]
    public void Object_identifier_with_bad_contents_is_reported()
    {
        // Contents 0x80 alone: a subidentifier that never ends (X.690 §8.19.2).
        var error = DecodeError([0x01, 0x80], (ref PerDecoder d) => d.ReadObjectIdentifier());
        Assert.Equal(PerDecodeErrorReason.InvalidObjectIdentifier, error.Reason);
    }
}
