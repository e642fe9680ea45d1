namespace Signalling.H323.Q931;

/// <summary>
/// The Q.931 message type octet (Q.931 §4.4, Table 4-2). Values not named here are kept as they are;
/// H.225.0 §7.3 lists the ones it uses.
/// </summary>
#pragma warning disable CA1028 // The message type is one octet on the wire.
public enum Q931MessageType : byte
#pragma warning restore CA1028
{
    /// <summary>Escape to nationally specific message types (Q.931 §4.4).</summary>
    Escape = 0x00,

    /// <summary>ALERTING: the called user is being alerted.</summary>
    Alerting = 0x01,

    /// <summary>CALL PROCEEDING: the call is being established and no more information will be accepted.</summary>
    CallProceeding = 0x02,

    /// <summary>PROGRESS: reports the progress of the call.</summary>
    Progress = 0x03,

    /// <summary>SETUP: starts a call.</summary>
    Setup = 0x05,

    /// <summary>CONNECT: the called user has accepted the call.</summary>
    Connect = 0x07,

    /// <summary>SETUP ACKNOWLEDGE: call establishment started, more information is needed.</summary>
    SetupAcknowledge = 0x0D,

    /// <summary>CONNECT ACKNOWLEDGE: the user has been awarded the call.</summary>
    ConnectAcknowledge = 0x0F,

    /// <summary>USER INFORMATION.</summary>
    UserInformation = 0x20,

    /// <summary>SUSPEND REJECT.</summary>
    SuspendReject = 0x21,

    /// <summary>RESUME REJECT.</summary>
    ResumeReject = 0x22,

    /// <summary>SUSPEND.</summary>
    Suspend = 0x25,

    /// <summary>RESUME.</summary>
    Resume = 0x26,

    /// <summary>SUSPEND ACKNOWLEDGE.</summary>
    SuspendAcknowledge = 0x2D,

    /// <summary>RESUME ACKNOWLEDGE.</summary>
    ResumeAcknowledge = 0x2E,

    /// <summary>DISCONNECT: the connection is being cleared.</summary>
    Disconnect = 0x45,

    /// <summary>RESTART.</summary>
    Restart = 0x46,

    /// <summary>RELEASE: the sender has released the channel.</summary>
    Release = 0x4D,

    /// <summary>RESTART ACKNOWLEDGE.</summary>
    RestartAcknowledge = 0x4E,

    /// <summary>RELEASE COMPLETE: the call is cleared and the call reference released;
    /// H.225.0 clears calls with it.</summary>
    ReleaseComplete = 0x5A,

    /// <summary>SEGMENT.</summary>
    Segment = 0x60,

    /// <summary>FACILITY: requests or acknowledges a supplementary service; H.225.0 also
    /// uses it for call redirection and tunnelling.</summary>
    Facility = 0x62,

    /// <summary>NOTIFY.</summary>
    Notify = 0x6E,

    /// <summary>STATUS ENQUIRY.</summary>
    StatusEnquiry = 0x75,

    /// <summary>CONGESTION CONTROL.</summary>
    CongestionControl = 0x79,

    /// <summary>INFORMATION.</summary>
    Information = 0x7B,

    /// <summary>STATUS.</summary>
    Status = 0x7D,
}
