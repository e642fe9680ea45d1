using Signalling.H323.Q931;

namespace Signalling.H323.Tests.Q931;

/// <summary>Messages built with the typed elements, as an H.323 endpoint would send them.</summary>
internal static class Q931TestMessages
{
    public static readonly byte[] OpaqueUserInformation = [0x20, 0xA8, 0x06, 0x00, 0x08, 0x91, 0x4A, 0x00, 0x04];

    public static readonly Q931CallReference Originator = new(0x1234, flag: false);

    public static Q931Message Setup() => new(
        Q931MessageType.Setup,
        Originator,
        [
            new Q931BearerCapability(Q931CodingStandard.ItuT, Q931InformationTransferCapability.UnrestrictedDigital, Q931TransferMode.Circuit, Q931BearerCapability.MultirateTransferRate, 6, 5).ToInformationElement(),
            new Q931Display("Alice").ToInformationElement(),
            new Q931PartyNumber(Q931TypeOfNumber.National, Q931NumberingPlan.IsdnTelephony, "4930123", Q931PresentationIndicator.Restricted, Q931ScreeningIndicator.NetworkProvided).ToCallingPartyNumber(),
            new Q931PartyNumber(Q931TypeOfNumber.Subscriber, Q931NumberingPlan.IsdnTelephony, "5551234#").ToCalledPartyNumber(),
            Q931UserUser.ForH225(OpaqueUserInformation).ToInformationElement(),
        ]);

    public static Q931Message Alerting() => new(
        Q931MessageType.Alerting,
        Originator.Reply(),
        [
            new Q931ProgressIndicator(Q931CodingStandard.ItuT, Q931Location.PrivateNetworkLocalUser, Q931ProgressIndicator.InbandInformationAvailable).ToInformationElement(),
            new Q931Signal(Q931Signal.RingBackToneOn).ToInformationElement(),
            Q931UserUser.ForH225(OpaqueUserInformation).ToInformationElement(),
        ]);

    public static Q931Message Connect() => new(
        Q931MessageType.Connect,
        Originator.Reply(),
        [
            new Q931Display("Bob").ToInformationElement(),
            new Q931NotificationIndicator(1).ToInformationElement(),
            new Q931PartyNumber(Q931TypeOfNumber.International, Q931NumberingPlan.IsdnTelephony, "4930999", Q931PresentationIndicator.Allowed, Q931ScreeningIndicator.UserProvidedVerifiedAndPassed).ToConnectedNumber(),
            Q931UserUser.ForH225(OpaqueUserInformation).ToInformationElement(),
        ]);

    public static Q931Message ReleaseComplete() => new(
        Q931MessageType.ReleaseComplete,
        Originator,
        [
            new Q931Cause(Q931CodingStandard.ItuT, Q931Location.PublicNetworkRemoteUser, 17, Diagnostics: new byte[] { 0x9F }).ToInformationElement(),
            new Q931CallState(Q931CodingStandard.ItuT, 10).ToInformationElement(),
            Q931UserUser.ForH225(OpaqueUserInformation).ToInformationElement(),
        ]);
}
