using System.Net;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Q931;

namespace Signalling.H323.Tests.Builders;

/// <summary>The builders without Wireshark: what they set, what they leave out, and that every message
/// decodes back to the same octets.</summary>
public sealed class MessageBuilderTests
{
    private static readonly IPEndPoint Address = new(IPAddress.Parse("192.0.2.10"), 1720);

    [Fact]
    public void Setup_gets_fresh_guids_and_the_mandatory_components_only()
    {
        var first = CallSignallingMessages.Setup(new SetupParameters()).H323UuPdu.H323MessageBody.Setup!;
        var second = CallSignallingMessages.Setup(new SetupParameters()).H323UuPdu.H323MessageBody.Setup!;

        Assert.Equal(16, first.CallIdentifier!.Guid.Length);
        Assert.Equal(16, first.ConferenceID.Length);
        Assert.NotEqual(first.CallIdentifier.Guid, second.CallIdentifier!.Guid);
        Assert.NotEqual(first.ConferenceID, second.ConferenceID);
        Assert.NotEqual(first.CallIdentifier.Guid, first.ConferenceID);
        Assert.Equal(H323ProtocolIdentifiers.H225, first.ProtocolIdentifier);
        Assert.Null(first.SourceAddress);
        Assert.Null(first.DestinationAddress);
        Assert.Null(first.FastStart);
        Assert.Null(first.H245Address);
        Assert.Equal(CallTypeKind.PointToPoint, first.CallType.Kind);
        Assert.Equal(SetupUUIEConferenceGoalKind.Create, first.ConferenceGoal.Kind);
        Assert.False(first.MediaWaitForConnect);
        Assert.False(first.MultipleCalls);
    }

    [Fact]
    public void Setup_carries_the_given_guids_in_network_order_and_each_fast_start_proposal_on_its_own()
    {
        var callId = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        var proposal = H245Messages.AudioChannel(1, AudioCapability.CreateG711Ulaw64k(20), Address);
        var information = CallSignallingMessages.Setup(new SetupParameters { CallIdentifier = callId, FastStart = [proposal, proposal], H245Tunnelling = true });
        var setup = information.H323UuPdu.H323MessageBody.Setup!;

        Assert.Equal(Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), setup.CallIdentifier!.Guid);
        Assert.True(information.H323UuPdu.H245Tunnelling);
        Assert.Equal(2, setup.FastStart!.Count);
        Assert.True(Signalling.H323.Per.PerDecoder.TryDecode(setup.FastStart[0], OpenLogicalChannel.Decode, out var decoded, out _));
        Assert.Equal(1, decoded.ForwardLogicalChannelNumber);
    }

    [Fact]
    public void ToQ931_picks_the_message_type_and_adds_the_bearer_capability_to_a_setup()
    {
        var callId = Guid.NewGuid();
        var reference = new Q931CallReference(7, flag: false);
        var setup = CallSignallingMessages.ToQ931(CallSignallingMessages.Setup(new SetupParameters()), reference, "5551234");
        Assert.Equal(Q931MessageType.Setup, setup.MessageType);
        Assert.True(setup.TryGetBearerCapability(out var bearer));
        Assert.Equal(Q931InformationTransferCapability.UnrestrictedDigital, bearer.InformationTransferCapability);
        Assert.True(setup.TryGetCalledPartyNumber(out var called));
        Assert.Equal("5551234", called.Digits);

        Assert.Equal(Q931MessageType.CallProceeding, CallSignallingMessages.ToQ931(CallSignallingMessages.CallProceeding(callId), reference.Reply()).MessageType);
        Assert.Equal(Q931MessageType.Alerting, CallSignallingMessages.ToQ931(CallSignallingMessages.Alerting(callId), reference.Reply()).MessageType);
        Assert.Equal(Q931MessageType.Connect, CallSignallingMessages.ToQ931(CallSignallingMessages.Connect(callId, callId), reference.Reply()).MessageType);
        var progress = CallSignallingMessages.ToQ931(CallSignallingMessages.Progress(callId), reference.Reply());
        Assert.Equal(Q931MessageType.Progress, progress.MessageType);
        Assert.True(progress.TryGetProgressIndicator(out var indicator));
        Assert.Equal(new Q931ProgressIndicator(Q931CodingStandard.ItuT, Q931Location.User, Q931ProgressIndicator.InbandInformationAvailable), indicator);
        Assert.False(progress.TryGetBearerCapability(out _));
        Assert.False(setup.TryGetProgressIndicator(out _));
        Assert.Equal(Q931MessageType.ReleaseComplete, CallSignallingMessages.ToQ931(CallSignallingMessages.ReleaseComplete(callId), reference).MessageType);
        Assert.Equal(Q931MessageType.Facility, CallSignallingMessages.ToQ931(CallSignallingMessages.Facility(callId, FacilityReason.CreateStartH245()), reference).MessageType);
        var tunnel = CallSignallingMessages.ToQ931(CallSignallingMessages.TunnelledH245([H245Messages.EndSessionCommand()]), reference);
        Assert.Equal(Q931MessageType.Facility, tunnel.MessageType);
        Assert.False(tunnel.TryGetBearerCapability(out _));

        // The User-user element holds the H323-UserInformation exactly.
        Assert.True(tunnel.TryGetUserUser(out var userUser));
        Assert.True(H323UserInformation.TryDecode(userUser.Payload.Span, out var information, out _));
        Assert.Equal(H323UUPDUH323MessageBodyKind.Empty, information.H323UuPdu.H323MessageBody.Kind);
        Assert.Equal(H245Messages.EndSessionCommand().Encode(), Assert.Single(information.H323UuPdu.H245Control!));
    }

    [Fact]
    public void Every_built_message_decodes_to_the_same_octets()
    {
        var id = Guid.NewGuid();
        var channel = H245Messages.AudioChannel(3, AudioCapability.CreateG729(2), Address, Address);
        byte[][] callSignalling =
        [
            CallSignallingMessages.Setup(new SetupParameters { CallingAliases = [AliasAddress.CreateH323ID("a")], FastStart = [channel], DestinationCallSignalAddress = Address, SourceCallSignalAddress = Address, H245Address = Address }).Encode(),
            CallSignallingMessages.CallProceeding(id, true).Encode(),
            CallSignallingMessages.Alerting(id).Encode(),
            CallSignallingMessages.Connect(id, id, Address, [channel], false).Encode(),
            CallSignallingMessages.ReleaseComplete(id, ReleaseCompleteReason.CreateUndefinedReason()).Encode(),
            CallSignallingMessages.Facility(id, FacilityReason.CreateStartH245(), Address).Encode(),
            CallSignallingMessages.Progress(id).Encode(),
            CallSignallingMessages.Progress(id, Address, [channel], true).Encode(),
        ];
        foreach (var bytes in callSignalling)
        {
            Assert.True(H323UserInformation.TryDecode(bytes, out var value, out var error), error.ToString());
            Assert.Equal(bytes, value.Encode());
        }

        byte[][] ras =
        [
            RasMessages.GatekeeperRequest(1, Address).Encode(),
            RasMessages.RegistrationRequest(2, Address, Address, [AliasAddress.CreateUrlID("http://x/"), AliasAddress.CreateEmailID("a@b")]).Encode(),
            RasMessages.AdmissionRequest(3, "EP", 1, id, id, [AliasAddress.CreateDialledDigits("1")], answerCall: true).Encode(),
            RasMessages.DisengageRequest(4, "EP", 1, id, id, reason: DisengageReason.CreateForcedDrop()).Encode(),
            RasMessages.UnregistrationRequest(5, Address, aliases: [AliasAddress.CreateH323ID("a")]).Encode(),
            RasMessages.InfoRequestResponse(6, "EP", Address, []).Encode(),
            RasMessages.InfoRequestResponse(7, "EP", Address, [Address, Address], [AliasAddress.CreateDialledDigits("1")], unsolicited: true, needResponse: true).Encode(),
        ];
        foreach (var bytes in ras)
        {
            Assert.True(RasMessage.TryDecode(bytes, out var value, out var error), error.ToString());
            Assert.Equal(bytes, value.Encode());
        }

        byte[][] h245 =
        [
            H245Messages.TerminalCapabilitySet(0, [], [UserInputCapability.CreateDtmf()]).Encode(),
            H245Messages.TerminalCapabilitySet(1, []).Encode(), // empty capability set (H.245 §8.3: close all channels)
            H245Messages.MasterSlaveDetermination(0xFFFFFF).Encode(),
            H245Messages.OpenLogicalChannelRequest(channel).Encode(),
            H245Messages.OpenLogicalChannelAck(3, Address, Address, sessionId: null).Encode(),
            H245Messages.CloseLogicalChannel(3).Encode(),
            H245Messages.RoundTripDelayRequest(0).Encode(),
            H245Messages.UserInputAlphanumeric("*").Encode(),
            H245Messages.UserInputSignal('!').Encode(),
            H245Messages.EndSessionCommand().Encode(),
        ];
        foreach (var bytes in h245)
        {
            Assert.True(MultimediaSystemControlMessage.TryDecode(bytes, out var value, out var error), error.ToString());
            Assert.Equal(bytes, value.Encode());
        }
    }

    [Fact]
    public void Progress_carries_the_mandatory_components_and_what_is_given()
    {
        var callId = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        var bare = CallSignallingMessages.Progress(callId).H323UuPdu.H323MessageBody.Progress!;
        Assert.Equal(H323ProtocolIdentifiers.H225, bare.ProtocolIdentifier);
        Assert.NotNull(bare.DestinationInfo.Terminal);
        Assert.Equal(Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), bare.CallIdentifier.Guid);
        Assert.Null(bare.H245Address);
        Assert.Null(bare.FastStart);
        Assert.False(bare.MultipleCalls);
        Assert.False(bare.MaintainConnection);

        var channel = H245Messages.AudioChannel(1, AudioCapability.CreateG711Ulaw64k(20), Address, Address);
        var information = CallSignallingMessages.Progress(callId, Address, [channel], h245Tunnelling: true);
        var full = information.H323UuPdu.H323MessageBody.Progress!;
        Assert.True(information.H323UuPdu.H245Tunnelling);
        Assert.Equal([192, 0, 2, 10], full.H245Address!.IpAddress!.Ip);
        Assert.Equal(H245Messages.EncodeOpenLogicalChannel(channel), Assert.Single(full.FastStart!));
    }

    [Fact]
    public void Info_request_response_sets_the_mandatory_components_and_lists_each_call_signal_address()
    {
        var second = new IPEndPoint(IPAddress.Parse("198.51.100.1"), 1721);
        var irr = RasMessages.InfoRequestResponse(42, "EP-9", Address, [Address, second], [AliasAddress.CreateH323ID("a")]).InfoRequestResponse!;
        Assert.Equal(42, irr.RequestSeqNum);
        Assert.Equal("EP-9", irr.EndpointIdentifier);
        Assert.NotNull(irr.EndpointType.Terminal);
        Assert.Equal([192, 0, 2, 10], irr.RasAddress.IpAddress!.Ip);
        Assert.Equal([1720L, 1721L], irr.CallSignalAddress.Select(a => a.IpAddress!.Port));
        Assert.Single(irr.EndpointAlias!);
        Assert.Null(irr.PerCallInfo);
        Assert.False(irr.NeedResponse);
        Assert.False(irr.Unsolicited);

        var bare = RasMessages.InfoRequestResponse(1, "EP", Address, [], unsolicited: true).InfoRequestResponse!;
        Assert.Empty(bare.CallSignalAddress);
        Assert.Null(bare.EndpointAlias);
        Assert.True(bare.Unsolicited);
    }

    [Fact]
    public void Terminal_capability_set_numbers_entries_and_groups_audio_as_alternatives()
    {
        var tcs = H245Messages.TerminalCapabilitySet(9, [AudioCapability.CreateG711Alaw64k(20), AudioCapability.CreateG729(2)], [UserInputCapability.CreateDtmf()])
            .Request!.TerminalCapabilitySet!;
        Assert.Equal([1L, 2L, 3L], tcs.CapabilityTable!.Select(e => e.CapabilityTableEntryNumber));
        Assert.Equal(CapabilityKind.ReceiveAudioCapability, tcs.CapabilityTable![0].Capability!.Kind);
        Assert.Equal(CapabilityKind.ReceiveAndTransmitUserInputCapability, tcs.CapabilityTable![2].Capability!.Kind);
        var descriptor = Assert.Single(tcs.CapabilityDescriptors!);
        Assert.Equal([[1L, 2L], [3L]], descriptor.SimultaneousCapabilities!);
        Assert.Null(tcs.MultiplexCapability);

        var empty = H245Messages.TerminalCapabilitySet(1, []).Request!.TerminalCapabilitySet!;
        Assert.Null(empty.CapabilityTable);
        Assert.Null(empty.CapabilityDescriptors);
    }

    [Fact]
    public void Addresses_follow_the_ip_version_and_signals_are_checked()
    {
        var v6 = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 1720);
        Assert.Equal(Signalling.H323.Messages.H225.TransportAddressKind.Ip6Address, H225Addresses.FromEndPoint(v6).Kind);
        Assert.Equal(IPAddress.Parse("2001:db8::1").GetAddressBytes(), H225Addresses.FromEndPoint(v6).Ip6Address!.Ip);
        Assert.Equal(UnicastAddressKind.IP6Address, H245Messages.ToTransportAddress(v6).UnicastAddress!.Kind);
        var mapped = new IPEndPoint(IPAddress.Parse("192.0.2.10").MapToIPv6(), 5000);
        Assert.Equal([192, 0, 2, 10], H225Addresses.FromEndPoint(mapped).IpAddress!.Ip);
        Assert.Equal(5000, H245Messages.ToTransportAddress(mapped).UnicastAddress!.IPAddress!.TsapIdentifier);

        Assert.Throws<ArgumentOutOfRangeException>(() => H245Messages.UserInputSignal('x'));
        Assert.Equal("#", H245Messages.UserInputSignal('#').Indication!.UserInput!.Signal!.SignalType);
    }
}
