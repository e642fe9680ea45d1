using System.Buffers;
using BenchmarkDotNet.Attributes;
using Signalling.Sip.Sdp;

namespace Signalling.Benchmarks;

/// <summary>
/// Parse and serialize of the SDP body of the project's reference INVITE
/// (<c>../shared/bench/invite.sip</c>, everything after the blank line).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SdpBenchmarks
{
    private const string RelativePath = "../shared/bench/invite.sip";

    private byte[] _body = [];
    private SdpSession _session = null!;
    private ArrayBufferWriter<byte> _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var message = BenchmarkData.Load("invite.sip");
        // RFC 3261 §7: the body follows the empty line that ends the header section.
        var blank = message.AsSpan().IndexOf("\r\n\r\n"u8);
        var start = blank >= 0 ? blank + 4 : message.AsSpan().IndexOf("\n\n"u8) + 2;
        if (start < 2)
            throw new InvalidOperationException($"{RelativePath} has no blank line before a body.");
        _body = message[start..];
        if (!SdpSession.TryParse(_body, out var session, out var error))
            throw new InvalidOperationException($"The SDP body of {RelativePath} does not parse: {error}");
        _session = session;
        _output = new ArrayBufferWriter<byte>(1024);
    }

    [Benchmark]
    public SdpSession? Parse()
    {
        SdpSession.TryParse(_body, out var session, out _);
        return session;
    }

    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        _session.WriteTo(_output);
        return _output.WrittenCount;
    }
}
