using CsCheck;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H235;
using Signalling.H323.Messages.H245;
using Signalling.H323.Per;

namespace Signalling.H323.Tests.Generated;

/// <summary>Behaviour of the generated types that the captures do not exercise: unknown extensions, errors, robustness.</summary>
public sealed class GeneratedCodecTests
{
    private static byte[] Encode(Action<PerEncoder> write)
    {
        using var encoder = new PerEncoder();
        write(encoder);
        return encoder.ToArray();
    }

    private static byte[] Encode(DHset value) => Encode(value.Encode);

    [Fact]
    public void UnknownSequenceExtensionAddition_IsKeptAndReEncodedByteExact()
    {
        // DHset ::= SEQUENCE { halfkey, modSize, generator BIT STRING (SIZE (0..2048)), ... } knows no additions;
        // a newer sender adds two, the second present (X.691 §19.7–§19.9).
        var bytes = Encode(e =>
        {
            e.WriteExtensionBit(true);
            foreach (var bits in new[] { 4, 0, 1 })
            {
                e.WriteBitString([0xF0], bits, PerSizeConstraint.Range(0, 2048));
            }

            e.WriteExtensionAdditionsBitmap([false, true]);
            e.WriteOpenType([0xAB, 0xCD]);
        });

        Assert.True(PerDecoder.TryDecode(bytes, DHset.Decode, out var value, out var error), error.ToString());
        Assert.Equal(4, value.Halfkey.Length);
        Assert.Equal(1, value.Generator.Length);
        var additions = Assert.IsType<UnknownExtensionAdditions>(value.ExtensionAdditions);
        Assert.Equal(2, additions.BitmapLength);
        var item = Assert.Single(additions.Items);
        Assert.Equal(1, item.Key);
        Assert.Equal("ABCD", item.Value.ToString());
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(value)));
    }

    [Fact]
    public void LocallyBuiltSequence_HasNoExtensionBit()
    {
        var value = new DHset { Halfkey = new AsnBitString([0x80], 1), ModSize = new AsnBitString([], 0), Generator = new AsnBitString([], 0) };

        // Extension bit 0, then three lengths of 12 bits (0..2048): 1, 0, 0 and the one bit, aligned.
        var bytes = Encode(value);
        Assert.Equal(0, bytes[0] & 0x80);
        Assert.True(PerDecoder.TryDecode(bytes, DHset.Decode, out var again, out _));
        Assert.Null(again.ExtensionAdditions);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(again)));
    }

    [Fact]
    public void UnknownChoiceAlternative_IsKeptAndReEncodedByteExact()
    {
        // AuthenticationBES ::= CHOICE { default NULL, radius NULL, ... }: extension alternative 5 (X.691 §23.8).
        var bytes = Encode(e =>
        {
            e.WriteChoiceExtensionIndex(5);
            e.WriteOpenType([0x42]);
        });

        Assert.True(PerDecoder.TryDecode(bytes, AuthenticationBES.Decode, out var value, out var error), error.ToString());
        Assert.Equal(AuthenticationBESKind.UnknownExtension, value.Kind);
        Assert.Equal(5, value.UnknownExtensionIndex);
        Assert.Equal("42", value.UnknownExtensionEncoding.ToString());
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(value.Encode)));
    }

    [Fact]
    public void KnownChoiceExtensionAlternative_RoundTripsThroughAnOpenType()
    {
        // AuthenticationMechanism: keyExch OBJECT IDENTIFIER is the second extension alternative.
        var value = AuthenticationMechanism.CreateKeyExch("0.0.8.235.0.3.24");
        var bytes = Encode(value.Encode);

        // Extension bit, normally small index 1, then an open type (length, OID length, contents).
        Assert.Equal(0x81, bytes[0]);
        Assert.True(PerDecoder.TryDecode(bytes, AuthenticationMechanism.Decode, out var again, out _));
        Assert.Equal(AuthenticationMechanismKind.KeyExch, again.Kind);
        Assert.Equal("0.0.8.235.0.3.24", again.KeyExch);
        Assert.Null(again.NonStandard);
    }

    [Fact]
    public void UnknownEnumerationExtension_IsKeptAndReEncodedByteExact()
    {
        // ScreeningIndicator ::= ENUMERATED { four root items, ... }: extension item 2 (X.691 §13.3).
        var bytes = Encode(e => e.WriteEnumeratedExtension(2));
        Assert.True(PerDecoder.TryDecode(bytes, ScreeningIndicatorCodec.Decode, out var value, out _));
        Assert.Equal(6, (int)value);
        Assert.False(Enum.IsDefined(value));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(Encode(e => ScreeningIndicatorCodec.Encode(e, value))));
        Assert.Equal("60", Convert.ToHexString(Encode(e => ScreeningIndicatorCodec.Encode(e, ScreeningIndicator.NetworkProvided)))); // 0, then 3 in two bits
    }

    [Fact]
    public void TruncatedPdu_ReportsReasonBitPositionAndTypePath()
    {
        // 0x20: response (index 1 of 4, extensible) then the first bits of a ResponseMessage index, cut short.
        Assert.False(MultimediaSystemControlMessage.TryDecode([0x20], out var value, out var error));
        Assert.Null(value);
        Assert.Equal(PerDecodeErrorReason.Truncated, error.Reason);
        Assert.Equal(4, error.BitPosition);
        Assert.Equal("MultimediaSystemControlMessage.response", error.Path);
    }

    [Fact]
    public void NestedError_PathNamesTheComponents()
    {
        // RasMessage gatekeeperRequest (index 0 of 8, extensible): ext 0, index 000, then the GRQ is cut after its
        // extension and presence bits; the requestSeqNum (1..65535, two aligned octets) is missing.
        Assert.False(RasMessage.TryDecode([0x00, 0x00], out _, out var error));
        Assert.Equal(PerDecodeErrorReason.Truncated, error.Reason);
        Assert.StartsWith("RasMessage.gatekeeperRequest.requestSeqNum", error.Path, StringComparison.Ordinal);
        Assert.True(error.BitPosition > 0);
    }

    [Fact]
    public void DeeplyNestedInput_FailsCleanlyInsteadOfOverflowingTheStack()
    {
        // request.multiplexEntrySend with one descriptor whose MultiplexElement nests subElementList 100000 deep
        // (H.245 MultiplexElement is recursive; each level is one choice bit and an 8-bit count).
        var bytes = Encode(e =>
        {
            e.WriteBits(0b000, 3);        // MultimediaSystemControlMessage: ext 0, request (0 of 4)
            e.WriteBits(0b0_0110, 5);     // RequestMessage: ext 0, multiplexEntrySend (6 of 11)
            e.WriteBit(false);            // MultiplexEntrySend: ext 0
            e.WriteInteger(0, 0, 255);    // sequenceNumber
            e.WriteInteger(1, 1, 15);     // one MultiplexEntryDescriptor
            e.WriteBit(true);             // elementList present
            e.WriteInteger(1, 1, 15);     // multiplexTableEntryNumber
            e.WriteInteger(1, 1, 256);    // one MultiplexElement
            for (var i = 0; i < 100_000; i++)
            {
                e.WriteBit(true);         // type: subElementList
                e.WriteInteger(2, 2, 255); // two sub-elements, the first nests again
            }
        });

        Assert.False(MultimediaSystemControlMessage.TryDecode(bytes, out _, out var error));
        Assert.Contains("nests too deeply", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomInput_NeverThrows()
    {
        Gen.Byte.Array[0, 96].Sample(bytes =>
        {
            RasMessage.TryDecode(bytes, out _, out _);
            H323UserInformation.TryDecode(bytes, out _, out _);
            MultimediaSystemControlMessage.TryDecode(bytes, out _, out _);
        }, iter: 3000);
    }

    [Fact]
    public void DecodedRandomInput_ReEncodesAndDecodesToTheSameEncoding()
    {
        // A decoded value is within its constraints, so it encodes; its encoding is canonical and stable.
        Gen.Byte.Array[1, 64].Sample(bytes =>
        {
            if (RasMessage.TryDecode(bytes, out var value, out _))
            {
                var once = value.Encode();
                Assert.True(RasMessage.TryDecode(once, out var again, out var error), error.ToString());
                Assert.Equal(Convert.ToHexString(once), Convert.ToHexString(again.Encode()));
            }
        }, iter: 3000);
    }
}
