using CsCheck;
using Signalling.H323.Per;

namespace Signalling.H323.Tests.Per;

/// <summary>CsCheck properties: encode → decode round trips over random values and constraints; random bytes never throw.</summary>
public sealed class PerPropertyTests
{
    private static T RoundTrip<T>(Action<PerEncoder> write, PerDecodeFunc<T> read, out long encodedBits, out long decodedBits)
    {
        using var encoder = new PerEncoder(16);
        write(encoder);
        encodedBits = encoder.BitLength;
        var bytes = encoder.ToArray();
        long consumed = 0;
        var ok = PerDecoder.TryDecode(bytes, (ref PerDecoder d) =>
        {
            var value = read(ref d);
            consumed = d.BitPosition;
            return value;
        }, out var result, out var error);
        Assert.True(ok, error.ToString());
        decodedBits = consumed;
        return result!;
    }

    private static readonly Gen<(long Lb, long Ub, long Value)> ConstrainedLong =
        Gen.Select(Gen.Long, Gen.OneOf(Gen.ULong[0, 300], Gen.ULong[250, 70000], Gen.ULong), Gen.ULong)
            .Select((lb, span, pick) =>
            {
                var ub = unchecked(lb + (long)span);
                if (ub < lb)
                {
                    (lb, ub) = (ub, lb);
                }

                var width = unchecked((ulong)(ub - lb));
                var offset = width == ulong.MaxValue ? pick : pick % (width + 1);
                return (lb, ub, unchecked(lb + (long)offset));
            });

    [Fact]
    public void Constrained_integers_round_trip()
    {
        ConstrainedLong.Sample(t =>
        {
            var decoded = RoundTrip(e => e.WriteInteger(t.Value, t.Lb, t.Ub), (ref PerDecoder d) => d.ReadInteger(t.Lb, t.Ub), out var w, out var r);
            Assert.Equal(t.Value, decoded);
            Assert.Equal(w, r);
        }, iter: 2000);
    }

    [Fact]
    public void Extensible_integers_round_trip_inside_and_outside_the_root()
    {
        Gen.Select(ConstrainedLong, Gen.Long, Gen.Bool).Sample((t, other, outside) =>
        {
            var value = outside ? other : t.Value;
            var decoded = RoundTrip(e => e.WriteExtensibleInteger(value, t.Lb, t.Ub), (ref PerDecoder d) => d.ReadExtensibleInteger(t.Lb, t.Ub), out var w, out var r);
            Assert.Equal(value, decoded);
            Assert.Equal(w, r);
        }, iter: 2000);
    }

    [Fact]
    public void Unsigned_semi_and_unconstrained_integers_round_trip()
    {
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Long, Gen.Long).Sample((a, b, c, d) =>
        {
            var (lo, hi) = a <= b ? (a, b) : (b, a);
            Assert.Equal(hi, RoundTrip(e => e.WriteInteger(hi, lo, hi), (ref PerDecoder x) => x.ReadInteger(lo, hi), out _, out _));
            Assert.Equal(hi, RoundTrip(e => e.WriteSemiConstrainedInteger(hi, lo), (ref PerDecoder x) => x.ReadSemiConstrainedInteger(lo), out _, out _));
            var (slo, shi) = c <= d ? (c, d) : (d, c);
            Assert.Equal(shi, RoundTrip(e => e.WriteSemiConstrainedInteger(shi, slo), (ref PerDecoder x) => x.ReadSemiConstrainedInteger(slo), out _, out _));
            Assert.Equal(c, RoundTrip(e => e.WriteUnconstrainedInteger(c), (ref PerDecoder x) => x.ReadUnconstrainedInteger(), out _, out _));
        }, iter: 2000);
    }

    [Fact]
    public void Small_numbers_enumerations_and_choices_round_trip()
    {
        Gen.Select(Gen.Int[0, 100000], Gen.Int[1, 300], Gen.Int[0, 299], Gen.Bool).Sample((small, rootCount, pick, extensible) =>
        {
            var index = pick % rootCount;
            Assert.Equal(small, RoundTrip(e => e.WriteNormallySmallNumber((ulong)small), (ref PerDecoder d) => d.ReadNormallySmallNumber(), out _, out _));
            Assert.Equal(index, RoundTrip(e => e.WriteEnumerated(index, rootCount, extensible), (ref PerDecoder d) => d.ReadEnumerated(rootCount, extensible, out _), out _, out _));
            Assert.Equal((small, true), RoundTrip(e => e.WriteChoiceExtensionIndex(small), (ref PerDecoder d) => (d.ReadChoiceIndex(rootCount, true, out var ext), ext), out _, out _));
            var length = (small % 16383) + 1;
            Assert.Equal(length, RoundTrip(e => e.WriteNormallySmallLength(length), (ref PerDecoder d) => d.ReadNormallySmallLength(), out _, out _));
        }, iter: 2000);
    }

    private static readonly Gen<PerSizeConstraint> SizeConstraint =
        Gen.Select(Gen.Int[0, 20], Gen.OneOf(Gen.Int[0, 3], Gen.Int[0, 300], Gen.Int[60000, 70000], Gen.Const(-1)), Gen.Bool)
            .Select((lb, extra, extensible) => extra < 0
                ? PerSizeConstraint.AtLeast(lb, extensible)
                : PerSizeConstraint.Range(lb, lb + extra, extensible));

    private static int PickSize(PerSizeConstraint size, int pick, bool outside)
    {
        if (outside && size.IsExtensible && size.LowerBound > 0)
        {
            return pick % size.LowerBound;
        }

        var max = Math.Min(size.UpperBound, 400);
        return size.LowerBound + (pick % (max - size.LowerBound + 1));
    }

    [Fact]
    public void Octet_and_bit_strings_round_trip_under_random_size_constraints()
    {
        Gen.Select(SizeConstraint, Gen.Int[0, int.MaxValue], Gen.Bool, Gen.Bool, Gen.Byte.Array[400, 400]).Sample((size, pick, outside, prefix, data) =>
        {
            var n = PickSize(size, pick, outside);
            var value = data.AsSpan(0, n).ToArray();
            var octets = RoundTrip(
                e =>
                {
                    e.WriteBit(prefix);
                    e.WriteOctetString(value, size);
                },
                (ref PerDecoder d) =>
                {
                    Assert.Equal(prefix, d.ReadBit());
                    return d.ReadOctetString(size);
                },
                out var w,
                out var r);
            Assert.Equal(value, octets);
            Assert.Equal(w, r);

            var bitBytes = data.AsSpan(0, (n + 7) / 8).ToArray();
            if ((n & 7) != 0)
            {
                bitBytes[^1] &= (byte)(0xFF << (8 - (n & 7)));
            }

            var bits = RoundTrip(
                e =>
                {
                    e.WriteBit(prefix);
                    e.WriteBitString(bitBytes, n, size);
                },
                (ref PerDecoder d) =>
                {
                    d.ReadBit();
                    return (d.ReadBitString(size, out var count), count);
                },
                out _,
                out _);
            Assert.Equal(n, bits.count);
            Assert.Equal(bitBytes, bits.Item1);
        }, iter: 1000);
    }

    [Fact]
    public void Character_strings_round_trip_under_random_alphabets_and_sizes()
    {
        var alphabetChars = Gen.OneOf(
            Gen.String[Gen.Char['0', '9'], 1, 10],
            Gen.String[Gen.Char['\0', '\u007F'], 1, 40],
            Gen.String[Gen.Char[' ', '~'], 1, 120],
            Gen.String[Gen.Char['\u0100', '\u4FFF'], 1, 300],
            Gen.Const("\u0000\u0001\u0003"));
        Gen.Select(alphabetChars, SizeConstraint, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue].Array[400, 400], Gen.Bool).Sample((chars, size, pick, picks, outside) =>
        {
            var alphabet = PermittedAlphabet.FromCharacters(chars);
            var n = PickSize(size, pick, outside);
            var value = new string(picks.AsSpan(0, n).ToArray().Select(p => chars[p % chars.Length]).ToArray());
            var decoded = RoundTrip(
                e =>
                {
                    e.WriteBit(true);
                    e.WriteCharacterString(value, alphabet, size);
                },
                (ref PerDecoder d) =>
                {
                    d.ReadBit();
                    return d.ReadCharacterString(alphabet, size);
                },
                out var w,
                out var r);
            Assert.Equal(value, decoded);
            Assert.Equal(w, r);
        }, iter: 1000);
    }

    [Fact]
    public void Object_identifiers_round_trip()
    {
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 39], Gen.UInt.Array[0, 8]).Sample((first, second, rest) =>
        {
            var oid = string.Join('.', new[] { first.ToString(System.Globalization.CultureInfo.InvariantCulture), second.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(rest.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(oid, RoundTrip(e => e.WriteObjectIdentifier(oid), (ref PerDecoder d) => d.ReadObjectIdentifier(), out _, out _));
        }, iter: 1000);
    }

    private static readonly Gen<SampleMessage> Messages =
        Gen.Select(
            Gen.Select(Gen.Bool, Gen.Long[0, 7], Gen.Long[0, 255], Gen.ULong[0, 4294967295], Gen.Long, Gen.Long[-10, long.MaxValue], Gen.Long),
            Gen.Select(Gen.Int[0, 3], Gen.String[Gen.OneOfConst('0', '5', '9', '#', '*', ','), 1, 128], Gen.String[Gen.Char, 0, 256], Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 4]),
            Gen.Select(Gen.Int[0, 32], Gen.Int[0, 65535].Array[0, 10], Gen.Int[0, 3], Gen.String[Gen.Char['\0', '\u007F'], 0, 200], Gen.Int[0, 1000].Nullable(), Gen.String[Gen.Char[' ', '~'], 0, 20].Null()))
            .Select((a, b, c) => new SampleMessage
            {
                Flag = a.Item1,
                Small = a.Item2,
                Octet = a.Item3,
                Wide = a.Item4,
                Ext = a.Item5,
                Semi = a.Item6,
                Any = a.Item7,
                Colour = b.Item1,
                DigitsValue = b.Item2,
                Name = b.Item3.Length == 0 ? null : b.Item3,
                Data = b.Item4,
                Bits = MaskBits(b.Item5, Math.Min(c.Item1, b.Item5.Length * 8)),
                BitCount = Math.Min(c.Item1, b.Item5.Length * 8),
                Items = c.Item2,
                Alt = c.Item3,
                AltB = c.Item3 == 1 ? 2 : 0,
                AltC = c.Item3 == 2 ? c.Item4 : string.Empty,
                AltD = c.Item3 == 3 ? b.Item4 : [],
                Extra = c.Item5,
                Note = c.Item6,
            });

    private static byte[] MaskBits(byte[] bytes, int count)
    {
        var result = bytes.AsSpan(0, (count + 7) / 8).ToArray();
        if ((count & 7) != 0)
        {
            result[^1] &= (byte)(0xFF << (8 - (count & 7)));
        }

        return result;
    }

    [Fact]
    public void Random_messages_round_trip_and_relay_byte_exact_through_an_older_reader()
    {
        Messages.Sample(message =>
        {
            var bytes = SampleMessage.Encode(message, version: 2);
            Assert.True(PerDecoder.TryDecode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, 2), out var current, out var error), error.ToString());
            Assert.Equal(bytes, SampleMessage.Encode(current!, version: 2));
            Assert.Equal(message.Name, current!.Name);
            Assert.Equal(message.Data, current.Data);
            Assert.Equal(message.Any, current.Any);

            Assert.True(PerDecoder.TryDecode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, 1), out var older, out error), error.ToString());
            Assert.Equal(bytes, SampleMessage.Encode(older!, version: 1));
        }, iter: 500);
    }

    [Fact]
    public void Random_bytes_never_throw_out_of_the_top_level_decode()
    {
        Gen.Select(Gen.Byte.Array[0, 200], SizeConstraint).Sample((bytes, size) =>
        {
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, 1), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, 2), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadOctetString(size), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadBitString(size, out _), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.NumericString, size), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.BmpString, size), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadObjectIdentifier(), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadCount(size), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadOpenType(), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadInteger(long.MinValue, long.MaxValue), out _, out _);
            PerDecoder.TryDecode(bytes, (ref PerDecoder d) => d.ReadSemiConstrainedInteger(-5L), out _, out _);
        }, iter: 5000);
    }
}
