using System.Buffers;
using BenchmarkDotNet.Attributes;
using Signalling.H323.Per;

namespace Signalling.Benchmarks;

/// <summary>
/// Aligned PER (X.691) encode and decode of a representative run of H.225.0-style primitives: the
/// protocolIdentifier OID, constrained integers (requestSeqNum-like, a 3-bit field, a 32-bit range),
/// an extensible CHOICE index, dialedDigits (4-bit NumericString alphabet), a 16-octet conferenceID,
/// and an h323-ID BMPString.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PerBenchmarks
{
    private static readonly PermittedAlphabet DialedDigits = PermittedAlphabet.FromCharacters("0123456789#*,");
    private static readonly PerSizeConstraint DigitsSize = PerSizeConstraint.Range(1, 128);
    private static readonly PerSizeConstraint H323IdSize = PerSizeConstraint.Range(1, 256);
    private static readonly PerSizeConstraint GuidSize = PerSizeConstraint.Fixed(16);
    private static readonly PerDecodeFunc<Sample> ReadSample = Read;

    private readonly byte[] _conferenceId = [0x5C, 0x2B, 0x8E, 0x11, 0x9D, 0x44, 0x10, 0xEF, 0x80, 0x01, 0x00, 0x0C, 0x29, 0x7A, 0x3B, 0x55];
    private PerEncoder _encoder = null!;
    private ArrayBufferWriter<byte> _output = null!;
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _encoder = new PerEncoder(256);
        _output = new ArrayBufferWriter<byte>(256);
        Write(_encoder, _conferenceId);
        _encoded = _encoder.ToArray();
        if (!PerDecoder.TryDecode(_encoded, ReadSample, out var sample, out var error) || sample.Digits != "0123456789#*")
        {
            throw new InvalidOperationException($"The benchmark message does not round trip: {error}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark]
    public int Encode()
    {
        _encoder.Reset();
        _output.ResetWrittenCount();
        Write(_encoder, _conferenceId);
        _encoder.WriteTo(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int Decode()
    {
        PerDecoder.TryDecode(_encoded, ReadSample, out var sample, out _);
        return sample.SequenceNumber;
    }

    private static void Write(PerEncoder e, byte[] conferenceId)
    {
        e.WriteExtensionBit(false);
        e.WriteObjectIdentifier("0.0.8.2250.0.4");
        e.WriteInteger(4242, 1, 65535);
        e.WriteInteger(5, 0, 7);
        e.WriteInteger(3000000000UL, 0UL, 4294967295UL);
        e.WriteChoiceIndex(0, 7, extensible: true);
        e.WriteCharacterString("0123456789#*", DialedDigits, DigitsSize);
        e.WriteOctetString(conferenceId, GuidSize);
        e.WriteCharacterString("Alice Example", PermittedAlphabet.BmpString, H323IdSize);
    }

    private static Sample Read(ref PerDecoder d)
    {
        d.ReadExtensionBit();
        var oid = d.ReadObjectIdentifier();
        var sequenceNumber = (int)d.ReadInteger(1, 65535);
        var small = (int)d.ReadInteger(0, 7);
        var wide = d.ReadInteger(0UL, 4294967295UL);
        var choice = d.ReadChoiceIndex(7, true, out _);
        var digits = d.ReadCharacterString(DialedDigits, DigitsSize);
        var conferenceId = d.ReadOctetString(GuidSize);
        var name = d.ReadCharacterString(PermittedAlphabet.BmpString, H323IdSize);
        return new Sample(oid, sequenceNumber, small, wide, choice, digits, conferenceId, name);
    }

    private readonly record struct Sample(string Oid, int SequenceNumber, int Small, ulong Wide, int Choice, string Digits, byte[] ConferenceId, string Name);
}
