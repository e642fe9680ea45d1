using System.Net;
using System.Net.Sockets;
using Signalling.H323.Messages.H245;
using Signalling.H323.Per;

namespace Signalling.H323.Messages;

/// <summary>
/// Builds the H.245 messages an H.323 endpoint sends (H.245 §6, as H.323 §6.2.8 uses them): capability
/// exchange, master/slave determination, logical channel signalling, round trip delay, user input and end of
/// session. Each sets the components the ASN.1 makes mandatory and what the caller passes; nothing else.
/// </summary>
public static class H245Messages
{
    /// <summary>The terminal type value of an H.323 terminal in master/slave determination (H.323 §6.2.8.4,
    /// Table 1).</summary>
    public const int TerminalTypeTerminal = 50;

    /// <summary>Builds a TerminalCapabilitySet (H.245 §8.3): the audio capabilities as receive capabilities
    /// and the user input capabilities as receive-and-transmit capabilities, numbered from 1 in the order
    /// given, and one capability descriptor (number 0) in which the endpoint can run any one of the audio
    /// capabilities together with every user input capability.</summary>
    /// <param name="sequenceNumber">The sequence number (0-255).</param>
    /// <param name="audio">The audio capabilities, such as <c>AudioCapability.CreateG711Ulaw64k(20)</c>.</param>
    /// <param name="userInput">The user input capabilities, such as <c>UserInputCapability.CreateDtmf()</c>.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage TerminalCapabilitySet(int sequenceNumber, IReadOnlyList<AudioCapability> audio, IReadOnlyList<UserInputCapability>? userInput = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        userInput ??= [];
        var table = new List<CapabilityTableEntry>();
        foreach (var capability in audio)
        {
            table.Add(new CapabilityTableEntry { CapabilityTableEntryNumber = table.Count + 1, Capability = Capability.CreateReceiveAudioCapability(capability) });
        }

        foreach (var capability in userInput)
        {
            table.Add(new CapabilityTableEntry { CapabilityTableEntryNumber = table.Count + 1, Capability = Capability.CreateReceiveAndTransmitUserInputCapability(capability) });
        }

        // H.245 §8.3: each AlternativeCapabilitySet lists entries of which one can be used at a time;
        // the sets of a descriptor can be used simultaneously.
        var simultaneous = new List<List<long>>();
        if (audio.Count > 0)
        {
            simultaneous.Add([.. Enumerable.Range(1, audio.Count).Select(i => (long)i)]);
        }

        simultaneous.AddRange(Enumerable.Range(audio.Count + 1, userInput.Count).Select(i => new List<long> { i }));
        return MultimediaSystemControlMessage.CreateRequest(RequestMessage.CreateTerminalCapabilitySet(new TerminalCapabilitySet
        {
            SequenceNumber = sequenceNumber,
            ProtocolIdentifier = H323ProtocolIdentifiers.H245,
            CapabilityTable = table.Count == 0 ? null : table,
            CapabilityDescriptors = table.Count == 0 ? null : [new CapabilityDescriptor { CapabilityDescriptorNumber = 0, SimultaneousCapabilities = simultaneous }],
        }));
    }

    /// <summary>Builds a MasterSlaveDetermination (H.245 §8.2).</summary>
    /// <param name="statusDeterminationNumber">A random number in 0..2^24-1 (H.245 §8.2).</param>
    /// <param name="terminalType">The terminal type value (H.323 §6.2.8.4); a terminal's by default.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage MasterSlaveDetermination(int statusDeterminationNumber, int terminalType = TerminalTypeTerminal) =>
        MultimediaSystemControlMessage.CreateRequest(RequestMessage.CreateMasterSlaveDetermination(new MasterSlaveDetermination
        {
            TerminalType = terminalType,
            StatusDeterminationNumber = statusDeterminationNumber,
        }));

    /// <summary>Builds the OpenLogicalChannel of a forward audio channel over RTP (H.245 §8.4 LCSE with the
    /// H2250LogicalChannelParameters H.225.0 uses): the codec, the RTP session and the sender's RTCP address; the RTP
    /// address too when given (as in a fastStart receive proposal).</summary>
    /// <param name="channelNumber">The forward logical channel number (1-65535).</param>
    /// <param name="audio">The codec, such as <c>AudioCapability.CreateG711Ulaw64k(20)</c> (20 frames per packet).</param>
    /// <param name="mediaControlChannel">Where the sender receives RTCP (<c>mediaControlChannel</c>).</param>
    /// <param name="mediaChannel">Where RTP goes (<c>mediaChannel</c>); left out when null.</param>
    /// <param name="sessionId">The RTP session (H.245 §8.4: 1 audio, 2 video, 3 data).</param>
    /// <returns>The OpenLogicalChannel, to send with <see cref="OpenLogicalChannelRequest"/> or propose in fastStart.</returns>
    public static OpenLogicalChannel AudioChannel(int channelNumber, AudioCapability audio, IPEndPoint mediaControlChannel, IPEndPoint? mediaChannel = null, int sessionId = 1)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return new OpenLogicalChannel
        {
            ForwardLogicalChannelNumber = channelNumber,
            ForwardLogicalChannelParameters = new OpenLogicalChannelForwardLogicalChannelParameters
            {
                DataType = DataType.CreateAudioData(audio),
                MultiplexParameters = OpenLogicalChannelForwardLogicalChannelParametersMultiplexParameters.CreateH2250LogicalChannelParameters(new H2250LogicalChannelParameters
                {
                    SessionID = sessionId,
                    MediaChannel = mediaChannel is null ? null : ToTransportAddress(mediaChannel),
                    MediaControlChannel = ToTransportAddress(mediaControlChannel),
                }),
            },
        };
    }

    /// <summary>Wraps an OpenLogicalChannel as the H.245 request (H.245 §8.4 LCSE).</summary>
    /// <param name="channel">The channel to open.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage OpenLogicalChannelRequest(OpenLogicalChannel channel) =>
        MultimediaSystemControlMessage.CreateRequest(RequestMessage.CreateOpenLogicalChannel(channel));

    /// <summary>Builds an OpenLogicalChannelAck (H.245 §8.4 LCSE) with the receiver's RTP and RTCP addresses
    /// (H2250LogicalChannelAckParameters).</summary>
    /// <param name="channelNumber">The forward logical channel number being acknowledged.</param>
    /// <param name="mediaChannel">Where the receiver wants RTP.</param>
    /// <param name="mediaControlChannel">Where the receiver wants RTCP.</param>
    /// <param name="sessionId">The RTP session; left out when null.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage OpenLogicalChannelAck(int channelNumber, IPEndPoint mediaChannel, IPEndPoint mediaControlChannel, int? sessionId = 1) =>
        MultimediaSystemControlMessage.CreateResponse(ResponseMessage.CreateOpenLogicalChannelAck(new OpenLogicalChannelAck
        {
            ForwardLogicalChannelNumber = channelNumber,
            ForwardMultiplexAckParameters = OpenLogicalChannelAckForwardMultiplexAckParameters.CreateH2250LogicalChannelAckParameters(new H2250LogicalChannelAckParameters
            {
                SessionID = sessionId,
                MediaChannel = ToTransportAddress(mediaChannel),
                MediaControlChannel = ToTransportAddress(mediaControlChannel),
            }),
        }));

    /// <summary>Builds a CloseLogicalChannel (H.245 §8.4 LCSE) from the user (not the LCSE).</summary>
    /// <param name="channelNumber">The forward logical channel number.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage CloseLogicalChannel(int channelNumber) =>
        MultimediaSystemControlMessage.CreateRequest(RequestMessage.CreateCloseLogicalChannel(new CloseLogicalChannel
        {
            ForwardLogicalChannelNumber = channelNumber,
            Source = CloseLogicalChannelSource.CreateUser(),
        }));

    /// <summary>Builds a RoundTripDelayRequest (H.245 §8.10 RTDSE).</summary>
    /// <param name="sequenceNumber">The sequence number (0-255).</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage RoundTripDelayRequest(int sequenceNumber) =>
        MultimediaSystemControlMessage.CreateRequest(RequestMessage.CreateRoundTripDelayRequest(new RoundTripDelayRequest { SequenceNumber = sequenceNumber }));

    /// <summary>Builds a UserInputIndication with alphanumeric text (H.245 <c>alphanumeric</c>, which
    /// H.323 §10.5 uses for DTMF digits).</summary>
    /// <param name="text">The characters typed.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage UserInputAlphanumeric(string text) =>
        MultimediaSystemControlMessage.CreateIndication(IndicationMessage.CreateUserInput(UserInputIndication.CreateAlphanumeric(text)));

    /// <summary>Builds a UserInputIndication <c>signal</c> (H.245 UserInputIndication, H.323 §10.5): one DTMF tone.</summary>
    /// <param name="signalType">The tone: one of <c>0123456789#*ABCD!</c> (<c>!</c> is hook flash).</param>
    /// <param name="durationMilliseconds">The tone's duration; left out when null.</param>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage UserInputSignal(char signalType, int? durationMilliseconds = null)
    {
        // H.245: signalType IA5String (SIZE (1)) (FROM ("0123456789#*ABCD!")).
        if (!"0123456789#*ABCD!".Contains(signalType, StringComparison.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(signalType), signalType, "H.245 signalType is one of 0123456789#*ABCD!.");
        }

        return MultimediaSystemControlMessage.CreateIndication(IndicationMessage.CreateUserInput(UserInputIndication.CreateSignal(new UserInputIndicationSignal
        {
            SignalType = signalType.ToString(),
            Duration = durationMilliseconds,
        })));
    }

    /// <summary>Builds an EndSessionCommand <c>disconnect</c> (H.245 EndSessionCommand, H.323 §8.5).</summary>
    /// <returns>The H.245 message.</returns>
    public static MultimediaSystemControlMessage EndSessionCommand() =>
        MultimediaSystemControlMessage.CreateCommand(CommandMessage.CreateEndSessionCommand(H245.EndSessionCommand.CreateDisconnect()));

    /// <summary>An H.245 unicast transport address (<c>iPAddress</c> or <c>iP6Address</c>) from an IP end point.</summary>
    /// <param name="endPoint">The address and port.</param>
    /// <returns>The transport address.</returns>
    public static TransportAddress ToTransportAddress(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return TransportAddress.CreateUnicastAddress(address.AddressFamily == AddressFamily.InterNetworkV6
            ? UnicastAddress.CreateIP6Address(new UnicastAddressIP6Address { Network = address.GetAddressBytes(), TsapIdentifier = endPoint.Port })
            : UnicastAddress.CreateIPAddress(new UnicastAddressIPAddress { Network = address.GetAddressBytes(), TsapIdentifier = endPoint.Port }));
    }

    /// <summary>The PER encoding of an OpenLogicalChannel on its own, as a fastStart element carries it
    /// (H.323 §8.1.7).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The octets.</returns>
    public static byte[] EncodeOpenLogicalChannel(OpenLogicalChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        using var encoder = new PerEncoder();
        channel.Encode(encoder);
        return encoder.ToArray();
    }
}
