using System.Buffers;
using System.Globalization;
using Signalling.H323.Q931;
using Signalling.H323.Tests.Tpkt;
using Signalling.H323.Tpkt;

namespace Signalling.H323.Tests.Q931;

/// <summary>
/// Real H.323 captures: every TPKT of every call-signalling stream frames, every Q.931 message in them parses
/// and re-encodes octet for octet, and what Wireshark reports about each message equals what we decode.
/// </summary>
public sealed class Q931CaptureTests
{
    // The tshark fields compared with our decoding, in this order.
    private static readonly string[] ComparedFields =
    [
        "frame.number",
        "q931.message_type",
        "q931.call_ref",
        "q931.call_ref_flag",
        "q931.called_party_number.digits",
        "q931.calling_party_number.digits",
        "q931.display_information",
        "q931.cause_value",
        "q931.information_element",
        "q931.information_transfer_capability",
        "q931.uil1",
        "q932.ie.type",
    ];

    public static TheoryData<string> Captures => SharedCaptures.H323CaptureNames();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_message_frames_parses_round_trips_and_matches_wireshark(string name)
    {
        var capture = SharedCaptures.RequireH323Capture(name);
        SharedCaptures.RequireTool("tshark");

        var ours = new SortedDictionary<int, List<Q931Message>>();
        var segments = SharedCaptures.Q931Segments(capture);
        Assert.NotEmpty(segments);
        foreach (var direction in segments.GroupBy(s => (s.Stream, s.SourcePort)))
        {
            FrameDirection([.. direction], ours);
        }

        var theirs = new SortedDictionary<int, string[][]>();
        foreach (var row in SharedCaptures.Fields(capture, "q931", ComparedFields))
        {
            theirs[int.Parse(row[0][0], CultureInfo.InvariantCulture)] = row;
        }

        Assert.Equal(theirs.Keys, ours.Keys);
        foreach (var (frame, messages) in ours)
        {
            var row = theirs[frame];
            var context = $"{name} frame {frame}";
            Assert.True(Numbers(row[1]).SequenceEqual(messages.Select(m => (int)m.MessageType)), context + ": message types");
            Assert.Equal(row[2], messages.Where(m => m.CallReference.Length > 0).Select(CallReferenceHex).ToArray());
            Assert.Equal(row[3], messages.Where(m => m.CallReference.Length > 0).Select(m => m.CallReference.Flag ? "1" : "0").ToArray());
            Assert.Equal(row[4], Digits(messages, static (Q931Message m, out Q931PartyNumber n) => m.TryGetCalledPartyNumber(out n)));
            Assert.Equal(row[5], Digits(messages, static (Q931Message m, out Q931PartyNumber n) => m.TryGetCallingPartyNumber(out n)));
            Assert.Equal(row[6], messages.Select(m => m.TryGetDisplay(out var d) ? d.Text : null).OfType<string>().ToArray());
            Assert.True(Numbers(row[7]).SequenceEqual(messages.Select(m => m.TryGetCause(out var c) ? c.Value : -1).Where(v => v >= 0)), context + ": causes");
            // Wireshark hands Facility and a few other elements to its Q.932 dissector, which reports them
            // as q932.ie.type instead of q931.information_element, so the identifiers are compared as a multiset.
            Assert.True(
                Numbers(row[8]).Concat(Numbers(row[11])).Order().SequenceEqual(
                    messages.SelectMany(m => m.InformationElements).Where(e => !e.IsSingleOctet).Select(e => (int)e.Identifier).Order()),
                context + ": information element identifiers");
            Assert.True(
                Numbers(row[9]).SequenceEqual(messages.Select(m => m.TryGetBearerCapability(out var b) ? (int)b.InformationTransferCapability : -1).Where(v => v >= 0)),
                context + ": bearer capability");
            Assert.True(
                Numbers(row[10]).SequenceEqual(messages.Select(m => m.TryGetBearerCapability(out var b) ? b.UserInformationLayer1Protocol ?? -1 : -1).Where(v => v >= 0)),
                context + ": layer 1 protocol");
        }
    }

    private delegate bool NumberGetter(Q931Message message, out Q931PartyNumber number);

    // Frames one direction of a TCP stream the way a connection would: the sequence has one segment per
    // TCP segment, so TPKTs that straddle segments (a header alone in one, as in ndpi-h323.pcap) are covered.
    private static void FrameDirection(List<SharedCaptures.Segment> segments, SortedDictionary<int, List<Q931Message>> ours)
    {
        var buffer = SegmentedSequence.Create([.. segments.Select(s => s.Payload)]);
        var ends = new List<(long End, int Frame)>();
        long total = 0;
        foreach (var segment in segments)
        {
            total += segment.Payload.Length;
            ends.Add((total, segment.Frame));
        }

        while (true)
        {
            var status = TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload, out var error);
            if (status == TpktReadStatus.NeedMoreData)
            {
                break;
            }

            Assert.True(status != TpktReadStatus.Error, $"TPKT error {error} at stream offset {total - buffer.Length}");
            if (status == TpktReadStatus.KeepAlive)
            {
                continue;
            }

            var consumed = total - buffer.Length;
            var frame = ends.First(e => e.End >= consumed).Frame;
            var bytes = payload.ToArray();
            Assert.True(Q931Message.TryParse(payload, Q931ParseOptions.Default, out var message, out var parseError), $"frame {frame}: {parseError}");
            Assert.Equal(bytes, message!.ToArray());

            var writer = new ArrayBufferWriter<byte>();
            message.WriteTo(writer);
            Assert.Equal(bytes, writer.WrittenSpan.ToArray());
            Assert.Equal(bytes.Length, message.EncodedLength);

            if (!ours.TryGetValue(frame, out var list))
            {
                ours[frame] = list = [];
            }

            list.Add(message);
        }

        Assert.Equal(0, buffer.Length);
    }

    private static IEnumerable<int> Numbers(string[] cells) => cells.Select(SharedCaptures.ParseNumber);

    private static string CallReferenceHex(Q931Message message) =>
        message.CallReference.Length == 1
            ? message.CallReference.Value.ToString("x2", CultureInfo.InvariantCulture)
            : message.CallReference.Value.ToString("x4", CultureInfo.InvariantCulture);

    private static string[] Digits(List<Q931Message> messages, NumberGetter getter) =>
        messages.Select(m => getter(m, out var n) ? n.Digits : null).Where(d => !string.IsNullOrEmpty(d)).OfType<string>().ToArray();
}
