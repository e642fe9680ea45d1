namespace Signalling.Sip.Sdp;

/// <summary>
/// A <c>t=&lt;start-time&gt; &lt;stop-time&gt;</c> line (RFC 8866 §5.9) with the <c>r=</c>
/// repeat lines that follow it (RFC 8866 §5.10), kept verbatim. SIP sessions use <c>t=0 0</c>.
/// </summary>
public sealed class SdpTiming
{
    private readonly List<string> _repeats = [];

    /// <summary>Creates a timing line.</summary>
    /// <param name="start">Start time in NTP seconds, 0 for unbounded.</param>
    /// <param name="stop">Stop time in NTP seconds, 0 for unbounded.</param>
    public SdpTiming(ulong start = 0, ulong stop = 0)
    {
        Start = start;
        Stop = stop;
    }

    /// <summary>Start time in NTP seconds; 0 means the session is permanent (RFC 8866 §5.9).</summary>
    public ulong Start { get; set; }

    /// <summary>Stop time in NTP seconds; 0 means unbounded (RFC 8866 §5.9).</summary>
    public ulong Stop { get; set; }

    /// <summary>The values of the <c>r=</c> lines that follow this <c>t=</c> line, in order.</summary>
    public IList<string> Repeats => _repeats;

    internal List<string> RepeatList => _repeats;

    /// <summary>The line content after <c>t=</c>.</summary>
    /// <returns><c>start stop</c>.</returns>
    public override string ToString() => $"{Start} {Stop}";
}
