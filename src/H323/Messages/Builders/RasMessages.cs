using System.Net;
using Signalling.H323.Messages.H225;

namespace Signalling.H323.Messages;

/// <summary>
/// Builds the RAS messages an endpoint sends to its gatekeeper (H.225.0 RasMessage, H.323 §7.2): GRQ, RRQ, ARQ, DRQ,
/// URQ and IRR. Each sets the components the ASN.1 makes mandatory, including mandatory extension additions
/// (<c>keepAlive</c>, <c>willSupplyUUIEs</c>, <c>maintainConnection</c>, <c>canMapAlias</c>,
/// <c>callIdentifier</c>, <c>answeredCall</c>, <c>needResponse</c>, <c>unsolicited</c>), and what the caller passes; nothing else.
/// </summary>
public static class RasMessages
{
    /// <summary>Builds a GatekeeperRequest (H.225.0 GatekeeperRequest).</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535).</param>
    /// <param name="rasAddress">Where the endpoint receives RAS messages.</param>
    /// <param name="aliases">The endpoint's aliases (<c>endpointAlias</c>); left out when null or empty.</param>
    /// <param name="gatekeeperIdentifier">The gatekeeper asked for; any gatekeeper when null.</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage GatekeeperRequest(int requestSeqNum, IPEndPoint rasAddress, IReadOnlyList<AliasAddress>? aliases = null, string? gatekeeperIdentifier = null) =>
        RasMessage.CreateGatekeeperRequest(new GatekeeperRequest
        {
            RequestSeqNum = requestSeqNum,
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            RasAddress = H225Addresses.FromEndPoint(rasAddress),
            EndpointType = H225Addresses.Terminal(),
            GatekeeperIdentifier = gatekeeperIdentifier,
            EndpointAlias = NullIfEmpty(aliases),
        });

    /// <summary>Builds a RegistrationRequest (H.225.0 RegistrationRequest), or with <paramref name="keepAlive"/> the
    /// lightweight re-registration that refreshes it before <c>timeToLive</c> runs out (H.323 §7.2.2).</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535).</param>
    /// <param name="callSignalAddress">Where the endpoint accepts calls.</param>
    /// <param name="rasAddress">Where the endpoint receives RAS messages.</param>
    /// <param name="aliases">The endpoint's aliases (<c>terminalAlias</c>: dialedDigits, h323-ID, url-ID,
    /// email-ID ...); left out when null or empty.</param>
    /// <param name="vendor">The endpoint's vendor (<c>endpointVendor</c>, mandatory); a vendor with T.35
    /// country code 0 and no product when null.</param>
    /// <param name="timeToLive">The registration lifetime asked for, in seconds; left out when null.</param>
    /// <param name="keepAlive">Whether this is a keep-alive re-registration.</param>
    /// <param name="endpointIdentifier">The identifier the gatekeeper assigned (sent with keep-alives).</param>
    /// <param name="gatekeeperIdentifier">The gatekeeper registered with; left out when null.</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage RegistrationRequest(
        int requestSeqNum,
        IPEndPoint callSignalAddress,
        IPEndPoint rasAddress,
        IReadOnlyList<AliasAddress>? aliases = null,
        VendorIdentifier? vendor = null,
        int? timeToLive = null,
        bool keepAlive = false,
        string? endpointIdentifier = null,
        string? gatekeeperIdentifier = null) =>
        RasMessage.CreateRegistrationRequest(new RegistrationRequest
        {
            RequestSeqNum = requestSeqNum,
            ProtocolIdentifier = H323ProtocolIdentifiers.H225,
            DiscoveryComplete = false,
            CallSignalAddress = [H225Addresses.FromEndPoint(callSignalAddress)],
            RasAddress = [H225Addresses.FromEndPoint(rasAddress)],
            TerminalType = H225Addresses.Terminal(),
            TerminalAlias = NullIfEmpty(aliases),
            GatekeeperIdentifier = gatekeeperIdentifier,
            EndpointVendor = vendor ?? new VendorIdentifier { Vendor = new H221NonStandard() },
            TimeToLive = timeToLive,
            KeepAlive = keepAlive,
            EndpointIdentifier = endpointIdentifier,
            WillSupplyUUIEs = false,
            MaintainConnection = false,
        });

    /// <summary>Builds an AdmissionRequest (H.225.0 AdmissionRequest) for a point-to-point call.</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535).</param>
    /// <param name="endpointIdentifier">The identifier the gatekeeper assigned at registration.</param>
    /// <param name="callReferenceValue">The Q.931 call reference value of the call (0-65535).</param>
    /// <param name="callIdentifier">The call identifier of the call.</param>
    /// <param name="conferenceId">The conference identifier of the call.</param>
    /// <param name="sourceAliases">The caller's aliases (<c>srcInfo</c>, mandatory).</param>
    /// <param name="destinationAliases">The called aliases (<c>destinationInfo</c>); left out when null or empty.</param>
    /// <param name="bandWidth">The bandwidth asked for, in units of 100 bit/s (both directions).</param>
    /// <param name="answerCall">Whether the endpoint is the called party.</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage AdmissionRequest(
        int requestSeqNum,
        string endpointIdentifier,
        int callReferenceValue,
        Guid callIdentifier,
        Guid conferenceId,
        IReadOnlyList<AliasAddress> sourceAliases,
        IReadOnlyList<AliasAddress>? destinationAliases = null,
        int bandWidth = 1280,
        bool answerCall = false)
    {
        ArgumentNullException.ThrowIfNull(sourceAliases);
        return RasMessage.CreateAdmissionRequest(new AdmissionRequest
        {
            RequestSeqNum = requestSeqNum,
            CallType = CallType.CreatePointToPoint(),
            EndpointIdentifier = endpointIdentifier,
            DestinationInfo = NullIfEmpty(destinationAliases),
            SrcInfo = [.. sourceAliases],
            BandWidth = bandWidth,
            CallReferenceValue = callReferenceValue,
            ConferenceID = H225Addresses.ToOctets(conferenceId),
            ActiveMC = false,
            AnswerCall = answerCall,
            CanMapAlias = false,
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            WillSupplyUUIEs = false,
        });
    }

    /// <summary>Builds a DisengageRequest (H.225.0 DisengageRequest).</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535).</param>
    /// <param name="endpointIdentifier">The identifier the gatekeeper assigned at registration.</param>
    /// <param name="callReferenceValue">The Q.931 call reference value of the call.</param>
    /// <param name="callIdentifier">The call identifier of the call.</param>
    /// <param name="conferenceId">The conference identifier of the call.</param>
    /// <param name="answeredCall">Whether the endpoint was the called party.</param>
    /// <param name="reason">Why the call ends; <c>normalDrop</c> when null.</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage DisengageRequest(int requestSeqNum, string endpointIdentifier, int callReferenceValue, Guid callIdentifier, Guid conferenceId, bool answeredCall = false, DisengageReason? reason = null) =>
        RasMessage.CreateDisengageRequest(new DisengageRequest
        {
            RequestSeqNum = requestSeqNum,
            EndpointIdentifier = endpointIdentifier,
            ConferenceID = H225Addresses.ToOctets(conferenceId),
            CallReferenceValue = callReferenceValue,
            DisengageReason = reason ?? DisengageReason.CreateNormalDrop(),
            CallIdentifier = H225Addresses.ToCallIdentifier(callIdentifier),
            AnsweredCall = answeredCall,
        });

    /// <summary>Builds an UnregistrationRequest (H.225.0 UnregistrationRequest).</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535).</param>
    /// <param name="callSignalAddress">The call signalling address that was registered.</param>
    /// <param name="endpointIdentifier">The identifier the gatekeeper assigned; left out when null.</param>
    /// <param name="aliases">The aliases to unregister; all when null or empty.</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage UnregistrationRequest(int requestSeqNum, IPEndPoint callSignalAddress, string? endpointIdentifier = null, IReadOnlyList<AliasAddress>? aliases = null) =>
        RasMessage.CreateUnregistrationRequest(new UnregistrationRequest
        {
            RequestSeqNum = requestSeqNum,
            CallSignalAddress = [H225Addresses.FromEndPoint(callSignalAddress)],
            EndpointAlias = NullIfEmpty(aliases),
            EndpointIdentifier = endpointIdentifier,
        });

    /// <summary>Builds an InfoRequestResponse (H.225.0 InfoRequestResponse, H.323 §7.2.6): the answer to an IRQ
    /// (same sequence number) or, with <paramref name="unsolicited"/>, a report the endpoint sends on its own.</summary>
    /// <param name="requestSeqNum">The request sequence number (1-65535): the IRQ's when answering one.</param>
    /// <param name="endpointIdentifier">The identifier the gatekeeper assigned at registration.</param>
    /// <param name="rasAddress">Where the endpoint receives RAS messages.</param>
    /// <param name="callSignalAddresses">Where the endpoint accepts calls (<c>callSignalAddress</c>, mandatory, may be empty).</param>
    /// <param name="aliases">The endpoint's aliases (<c>endpointAlias</c>); left out when null or empty.</param>
    /// <param name="perCallInfo">The calls reported on (<c>perCallInfo</c>); left out when null or empty.</param>
    /// <param name="unsolicited">Whether the IRR is sent without an IRQ.</param>
    /// <param name="needResponse">Whether the endpoint asks the gatekeeper to acknowledge it (IACK/INAK).</param>
    /// <returns>The RAS message.</returns>
    public static RasMessage InfoRequestResponse(
        int requestSeqNum,
        string endpointIdentifier,
        IPEndPoint rasAddress,
        IReadOnlyList<IPEndPoint> callSignalAddresses,
        IReadOnlyList<AliasAddress>? aliases = null,
        IReadOnlyList<InfoRequestResponsePerCallInfoItem>? perCallInfo = null,
        bool unsolicited = false,
        bool needResponse = false)
    {
        ArgumentNullException.ThrowIfNull(callSignalAddresses);
        return RasMessage.CreateInfoRequestResponse(new InfoRequestResponse
        {
            RequestSeqNum = requestSeqNum,
            EndpointType = H225Addresses.Terminal(),
            EndpointIdentifier = endpointIdentifier,
            RasAddress = H225Addresses.FromEndPoint(rasAddress),
            CallSignalAddress = [.. callSignalAddresses.Select(H225Addresses.FromEndPoint)],
            EndpointAlias = NullIfEmpty(aliases),
            PerCallInfo = perCallInfo is null || perCallInfo.Count == 0 ? null : [.. perCallInfo],
            NeedResponse = needResponse,
            Unsolicited = unsolicited,
        });
    }

    private static List<AliasAddress>? NullIfEmpty(IReadOnlyList<AliasAddress>? aliases) =>
        aliases is null || aliases.Count == 0 ? null : [.. aliases];
}
