using System.Formats.Asn1;
using System.Globalization;
using CsCheck;
using Signalling.H323.Per;

namespace Signalling.H323.Tests.Per;

/// <summary>
/// The OBJECT IDENTIFIER fast path (X.691 §24, X.690 §8.19) agrees with <see cref="AsnWriter"/> and
/// <see cref="AsnDecoder"/>, which it replaced on the common path: same octets, same strings, same rejections.
/// </summary>
public sealed class PerObjectIdentifierTests
{
    // The PER encoding the general encoder gives: a one-octet length and the BER contents octets.
    private static byte[]? Reference(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        try
        {
            writer.WriteObjectIdentifier(oid);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }

        var tlv = writer.Encode();
        var contents = tlv.AsSpan(2);
        return contents.Length < 128 ? [(byte)contents.Length, .. contents] : null;
    }

    private static byte[]? Encode(string oid)
    {
        using var encoder = new PerEncoder();
        try
        {
            encoder.WriteObjectIdentifier(oid);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }

        return encoder.ToArray();
    }

    [Theory]
    [InlineData("0.0.8.2250.0.4")]
    [InlineData("0.0.8.245.0.13")]
    [InlineData("1.2.840.113549.1.1.1")]
    [InlineData("2.999.1")]
    [InlineData("2.40")]
    [InlineData("2.18446744073709551535")]
    [InlineData("0.39")]
    [InlineData("0.40")]
    [InlineData("1.2.01")]
    [InlineData("1.2.")]
    [InlineData("1..2")]
    [InlineData("3.1")]
    [InlineData("1")]
    [InlineData("1.2.123456789012345678901234567890")]
    [InlineData("1.2.x")]
    [InlineData("01.2")]
    public void Encoding_matches_AsnWriter(string oid)
    {
        var expected = Reference(oid);
        var actual = Encode(oid);
        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Random_dotted_forms_encode_like_AsnWriter()
    {
        var arc = Gen.OneOf(Gen.ULong[0, 200].Select(v => v.ToString(CultureInfo.InvariantCulture)), Gen.ULong.Select(v => v.ToString(CultureInfo.InvariantCulture)), Gen.String[Gen.Char["0123456789."], 0, 4]);
        Gen.Select(Gen.Int[0, 3], arc.Array[1, 6]).Sample((first, rest) =>
        {
            var oid = first.ToString(CultureInfo.InvariantCulture) + "." + string.Join('.', rest);
            var expected = Reference(oid);
            var actual = Encode(oid);
            Assert.Equal(expected is null, actual is null);
            if (expected is not null)
            {
                Assert.Equal(expected, actual);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Random_contents_decode_like_AsnDecoder()
    {
        var octet = Gen.OneOf(Gen.Byte, Gen.Byte[0x80, 0xFF], Gen.Byte[0, 0x7F]);
        octet.Array[1, 20].Sample(contents =>
        {
            string? expected;
            try
            {
                expected = AsnDecoder.ReadObjectIdentifier([0x06, (byte)contents.Length, .. contents], AsnEncodingRules.BER, out _);
            }
            catch (AsnContentException)
            {
                expected = null;
            }

            var ok = PerDecoder.TryDecode([(byte)contents.Length, .. contents], (ref PerDecoder d) => d.ReadObjectIdentifier(), out var actual, out var error);
            Assert.Equal(expected is not null, ok);
            if (ok)
            {
                Assert.Equal(expected, actual);
            }
            else
            {
                Assert.Equal(PerDecodeErrorReason.InvalidObjectIdentifier, error.Reason);
            }
        }, iter: 5000);
    }
}
