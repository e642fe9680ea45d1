using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>ENUMERATED (§13), CHOICE (§23), SEQUENCE extensions (§19), SEQUENCE OF counts (§20) and open types (§10.2).</summary>
public sealed class PerStructureTests
{
    [Fact]
    public void Enumerated_root_and_extension()
    {
        // ENUMERATED {a, b, c}: index in 2 bits.
        Assert.Equal("80", Encode(e => e.WriteEnumerated(2, 3)));

        // ENUMERATED {a, b, c, ...}: extension bit 0, index 2 = 10 -> 010.
        Assert.Equal("40", Encode(e => e.WriteEnumerated(2, 3, extensible: true)));

        // First extension value: 1, then normally small 0 = 0 000000.
        Assert.Equal(("80", 8L), EncodeWithBits(e => e.WriteEnumeratedExtension(0)));
        Assert.Equal((0, true), Decode("80", (ref PerDecoder d) => (d.ReadEnumerated(3, true, out var ext), ext)));

        // A single root value takes no bits at all (§10.5.4).
        Assert.Equal(0, EncodeWithBits(e => e.WriteEnumerated(0, 1)).Bits);
    }

    [Fact]
    public void Choice_root_index_and_extension_alternative()
    {
        // CHOICE with 5 root alternatives, extensible: 0 + index 4 in 3 bits = 0100.
        Assert.Equal("40", Encode(e => e.WriteChoiceIndex(4, 5, extensible: true)));

        // Extension alternative 2: 1 + 0 000010, then the open type (length 1, BOOLEAN TRUE padded).
        var hex = Encode(e =>
        {
            e.WriteChoiceExtensionIndex(2);
            var token = e.BeginOpenType();
            e.WriteBoolean(true);
            e.EndOpenType(token);
        });
        Assert.Equal("820180", hex);
        var (index, isExtension, value) = Decode(hex, (ref PerDecoder d) =>
        {
            var i = d.ReadChoiceIndex(5, true, out var ext);
            var scope = d.BeginOpenType();
            var v = d.ReadBoolean();
            d.EndOpenType(scope);
            return (i, ext, v);
        });
        Assert.Equal((2, true, true), (index, isExtension, value));
    }

    [Fact]
    public void Empty_open_type_is_one_zero_octet()
    {
        // §10.1.3: a NULL inside an open type still takes one octet.
        Assert.Equal("0100", Encode(e => e.EndOpenType(e.BeginOpenType())));
        Assert.Equal("0100", Encode(e => e.WriteOpenType(ReadOnlySpan<byte>.Empty)));
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(40000)]
    public void Open_type_written_in_place_matches_one_written_from_octets(int length)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload);
        var inPlace = EncodeBytes(e =>
        {
            e.WriteBit(true);
            var token = e.BeginOpenType();
            e.WriteOctetString(payload, PerSizeConstraint.Fixed(length));
            e.EndOpenType(token);
            e.WriteInteger(7, 0, 7);
        });
        var fromOctets = EncodeBytes(e =>
        {
            e.WriteBit(true);
            e.WriteOpenType(payload);
            e.WriteInteger(7, 0, 7);
        });
        Assert.Equal(fromOctets, inPlace);

        var roundTrip = Decode(inPlace, (ref PerDecoder d) =>
        {
            Assert.True(d.ReadBit());
            var open = d.ReadOpenType();
            Assert.Equal(7, d.ReadInteger(0, 7));
            return open;
        });
        Assert.Equal(payload, roundTrip.Encoding.ToArray());
    }

    [Fact]
    public void Nested_open_types()
    {
        var hex = Encode(e =>
        {
            var outer = e.BeginOpenType();
            e.WriteBoolean(true);
            var inner = e.BeginOpenType();
            e.WriteInteger(3, 0, 3);
            e.EndOpenType(inner);
            e.EndOpenType(outer);
        });
        // Outer: length 3 = [80 (TRUE + padding), 01 C0 (inner open type: length 1, 11 padded)].
        Assert.Equal("038001C0", hex);
    }

    [Fact]
    public void Extension_additions_bitmap()
    {
        // Normally small length 3 -> 0 000010, then bits 101.
        Assert.Equal(("0540", 10L), EncodeWithBits(e => e.WriteExtensionAdditionsBitmap([true, false, true])));
    }

    [Fact]
    public void Sequence_of_counts()
    {
        // SIZE (0..10): 4 bits. SIZE (2): nothing. Unbounded: a length octet. SIZE (1..2, ...) out of root: 1 + length.
        Assert.Equal(("30", 4L), EncodeWithBits(e => e.WriteCount(3, PerSizeConstraint.Range(0, 10))));
        Assert.Equal(0, EncodeWithBits(e => e.WriteCount(2, PerSizeConstraint.Fixed(2))).Bits);
        Assert.Equal("03", Encode(e => e.WriteCount(3, PerSizeConstraint.Unbounded)));
        Assert.Equal("8003", Encode(e => e.WriteCount(3, PerSizeConstraint.Range(1, 2, extensible: true))));
        Assert.Equal(3, Decode("8003", (ref PerDecoder d) => d.ReadCount(PerSizeConstraint.Range(1, 2, extensible: true), 0)));

        // A count outside a non-extensible unbounded root (SIZE (1..MAX) with 0) is a constraint violation.
        var error = DecodeError([0x00], (ref PerDecoder d) => d.ReadCount(PerSizeConstraint.AtLeast(1)));
        Assert.Equal(PerDecodeErrorReason.ConstraintViolation, error.Reason);
    }

    [Fact]
    public void Sample_message_round_trips_in_both_versions()
    {
        foreach (var version in new[] { 1, 2 })
        {
            var message = SampleMessage.Typical with { Extra = version == 2 ? 1000 : null, Colour = version == 2 ? 3 : 1 };
            var bytes = SampleMessage.Encode(message, version);
            var decoded = Decode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, version));
            Assert.Equal(bytes, SampleMessage.Encode(decoded, version));
            Assert.Equal(message.DigitsValue, decoded.DigitsValue);
            Assert.Equal(message.Name, decoded.Name);
            Assert.Equal(message.Extra, decoded.Extra);
            Assert.Equal(message.Colour, decoded.Colour);
            Assert.Equal(message.Wide, decoded.Wide);
            Assert.Equal(message.Items, decoded.Items);
        }
    }

    [Fact]
    public void Unknown_additions_alternatives_and_enumerations_re_encode_byte_exact()
    {
        var newer = SampleMessage.Typical with { Extra = 42, Colour = 3, Alt = 3, AltD = [9, 8, 7] };
        var bytes = SampleMessage.Encode(newer, version: 2);

        // A version-1 reader keeps what it does not know as raw open types ...
        var older = Decode(bytes, (ref PerDecoder d) => SampleMessage.Read(ref d, version: 1));
        Assert.Equal(-1, older.Alt);
        Assert.Equal(1, older.UnknownAltIndex);
        Assert.Equal(-1, older.Colour);
        var unknown = Assert.Single(older.UnknownAdditions);
        Assert.Equal(1, unknown.Index);
        Assert.Equal("n", older.Note);

        // ... and relays the message unchanged.
        Assert.Equal(bytes, SampleMessage.Encode(older, version: 1));
    }
}
