using System.Net;
using CsCheck;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;

namespace Signalling.H323.Tests.Builders;

/// <summary>
/// The builders under random inputs: every RRQ, ARQ, Setup, TerminalCapabilitySet and UserInputIndication built
/// from CsCheck-generated values (aliases of each kind, GUIDs, sequence numbers within their ranges, IPv4 end points,
/// DTMF strings, with and without the optional parts) encodes, decodes and encodes again to the same octets, and
/// the decoded message holds the values it was built from.
/// </summary>
public sealed class BuilderRoundTripPropertyTests
{
    private const int Iterations = 300;

    private const string Dtmf = "0123456789#*ABCD";

    private static readonly Gen<Guid> Guids = Gen.Guid;

    private static readonly Gen<IPEndPoint> EndPoints =
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.Int[0, 65535], (a, b, c, d, port) => new IPEndPoint(new IPAddress([a, b, c, d]), port));

    private static readonly Gen<string> Ia5 = Gen.String[Gen.Char[' ', '~'], 1, 40];

    // BMPString: any UTF-16 code unit outside the surrogates.
    private static readonly Gen<string> Bmp = Gen.String[Gen.OneOf(Gen.Char[' ', '~'], Gen.Char['\u00A0', '\uD7FF'], Gen.Char['\uE000', '\uFFFD']), 1, 40];

    private static readonly Gen<AliasAddress> Aliases = Gen.OneOf(
        Gen.String[Gen.Char["0123456789#*,"], 1, 128].Select(AliasAddress.CreateDialledDigits),
        Bmp.Select(AliasAddress.CreateH323ID),
        Ia5.Select(AliasAddress.CreateUrlID),
        Ia5.Select(AliasAddress.CreateEmailID),
        EndPoints.Select(e => AliasAddress.CreateTransportID(H225Addresses.FromEndPoint(e))));

    private static readonly Gen<AudioCapability> Audio = Gen.OneOf(
        Gen.Int[1, 256].Select(f => AudioCapability.CreateG711Ulaw64k(f)),
        Gen.Int[1, 256].Select(f => AudioCapability.CreateG711Alaw64k(f)),
        Gen.Int[1, 256].Select(f => AudioCapability.CreateG729(f)));

    private static readonly Gen<UserInputCapability> UserInput =
        Gen.OneOfConst(UserInputCapability.CreateDtmf(), UserInputCapability.CreateBasicString(), UserInputCapability.CreateHookflash());

    private static readonly Gen<OpenLogicalChannel> Channels =
        Gen.Select(Gen.Int[1, 65535], Audio, EndPoints, EndPoints.Null(), (number, audio, rtcp, rtp) => H245Messages.AudioChannel(number, audio, rtcp, rtp));

    [Fact]
    public void Registration_request_round_trips()
    {
        Gen.Select(
            Gen.Int[1, 65535],
            EndPoints,
            EndPoints,
            Aliases.List[0, 4],
            Gen.Int[1, int.MaxValue].Nullable(),
            Gen.Bool,
            Bmp.Null(),
            Bmp.Null())
        .Sample((seq, callSignal, ras, aliases, ttl, keepAlive, endpointId, gatekeeperId) =>
        {
            var decoded = RoundTrip(RasMessages.RegistrationRequest(seq, callSignal, ras, aliases, timeToLive: ttl, keepAlive: keepAlive, endpointIdentifier: endpointId, gatekeeperIdentifier: gatekeeperId)).RegistrationRequest!;
            Assert.Equal(seq, decoded.RequestSeqNum);
            Assert.Equal(Describe(callSignal), Describe(Assert.Single(decoded.CallSignalAddress)));
            Assert.Equal(Describe(ras), Describe(Assert.Single(decoded.RasAddress)));
            Assert.Equal(aliases.Select(Describe), (decoded.TerminalAlias ?? []).Select(Describe));
            Assert.Equal(ttl, decoded.TimeToLive);
            Assert.Equal(keepAlive, decoded.KeepAlive);
            Assert.Equal(endpointId, decoded.EndpointIdentifier);
            Assert.Equal(gatekeeperId, decoded.GatekeeperIdentifier);
        }, iter: Iterations);
    }

    [Fact]
    public void Admission_request_round_trips()
    {
        Gen.Select(
            Gen.Int[1, 65535],
            Bmp,
            Gen.Int[0, 65535],
            Guids,
            Guids,
            Aliases.List[1, 3],
            Aliases.List[0, 3],
            Gen.Select(Gen.Int[0, int.MaxValue], Gen.Bool))
        .Sample((seq, endpointId, crv, callId, conferenceId, source, destination, rest) =>
        {
            var (bandWidth, answerCall) = rest;
            var decoded = RoundTrip(RasMessages.AdmissionRequest(seq, endpointId, crv, callId, conferenceId, source, destination, bandWidth, answerCall)).AdmissionRequest!;
            Assert.Equal(seq, decoded.RequestSeqNum);
            Assert.Equal(endpointId, decoded.EndpointIdentifier);
            Assert.Equal(crv, decoded.CallReferenceValue);
            Assert.Equal(H225Addresses.ToOctets(callId), decoded.CallIdentifier!.Guid);
            Assert.Equal(H225Addresses.ToOctets(conferenceId), decoded.ConferenceID);
            Assert.Equal(source.Select(Describe), decoded.SrcInfo.Select(Describe));
            Assert.Equal(destination.Select(Describe), (decoded.DestinationInfo ?? []).Select(Describe));
            Assert.Equal(bandWidth, decoded.BandWidth);
            Assert.Equal(answerCall, decoded.AnswerCall);
        }, iter: Iterations);
    }

    [Fact]
    public void Setup_round_trips()
    {
        Gen.Select(
            Aliases.List[0, 3],
            Aliases.List[0, 3],
            Guids,
            Guids,
            Gen.Bool.Nullable(),
            Channels.List[0, 3],
            EndPoints.Null(),
            EndPoints.Null())
        .Sample((calling, called, callId, conferenceId, tunnelling, fastStart, destination, h245) =>
        {
            var information = CallSignallingMessages.Setup(new SetupParameters
            {
                CallingAliases = calling,
                CalledAliases = called,
                CallIdentifier = callId,
                ConferenceId = conferenceId,
                H245Tunnelling = tunnelling,
                FastStart = fastStart,
                DestinationCallSignalAddress = destination,
                H245Address = h245,
            });
            var bytes = information.Encode();
            Assert.True(H323UserInformation.TryDecode(bytes, out var value, out var error), error.ToString());
            Assert.Equal(bytes, value.Encode());

            var decoded = value.H323UuPdu.H323MessageBody.Setup!;
            Assert.Equal(tunnelling, value.H323UuPdu.H245Tunnelling);
            Assert.Equal(calling.Select(Describe), (decoded.SourceAddress ?? []).Select(Describe));
            Assert.Equal(called.Select(Describe), (decoded.DestinationAddress ?? []).Select(Describe));
            Assert.Equal(H225Addresses.ToOctets(callId), decoded.CallIdentifier!.Guid);
            Assert.Equal(H225Addresses.ToOctets(conferenceId), decoded.ConferenceID);
            Assert.Equal(destination is null ? null : Describe(destination), decoded.DestCallSignalAddress is null ? null : Describe(decoded.DestCallSignalAddress));
            Assert.Equal(h245 is null ? null : Describe(h245), decoded.H245Address is null ? null : Describe(decoded.H245Address));
            Assert.Equal(fastStart.Select(H245Messages.EncodeOpenLogicalChannel), decoded.FastStart ?? []);
        }, iter: Iterations);
    }

    [Fact]
    public void Terminal_capability_set_round_trips()
    {
        Gen.Select(Gen.Int[0, 255], Audio.List[0, 5], UserInput.List[0, 3])
        .Sample((seq, audio, userInput) =>
        {
            var decoded = RoundTrip(H245Messages.TerminalCapabilitySet(seq, audio, userInput)).Request!.TerminalCapabilitySet!;
            Assert.Equal(seq, decoded.SequenceNumber);
            Assert.Equal(H323ProtocolIdentifiers.H245, decoded.ProtocolIdentifier);
            var table = decoded.CapabilityTable ?? [];
            Assert.Equal(Enumerable.Range(1, audio.Count + userInput.Count).Select(i => (long)i), table.Select(e => e.CapabilityTableEntryNumber));
            Assert.Equal(audio.Select(a => a.Kind), table.Take(audio.Count).Select(e => e.Capability!.ReceiveAudioCapability!.Kind));
            Assert.Equal(userInput.Select(u => u.Kind), table.Skip(audio.Count).Select(e => e.Capability!.ReceiveAndTransmitUserInputCapability!.Kind));
        }, iter: Iterations);
    }

    [Fact]
    public void User_input_indication_round_trips()
    {
        Gen.String[Gen.Char[Dtmf], 1, 32].Sample(digits =>
        {
            var decoded = RoundTrip(H245Messages.UserInputAlphanumeric(digits)).Indication!.UserInput!;
            Assert.Equal(digits, decoded.Alphanumeric);
        }, iter: Iterations);

        Gen.Select(Gen.Char[Dtmf + "!"], Gen.Int[1, 65535].Nullable()).Sample((signal, duration) =>
        {
            var decoded = RoundTrip(H245Messages.UserInputSignal(signal, duration)).Indication!.UserInput!.Signal!;
            Assert.Equal(signal.ToString(), decoded.SignalType);
            Assert.Equal(duration, decoded.Duration);
        }, iter: Iterations);
    }

    private static RasMessage RoundTrip(RasMessage message)
    {
        var bytes = message.Encode();
        Assert.True(RasMessage.TryDecode(bytes, out var value, out var error), error.ToString());
        Assert.Equal(bytes, value.Encode());
        return value;
    }

    private static MultimediaSystemControlMessage RoundTrip(MultimediaSystemControlMessage message)
    {
        var bytes = message.Encode();
        Assert.True(MultimediaSystemControlMessage.TryDecode(bytes, out var value, out var error), error.ToString());
        Assert.Equal(bytes, value.Encode());
        return value;
    }

    private static string Describe(IPEndPoint endPoint) => Describe(H225Addresses.FromEndPoint(endPoint));

    private static string Describe(Signalling.H323.Messages.H225.TransportAddress address) =>
        address.IpAddress is { } ip ? $"{new IPAddress(ip.Ip)}:{ip.Port}" : address.Kind.ToString();

    private static string Describe(AliasAddress alias) => alias.Kind switch
    {
        AliasAddressKind.DialledDigits => "e164:" + alias.DialledDigits,
        AliasAddressKind.H323ID => "h323:" + alias.H323ID,
        AliasAddressKind.UrlID => "url:" + alias.UrlID,
        AliasAddressKind.EmailID => "email:" + alias.EmailID,
        AliasAddressKind.TransportID => "transport:" + Describe(alias.TransportID!),
        _ => alias.Kind.ToString(),
    };
}
