using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>Bad input is an answer: truncation, absurd lengths, bad indices, and the type path.</summary>
public sealed class PerDecoderRobustnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Truncation_at_every_bit_position_reports_truncated(int version)
    {
        var bytes = SampleMessage.Encode(SampleMessage.Typical with { Extra = version == 2 ? 999 : null }, version);
        long consumed = 0;
        Assert.True(PerDecoder.TryDecode(bytes, (ref PerDecoder d) =>
        {
            var m = SampleMessage.Read(ref d, version);
            consumed = d.BitPosition;
            return m;
        }, out _, out _));
        Assert.True(consumed > 100);

        for (long bits = 0; bits < consumed; bits++)
        {
            var ok = PerDecoder.TryDecode(bytes, bits, (ref PerDecoder d) => SampleMessage.Read(ref d, version), out _, out var error);
            Assert.False(ok, $"decoded from {bits} of {consumed} bits");
            Assert.True(error.Reason == PerDecodeErrorReason.Truncated, $"at {bits} bits: {error}");
            Assert.True(error.BitPosition <= bits, $"at {bits} bits: {error}");
            Assert.True(error.Path.StartsWith("Sample", StringComparison.Ordinal), $"at {bits} bits: {error}");
        }
    }

    [Fact]
    public void Length_claiming_a_gigabyte_fails_without_allocating()
    {
        // Fragments claiming 4 x 16K octets each, 16384 times over (2^30 octets), with nothing behind the first header.
        var input = new byte[] { 0xC4, 0x01, 0x02 };
        PerDecoder.TryDecode(input, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded), out _, out _); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = PerDecoder.TryDecode(input, (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded), out _, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(ok);
        Assert.Equal(PerDecodeErrorReason.Truncated, error.Reason);
        Assert.True(allocated < 16 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Counts_and_strings_are_checked_against_remaining_bits_before_allocating()
    {
        // A SEQUENCE OF count of 16383 (two-octet form) with three octets of input.
        var count = DecodeError([0xBF, 0xFF, 0x00], (ref PerDecoder d) => d.ReadCount(PerSizeConstraint.Unbounded));
        Assert.Equal(PerDecodeErrorReason.Truncated, count.Reason);

        // A BMPString claiming 16383 characters.
        var bmp = DecodeError([0xBF, 0xFF, 0x00, 0x41], (ref PerDecoder d) => d.ReadCharacterString(PermittedAlphabet.BmpString, PerSizeConstraint.Unbounded));
        Assert.Equal(PerDecodeErrorReason.Truncated, bmp.Reason);

        // An extension bitmap claiming 16383 additions.
        var bitmap = DecodeError([0x80, 0xBF, 0xFF], (ref PerDecoder d) => d.ReadExtensionAdditionsCount());
        Assert.Equal(PerDecodeErrorReason.Truncated, bitmap.Reason);

        // An open type claiming more octets than remain.
        var open = DecodeError([0x05, 0x00], (ref PerDecoder d) =>
        {
            var scope = d.BeginOpenType();
            d.EndOpenType(scope);
            return 0;
        });
        Assert.Equal(PerDecodeErrorReason.Truncated, open.Reason);
    }

    [Fact]
    public void Invalid_fragment_multiplier_is_reported()
    {
        var error = DecodeError([0xC5, 0x00], (ref PerDecoder d) => d.ReadOctetString(PerSizeConstraint.Unbounded));
        Assert.Equal(PerDecodeErrorReason.InvalidLength, error.Reason);
    }

    [Fact]
    public void Enumeration_and_choice_indices_beyond_the_root_are_reported()
    {
        // Three root values need 2 bits; 11 = 3 is not one of them.
        var enumeration = DecodeError([0xC0], (ref PerDecoder d) => d.ReadEnumerated(3));
        Assert.Equal(PerDecodeErrorReason.InvalidEnumeration, enumeration.Reason);

        // Extensible CHOICE of 3 root alternatives: extension bit 0, index 11.
        var choice = DecodeError([0x60], (ref PerDecoder d) => d.ReadChoiceIndex(3, true, out _));
        Assert.Equal(PerDecodeErrorReason.InvalidChoiceIndex, choice.Reason);
        Assert.Equal(1, choice.BitPosition);
    }

    [Fact]
    public void Reading_past_the_end_of_an_open_type_is_truncated_and_the_rest_is_skipped()
    {
        // Open type of 1 octet holding 0xFF, then a trailing octet 0x42.
        var beyond = DecodeError([0x01, 0xFF, 0x42], (ref PerDecoder d) =>
        {
            var scope = d.BeginOpenType();
            var value = d.ReadInteger(0, 65535); // needs 16 bits, the open type has 8
            d.EndOpenType(scope);
            return value;
        });
        Assert.Equal(PerDecodeErrorReason.Truncated, beyond.Reason);

        // Reading less than the open type holds skips the rest (padding, or additions we do not know).
        var next = Decode([0x02, 0x80, 0x00, 0x42], (ref PerDecoder d) =>
        {
            var scope = d.BeginOpenType();
            Assert.True(d.ReadBoolean());
            d.EndOpenType(scope);
            return d.ReadInteger(0, 255);
        });
        Assert.Equal(0x42, next);
    }

    [Fact]
    public void Path_names_nested_components_and_indices()
    {
        var error = DecodeError([0x00], (ref PerDecoder d) =>
        {
            d.PushPath("H323-UserInformation");
            d.PushPath("h323-uu-pdu");
            d.PushPath("h323-message-body");
            d.PushPath("setup");
            d.PushPath("sourceAddress");
            d.PushIndex(1);
            return d.ReadInteger(0, 65535);
        });
        Assert.Equal("H323-UserInformation.h323-uu-pdu.h323-message-body.setup.sourceAddress[1]", error.Path);
        Assert.Equal(PerDecodeErrorReason.Truncated, error.Reason);
    }

    [Fact]
    public void Deep_paths_are_bounded_and_marked()
    {
        var error = DecodeError([], (ref PerDecoder d) =>
        {
            for (var i = 0; i < 40; i++)
            {
                d.PushPath("n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return d.ReadBit();
        });
        Assert.StartsWith("n0.n1.", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("n31.…", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_lengths_of_zero_or_too_many_octets_are_reported()
    {
        Assert.Equal(PerDecodeErrorReason.InvalidLength, DecodeError([0x00], (ref PerDecoder d) => d.ReadUnconstrainedInteger()).Reason);
        Assert.Equal(PerDecodeErrorReason.ValueTooLarge,
            DecodeError(Convert.FromHexString("09010000000000000000"), (ref PerDecoder d) => d.ReadSemiConstrainedInteger(0L)).Reason);
        Assert.Equal(PerDecodeErrorReason.ValueTooLarge,
            DecodeError(Convert.FromHexString("08FFFFFFFFFFFFFFFF"), (ref PerDecoder d) => d.ReadSemiConstrainedInteger(1L)).Reason);
    }
}
