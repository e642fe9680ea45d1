namespace Signalling.Sip.Sdp;

/// <summary>
/// The static RTP payload types of RFC 3551 §6 (Tables 4 and 5), which an <c>m=</c> line may
/// list without an <c>a=rtpmap</c> line.
/// </summary>
public static class SdpStaticPayloadTypes
{
    /// <summary>Looks up a static payload type.</summary>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="rtpMap">The encoding name and clock rate RFC 3551 assigns to it.</param>
    /// <returns>True when RFC 3551 assigns the payload type statically.</returns>
    public static bool TryGet(int payloadType, out SdpRtpMap rtpMap)
    {
        // RFC 3551 §6 Table 4 (audio) and Table 5 (video). Channels are left null (one, as
        // an rtpmap line without encoding parameters means) except for stereo L16.
        (string Name, int Rate, int? Channels)? entry = payloadType switch
        {
            0 => ("PCMU", 8000, null),
            3 => ("GSM", 8000, null),
            4 => ("G723", 8000, null),
            5 => ("DVI4", 8000, null),
            6 => ("DVI4", 16000, null),
            7 => ("LPC", 8000, null),
            8 => ("PCMA", 8000, null),
            9 => ("G722", 8000, null),
            10 => ("L16", 44100, 2),
            11 => ("L16", 44100, null),
            12 => ("QCELP", 8000, null),
            13 => ("CN", 8000, null),
            14 => ("MPA", 90000, null),
            15 => ("G728", 8000, null),
            16 => ("DVI4", 11025, null),
            17 => ("DVI4", 22050, null),
            18 => ("G729", 8000, null),
            25 => ("CelB", 90000, null),
            26 => ("JPEG", 90000, null),
            28 => ("nv", 90000, null),
            31 => ("H261", 90000, null),
            32 => ("MPV", 90000, null),
            33 => ("MP2T", 90000, null),
            34 => ("H263", 90000, null),
            _ => null,
        };
        if (entry is not { } e)
        {
            rtpMap = default;
            return false;
        }

        rtpMap = new SdpRtpMap(payloadType, e.Name, e.Rate, e.Channels);
        return true;
    }
}
