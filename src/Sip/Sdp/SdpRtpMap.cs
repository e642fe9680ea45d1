using System.Globalization;

namespace Signalling.Sip.Sdp;

/// <summary>
/// The value of <c>a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;]</c>
/// (RFC 8866 §6.6). For audio the encoding parameters are the number of channels.
/// </summary>
/// <param name="PayloadType">The RTP payload type, 0 to 127.</param>
/// <param name="EncodingName">The encoding name, for example <c>PCMU</c> or <c>telephone-event</c>.</param>
/// <param name="ClockRate">The RTP clock rate in Hz.</param>
/// <param name="Channels">The number of audio channels, or null when the line omits it (meaning one for audio).</param>
public readonly record struct SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>The highest RTP payload type (RFC 3550 §5.1: seven bits).</summary>
    public const int MaxPayloadType = 127;

    /// <summary>Parses the text after <c>a=rtpmap:</c>.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="rtpMap">The parsed value.</param>
    /// <returns>True when the value is well formed.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out SdpRtpMap rtpMap)
    {
        rtpMap = default;
        var sp = value.IndexOf(' ');
        if (sp <= 0 || !SdpGrammar.TryParseInt32(value[..sp], MaxPayloadType, out var pt))
            return false;
        var rest = value[(sp + 1)..];
        var slash = rest.IndexOf('/');
        if (slash <= 0)
            return false;
        var name = rest[..slash];
        if (!SdpGrammar.IsToken(name))
            return false;
        rest = rest[(slash + 1)..];
        slash = rest.IndexOf('/');
        var rateText = slash < 0 ? rest : rest[..slash];
        if (!SdpGrammar.TryParseInt32(rateText, int.MaxValue, out var rate) || rate == 0)
            return false;
        int? channels = null;
        if (slash >= 0)
        {
            // RFC 8866 §6.6: for audio streams the encoding parameters give the number of channels.
            if (!SdpGrammar.TryParseInt32(rest[(slash + 1)..], int.MaxValue, out var ch) || ch == 0)
                return false;
            channels = ch;
        }

        rtpMap = new SdpRtpMap(pt, name.ToString(), rate, channels);
        return true;
    }

    /// <summary>The attribute value, as written after <c>a=rtpmap:</c>.</summary>
    /// <returns><c>pt name/rate[/channels]</c>.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");
        return Channels is { } ch ? string.Create(CultureInfo.InvariantCulture, $"{text}/{ch}") : text;
    }
}
