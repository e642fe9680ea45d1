using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Signalling.H323.Per;
using Signalling.H323.Tpkt;

namespace Signalling.H323.Tests.Builders;

/// <summary>
/// Puts messages we built in one capture with text2pcap and lets tshark dissect them: the packets it finds
/// malformed or with an error-level expert item, and its full dissection as PDML (the XML form of
/// <c>tshark -V</c>: every field with its value and the octets it covers, so the extent of a PER value tells
/// whether tshark consumed all of it).
/// </summary>
internal sealed class WiresharkOracle : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("h323-oracle-").FullName;

    public static void RequireTools()
    {
        SharedCaptures.RequireTool("tshark");
        SharedCaptures.RequireTool("text2pcap");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Frames each payload in a TPKT (RFC 1006) and writes one TCP segment per message.</summary>
    public string WriteTpktCapture(IEnumerable<byte[]> payloads, string ports) =>
        WriteCapture(payloads.Select(p =>
        {
            var writer = new ArrayBufferWriter<byte>();
            TpktWriter.Write(writer, p);
            return writer.WrittenSpan.ToArray();
        }), "-T", ports);

    /// <summary>Writes one UDP datagram per message.</summary>
    public string WriteUdpCapture(IEnumerable<byte[]> payloads, string ports) => WriteCapture(payloads, "-u", ports);

    /// <summary>The frames tshark flags as malformed or with an expert item of severity error, with their summary.</summary>
    public static string[] Problems(string capture, params string[] extra) =>
        SharedCaptures.Run("tshark", [.. extra, "-r", capture, "-Y", "_ws.malformed || _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Info"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The dissection of every packet (PDML).</summary>
    public static List<XElement> Dissect(string capture, params string[] extra) =>
        [.. XDocument.Parse(SharedCaptures.Run("tshark", [.. extra, "-r", capture, "-T", "pdml"])).Root!.Elements("packet")];

    /// <summary>The <c>show</c> values of every field of that name in the packet, in order.</summary>
    public static string[] Values(XElement packet, string field) =>
        [.. Fields(packet, field).Select(f => (string?)f.Attribute("show") ?? "")];

    /// <summary>The number of octets the first field of that name covers.</summary>
    public static int Size(XElement packet, string field)
    {
        var element = Fields(packet, field).FirstOrDefault();
        Assert.True(element is not null, $"tshark shows no {field}");
        return int.Parse((string)element.Attribute("size")!, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Asserts that tshark's PER dissection of the field covers exactly our encoding: Wireshark sizes a PER
    /// item as the octets between its first and last bit rounded down (a value ending inside an octet loses
    /// that octet), so the size must be our bit length divided by 8, rounded either way. An octet we sent
    /// that tshark did not read fails (Wireshark does not flag trailing octets itself).
    /// </summary>
    public static void AssertCovers(XElement packet, string field, Action<PerEncoder> encode, string what)
    {
        using var encoder = new PerEncoder();
        encode(encoder);
        var bits = encoder.BitLength;
        var size = Size(packet, field);
        Assert.True(size == bits / 8 || size == (bits + 7) / 8, $"{what}: we encoded {bits} bits ({Convert.ToHexString(encoder.CompleteEncoding())}); tshark's {field} covers {size} octets");
    }

    public static IEnumerable<XElement> Fields(XElement packet, string field) =>
        packet.Descendants("field").Where(f => (string?)f.Attribute("name") == field);

    /// <summary>tshark's hex for bytes it shows as a value (no separators, lower case).</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private string WriteCapture(IEnumerable<byte[]> packets, string transport, string ports)
    {
        var dump = new StringBuilder();
        foreach (var packet in packets)
        {
            dump.Append("0000");
            foreach (var octet in packet)
            {
                dump.Append(' ').Append(octet.ToString("x2", CultureInfo.InvariantCulture));
            }

            dump.Append('\n');
        }

        var text = Path.Combine(_directory, $"{transport.TrimStart('-')}-{ports.Replace(',', '-')}.txt");
        var capture = Path.ChangeExtension(text, ".pcap");
        File.WriteAllText(text, dump.ToString());
        SharedCaptures.Run("text2pcap", transport, ports, text, capture);
        return capture;
    }
}
