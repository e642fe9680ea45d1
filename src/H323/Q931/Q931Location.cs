namespace Signalling.H323.Q931;

/// <summary>Where a cause or progress indication was generated (Q.931 §4.5.12, Q.850 §2.2.3).</summary>
public enum Q931Location
{
    /// <summary>User.</summary>
    User = 0,

    /// <summary>Private network serving the local user.</summary>
    PrivateNetworkLocalUser = 1,

    /// <summary>Public network serving the local user.</summary>
    PublicNetworkLocalUser = 2,

    /// <summary>Transit network.</summary>
    TransitNetwork = 3,

    /// <summary>Public network serving the remote user.</summary>
    PublicNetworkRemoteUser = 4,

    /// <summary>Private network serving the remote user.</summary>
    PrivateNetworkRemoteUser = 5,

    /// <summary>International network.</summary>
    InternationalNetwork = 7,

    /// <summary>Network beyond interworking point.</summary>
    BeyondInterworkingPoint = 10,
}
