using System.Net;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Q931;

namespace Signalling.H323.Tests.Builders;

/// <summary>
/// The call signalling builders checked by Wireshark: each message wrapped in Q.931 and TPKT, sent to port
/// 1720 in one capture, must dissect without a malformed or error item, show the values we set, and its
/// H323-UserInformation must cover exactly the octets we encoded (Wireshark does not flag trailing octets).
/// </summary>
public sealed class CallSignallingWiresharkOracleTests
{
    private static readonly Guid CallId = Guid.Parse("0a1b2c3d-4e5f-4607-8809-0a0b0c0d0e0f");
    private static readonly Guid ConferenceId = Guid.Parse("f0e0d0c0-b0a0-4090-8070-605040302010");
    private static readonly Q931CallReference CallReference = new(0x1234, flag: false);
    private static readonly IPEndPoint Rtcp = new(IPAddress.Parse("192.0.2.1"), 5001);

    [Fact]
    public void Wireshark_decodes_our_call_signalling_messages()
    {
        WiresharkOracle.RequireTools();

        var proposals = new[]
        {
            H245Messages.AudioChannel(1, AudioCapability.CreateG711Ulaw64k(20), Rtcp),
            H245Messages.AudioChannel(2, AudioCapability.CreateG711Alaw64k(20), Rtcp),
        };
        var answer = H245Messages.AudioChannel(1, AudioCapability.CreateG711Ulaw64k(20), new IPEndPoint(IPAddress.Parse("198.51.100.7"), 7001), new IPEndPoint(IPAddress.Parse("198.51.100.7"), 7000));
        H323UserInformation[] messages =
        [
            CallSignallingMessages.Setup(new SetupParameters
            {
                CallingAliases = [AliasAddress.CreateDialledDigits("4930123"), AliasAddress.CreateH323ID("alice")],
                CalledAliases = [AliasAddress.CreateDialledDigits("5551234"), AliasAddress.CreateH323ID("bob")],
                CallIdentifier = CallId,
                ConferenceId = ConferenceId,
                H245Tunnelling = true,
            }),
            CallSignallingMessages.Setup(new SetupParameters
            {
                CallingAliases = [AliasAddress.CreateH323ID("alice")],
                CallIdentifier = CallId,
                ConferenceId = ConferenceId,
                H245Tunnelling = false,
                FastStart = proposals,
            }),
            CallSignallingMessages.CallProceeding(CallId),
            CallSignallingMessages.Alerting(CallId, h245Tunnelling: true),
            CallSignallingMessages.Connect(CallId, ConferenceId, h245Address: new IPEndPoint(IPAddress.Parse("198.51.100.7"), 1800)),
            CallSignallingMessages.Connect(CallId, ConferenceId, fastStart: [answer]),
            CallSignallingMessages.ReleaseComplete(CallId, ReleaseCompleteReason.CreateDestinationRejection()),
            CallSignallingMessages.TunnelledH245([H245Messages.RoundTripDelayRequest(4)]),
            CallSignallingMessages.Progress(CallId, h245Address: new IPEndPoint(IPAddress.Parse("198.51.100.7"), 1801), fastStart: [answer], h245Tunnelling: false),
        ];
        var q931 = messages.Select(m => CallSignallingMessages.ToQ931(m, m.H323UuPdu.H323MessageBody.Kind == H323UUPDUH323MessageBodyKind.Setup ? CallReference : CallReference.Reply(), "5551234")).ToArray();

        using var oracle = new WiresharkOracle();
        var capture = oracle.WriteTpktCapture(q931.Select(m => m.ToArray()), "12345,1720");
        Assert.Empty(WiresharkOracle.Problems(capture));
        var packets = WiresharkOracle.Dissect(capture);
        Assert.Equal(messages.Length, packets.Count);

        for (var i = 0; i < messages.Length; i++)
        {
            // Every octet of the H323-UserInformation was consumed by the PER dissector.
            WiresharkOracle.AssertCovers(packets[i], "h225.H323_UserInformation_element", messages[i].Encode, $"message {i}");
            Assert.Equal([$"0x{(int)q931[i].MessageType:x2}"], WiresharkOracle.Values(packets[i], "q931.message_type"));
            if (messages[i].H323UuPdu.H323MessageBody.Kind != H323UUPDUH323MessageBodyKind.Empty) // an empty body has no UUIE
            {
                Assert.Equal(["0.0.8.2250.0.7"], WiresharkOracle.Values(packets[i], "h225.protocolIdentifier").Take(1));
                Assert.Equal([CallId.ToString()], WiresharkOracle.Values(packets[i], "h225.guid"));
            }
        }

        // Setup: aliases of both kinds, identifiers, tunnelling, Bearer capability and Called party number.
        var setup = packets[0];
        Assert.Equal(["0"], WiresharkOracle.Values(setup, "h225.h323_message_body"));
        Assert.Equal(["4930123", "5551234"], WiresharkOracle.Values(setup, "h225.dialledDigits"));
        Assert.Equal(["alice", "bob"], WiresharkOracle.Values(setup, "h225.h323_ID"));
        Assert.Equal([ConferenceId.ToString()], WiresharkOracle.Values(setup, "h225.conferenceID"));
        Assert.Equal(["1"], WiresharkOracle.Values(setup, "h225.h245Tunnelling"));
        Assert.Empty(WiresharkOracle.Values(setup, "h225.FastStart_item"));
        Assert.Equal(["5551234"], WiresharkOracle.Values(setup, "q931.called_party_number.digits"));
        Assert.Equal(["0x08"], WiresharkOracle.Values(setup, "q931.information_transfer_capability"));

        // Setup with fastStart: two proposals, each a complete OpenLogicalChannel.
        var fastSetup = packets[1];
        Assert.Equal(["0"], WiresharkOracle.Values(fastSetup, "h225.h245Tunnelling"));
        Assert.Equal(proposals.Select(p => H245Messages.EncodeOpenLogicalChannel(p).Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), WiresharkOracle.Values(fastSetup, "h225.FastStart_item"));
        Assert.Equal(["1", "2"], WiresharkOracle.Values(fastSetup, "h245.forwardLogicalChannelNumber"));
        Assert.Equal(["20"], WiresharkOracle.Values(fastSetup, "h245.g711Ulaw64k"));
        Assert.Equal(["20"], WiresharkOracle.Values(fastSetup, "h245.g711Alaw64k"));
        Assert.Equal(["192.0.2.1", "192.0.2.1"], WiresharkOracle.Values(fastSetup, "h245.ip4_network"));
        Assert.Equal(["5001", "5001"], WiresharkOracle.Values(fastSetup, "h245.tsapIdentifier"));

        Assert.Equal(["1"], WiresharkOracle.Values(packets[2], "h225.h323_message_body")); // callProceeding
        Assert.Equal(["3"], WiresharkOracle.Values(packets[3], "h225.h323_message_body")); // alerting
        Assert.Equal(["1"], WiresharkOracle.Values(packets[3], "h225.h245Tunnelling"));

        var connect = packets[4];
        Assert.Equal(["2"], WiresharkOracle.Values(connect, "h225.h323_message_body"));
        Assert.Equal(["198.51.100.7"], WiresharkOracle.Values(connect, "h225.h245Ip"));
        Assert.Equal(["1800"], WiresharkOracle.Values(connect, "h225.h245IpPort"));
        Assert.Equal([ConferenceId.ToString()], WiresharkOracle.Values(connect, "h225.conferenceID"));

        var fastConnect = packets[5];
        Assert.Equal(["1"], WiresharkOracle.Values(fastConnect, "h245.forwardLogicalChannelNumber"));
        Assert.Equal(["198.51.100.7", "198.51.100.7"], WiresharkOracle.Values(fastConnect, "h245.ip4_network"));
        Assert.Equal(["7000", "7001"], WiresharkOracle.Values(fastConnect, "h245.tsapIdentifier")); // mediaChannel, mediaControlChannel

        var release = packets[6];
        Assert.Equal(["5"], WiresharkOracle.Values(release, "h225.h323_message_body"));
        Assert.Equal(["3"], WiresharkOracle.Values(release, "h225.reason")); // destinationRejection

        // Facility with an empty body carrying a tunnelled RoundTripDelayRequest.
        var facility = packets[7];
        Assert.Equal(["8"], WiresharkOracle.Values(facility, "h225.h323_message_body"));
        Assert.Equal(["1"], WiresharkOracle.Values(facility, "h225.h245Tunnelling"));
        Assert.Equal(["9"], WiresharkOracle.Values(facility, "h245.request"));
        Assert.Equal(["4"], WiresharkOracle.Values(facility, "h245.sequenceNumber"));
        WiresharkOracle.AssertCovers(facility, "h245.pdu_type", H245Messages.RoundTripDelayRequest(4).Encode, "tunnelled H.245");

        // Progress: the fast connect answer and H.245 address, in a Q.931 Progress with in-band information available.
        var progress = packets[8];
        Assert.Equal(["7"], WiresharkOracle.Values(progress, "h225.h323_message_body"));
        Assert.Equal(["198.51.100.7"], WiresharkOracle.Values(progress, "h225.h245Ip"));
        Assert.Equal(["1801"], WiresharkOracle.Values(progress, "h225.h245IpPort"));
        Assert.Equal(["0"], WiresharkOracle.Values(progress, "h225.h245Tunnelling"));
        Assert.Equal(["1"], WiresharkOracle.Values(progress, "h245.forwardLogicalChannelNumber"));
        Assert.Equal(["7000", "7001"], WiresharkOracle.Values(progress, "h245.tsapIdentifier"));
        Assert.Equal(["0x08"], WiresharkOracle.Values(progress, "q931.progress_indicator.description"));
        Assert.Equal(["0x00"], WiresharkOracle.Values(progress, "q931.progress_indicator.location"));
    }
}
