using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Signalling.Sip.Sdp;

/// <summary>
/// A session description (RFC 8866 §5) as exchanged in the RFC 3264 offer/answer model: the
/// session-level lines and the media descriptions. Parse with <see cref="TryParse"/>, edit the
/// properties, and write with <see cref="WriteTo"/>. Unknown attributes and unknown line types
/// are kept in order at their level and written back unchanged.
/// </summary>
public sealed class SdpSession
{
    /// <summary>The only protocol version, the value of <c>v=</c> (RFC 8866 §5.1).</summary>
    public const int Version = 0;

    private readonly List<string> _emails = [];
    private readonly List<string> _phones = [];
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly List<SdpTiming> _timings = [];
    private readonly List<SdpMedia> _media = [];
    private readonly List<SdpUnknownLine> _unknownLines = [];
    private SdpOrigin _origin;
    private string _sessionName;

    /// <summary>Creates a session description with <c>t=0 0</c> and no media.</summary>
    /// <param name="origin">The <c>o=</c> line.</param>
    /// <param name="sessionName">The <c>s=</c> text; RFC 3264 §5 suggests <c>-</c> when there is no subject.</param>
    public SdpSession(SdpOrigin origin, string sessionName = "-")
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(sessionName);
        _origin = origin;
        _sessionName = sessionName;
        // RFC 3264 §5: the t= line of a SIP session SHOULD be 0 0.
        _timings.Add(new SdpTiming());
    }

    private SdpSession()
    {
        // The parser fills origin and name before handing the session out.
        _origin = null!;
        _sessionName = string.Empty;
    }

    /// <summary>The <c>o=</c> line (RFC 8866 §5.2).</summary>
    public SdpOrigin Origin
    {
        get => _origin;
        set => _origin = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>s=</c> text, verbatim (RFC 8866 §5.3).</summary>
    public string SessionName
    {
        get => _sessionName;
        set => _sessionName = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The session-level <c>i=</c> text, or null (RFC 8866 §5.4).</summary>
    public string? Information { get; set; }

    /// <summary>The <c>u=</c> text, verbatim, or null (RFC 8866 §5.5).</summary>
    public string? UriText { get; set; }

    /// <summary>The <c>e=</c> lines, verbatim (RFC 8866 §5.6).</summary>
    public IList<string> Emails => _emails;

    /// <summary>The <c>p=</c> lines, verbatim (RFC 8866 §5.6).</summary>
    public IList<string> Phones => _phones;

    /// <summary>The session-level <c>c=</c> line, or null when every media description has its own (RFC 8866 §5.7).</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The session-level <c>b=</c> lines (RFC 8866 §5.8).</summary>
    public IList<SdpBandwidth> Bandwidths => _bandwidths;

    /// <summary>The <c>t=</c> lines with their <c>r=</c> lines (RFC 8866 §5.9, §5.10).</summary>
    public IList<SdpTiming> Timings => _timings;

    /// <summary>The <c>z=</c> line, verbatim, or null (RFC 8866 §5.11).</summary>
    public string? TimeZones { get; set; }

    /// <summary>The obsolete session-level <c>k=</c> line, verbatim, or null (RFC 8866 §5.12).</summary>
    public string? Key { get; set; }

    /// <summary>The session-level <c>a=</c> lines, in order (RFC 8866 §5.13).</summary>
    public SdpAttributeList Attributes { get; } = new();

    /// <summary>The media descriptions, in order; RFC 3264 §6 matches offer and answer streams by position.</summary>
    public IList<SdpMedia> Media => _media;

    /// <summary>Session-level lines with type letters RFC 8866 does not define.</summary>
    public IList<SdpUnknownLine> UnknownLines => _unknownLines;

    internal List<string> EmailList => _emails;

    internal List<string> PhoneList => _phones;

    internal List<SdpBandwidth> BandwidthList => _bandwidths;

    internal List<SdpTiming> TimingList => _timings;

    internal List<SdpMedia> MediaList => _media;

    internal List<SdpUnknownLine> UnknownLineList => _unknownLines;

    /// <summary>
    /// Parses a UTF-8 session description whose lines end in CRLF or LF (RFC 8866 §5).
    /// Never throws, whatever the bytes.
    /// </summary>
    /// <param name="utf8">The session description, for example a SIP message body.</param>
    /// <param name="session">The parsed session, or null on error.</param>
    /// <param name="error">Why and where parsing failed; <see cref="SdpParseErrorKind.None"/> on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SdpSession? session, out SdpParseError error)
    {
        var parsed = new SdpSession();
        if (SdpParser.TryParse(utf8, parsed, out error))
        {
            session = parsed;
            return true;
        }

        session = null;
        return false;
    }

    /// <summary>Parses a session description, throwing on malformed input.</summary>
    /// <param name="text">The session description.</param>
    /// <returns>The parsed session.</returns>
    /// <exception cref="FormatException">The text is not a valid session description; the message names the line.</exception>
    public static SdpSession Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Parses a UTF-8 session description, throwing on malformed input.</summary>
    /// <param name="utf8">The session description.</param>
    /// <returns>The parsed session.</returns>
    /// <exception cref="FormatException">The bytes are not a valid session description; the message names the line.</exception>
    public static SdpSession Parse(ReadOnlySpan<byte> utf8) =>
        TryParse(utf8, out var session, out var error) ? session : throw new FormatException(error.ToString());

    /// <summary>
    /// Writes the session description with CRLF line ends, session-level lines first in the
    /// order of RFC 8866 §5, then each media description.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="InvalidOperationException">A field holds CR, LF or NUL, which would inject lines.</exception>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        SdpSerializer.Write(this, writer);
    }

    /// <summary>The session description as UTF-8 bytes with CRLF line ends.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The session description as text with CRLF line ends.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
