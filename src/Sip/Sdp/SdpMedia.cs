using System.Globalization;

namespace Signalling.Sip.Sdp;

/// <summary>
/// One media description (RFC 8866 §5.14): the <c>m=</c> line and the <c>i=</c>, <c>c=</c>,
/// <c>b=</c>, <c>k=</c> and <c>a=</c> lines that follow it. A port of 0 marks a stream the
/// answerer rejected or the offerer removed (RFC 3264 §6 and §8.2).
/// </summary>
public sealed class SdpMedia
{
    private readonly List<string> _formats = [];
    private readonly List<SdpConnection> _connections = [];
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly List<SdpUnknownLine> _unknownLines = [];
    private int _port;

    /// <summary>Creates a media description with no formats yet.</summary>
    /// <param name="mediaType">The media type: <c>audio</c>, <c>video</c>, <c>text</c>, <c>application</c>, <c>message</c>, ...</param>
    /// <param name="port">The transport port, 0 for a rejected stream.</param>
    /// <param name="protocol">The transport protocol, for example <c>RTP/AVP</c>.</param>
    public SdpMedia(string mediaType, int port, string protocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        MediaType = mediaType;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>The media type, for example <c>audio</c>.</summary>
    public string MediaType { get; set; }

    /// <summary>The transport port, 0 to 65535; 0 means the stream is rejected or removed (RFC 3264 §6).</summary>
    public int Port
    {
        get => _port;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, ushort.MaxValue);
            _port = value;
        }
    }

    /// <summary>The number of ports after <c>/</c> on the m= line (RFC 8866 §5.14), or null.</summary>
    public int? NumberOfPorts { get; set; }

    /// <summary>The transport protocol, for example <c>RTP/AVP</c> or <c>RTP/SAVP</c>.</summary>
    public string Protocol { get; set; }

    /// <summary>The media formats in preference order; for RTP these are payload type numbers as text.</summary>
    public IList<string> Formats => _formats;

    /// <summary>The <c>i=</c> media title, or null.</summary>
    public string? Information { get; set; }

    /// <summary>The media-level <c>c=</c> lines, which override the session-level one (RFC 8866 §5.7).</summary>
    public IList<SdpConnection> Connections => _connections;

    /// <summary>The media-level <c>b=</c> lines.</summary>
    public IList<SdpBandwidth> Bandwidths => _bandwidths;

    /// <summary>The obsolete <c>k=</c> line (RFC 8866 §5.12), verbatim, or null.</summary>
    public string? Key { get; set; }

    /// <summary>The media-level <c>a=</c> lines, in order.</summary>
    public SdpAttributeList Attributes { get; } = new();

    /// <summary>Lines with type letters RFC 8866 does not define, kept at this level.</summary>
    public IList<SdpUnknownLine> UnknownLines => _unknownLines;

    /// <summary>Whether the port is 0: the stream is rejected or disabled (RFC 3264 §6 and §8.2).</summary>
    public bool IsRejected => _port == 0;

    internal List<string> FormatList => _formats;

    internal List<SdpConnection> ConnectionList => _connections;

    internal List<SdpBandwidth> BandwidthList => _bandwidths;

    internal List<SdpUnknownLine> UnknownLineList => _unknownLines;

    /// <summary>
    /// The encoding of a payload type: its <c>a=rtpmap</c> when present, otherwise the static
    /// assignment of RFC 3551 §6 (RFC 8866 §6.6 allows static types without rtpmap).
    /// </summary>
    /// <param name="payloadType">The payload type.</param>
    /// <returns>The encoding, or null when it is dynamic and has no rtpmap.</returns>
    public SdpRtpMap? ResolveRtpMap(int payloadType) =>
        Attributes.FindRtpMap(payloadType) ?? (SdpStaticPayloadTypes.TryGet(payloadType, out var map) ? map : null);

    /// <summary>
    /// The direction of this stream: its own direction attribute, else the session's, else
    /// <see cref="SdpDirection.SendRecv"/> (RFC 8866 §6.7; RFC 3264 §5.1).
    /// </summary>
    /// <param name="session">The session this media belongs to, or null to ignore session-level attributes.</param>
    /// <returns>The effective direction.</returns>
    public SdpDirection GetDirection(SdpSession? session) =>
        Attributes.Direction ?? session?.Attributes.Direction ?? SdpDirection.SendRecv;

    /// <summary>The connection data that applies to this stream: the first media-level <c>c=</c>, else the session's.</summary>
    /// <param name="session">The session this media belongs to.</param>
    /// <returns>The connection, or null when neither level has one.</returns>
    public SdpConnection? GetConnection(SdpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _connections.Count > 0 ? _connections[0] : session.Connection;
    }

    /// <summary>
    /// The <c>telephone-event</c> payload types in this media description, in format order,
    /// with the event list of their <c>a=fmtp</c> lines (RFC 4733 §7.1.1).
    /// </summary>
    /// <returns>The telephone-event payload types; empty when none is offered.</returns>
    public IReadOnlyList<SdpTelephoneEvent> GetTelephoneEvents()
    {
        var found = new List<SdpTelephoneEvent>();
        foreach (var format in _formats)
        {
            if (!SdpGrammar.TryParseInt32(format.AsSpan(), SdpRtpMap.MaxPayloadType, out var pt))
                continue;
            if (Attributes.FindRtpMap(pt) is not { } map ||
                !string.Equals(map.EncodingName, "telephone-event", StringComparison.OrdinalIgnoreCase))
                continue;
            found.Add(new SdpTelephoneEvent(pt, map.ClockRate, Attributes.FindFmtp(format)?.Parameters));
        }

        return found;
    }

    /// <summary>Adds an RTP payload type to <see cref="Formats"/> with its rtpmap and optional fmtp.</summary>
    /// <param name="rtpMap">The encoding.</param>
    /// <param name="fmtpParameters">The fmtp parameter text, or null for none.</param>
    public void AddRtpFormat(SdpRtpMap rtpMap, string? fmtpParameters = null)
    {
        var format = rtpMap.PayloadType.ToString(CultureInfo.InvariantCulture);
        if (!_formats.Contains(format))
            _formats.Add(format);
        Attributes.SetRtpMap(rtpMap);
        if (fmtpParameters is not null)
            Attributes.SetFmtp(new SdpFmtp(format, fmtpParameters));
    }

    /// <summary>The m= line content after <c>m=</c>.</summary>
    /// <returns>The media line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MediaType} {Port}{(NumberOfPorts is { } n ? "/" + n.ToString(CultureInfo.InvariantCulture) : string.Empty)} {Protocol} {string.Join(' ', _formats)}");
}
