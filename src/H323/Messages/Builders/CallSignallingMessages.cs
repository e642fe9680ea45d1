using System.Net;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Q931;

namespace Signalling.H323.Messages;

/// <summary>
/// Builds the H.225.0 call signalling messages (H.225.0 clause 7, H323-UU-PDU): the <c>H323-UserInformation</c> of a
/// Setup, CallProceeding, Alerting, Connect, Progress, ReleaseComplete and Facility, and the Q.931 message that carries
/// it in its User-user element (H.225.0 §7.2.2). Each builder sets the components the ASN.1 makes mandatory
/// (including the extension additions marked mandatory since version 2-4: <c>callIdentifier</c>,
/// <c>multipleCalls</c>, <c>maintainConnection</c>, <c>mediaWaitForConnect</c>, <c>canOverlapSend</c>) and
/// what the caller passes; nothing else.
/// </summary>
public static class CallSignallingMessages
{
    /// <summary>Builds a Setup (H.225.0 Setup-UUIE).</summary>
    /// <param name="parameters">What the caller chooses.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation Setup(SetupParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var setup = new SetupUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            SourceAddress = parameters.CallingAliases.Count == 0 ? null : [.. parameters.CallingAliases],
            SourceInfo = parameters.SourceInfo ?? H225Addresses.Terminal(),
            DestinationAddress = parameters.CalledAliases.Count == 0 ? null : [.. parameters.CalledAliases],
            DestCallSignalAddress = parameters.DestinationCallSignalAddress is { } destination ? H225Addresses.FromEndPoint(destination) : null,
            SourceCallSignalAddress = parameters.SourceCallSignalAddress is { } source ? H225Addresses.FromEndPoint(source) : null,
            H245Address = parameters.H245Address is { } h245 ? H225Addresses.FromEndPoint(h245) : null,
            ActiveMC = false,
            ConferenceID = H225Addresses.ToOctets(parameters.ConferenceId ?? Guid.NewGuid()),
            ConferenceGoal = SetupUUIEConferenceGoal.CreateCreate(),
            CallType = CallType.CreatePointToPoint(),
            CallIdentifier = H225Addresses.ToCallIdentifier(parameters.CallIdentifier ?? Guid.NewGuid()),
            FastStart = parameters.FastStart.Count == 0 ? null : [.. parameters.FastStart.Select(H245Messages.EncodeOpenLogicalChannel)],
            MediaWaitForConnect = false,
            CanOverlapSend = false,
            MultipleCalls = false,
            MaintainConnection = false,
        };
        return Wrap(H323UUPDUH323MessageBody.CreateSetup(setup), parameters.H245Tunnelling);
    }

    /// <summary>Builds a CallProceeding (H.225.0 CallProceeding-UUIE).</summary>
    /// <param name="callIdentifier">The call identifier of the Setup.</param>
    /// <param name="h245Tunnelling">The <c>h245Tunnelling</c> flag; left out when null.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation CallProceeding(Guid callIdentifier, bool? h245Tunnelling = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateCallProceeding(new CallProceedingUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            DestinationInfo = H225Addresses.Terminal(),
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            MultipleCalls = false,
            MaintainConnection = false,
        }), h245Tunnelling);

    /// <summary>Builds an Alerting (H.225.0 Alerting-UUIE).</summary>
    /// <param name="callIdentifier">The call identifier of the Setup.</param>
    /// <param name="h245Tunnelling">The <c>h245Tunnelling</c> flag; left out when null.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation Alerting(Guid callIdentifier, bool? h245Tunnelling = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateAlerting(new AlertingUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            DestinationInfo = H225Addresses.Terminal(),
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            MultipleCalls = false,
            MaintainConnection = false,
        }), h245Tunnelling);

    /// <summary>Builds a Connect (H.225.0 Connect-UUIE), with the callee's H.245 address and/or its fast connect
    /// answer (H.323 §8.1.7 fast connect: the accepted OpenLogicalChannel proposals, completed with its own addresses).</summary>
    /// <param name="callIdentifier">The call identifier of the Setup.</param>
    /// <param name="conferenceId">The conference identifier of the Setup.</param>
    /// <param name="h245Address">Where the caller opens the H.245 channel; left out when null.</param>
    /// <param name="fastStart">The fast connect answer; left out when null or empty.</param>
    /// <param name="h245Tunnelling">The <c>h245Tunnelling</c> flag; left out when null.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation Connect(Guid callIdentifier, Guid conferenceId, IPEndPoint? h245Address = null, IReadOnlyList<OpenLogicalChannel>? fastStart = null, bool? h245Tunnelling = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateConnect(new ConnectUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            H245Address = h245Address is null ? null : H225Addresses.FromEndPoint(h245Address),
            DestinationInfo = H225Addresses.Terminal(),
            ConferenceID = H225Addresses.ToOctets(conferenceId),
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            FastStart = fastStart is null || fastStart.Count == 0 ? null : [.. fastStart.Select(H245Messages.EncodeOpenLogicalChannel)],
            MultipleCalls = false,
            MaintainConnection = false,
        }), h245Tunnelling);

    /// <summary>Builds a Progress (H.225.0 Progress-UUIE), sent by the callee before Connect to tell the caller that
    /// in-band information (such as ringback or an announcement) is available, with its H.245 address and/or its
    /// fast connect answer (H.323 §8.1.7) so that media can flow early.</summary>
    /// <param name="callIdentifier">The call identifier of the Setup.</param>
    /// <param name="h245Address">Where the caller opens the H.245 channel; left out when null.</param>
    /// <param name="fastStart">The fast connect answer; left out when null or empty.</param>
    /// <param name="h245Tunnelling">The <c>h245Tunnelling</c> flag; left out when null.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation Progress(Guid callIdentifier, IPEndPoint? h245Address = null, IReadOnlyList<OpenLogicalChannel>? fastStart = null, bool? h245Tunnelling = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateProgress(new ProgressUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            DestinationInfo = H225Addresses.Terminal(),
            H245Address = h245Address is null ? null : H225Addresses.FromEndPoint(h245Address),
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            FastStart = fastStart is null || fastStart.Count == 0 ? null : [.. fastStart.Select(H245Messages.EncodeOpenLogicalChannel)],
            MultipleCalls = false,
            MaintainConnection = false,
        }), h245Tunnelling);

    /// <summary>Builds a ReleaseComplete (H.225.0 ReleaseComplete-UUIE).</summary>
    /// <param name="callIdentifier">The call identifier of the call.</param>
    /// <param name="reason">Why the call ends (H.225.0 <c>ReleaseCompleteReason</c>); left out when
    /// null (the Q.931 Cause then says why).</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation ReleaseComplete(Guid callIdentifier, ReleaseCompleteReason? reason = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateReleaseComplete(new ReleaseCompleteUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            Reason = reason,
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
        }), h245Tunnelling: null);

    /// <summary>Builds a Facility (H.225.0 Facility-UUIE) with the given reason.</summary>
    /// <param name="callIdentifier">The call identifier of the call.</param>
    /// <param name="reason">Why the Facility is sent (such as <c>startH245</c>).</param>
    /// <param name="h245Address">The sender's H.245 address; left out when null.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation Facility(Guid callIdentifier, FacilityReason reason, IPEndPoint? h245Address = null) =>
        Wrap(H323UUPDUH323MessageBody.CreateFacility(new FacilityUUIE
        {
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            Reason = reason,
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            H245Address = h245Address is null ? null : H225Addresses.FromEndPoint(h245Address),
            MultipleCalls = false,
            MaintainConnection = false,
        }), h245Tunnelling: null);

    /// <summary>Builds the Facility that only carries tunnelled H.245 (H.323 §8.2.1 H.245 tunnelling): an <c>empty</c>
    /// message body, <c>h245Tunnelling</c> true and the H.245 PDUs in <c>h245Control</c>.</summary>
    /// <param name="h245Messages">The H.245 messages to tunnel.</param>
    /// <returns>The H323-UserInformation.</returns>
    public static H323UserInformation TunnelledH245(IEnumerable<MultimediaSystemControlMessage> h245Messages)
    {
        ArgumentNullException.ThrowIfNull(h245Messages);
        var information = Wrap(H323UUPDUH323MessageBody.CreateEmpty(), h245Tunnelling: true);
        information.H323UuPdu.H245Control = [.. h245Messages.Select(m => m.Encode())];
        return information;
    }

    /// <summary>Wraps an H323-UserInformation in the Q.931 message that carries it (H.225.0 §7.2.2): the
    /// message type follows the body (Facility for <c>empty</c>); a Setup gets the Bearer capability
    /// H.225.0 §7.2.2.1 requires (ITU-T, unrestricted digital, circuit mode, 64 kbit/s, H.221/H.242 layer 1)
    /// and the called number when given; a Progress gets the Progress indicator Q.931 §3.1.10 makes mandatory
    /// (ITU-T, user, description 8: in-band information is now available).</summary>
    /// <param name="information">The H.225.0 part.</param>
    /// <param name="callReference">The call reference (Q.931 §4.3; H.225.0 uses 2 octets).</param>
    /// <param name="calledPartyNumber">For a Setup, the digits of the Called party number (Q.931 §4.5.8);
    /// left out when null.</param>
    /// <returns>The Q.931 message.</returns>
    public static Q931Message ToQ931(H323UserInformation information, Q931CallReference callReference, string? calledPartyNumber = null)
    {
        ArgumentNullException.ThrowIfNull(information);
        var kind = information.H323UuPdu.H323MessageBody.Kind;
        var messageType = kind switch
        {
            H323UUPDUH323MessageBodyKind.Setup => Q931MessageType.Setup,
            H323UUPDUH323MessageBodyKind.CallProceeding => Q931MessageType.CallProceeding,
            H323UUPDUH323MessageBodyKind.Alerting => Q931MessageType.Alerting,
            H323UUPDUH323MessageBodyKind.Connect => Q931MessageType.Connect,
            H323UUPDUH323MessageBodyKind.ReleaseComplete => Q931MessageType.ReleaseComplete,
            H323UUPDUH323MessageBodyKind.Progress => Q931MessageType.Progress,
            H323UUPDUH323MessageBodyKind.Information => Q931MessageType.Information,
            H323UUPDUH323MessageBodyKind.Facility or H323UUPDUH323MessageBodyKind.Empty => Q931MessageType.Facility,
            _ => throw new ArgumentException($"No Q.931 message type is defined here for a {kind} body.", nameof(information)),
        };
        var elements = new List<Q931InformationElement>();
        if (messageType == Q931MessageType.Setup)
        {
            elements.Add(new Q931BearerCapability(Q931CodingStandard.ItuT, Q931InformationTransferCapability.UnrestrictedDigital, Q931TransferMode.Circuit, Q931BearerCapability.Rate64Kbits, null, 5).ToInformationElement());
            if (calledPartyNumber is not null)
            {
                elements.Add(new Q931PartyNumber(Q931TypeOfNumber.Unknown, Q931NumberingPlan.IsdnTelephony, calledPartyNumber).ToCalledPartyNumber());
            }
        }

        else if (messageType == Q931MessageType.Progress)
        {
            elements.Add(new Q931ProgressIndicator(Q931CodingStandard.ItuT, Q931Location.User, Q931ProgressIndicator.InbandInformationAvailable).ToInformationElement());
        }

        elements.Add(Q931UserUser.ForH225(information.Encode()).ToInformationElement());
        return new Q931Message(messageType, callReference, elements);
    }

    private static H323UserInformation Wrap(H323UUPDUH323MessageBody body, bool? h245Tunnelling) => new()
    {
        H323UuPdu = new H323UUPDU { H323MessageBody = body, H245Tunnelling = h245Tunnelling },
    };
}
