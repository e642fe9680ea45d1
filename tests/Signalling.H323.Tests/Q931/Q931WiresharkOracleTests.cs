using System.Buffers;
using System.Globalization;
using System.Text;
using Signalling.H323.Q931;
using Signalling.H323.Tpkt;

namespace Signalling.H323.Tests.Q931;

/// <summary>
/// Messages we build, framed with our TPKT writer, wrapped in a capture by text2pcap and dissected by
/// tshark: Wireshark must find nothing malformed and report the values we put in. The H.225.0 dissector is
/// disabled because the User-user payload here is a few opaque octets, not a real H323-UserInformation.
/// </summary>
public sealed class Q931WiresharkOracleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("q931-oracle-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Wireshark_decodes_our_setup_alerting_connect_and_release_complete()
    {
        SharedCaptures.RequireTool("tshark");
        SharedCaptures.RequireTool("text2pcap");

        Q931Message[] messages = [Q931TestMessages.Setup(), Q931TestMessages.Alerting(), Q931TestMessages.Connect(), Q931TestMessages.ReleaseComplete()];
        var capture = WriteCapture(messages);

        var verbose = SharedCaptures.Run("tshark", "-r", capture, "--disable-protocol", "h225", "-V");
        Assert.Equal(4, verbose.Split('\n').Count(line => line == "Q.931")); // one protocol tree per message
        Assert.DoesNotContain("Malformed", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("Expert Info (Error", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("Expert Info (Warning", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown information element", verbose, StringComparison.Ordinal);

        string[] fields =
        [
            "q931.message_type", "q931.call_ref", "q931.call_ref_flag", // 0-2
            "q931.information_transfer_capability", "q931.transfer_mode", "q931.information_transfer_rate", "q931.bearer_capability.rate_multiplier", "q931.uil1", // 3-7
            "q931.display_information", "q931.calling_party_number.digits", "q931.called_party_number.digits", "q931.connected_number.digits", // 8-11
            "q931.number_type", "q931.numbering_plan", "q931.presentation_ind", "q931.screening_ind", // 12-15
            "q931.progress_indicator.location", "q931.progress_indicator.description", "q931.signal", // 16-18
            "q931.cause_location", "q931.cause_value", "q931.call_state", "q931.user.protocol_discriminator", // 19-22
        ];
        var rows = SharedCaptures.Fields(capture, "q931", fields, "--disable-protocol", "h225");
        Assert.Equal(4, rows.Count);

        var setup = rows[0];
        Assert.Equal(0x05, Number(setup[0]));
        Assert.Equal(["1234"], setup[1]);
        Assert.Equal(["0"], setup[2]);
        Assert.Equal(0x08, Number(setup[3]));
        Assert.Equal(0, Number(setup[4]));
        Assert.Equal(0x18, Number(setup[5]));
        Assert.Equal(6, Number(setup[6]));
        Assert.Equal(5, Number(setup[7]));
        Assert.Equal(["Alice"], setup[8]);
        Assert.Equal(["4930123"], setup[9]);
        Assert.Equal(["5551234#"], setup[10]);
        Assert.Equal([2, 4], setup[12].Select(SharedCaptures.ParseNumber)); // calling national, called subscriber
        Assert.Equal([1, 1], setup[13].Select(SharedCaptures.ParseNumber));
        Assert.Equal(1, Number(setup[14])); // restricted
        Assert.Equal(3, Number(setup[15])); // network provided
        Assert.Equal(0x05, Number(setup[22]));

        var alerting = rows[1];
        Assert.Equal(0x01, Number(alerting[0]));
        Assert.Equal(["1"], alerting[2]);
        Assert.Equal(1, Number(alerting[16]));
        Assert.Equal(8, Number(alerting[17]));
        Assert.Equal(1, Number(alerting[18]));

        var connect = rows[2];
        Assert.Equal(0x07, Number(connect[0]));
        Assert.Equal(["Bob"], connect[8]);
        Assert.Equal(["4930999"], connect[11]);
        Assert.Equal(1, Number(connect[12]));
        Assert.Equal(0, Number(connect[14]));
        Assert.Equal(1, Number(connect[15]));

        var release = rows[3];
        Assert.Equal(0x5A, Number(release[0]));
        Assert.Equal(["1234"], release[1]);
        Assert.Equal(4, Number(release[19]));
        Assert.Equal(17, Number(release[20]));
        Assert.Equal(10, Number(release[21]));
        Assert.Equal(0x05, Number(release[22]));
    }

    private static int Number(string[] cell) => SharedCaptures.ParseNumber(Assert.Single(cell));

    // One TCP segment per message, client port 12345 to the H.225.0 call signalling port 1720.
    private string WriteCapture(Q931Message[] messages)
    {
        var dump = new StringBuilder();
        foreach (var message in messages)
        {
            var writer = new ArrayBufferWriter<byte>();
            TpktWriter.WriteHeader(writer, message.EncodedLength);
            message.WriteTo(writer);
            dump.Append("0000");
            foreach (var octet in writer.WrittenSpan)
            {
                dump.Append(' ').Append(octet.ToString("x2", CultureInfo.InvariantCulture));
            }

            dump.Append('\n');
        }

        var text = Path.Combine(_directory, "messages.txt");
        var capture = Path.Combine(_directory, "messages.pcap");
        File.WriteAllText(text, dump.ToString());
        SharedCaptures.Run("text2pcap", "-T", "12345,1720", text, capture);
        return capture;
    }
}
