using System.Buffers;
using System.Runtime.CompilerServices;
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

    // BenchmarkDotNet runs each benchmark in a child process whose current and base directories
    // are under the artifacts path, outside the checkout; the child inherits the environment.
    private const string PathVariable = "SIGNALLING_BENCH_INVITE_SIP";

    private byte[] _body = [];
    private SdpSession _session = null!;
    private ArrayBufferWriter<byte> _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var message = File.ReadAllBytes(FindInvite());
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

    /// <summary>
    /// Runs in the host process (started inside the checkout) and hands the found path to the
    /// benchmark child processes through the environment.
    /// </summary>
    [ModuleInitializer]
    internal static void PublishInvitePath()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is null && TrySearch() is { } path)
            Environment.SetEnvironmentVariable(PathVariable, path);
    }

    private static string FindInvite() =>
        TrySearch() ?? (Environment.GetEnvironmentVariable(PathVariable) is { } p && File.Exists(p) ? p : null) ??
        throw new FileNotFoundException(
            $"Benchmark data not found: looked for {RelativePath} in every directory above '{Directory.GetCurrentDirectory()}' and '{AppContext.BaseDirectory}'. Run from inside the checkout that sits beside 'shared'.");

    private static string? TrySearch()
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, RelativePath));
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }
}
