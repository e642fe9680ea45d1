namespace Signalling.Sip.Transactions;

/// <summary>The events of Figure 7 (RFC 3261 §17.2.1 as replaced by RFC 6026 §7.1).</summary>
public enum ServerInviteTrigger
{
    /// <summary>"INVITE": a retransmission of the INVITE.</summary>
    Invite,

    /// <summary>"ACK": the ACK matched to this transaction.</summary>
    Ack,

    /// <summary>"101-199 from TU".</summary>
    Response1xxFromTU,

    /// <summary>"2xx from TU".</summary>
    Response2xxFromTU,

    /// <summary>"300-699 from TU".</summary>
    Response300To699FromTU,

    /// <summary>"Timer G fires".</summary>
    TimerGFires,

    /// <summary>"Timer H fires".</summary>
    TimerHFires,

    /// <summary>"Timer I fires".</summary>
    TimerIFires,

    /// <summary>"Timer L fires" (RFC 6026).</summary>
    TimerLFires,

    /// <summary>"Transport Err." (§17.2.4).</summary>
    TransportError,
}
