using System.Buffers;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Q931;
using Signalling.H323.Tpkt;

namespace Signalling.Benchmarks;

/// <summary>
/// Aligned PER decode and encode (X.691) of real H.323 PDUs from the shared captures: the H323Plus fastStart
/// Setup's H323-UserInformation (H.225.0 §7.2.2.1, four fastStart OLC proposals), a TerminalCapabilitySet
/// (H.245 §6.6.4) and a RegistrationRequest (H.225.0 §7.7). Target from the issue: Setup decode + encode
/// ≤ 2 µs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class H323CodecBenchmarks
{
    private byte[] _setup = [];
    private byte[] _terminalCapabilitySet = [];
    private byte[] _registrationRequest = [];
    private H323UserInformation _setupValue = null!;
    private MultimediaSystemControlMessage _terminalCapabilitySetValue = null!;
    private RasMessage _registrationRequestValue = null!;

    [GlobalSetup]
    public void Setup()
    {
        // h323plus-fs-tun frame 1: TPKT + Q.931 Setup; its User-user element holds the H323-UserInformation.
        var setupSegment = CapturedPayload("h323plus-fs-tun.pcapng", "frame.number == 1", "tcp.payload");
        var setupPacket = TpktPayloads(setupSegment).First();
        if (!Q931Message.TryParse(setupPacket, out var setup, out var q931Error) || !setup!.TryGetUserUser(out var userUser))
        {
            throw new InvalidOperationException($"h323plus-fs-tun.pcapng frame 1 is not a Q.931 message with User-user ({q931Error}).");
        }

        _setup = userUser.Payload.ToArray();

        // h323plus-nofs-notun frame 4: a separate H.245 connection; the TPKT that holds the TerminalCapabilitySet.
        var h245Segment = CapturedPayload("h323plus-nofs-notun.pcapng", "frame.number == 4", "tcp.payload");
        _terminalCapabilitySet = TpktPayloads(h245Segment).FirstOrDefault(p =>
            MultimediaSystemControlMessage.TryDecode(p, out var m, out _) && m.Request?.TerminalCapabilitySet is not null)
            ?? throw new InvalidOperationException("h323plus-nofs-notun.pcapng frame 4 holds no TerminalCapabilitySet.");

        // h323plus-gk-nofs-tun frame 3: the endpoint's RRQ to the gatekeeper.
        _registrationRequest = CapturedPayload("h323plus-gk-nofs-tun.pcapng", "frame.number == 3", "udp.payload");

        _setupValue = DecodeSetup();
        _terminalCapabilitySetValue = DecodeTerminalCapabilitySet();
        _registrationRequestValue = DecodeRegistrationRequest();
        if (_setupValue.H323UuPdu.H323MessageBody.Setup is null || _registrationRequestValue.RegistrationRequest is null
            || !EncodeSetup().AsSpan().SequenceEqual(_setup)
            || !EncodeTerminalCapabilitySet().AsSpan().SequenceEqual(_terminalCapabilitySet)
            || !EncodeRegistrationRequest().AsSpan().SequenceEqual(_registrationRequest))
        {
            throw new InvalidOperationException("The captured PDUs are not a Setup, a TCS and an RRQ that round trip byte-exact.");
        }
    }

    [Benchmark]
    public H323UserInformation DecodeSetup() =>
        H323UserInformation.TryDecode(_setup, out var value, out var error) ? value : throw new InvalidOperationException(error.ToString());

    [Benchmark]
    public byte[] EncodeSetup() => _setupValue.Encode();

    [Benchmark]
    public int DecodeAndEncodeSetup() =>
        H323UserInformation.TryDecode(_setup, out var value, out _) ? value.Encode().Length : 0;

    [Benchmark]
    public MultimediaSystemControlMessage DecodeTerminalCapabilitySet() =>
        MultimediaSystemControlMessage.TryDecode(_terminalCapabilitySet, out var value, out var error) ? value : throw new InvalidOperationException(error.ToString());

    [Benchmark]
    public byte[] EncodeTerminalCapabilitySet() => _terminalCapabilitySetValue.Encode();

    [Benchmark]
    public RasMessage DecodeRegistrationRequest() =>
        RasMessage.TryDecode(_registrationRequest, out var value, out var error) ? value : throw new InvalidOperationException(error.ToString());

    [Benchmark]
    public byte[] EncodeRegistrationRequest() => _registrationRequestValue.Encode();

    private static IEnumerable<byte[]> TpktPayloads(byte[] segment)
    {
        var buffer = new ReadOnlySequence<byte>(segment);
        while (TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload) is TpktReadStatus.Packet or TpktReadStatus.KeepAlive)
        {
            if (!payload.IsEmpty)
            {
                yield return payload.ToArray();
            }
        }
    }

    // One field of one packet of ../shared/captures/h323/<capture>, as tshark prints it (hex).
    private static byte[] CapturedPayload(string capture, string filter, string field)
    {
        var path = FindCapture(capture);
        var start = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-r", path, "-Y", filter, "-T", "fields", "-e", field })
        {
            start.ArgumentList.Add(argument);
        }

        string output;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
            var errors = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tshark failed on {path}: {errors.Result}");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"These benchmarks read their PDUs from the shared captures with tshark, which cannot be run ({e.Message}); install it with: apt-get install tshark", e);
        }

        var hex = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim().Replace(":", "", StringComparison.Ordinal);
        return string.IsNullOrEmpty(hex)
            ? throw new InvalidOperationException($"tshark found no {field} in {path} for '{filter}'.")
            : Convert.FromHexString(hex);
    }

    private static string FindCapture(string name)
    {
        var source = typeof(H323CodecBenchmarks).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var root in new[] { source, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (root is null)
            {
                continue;
            }

            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "captures", "h323", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Capture '{name}' not found: expected ../shared/captures/h323/{name} beside the checkout.");
    }
}
