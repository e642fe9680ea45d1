namespace Signalling.H323.Q931;

/// <summary>Who provided a calling or connected number and whether it was checked (Q.931 §4.5.10, bits 2-1 of octet 3a).</summary>
public enum Q931ScreeningIndicator
{
    /// <summary>User-provided, not screened.</summary>
    UserProvidedNotScreened = 0,

    /// <summary>User-provided, verified and passed.</summary>
    UserProvidedVerifiedAndPassed = 1,

    /// <summary>User-provided, verified and failed.</summary>
    UserProvidedVerifiedAndFailed = 2,

    /// <summary>Network provided.</summary>
    NetworkProvided = 3,
}
