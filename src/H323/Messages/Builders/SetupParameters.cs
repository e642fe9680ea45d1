using System.Net;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;

namespace Signalling.H323.Messages;

/// <summary>What a caller chooses for a Setup (H.225.0 Setup-UUIE, H.323 §8.1): everything else the builder sets to
/// the value the standard makes mandatory.</summary>
public sealed class SetupParameters
{
    /// <summary>The calling party's aliases (<c>sourceAddress</c>), such as a dialedDigits number and an
    /// h323-ID; none when empty.</summary>
    public IReadOnlyList<AliasAddress> CallingAliases { get; init; } = [];

    /// <summary>The called party's aliases (<c>destinationAddress</c>); none when empty.</summary>
    public IReadOnlyList<AliasAddress> CalledAliases { get; init; } = [];

    /// <summary>The call identifier (<c>callIdentifier</c>); a fresh GUID when not set.</summary>
    public Guid? CallIdentifier { get; init; }

    /// <summary>The conference identifier (<c>conferenceID</c>); a fresh GUID when not set.</summary>
    public Guid? ConferenceId { get; init; }

    /// <summary>Whether H.245 is tunnelled in the call signalling channel (H.323 §8.2.1
    /// <c>h245Tunnelling</c>); left out when null.</summary>
    public bool? H245Tunnelling { get; init; }

    /// <summary>Fast connect proposals (H.323 §8.1.7 <c>fastStart</c>): each OpenLogicalChannel is PER
    /// encoded into its own element; none when empty.</summary>
    public IReadOnlyList<OpenLogicalChannel> FastStart { get; init; } = [];

    /// <summary>The address the call is sent to (<c>destCallSignalAddress</c>); left out when null.</summary>
    public IPEndPoint? DestinationCallSignalAddress { get; init; }

    /// <summary>The caller's call signalling address (<c>sourceCallSignalAddress</c>); left out when null.</summary>
    public IPEndPoint? SourceCallSignalAddress { get; init; }

    /// <summary>The caller's H.245 address (<c>h245Address</c>); left out when null.</summary>
    public IPEndPoint? H245Address { get; init; }

    /// <summary>The caller's endpoint type (<c>sourceInfo</c>); a terminal when null.</summary>
    public EndpointType? SourceInfo { get; init; }
}
