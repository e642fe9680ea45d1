using System.Buffers;
using BenchmarkDotNet.Attributes;
using Signalling.H323.Q931;
using Signalling.H323.Tpkt;

namespace Signalling.Benchmarks;

/// <summary>
/// Q.931 (H.225.0 §7) parse and re-encode of a Setup like the ones H.323 endpoints send: bearer capability,
/// display, calling and called party numbers and a 160-octet User-user element; plus TPKT framing of it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class Q931Benchmarks
{
    private byte[] _setup = [];
    private byte[] _framed = [];
    private ArrayBufferWriter<byte> _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var userInformation = new byte[160];
        for (var i = 0; i < userInformation.Length; i++)
        {
            userInformation[i] = (byte)(i * 7);
        }

        var message = new Q931Message(
            Q931MessageType.Setup,
            new Q931CallReference(0x77F4, flag: false),
            [
                new Q931BearerCapability(Q931CodingStandard.ItuT, Q931InformationTransferCapability.UnrestrictedDigital, Q931TransferMode.Circuit, Q931BearerCapability.Rate64Kbits, null, 5).ToInformationElement(),
                new Q931Display("m.jemec").ToInformationElement(),
                new Q931PartyNumber(Q931TypeOfNumber.Subscriber, Q931NumberingPlan.IsdnTelephony, "5295672").ToCallingPartyNumber(),
                new Q931PartyNumber(Q931TypeOfNumber.Subscriber, Q931NumberingPlan.IsdnTelephony, "9246526").ToCalledPartyNumber(),
                Q931UserUser.ForH225(userInformation).ToInformationElement(),
            ]);
        _setup = message.ToArray();
        var framed = new ArrayBufferWriter<byte>();
        TpktWriter.Write(framed, _setup);
        _framed = framed.WrittenSpan.ToArray();
        _output = new ArrayBufferWriter<byte>(512);
        if (ParseAndEncode() != _setup.Length || Frame() != _setup.Length)
        {
            throw new InvalidOperationException("The benchmark Setup does not round trip.");
        }
    }

    [Benchmark]
    public int ParseAndEncode()
    {
        Q931Message.TryParse(_setup, out var message, out _);
        _output.ResetWrittenCount();
        message!.WriteTo(_output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int ParseAndReadCalledNumber()
    {
        Q931Message.TryParse(_setup, out var message, out _);
        return message!.TryGetCalledPartyNumber(out var called) ? called.Digits.Length : 0;
    }

    [Benchmark]
    public long Frame()
    {
        var buffer = new ReadOnlySequence<byte>(_framed);
        TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload);
        return payload.Length;
    }
}
