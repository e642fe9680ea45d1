using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Signalling.H323.Tests;

/// <summary>
/// Locates the project's <c>shared/captures</c> folder (kept next to the checkout as <c>../shared</c>, never
/// copied into the repository) and runs Wireshark's command-line tools on it. Tests that need either skip
/// with a reason when it is absent.
/// </summary>
internal static class SharedCaptures
{
    /// <summary>One TCP segment with data, as tshark reports it.</summary>
    public sealed record Segment(int Frame, int Stream, int SourcePort, byte[] Payload);

    /// <summary>The H.323 captures folder, or null when the shared folder is not present.</summary>
    public static string? H323Directory => Find(Path.Combine("captures", "h323"));

    /// <summary>The file names of the H.323 captures, for theory data; a single "(none)" when absent so the
    /// theory still runs and skips with a reason.</summary>
    public static TheoryData<string> H323CaptureNames()
    {
        var data = new TheoryData<string>();
        var directory = H323Directory;
        var names = directory is null
            ? []
            : Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        foreach (var name in names)
        {
            data.Add(name);
        }

        if (names.Length == 0)
        {
            data.Add("(none)");
        }

        return data;
    }

    /// <summary>The path of an H.323 capture, or skips the calling test.</summary>
    public static string RequireH323Capture(string name)
    {
        var directory = H323Directory ?? throw Skip("the captures (../shared/captures/h323 next to the repository) are not present");
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw Skip($"the capture {name} is not present");
    }

    /// <summary>Skips the calling test unless the tool (tshark, text2pcap) can be run.</summary>
    public static void RequireTool(string tool)
    {
        try
        {
            Run(tool, "-v");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Assert.Skip($"{tool} is not available ({e.Message}); install it with: apt-get install tshark");
        }
    }

    /// <summary>Runs a tool and returns its standard output; throws when it fails.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Runs tshark with <c>-T fields</c> and returns one row per packet: the cells of the requested
    /// fields, each split into its occurrences (tshark joins several with the aggregator).</summary>
    public static List<string[][]> Fields(string capture, string filter, IEnumerable<string> fields, params string[] extra)
    {
        var arguments = new List<string> { "-r", capture, "-Y", filter, "-T", "fields", "-E", "aggregator=|", "-E", "separator=/t" };
        arguments.AddRange(extra);
        foreach (var field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        var rows = new List<string[][]>();
        foreach (var line in Run("tshark", [.. arguments]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            rows.Add(line.TrimEnd('\r').Split('\t').Select(cell => cell.Length == 0 ? [] : cell.Split('|')).ToArray());
        }

        return rows;
    }

    /// <summary>The TCP segments with data of the streams that carry Q.931 (port 1720 or a gatekeeper-routed
    /// port), in capture order, without retransmissions and keep-alive probes (which repeat or pad bytes).</summary>
    public static List<Segment> Q931Segments(string capture)
    {
        var streams = Fields(capture, "q931", ["tcp.stream"]).Select(row => row[0][0]).ToHashSet(StringComparer.Ordinal);
        var segments = new List<Segment>();
        foreach (var row in Fields(capture, "tcp.len > 0 && !tcp.analysis.retransmission && !tcp.analysis.keep_alive", ["frame.number", "tcp.stream", "tcp.srcport", "tcp.payload"]))
        {
            if (!streams.Contains(row[1][0]))
            {
                continue;
            }

            segments.Add(new Segment(
                int.Parse(row[0][0], CultureInfo.InvariantCulture),
                int.Parse(row[1][0], CultureInfo.InvariantCulture),
                int.Parse(row[2][0], CultureInfo.InvariantCulture),
                Convert.FromHexString(row[3][0].Replace(":", "", StringComparison.Ordinal))));
        }

        return segments;
    }

    /// <summary>Parses a tshark number cell ("0x05" or "5").</summary>
    public static int ParseNumber(string cell) =>
        cell.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(cell.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.Parse(cell, CultureInfo.InvariantCulture);

    // Walks up from the test binaries until a directory has shared/captures as a child, or as a
    // sibling (the repository root's parent holds shared/). Builds with an artifacts path outside the
    // checkout (--artifacts-path /tmp/...) start again from the working directory and this source file.
    private static string? Find(string relative, [CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            {
                continue;
            }

            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var shared = Path.Combine(directory.FullName, "shared");
                if (Directory.Exists(Path.Combine(shared, "captures")))
                {
                    var candidate = Path.Combine(shared, relative);
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }

    private static Exception Skip(string reason)
    {
        Assert.Skip(reason);
        return new InvalidOperationException(reason); // not reached: Assert.Skip throws
    }
}
