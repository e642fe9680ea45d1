using System.Net;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H245;

namespace Signalling.H323.Tests.Builders;

/// <summary>
/// The H.245 builders checked by Wireshark: each message in a TPKT on a TCP connection to port 30000,
/// dissected as H.245, in one capture: no malformed or error item, the values we set, and every octet of
/// each MultimediaSystemControlMessage consumed.
/// </summary>
public sealed class H245WiresharkOracleTests
{
    [Fact]
    public void Wireshark_decodes_our_h245_messages()
    {
        WiresharkOracle.RequireTools();

        var rtp = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 7000);
        var rtcp = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 7001);
        MultimediaSystemControlMessage[] messages =
        [
            H245Messages.TerminalCapabilitySet(
                1,
                [AudioCapability.CreateG711Alaw64k(20), AudioCapability.CreateG711Ulaw64k(30), AudioCapability.CreateG729(2), AudioCapability.CreateG72264k(10)],
                [UserInputCapability.CreateBasicString(), UserInputCapability.CreateDtmf()]),
            H245Messages.MasterSlaveDetermination(0x123456),
            H245Messages.OpenLogicalChannelRequest(H245Messages.AudioChannel(101, AudioCapability.CreateG711Ulaw64k(20), new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5001))),
            H245Messages.OpenLogicalChannelAck(101, rtp, rtcp),
            H245Messages.CloseLogicalChannel(101),
            H245Messages.RoundTripDelayRequest(200),
            H245Messages.UserInputAlphanumeric("12#"),
            H245Messages.UserInputSignal('7', 160),
            H245Messages.EndSessionCommand(),
        ];

        using var oracle = new WiresharkOracle();
        var encoded = messages.Select(m => m.Encode()).ToArray();
        var capture = oracle.WriteTpktCapture(encoded, "12345,30000");
        string[] asH245 = ["-d", "tcp.port==30000,h245"];
        Assert.Empty(WiresharkOracle.Problems(capture, asH245));
        var packets = WiresharkOracle.Dissect(capture, asH245);
        Assert.Equal(messages.Length, packets.Count);
        for (var i = 0; i < messages.Length; i++)
        {
            WiresharkOracle.AssertCovers(packets[i], "h245.pdu_type", messages[i].Encode, $"message {i}");
        }

        var tcs = packets[0];
        Assert.Equal(["2"], WiresharkOracle.Values(tcs, "h245.request"));
        Assert.Equal(["0.0.8.245.0.13"], WiresharkOracle.Values(tcs, "h245.protocolIdentifier"));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], WiresharkOracle.Values(tcs, "h245.capabilityTableEntryNumber"));
        Assert.Equal(["20"], WiresharkOracle.Values(tcs, "h245.g711Alaw64k"));
        Assert.Equal(["30"], WiresharkOracle.Values(tcs, "h245.g711Ulaw64k"));
        Assert.Equal(["2"], WiresharkOracle.Values(tcs, "h245.g729"));
        Assert.Equal(["10"], WiresharkOracle.Values(tcs, "h245.g722_64k"));
        Assert.Equal(["1", "4"], WiresharkOracle.Values(tcs, "h245.receiveAndTransmitUserInputCapability")); // basicString, dtmf
        Assert.Equal(["1", "2", "3", "4", "5", "6"], WiresharkOracle.Values(tcs, "h245.CapabilityTableEntryNumber")); // the descriptor's alternatives

        var msd = packets[1];
        Assert.Equal(["1"], WiresharkOracle.Values(msd, "h245.request"));
        Assert.Equal(["50"], WiresharkOracle.Values(msd, "h245.terminalType"));
        Assert.Equal(["1193046"], WiresharkOracle.Values(msd, "h245.statusDeterminationNumber"));

        var olc = packets[2];
        Assert.Equal(["3"], WiresharkOracle.Values(olc, "h245.request"));
        Assert.Equal(["101"], WiresharkOracle.Values(olc, "h245.forwardLogicalChannelNumber"));
        Assert.Equal(["20"], WiresharkOracle.Values(olc, "h245.g711Ulaw64k"));
        Assert.Equal(["1"], WiresharkOracle.Values(olc, "h245.sessionID"));
        Assert.Equal(["192.0.2.1"], WiresharkOracle.Values(olc, "h245.ip4_network"));
        Assert.Equal(["5001"], WiresharkOracle.Values(olc, "h245.tsapIdentifier"));

        var ack = packets[3];
        Assert.Equal(["5"], WiresharkOracle.Values(ack, "h245.response"));
        Assert.Equal(["101"], WiresharkOracle.Values(ack, "h245.forwardLogicalChannelNumber"));
        Assert.Equal(["198.51.100.7", "198.51.100.7"], WiresharkOracle.Values(ack, "h245.ip4_network"));
        Assert.Equal(["7000", "7001"], WiresharkOracle.Values(ack, "h245.tsapIdentifier"));

        var close = packets[4];
        Assert.Equal(["4"], WiresharkOracle.Values(close, "h245.request"));
        Assert.Equal(["101"], WiresharkOracle.Values(close, "h245.forwardLogicalChannelNumber"));

        Assert.Equal(["9"], WiresharkOracle.Values(packets[5], "h245.request"));
        Assert.Equal(["200"], WiresharkOracle.Values(packets[5], "h245.sequenceNumber"));

        Assert.Equal(["12#"], WiresharkOracle.Values(packets[6], "h245.alphanumeric"));
        Assert.Equal(["7"], WiresharkOracle.Values(packets[7], "h245.signalType"));
        Assert.Equal(["160"], WiresharkOracle.Values(packets[7], "h245.duration"));

        Assert.Equal(["5"], WiresharkOracle.Values(packets[8], "h245.command")); // endSessionCommand
        Assert.Equal(["1"], WiresharkOracle.Values(packets[8], "h245.endSessionCommand")); // disconnect
    }
}
