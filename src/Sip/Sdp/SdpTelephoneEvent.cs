namespace Signalling.Sip.Sdp;

/// <summary>
/// A <c>telephone-event</c> payload type offered in a media description (RFC 4733 §2.4 and §7)
/// with the events its <c>a=fmtp</c> line lists.
/// </summary>
/// <param name="PayloadType">The dynamic payload type carrying the events.</param>
/// <param name="ClockRate">The RTP clock rate, usually 8000.</param>
/// <param name="Events">The fmtp event list, for example <c>0-16</c> or <c>0-15,66,70</c>; null when there is no fmtp line.</param>
public readonly record struct SdpTelephoneEvent(int PayloadType, int ClockRate, string? Events)
{
    /// <summary>
    /// Whether an event code is in the list. RFC 4733 §2.4.1: without an fmtp line the
    /// receiver supports events 0 to 15 (the DTMF digits).
    /// </summary>
    /// <param name="eventCode">The event code (RFC 4733 §3.2: 0-9, *, #, A-D are 0 to 15).</param>
    /// <returns>True when the event is listed.</returns>
    public bool Includes(int eventCode)
    {
        if (Events is null)
            return eventCode is >= 0 and <= 15;
        var rest = Events.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var item = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? default : rest[(comma + 1)..];
            var dash = item.IndexOf('-');
            if (dash < 0)
            {
                if (SdpGrammar.TryParseInt32(item, 255, out var single) && single == eventCode)
                    return true;
            }
            else if (SdpGrammar.TryParseInt32(item[..dash], 255, out var first) &&
                     SdpGrammar.TryParseInt32(item[(dash + 1)..], 255, out var last) &&
                     eventCode >= first && eventCode <= last)
            {
                return true;
            }
        }

        return false;
    }
}
