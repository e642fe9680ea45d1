namespace Signalling.Sip.Transactions;

/// <summary>The events of Figure 8 (RFC 3261 §17.2.2).</summary>
public enum ServerNonInviteTrigger
{
    /// <summary>"Request": a retransmission of the request.</summary>
    Request,

    /// <summary>"1xx from TU".</summary>
    Response1xxFromTU,

    /// <summary>"200-699 from TU".</summary>
    Response200To699FromTU,

    /// <summary>"Timer J fires".</summary>
    TimerJFires,

    /// <summary>"Transport Err." (§17.2.4).</summary>
    TransportError,
}
