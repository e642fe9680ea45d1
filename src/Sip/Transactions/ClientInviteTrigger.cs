namespace Signalling.Sip.Transactions;

/// <summary>The events of Figure 5 (RFC 3261 §17.1.1 as replaced by RFC 6026 §7.2).</summary>
public enum ClientInviteTrigger
{
    /// <summary>"1xx": a provisional response.</summary>
    Response1xx,

    /// <summary>"2xx": a success response.</summary>
    Response2xx,

    /// <summary>"300-699": a failure, redirect or global failure response.</summary>
    Response300To699,

    /// <summary>"Timer A fires".</summary>
    TimerAFires,

    /// <summary>"Timer B fires".</summary>
    TimerBFires,

    /// <summary>"Timer D fires".</summary>
    TimerDFires,

    /// <summary>"Timer M fires" (RFC 6026).</summary>
    TimerMFires,

    /// <summary>"Transport Err." (§17.1.4).</summary>
    TransportError,
}
