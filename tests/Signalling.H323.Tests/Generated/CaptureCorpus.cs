using System.Text.Json;

namespace Signalling.H323.Tests.Generated;

/// <summary>
/// The aligned PER PDUs of the H.323 reference captures, cut out by tshark: each RasMessage (the UDP payload),
/// each H323-UserInformation (the Q.931 User-user IE contents) and each MultimediaSystemControlMessage
/// (tunnelled in h245Control or on a separate H.245 connection), and each fastStart OpenLogicalChannel
/// proposal of a Setup or answer. Extracted once per test run.
/// </summary>
internal sealed class CaptureCorpus
{
    public const string RasField = "h225.RasMessage_raw";
    public const string UserInformationField = "h225.H323_UserInformation_element_raw";
    public const string H245Field = "h245";
    public const string FastStartField = "h225.FastStart_item_raw";
    private const string TunnelledH245Field = "h225.H245Control_item_raw";

    private static readonly Lazy<CaptureCorpus> Shared = new(Load);

    private CaptureCorpus(string? skipReason, Dictionary<string, List<(string Source, byte[] Bytes)>> pdus)
    {
        SkipReason = skipReason;
        Pdus = pdus;
    }

    public string? SkipReason { get; }

    public Dictionary<string, List<(string Source, byte[] Bytes)>> Pdus { get; }

    public static CaptureCorpus Instance => Shared.Value;

    private static CaptureCorpus Load()
    {
        var captures = SharedCaptures.H323Directory;
        var pdus = new Dictionary<string, List<(string, byte[])>>(StringComparer.Ordinal)
        {
            [RasField] = [],
            [UserInformationField] = [],
            [H245Field] = [],
            [FastStartField] = [],
        };
        if (captures is null)
        {
            return new CaptureCorpus("../shared/captures/h323 was not found above the test directory.", pdus);
        }

        foreach (var file in Directory.GetFiles(captures).Order(StringComparer.Ordinal))
        {
            string json;
            try
            {
                json = RunTshark(file);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return new CaptureCorpus("tshark is not installed (apt-get install -y tshark).", pdus);
            }

            using var document = JsonDocument.Parse(json);
            foreach (var packet in document.RootElement.EnumerateArray())
            {
                var frame = packet.GetProperty("_source").GetProperty("layers").GetProperty("frame").GetProperty("frame.number").GetString();
                var source = $"{Path.GetFileName(file)}#{frame}";
                Collect(packet, source, pdus);
                CollectSeparateH245(packet.GetProperty("_source").GetProperty("layers"), source, pdus[H245Field]);
            }
        }

        return new CaptureCorpus(null, pdus);
    }

    private static string RunTshark(string file) =>
        SharedCaptures.Run("tshark", "-r", file, "-Y", "h225 || h245", "-T", "json", "-x");

    private static void Collect(JsonElement element, string source, Dictionary<string, List<(string, byte[])>> pdus)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == TunnelledH245Field)
                {
                    AddRaw(property.Value, source, pdus[H245Field]);
                }
                else if (pdus.TryGetValue(property.Name, out var list))
                {
                    AddRaw(property.Value, source, list);
                }
                else
                {
                    Collect(property.Value, source, pdus);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, source, pdus);
            }
        }
    }

    // A separate H.245 connection: the TCP payload is a series of TPKT packets (RFC 1006: 3, 0, length16).
    private static void CollectSeparateH245(JsonElement layers, string source, List<(string, byte[])> list)
    {
        if (!layers.TryGetProperty("h245", out _) || layers.TryGetProperty("h225", out _) || !layers.TryGetProperty("tcp", out var tcp)
            || !tcp.TryGetProperty("tcp.payload_raw", out var raw))
        {
            return;
        }

        var payload = Convert.FromHexString(raw[0].GetString()!);
        for (var offset = 0; offset + 4 <= payload.Length && payload[offset] == 3;)
        {
            var length = (payload[offset + 2] << 8) | payload[offset + 3];
            if (length < 4 || offset + length > payload.Length)
            {
                return;
            }

            list.Add((source, payload[(offset + 4)..(offset + length)]));
            offset += length;
        }
    }

    // A raw field is [hex, offset, length, bitmask, type], or an array of those when it occurs more than once.
    private static void AddRaw(JsonElement raw, string source, List<(string, byte[])> list)
    {
        if (raw.ValueKind != JsonValueKind.Array || raw.GetArrayLength() == 0)
        {
            return;
        }

        if (raw[0].ValueKind == JsonValueKind.String)
        {
            list.Add((source, Convert.FromHexString(raw[0].GetString()!)));
            return;
        }

        foreach (var item in raw.EnumerateArray())
        {
            AddRaw(item, source, list);
        }
    }
}
