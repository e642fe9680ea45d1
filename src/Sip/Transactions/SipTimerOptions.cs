namespace Signalling.Sip.Transactions;

/// <summary>
/// The timer values of RFC 3261 §17 and Table 4 (Appendix A), with Timers L and M of RFC 6026
/// §8.11. T1, T2 and T4 are the base values; every other timer is derived from them as the
/// table says. On a reliable transport the retransmission timers (A, E, G) are not started and
/// the timers that wait out retransmissions (D, I, J, K) are zero.
/// </summary>
public sealed class SipTimerOptions
{
    private readonly TimeSpan _t1 = TimeSpan.FromMilliseconds(500);
    private readonly TimeSpan _t2 = TimeSpan.FromSeconds(4);
    private readonly TimeSpan _t4 = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _timerD = TimeSpan.FromSeconds(32);

    /// <summary>The values RFC 3261 recommends (T1 500 ms, T2 4 s, T4 5 s, Timer D 32 s).</summary>
    public static SipTimerOptions Default { get; } = new();

    /// <summary>T1, the RTT estimate (§17.1.1.1); 500 ms by default. Must be positive.</summary>
    public TimeSpan T1
    {
        get => _t1;
        init => _t1 = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "T1 must be positive (RFC 3261 §17.1.1.1).");
    }

    /// <summary>T2, the longest retransmit interval for non-INVITE requests and INVITE responses (§17.1.2.2); 4 s by default.</summary>
    public TimeSpan T2
    {
        get => _t2;
        init => _t2 = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "T2 must be positive (RFC 3261 §17.1.2.2).");
    }

    /// <summary>T4, the longest time a message stays in the network (§17.1.2.2); 5 s by default.</summary>
    public TimeSpan T4
    {
        get => _t4;
        init => _t4 = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "T4 cannot be negative.");
    }

    /// <summary>
    /// Timer D on an unreliable transport: how long a client INVITE transaction waits for
    /// response retransmissions; at least 32 s (§17.1.1.2), which is the default.
    /// </summary>
    public TimeSpan TimerDUnreliable
    {
        get => _timerD;
        init => _timerD = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "Timer D cannot be negative.");
    }

    /// <summary>Timer A, the first INVITE retransmit interval (T1); it doubles after each retransmission (§17.1.1.2).</summary>
    public TimeSpan TimerA => _t1;

    /// <summary>Timer B, the INVITE transaction timeout (64*T1, §17.1.1.2).</summary>
    public TimeSpan TimerB => 64 * _t1;

    /// <summary>Timer E, the first non-INVITE retransmit interval (T1), doubling up to T2 (§17.1.2.2).</summary>
    public TimeSpan TimerE => _t1;

    /// <summary>Timer F, the non-INVITE transaction timeout (64*T1, §17.1.2.2).</summary>
    public TimeSpan TimerF => 64 * _t1;

    /// <summary>Timer G, the first INVITE response retransmit interval (T1), doubling up to T2 (§17.2.1).</summary>
    public TimeSpan TimerG => _t1;

    /// <summary>Timer H, the wait for an ACK (64*T1, §17.2.1).</summary>
    public TimeSpan TimerH => 64 * _t1;

    /// <summary>Timer L, the wait for INVITE retransmissions in the Accepted state (64*T1, RFC 6026 §8.7).</summary>
    public TimeSpan TimerL => 64 * _t1;

    /// <summary>Timer M, the wait for 2xx retransmissions in the Accepted state (64*T1, RFC 6026 §8.4).</summary>
    public TimeSpan TimerM => 64 * _t1;

    /// <summary>Timer D: <see cref="TimerDUnreliable"/> for UDP, zero for reliable transports (§17.1.1.2).</summary>
    public TimeSpan GetTimerD(bool reliableTransport) => reliableTransport ? TimeSpan.Zero : _timerD;

    /// <summary>Timer I: T4 for UDP, zero for reliable transports (§17.2.1).</summary>
    public TimeSpan GetTimerI(bool reliableTransport) => reliableTransport ? TimeSpan.Zero : _t4;

    /// <summary>Timer J: 64*T1 for UDP, zero for reliable transports (§17.2.2).</summary>
    public TimeSpan GetTimerJ(bool reliableTransport) => reliableTransport ? TimeSpan.Zero : 64 * _t1;

    /// <summary>Timer K: T4 for UDP, zero for reliable transports (§17.1.2.2).</summary>
    public TimeSpan GetTimerK(bool reliableTransport) => reliableTransport ? TimeSpan.Zero : _t4;
}
