using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Per;

namespace Signalling.H323.Tests.Generated;

/// <summary>
/// Proof on real bytes: every RAS, H.225.0 call signalling and H.245 PDU of the reference captures decodes
/// with the generated types and re-encodes byte-identical.
/// </summary>
public sealed class CaptureRoundTripTests
{
    private delegate bool TryDecode(byte[] bytes, out Func<byte[]>? encode, out PerDecodeError error);

    [Fact]
    public void RasMessages_RoundTripByteExact() =>
        AssertRoundTrip(CaptureCorpus.RasField, 34, (byte[] b, out Func<byte[]>? e, out PerDecodeError error) =>
        {
            var ok = RasMessage.TryDecode(b, out var value, out error);
            e = ok ? value!.Encode : null;
            return ok;
        });

    [Fact]
    public void H323UserInformation_RoundTripByteExact() =>
        AssertRoundTrip(CaptureCorpus.UserInformationField, 62, (byte[] b, out Func<byte[]>? e, out PerDecodeError error) =>
        {
            var ok = H323UserInformation.TryDecode(b, out var value, out error);
            e = ok ? value!.Encode : null;
            return ok;
        });

    [Fact]
    public void MultimediaSystemControlMessages_RoundTripByteExact() =>
        AssertRoundTrip(CaptureCorpus.H245Field, 79, (byte[] b, out Func<byte[]>? e, out PerDecodeError error) =>
        {
            var ok = MultimediaSystemControlMessage.TryDecode(b, out var value, out error);
            e = ok ? value!.Encode : null;
            return ok;
        });

    [Fact]
    public void FastStartOpenLogicalChannels_RoundTripByteExact() =>
        AssertRoundTrip(CaptureCorpus.FastStartField, 6, (byte[] b, out Func<byte[]>? e, out PerDecodeError error) =>
        {
            // Each fastStart element is a complete encoding of an H.245 OpenLogicalChannel (H.225.0 §7.3.1).
            var ok = PerDecoder.TryDecode(b, OpenLogicalChannel.Decode, out var value, out error);
            e = ok ? () => Encode(value!.Encode) : null;
            return ok;
        });

    private static byte[] Encode(Action<PerEncoder> write)
    {
        using var encoder = new PerEncoder();
        write(encoder);
        return encoder.ToArray();
    }

    private static void AssertRoundTrip(string field, int atLeast, TryDecode decode)
    {
        var corpus = CaptureCorpus.Instance;
        if (corpus.SkipReason is not null)
        {
            Assert.Skip(corpus.SkipReason);
        }

        var pdus = corpus.Pdus[field];
        Assert.True(pdus.Count >= atLeast, $"only {pdus.Count} {field} PDUs found in the captures");
        var failures = new List<string>();
        foreach (var (source, bytes) in pdus)
        {
            if (!decode(bytes, out var encode, out var error))
            {
                failures.Add($"{source}: decode failed: {error} ({Convert.ToHexString(bytes)})");
                continue;
            }

            var again = encode!();
            if (!again.AsSpan().SequenceEqual(bytes))
            {
                failures.Add($"{source}: re-encoding differs\n  in:  {Convert.ToHexString(bytes)}\n  out: {Convert.ToHexString(again)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {pdus.Count} {field} PDUs failed:\n{string.Join('\n', failures)}");
    }
}
