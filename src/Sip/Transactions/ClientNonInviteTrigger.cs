namespace Signalling.Sip.Transactions;

/// <summary>The events of Figure 6 (RFC 3261 §17.1.2).</summary>
public enum ClientNonInviteTrigger
{
    /// <summary>"1xx": a provisional response.</summary>
    Response1xx,

    /// <summary>"200-699": a final response.</summary>
    Response200To699,

    /// <summary>"Timer E" fires.</summary>
    TimerEFires,

    /// <summary>"Timer F" fires.</summary>
    TimerFFires,

    /// <summary>"Timer K" fires.</summary>
    TimerKFires,

    /// <summary>"Transport Err." (§17.1.4).</summary>
    TransportError,
}
