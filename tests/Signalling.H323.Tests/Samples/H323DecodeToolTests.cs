using System.Buffers;
using System.Diagnostics;
using System.Net;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Q931;
using Signalling.H323.Tpkt;
using Signalling.H323.Tests.Generated;
using Signalling.Samples.H323Decode;

namespace Signalling.H323.Tests.Samples;

/// <summary>
/// The H323Decode sample on real bytes: every PDU of the reference captures, of every kind the sample
/// reads, comes back byte-identical through <c>--reencode</c>; malformed frames and bad lines are an error
/// line, never an exception.
/// </summary>
public sealed class H323DecodeToolTests
{
    private readonly H323DecodeTool _reencode = new(reencode: true);
    private readonly H323DecodeTool _show = new(reencode: false);

    [Fact]
    public void Every_captured_pdu_reencodes_identically_and_prints_as_json()
    {
        var lines = CaptureLines();
        var byKind = lines.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var kind in H323DecodeTool.Kinds)
        {
            Assert.True(byKind.GetValueOrDefault(kind) > 0, $"no {kind} line from the captures");
        }

        var failures = new List<string>();
        foreach (var (kind, source, hex) in lines)
        {
            var input = $"{kind} {hex}";
            var output = _reencode.ProcessLine(input);
            if (!string.Equals(output, input, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{source}:\n  in:  {input}\n  out: {output}");
                continue;
            }

            var json = _show.ProcessLine(input);
            if (!json.StartsWith('{') && !json.StartsWith('['))
            {
                failures.Add($"{source}: shown as {json}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Count} lines failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void The_malformed_frames_of_ndpi_give_error_lines()
    {
        SharedCaptures.RequireTool("tshark");
        var capture = SharedCaptures.RequireH323Capture("ndpi-h323.pcap");
        var rows = SharedCaptures.Fields(capture, "frame.number == 59 || frame.number == 65", ["frame.number", "udp.payload", "tcp.payload"]);
        Assert.Equal(2, rows.Count);

        var ras = $"ras {Assert.Single(rows[0][1])}";
        var tpkt = $"tpkt {Assert.Single(rows[1][2])}";
        Assert.StartsWith("ras ERROR ", _reencode.ProcessLine(ras), StringComparison.Ordinal);
        Assert.StartsWith("tpkt ERROR ", _reencode.ProcessLine(tpkt), StringComparison.Ordinal);
        Assert.StartsWith("ras ERROR ", _show.ProcessLine(ras), StringComparison.Ordinal);
        Assert.StartsWith("tpkt ERROR ", _show.ProcessLine(tpkt), StringComparison.Ordinal);

        // Every other kind on the same bytes is an error too, never an exception.
        foreach (var kind in H323DecodeTool.Kinds)
        {
            foreach (var hex in new[] { Assert.Single(rows[0][1]), Assert.Single(rows[1][2]) })
            {
                var output = _reencode.ProcessLine($"{kind} {hex}");
                Assert.DoesNotContain('\n', output);
                Assert.StartsWith(kind + " ", output, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("", "- ERROR empty line")]
    [InlineData("   ", "- ERROR empty line")]
    [InlineData("x225 0011", "x225 ERROR unknown kind")]
    [InlineData("RAS 0011", "RAS ERROR unknown kind")]
    [InlineData("ras 001", "ras ERROR odd number of hex digits (3)")]
    [InlineData("ras 00zz", "ras ERROR not a hex digit: 'z'")]
    [InlineData("h245", "h245 ERROR no hex octets")]
    [InlineData("ras 00", "ras ERROR ")]
    [InlineData("h245 09000100", "h245 ERROR 1 octets after the end of the value")]
    [InlineData("tpkt 0300", "tpkt ERROR TPKT packet 1: truncated")]
    [InlineData("tpkt 0400000500", "tpkt ERROR TPKT packet 1: bad header")]
    [InlineData("tpkt-h245 0300000700FFFF", "tpkt-h245 ERROR TPKT packet 1: ")]
    [InlineData("q931 08", "q931 ERROR Q.931: ")]
    public void Bad_lines_are_errors_on_their_line(string line, string expectedStart)
    {
        Assert.StartsWith(expectedStart, _reencode.ProcessLine(line), StringComparison.Ordinal);
        Assert.StartsWith(expectedStart, _show.ProcessLine(line), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_of_every_kind_give_one_line_answers_never_exceptions()
    {
        var random = new Random(2250);
        foreach (var kind in H323DecodeTool.Kinds)
        {
            for (var i = 0; i < 300; i++)
            {
                var bytes = new byte[random.Next(1, 64)];
                random.NextBytes(bytes);
                if (kind.StartsWith("tpkt", StringComparison.Ordinal) && i % 2 == 0 && bytes.Length > 4)
                {
                    // Half of them with a valid TPKT header, so the payload decoders get the bytes.
                    bytes[0] = 3;
                    bytes[2] = 0;
                    bytes[3] = (byte)bytes.Length;
                    bytes[4] = kind == "tpkt" ? Q931Message.ProtocolDiscriminator : bytes[4];
                }

                var line = $"{kind} {Convert.ToHexString(bytes)}";
                var output = _reencode.ProcessLine(line);
                Assert.DoesNotContain('\n', output);
                Assert.StartsWith(kind + " ", output, StringComparison.Ordinal);
                if (!output.StartsWith(kind + " ERROR", StringComparison.Ordinal))
                {
                    // Random octets may decode with non-zero padding bits, which encode back as zeros (X.691 §11.1);
                    // the canonical encoding must then be a fixed point.
                    Assert.Equal(output, _reencode.ProcessLine(output));
                }

                _ = _show.ProcessLine(line);
            }
        }
    }

    [Fact]
    public void A_keep_alive_and_hex_with_separators_are_accepted()
    {
        // RFC 1006 §6: a TPKT of only its header; H.245 RoundTripDelayRequest sequence number 1 (H.245 §6.6.8).
        Assert.Equal("tpkt-h245 03000004", _reencode.ProcessLine("tpkt-h245 03:00:00:04"));
        Assert.Equal("h245 090001", _reencode.ProcessLine("  h245\t09 00 01  "));
        Assert.Contains("\"roundTripDelayRequest\"", _show.ProcessLine("h245 090001"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_setup_in_tpkt_prints_its_q931_and_h225_values_and_reencodes()
    {
        var callId = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        var information = CallSignallingMessages.Setup(new SetupParameters
        {
            CallingAliases = [AliasAddress.CreateH323ID("alice")],
            CallIdentifier = callId,
            FastStart = [H245Messages.AudioChannel(1, AudioCapability.CreateG711Ulaw64k(20), new IPEndPoint(IPAddress.Loopback, 5001))],
        });
        var writer = new ArrayBufferWriter<byte>();
        TpktWriter.Write(writer, CallSignallingMessages.ToQ931(information, new Q931CallReference(5, flag: false), "5551234").ToArray());
        var line = $"tpkt {Convert.ToHexString(writer.WrittenSpan)}";

        Assert.Equal(line, _reencode.ProcessLine(line));
        var json = _show.ProcessLine(line);
        Assert.Contains("\"messageType\": \"Setup\"", json, StringComparison.Ordinal);
        Assert.Contains("\"digits\": \"5551234\"", json, StringComparison.Ordinal);
        Assert.Contains("\"h323ID\": \"alice\"", json, StringComparison.Ordinal);
        Assert.Contains("\"guid\": \"00112233445566778899AABBCCDDEEFF\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pointToPoint\": null", json, StringComparison.Ordinal);
        Assert.Contains($"\"{Convert.ToHexString(information.H323UuPdu.H323MessageBody.Setup!.FastStart![0])}\"", json, StringComparison.Ordinal);

        // The same proposal through the olc kind shows the codec and its frames per packet.
        var olc = _show.ProcessLine($"olc {Convert.ToHexString(information.H323UuPdu.H323MessageBody.Setup!.FastStart![0])}");
        Assert.Contains("\"g711Ulaw64k\": 20", olc, StringComparison.Ordinal);
        Assert.Contains("\"tsapIdentifier\": 5001", olc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_answers_one_line_per_line_and_exits_with_zero()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "H323Decode.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built next to the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--reencode");
        using var process = Process.Start(start)!;
        process.StandardInput.Write("h245 090001\nnope 00\n\nolc 0\nras 0A\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(5, output.Length);
        Assert.Equal("h245 090001", output[0]);
        Assert.StartsWith("nope ERROR", output[1], StringComparison.Ordinal);
        Assert.StartsWith("- ERROR", output[2], StringComparison.Ordinal);
        Assert.StartsWith("olc ERROR", output[3], StringComparison.Ordinal);
        Assert.StartsWith("ras ERROR", output[4], StringComparison.Ordinal);
    }

    // Every PDU the corpus extracts (RAS, H323-UserInformation, H.245, fastStart OLC), each H.245 PDU also
    // framed in a TPKT, and every whole TPKT of the Q.931 connections both framed and bare.
    private static List<(string Kind, string Source, string Hex)> CaptureLines()
    {
        var corpus = CaptureCorpus.Instance;
        if (corpus.SkipReason is not null)
        {
            Assert.Skip(corpus.SkipReason);
        }

        var lines = new List<(string, string, string)>();
        void Add(string kind, string field)
        {
            foreach (var (source, bytes) in corpus.Pdus[field])
            {
                lines.Add((kind, source, Convert.ToHexString(bytes)));
            }
        }

        Add("ras", CaptureCorpus.RasField);
        Add("h225", CaptureCorpus.UserInformationField);
        Add("h245", CaptureCorpus.H245Field);
        Add("olc", CaptureCorpus.FastStartField);
        foreach (var (source, bytes) in corpus.Pdus[CaptureCorpus.H245Field])
        {
            var framed = new byte[bytes.Length + 4];
            framed[0] = 3;
            framed[2] = (byte)(framed.Length >> 8);
            framed[3] = (byte)framed.Length;
            bytes.CopyTo(framed, 4);
            lines.Add(("tpkt-h245", source, Convert.ToHexString(framed)));
        }

        foreach (var name in Directory.GetFiles(SharedCaptures.H323Directory!).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            foreach (var segment in SharedCaptures.Q931Segments(Path.Combine(SharedCaptures.H323Directory!, name!)))
            {
                var source = $"{name}#{segment.Frame}";
                if (!IsWholeTpkts(segment.Payload, out var payloads))
                {
                    continue; // a TPKT split across segments: the sample reads whole packets
                }

                if (source == "ndpi-h323.pcap#65")
                {
                    continue; // malformed (tested above)
                }

                lines.Add(("tpkt", source, Convert.ToHexString(segment.Payload)));
                lines.AddRange(payloads.Select(p => ("q931", source, Convert.ToHexString(p))));
            }
        }

        return lines;
    }

    private static bool IsWholeTpkts(byte[] bytes, out List<byte[]> payloads)
    {
        payloads = [];
        var offset = 0;
        while (offset + 4 <= bytes.Length && bytes[offset] == 3)
        {
            var length = (bytes[offset + 2] << 8) | bytes[offset + 3];
            if (length < 4 || offset + length > bytes.Length)
            {
                return false;
            }

            if (length > 4)
            {
                payloads.Add(bytes[(offset + 4)..(offset + length)]);
            }

            offset += length;
        }

        return offset == bytes.Length && offset > 0;
    }
}
