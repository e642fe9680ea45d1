using CsCheck;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Per;

namespace Signalling.H323.Tests.Generated;

/// <summary>
/// Real PDUs from the captures, damaged the way a network or a faulty peer damages them (bit
/// flips, truncation, inserted and deleted octets): decoding never throws out of TryDecode, and
/// whatever still decodes re-encodes to an encoding that decodes to itself.
/// </summary>
public sealed class CaptureMutationTests
{
    private delegate bool Decode(byte[] bytes, out Func<byte[]>? encode, out PerDecodeError error);

    private static readonly (string Field, Decode Decode)[] Kinds =
    [
        (CaptureCorpus.RasField, (byte[] b, out Func<byte[]>? e, out PerDecodeError err) =>
        {
            var ok = RasMessage.TryDecode(b, out var v, out err);
            e = ok ? v!.Encode : null;
            return ok;
        }),
        (CaptureCorpus.UserInformationField, (byte[] b, out Func<byte[]>? e, out PerDecodeError err) =>
        {
            var ok = H323UserInformation.TryDecode(b, out var v, out err);
            e = ok ? v!.Encode : null;
            return ok;
        }),
        (CaptureCorpus.H245Field, (byte[] b, out Func<byte[]>? e, out PerDecodeError err) =>
        {
            var ok = MultimediaSystemControlMessage.TryDecode(b, out var v, out err);
            e = ok ? v!.Encode : null;
            return ok;
        }),
    ];

    [Fact]
    public void Mutated_real_PDUs_never_throw_and_what_decodes_is_stable()
    {
        var corpus = CaptureCorpus.Instance;
        if (corpus.SkipReason is { } reason) Assert.Skip(reason);

        foreach (var (field, decode) in Kinds)
        {
            var pdus = corpus.Pdus[field].Select(p => p.Bytes).ToArray();
            Assert.NotEmpty(pdus);
            var decoded = 0;
            Mutations(pdus).Sample(mutated =>
            {
                if (!decode(mutated, out var encode, out _)) return;
                Interlocked.Increment(ref decoded);
                var once = encode!();
                Assert.True(decode(once, out var again, out var error), $"{field}: re-encoding of a decoded value does not decode: {error}");
                Assert.Equal(Convert.ToHexString(once), Convert.ToHexString(again!()));
            }, iter: 1500);

            // Many flips land in strings or octet strings and still decode: the stability check ran.
            Assert.True(decoded > 0, $"{field}: no mutated PDU decoded, so stability was never checked");
        }
    }

    private static Gen<byte[]> Mutations(byte[][] pdus) =>
        Gen.Select(Gen.Int[0, pdus.Length - 1], Gen.Int[0, 3], Gen.Int, Gen.Byte, (index, kind, position, value) =>
        {
            var original = pdus[index];
            if (original.Length == 0) return original;
            var at = (int)((uint)position % (uint)original.Length);
            var bytes = original.ToList();
            switch (kind)
            {
                case 0: bytes[at] ^= (byte)(1 << (value & 7)); break;   // one bit flipped
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;  // truncated
                case 2: bytes.Insert(at, value); break;                  // an octet inserted
                default: bytes.RemoveAt(at); break;                      // an octet lost
            }
            return bytes.ToArray();
        });
}
