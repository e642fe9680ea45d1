using System.Text.Unicode;

namespace Signalling.Sip.Sdp;

/// <summary>
/// Reads a session description line by line (RFC 8866 §5). Works on the bytes; a field is
/// decoded to a string only when it is stored. Allocates nothing in proportion to a number it
/// reads: numbers are checked against their range and stored, never used as sizes.
/// </summary>
internal static class SdpParser
{
    private const string SessionOnly = "vosuepztr";

    internal static bool TryParse(ReadOnlySpan<byte> input, SdpSession session, out SdpParseError error)
    {
        Span<int> counts = stackalloc int[26];
        SdpMedia? media = null;
        var lineNumber = 0;
        var lastType = 'v';
        var position = 0;
        var hasOrigin = false;
        var hasName = false;
        error = default;

        while (position < input.Length)
        {
            lineNumber++;
            var rest = input[position..];
            var newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline < 0)
            {
                line = rest;
                position = input.Length;
            }
            else
            {
                line = rest[..newline];
                position += newline + 1;
            }

            // RFC 8866 §5: lines end in CRLF, but parsers SHOULD also accept a bare LF.
            if (!line.IsEmpty && line[^1] == (byte)'\r')
                line = line[..^1];

            if (line.IsEmpty)
            {
                // Tolerate blank lines at the very end (some stacks add an extra CRLF to the body).
                if (lineNumber > 1 && input[position..].IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
                    break;
                if (lineNumber == 1)
                    return Fail(out error, SdpParseErrorKind.MissingVersion, lineNumber, "a session description must start with v=");
                return Fail(out error, SdpParseErrorKind.InvalidLine, lineNumber, "empty line inside the session description");
            }

            if (line.Length < 2 || line[1] != (byte)'=' || line[0] is < (byte)'a' or > (byte)'z')
            {
                return lineNumber == 1
                    ? Fail(out error, SdpParseErrorKind.MissingVersion, lineNumber, "a session description must start with v=")
                    : Fail(out error, SdpParseErrorKind.InvalidLine, lineNumber, "expected <type>=<value> with a lower-case type letter");
            }

            if (line.IndexOfAny(SdpGrammar.ForbiddenBytes) >= 0)
                return Fail(out error, SdpParseErrorKind.InvalidLine, lineNumber, "a line may not contain CR or NUL");
            if (!Utf8.IsValid(line))
                return Fail(out error, SdpParseErrorKind.InvalidEncoding, lineNumber, "the line is not valid UTF-8");

            var type = (char)line[0];
            var value = line[2..];

            // RFC 8866 §5: "v=" comes first.
            if (lineNumber == 1 && type != 'v')
                return Fail(out error, SdpParseErrorKind.MissingVersion, lineNumber, "a session description must start with v=");

            if (media is not null && SessionOnly.Contains(type, StringComparison.Ordinal))
                return Fail(out error, SdpParseErrorKind.MisplacedLine, lineNumber, $"{type}= is a session-level line and may not follow m=");

            var known = true;
            switch (type)
            {
                case 'v':
                    if (lineNumber != 1)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second v= line");
                    if (!value.SequenceEqual("0"u8))
                        return Fail(out error, SdpParseErrorKind.UnsupportedVersion, lineNumber, "only SDP version 0 is defined (RFC 8866 §5.1)");
                    break;

                case 'o':
                    if (hasOrigin)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second o= line");
                    if (!TryParseOrigin(value, out var origin))
                        return Fail(out error, SdpParseErrorKind.InvalidOrigin, lineNumber, "o= needs <username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> with 64-bit numbers (RFC 8866 §5.2)");
                    session.Origin = origin;
                    hasOrigin = true;
                    break;

                case 's':
                    if (hasName)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second s= line");
                    session.SessionName = SdpGrammar.Text(value);
                    hasName = true;
                    break;

                case 'i':
                    if (counts['i' - 'a'] > 0)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second i= line at this level");
                    if (media is null)
                        session.Information = SdpGrammar.Text(value);
                    else
                        media.Information = SdpGrammar.Text(value);
                    break;

                case 'u':
                    if (counts['u' - 'a'] > 0)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second u= line");
                    session.UriText = SdpGrammar.Text(value);
                    break;

                case 'e':
                    session.EmailList.Add(SdpGrammar.Text(value));
                    break;

                case 'p':
                    session.PhoneList.Add(SdpGrammar.Text(value));
                    break;

                case 'c':
                    if (!TryParseConnection(value, out var connection))
                        return Fail(out error, SdpParseErrorKind.InvalidConnection, lineNumber, "c= needs <nettype> <addrtype> <connection-address>[/ttl][/number] (RFC 8866 §5.7)");
                    if (media is null)
                    {
                        if (session.Connection is not null)
                            return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second session-level c= line");
                        session.Connection = connection;
                    }
                    else
                    {
                        // RFC 8866 §5.7: several c= lines are allowed in a media description (layered multicast).
                        media.ConnectionList.Add(connection);
                    }

                    break;

                case 'b':
                    if (!TryParseBandwidth(value, out var bandwidth))
                        return Fail(out error, SdpParseErrorKind.InvalidBandwidth, lineNumber, "b= needs <bwtype>:<bandwidth> (RFC 8866 §5.8)");
                    (media is null ? session.BandwidthList : media.BandwidthList).Add(bandwidth);
                    break;

                case 't':
                    var start = value.IndexOf((byte)' ');
                    if (start <= 0 ||
                        !SdpGrammar.TryParseUInt64(value[..start], ulong.MaxValue, out var startTime) ||
                        !SdpGrammar.TryParseUInt64(value[(start + 1)..], ulong.MaxValue, out var stopTime))
                        return Fail(out error, SdpParseErrorKind.InvalidTiming, lineNumber, "t= needs <start-time> <stop-time> as 64-bit numbers (RFC 8866 §5.9)");
                    session.TimingList.Add(new SdpTiming(startTime, stopTime));
                    break;

                case 'r':
                    // RFC 8866 §5.10: repeat times belong to the t= line before them.
                    if (session.TimingList.Count == 0)
                        return Fail(out error, SdpParseErrorKind.MisplacedLine, lineNumber, "r= before any t= line");
                    session.TimingList[^1].RepeatList.Add(SdpGrammar.Text(value));
                    break;

                case 'z':
                    if (counts['z' - 'a'] > 0)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second z= line");
                    session.TimeZones = SdpGrammar.Text(value);
                    break;

                case 'k':
                    if (counts['k' - 'a'] > 0)
                        return Fail(out error, SdpParseErrorKind.DuplicateLine, lineNumber, "second k= line at this level");
                    if (media is null)
                        session.Key = SdpGrammar.Text(value);
                    else
                        media.Key = SdpGrammar.Text(value);
                    break;

                case 'a':
                    if (!TryParseAttribute(value, lineNumber, out var attribute, out error))
                        return false;
                    (media is null ? session.Attributes : media.Attributes).AddParsed(attribute);
                    break;

                case 'm':
                    // RFC 8866 §5: o= and s= belong to the session part, before the first m=.
                    if (!hasOrigin)
                        return Fail(out error, SdpParseErrorKind.MissingOrigin, lineNumber, "no o= line before the first m= line");
                    if (!hasName)
                        return Fail(out error, SdpParseErrorKind.MissingSessionName, lineNumber, "no s= line before the first m= line");
                    if (!TryParseMedia(value, lineNumber, out media, out error))
                        return false;
                    session.MediaList.Add(media);
                    counts.Clear();
                    break;

                default:
                    known = false;
                    // Not defined by RFC 8866: kept in place at its level so that it is written back where it was.
                    var unknown = new SdpUnknownLine(type, SdpGrammar.Text(value))
                    {
                        AfterType = lastType,
                        AfterCount = counts[lastType - 'a'],
                    };
                    (media is null ? session.UnknownLineList : media.UnknownLineList).Add(unknown);
                    break;
            }

            if (known)
            {
                counts[type - 'a']++;
                lastType = type;
            }
        }

        if (lineNumber == 0)
            return Fail(out error, SdpParseErrorKind.MissingVersion, 1, "empty session description");
        if (!hasOrigin)
            return Fail(out error, SdpParseErrorKind.MissingOrigin, lineNumber, "no o= line");
        if (!hasName)
            return Fail(out error, SdpParseErrorKind.MissingSessionName, lineNumber, "no s= line");

        error = default;
        return true;
    }

    private static bool Fail(out SdpParseError error, SdpParseErrorKind kind, int lineNumber, string message)
    {
        error = new SdpParseError(kind, lineNumber, message);
        return false;
    }

    private static bool TryParseOrigin(ReadOnlySpan<byte> value, out SdpOrigin origin)
    {
        origin = null!;
        // RFC 8866 §5.2: six fields separated by single spaces; the address is the rest.
        if (!SdpGrammar.NextToken(ref value, out var user) ||
            !SdpGrammar.NextToken(ref value, out var idText) ||
            !SdpGrammar.NextToken(ref value, out var versionText) ||
            !SdpGrammar.NextToken(ref value, out var net) ||
            !SdpGrammar.NextToken(ref value, out var addrType) ||
            !SdpGrammar.NextToken(ref value, out var address) ||
            !value.IsEmpty)
            return false;
        if (!SdpGrammar.TryParseUInt64(idText, ulong.MaxValue, out var id) ||
            !SdpGrammar.TryParseUInt64(versionText, ulong.MaxValue, out var version))
            return false;
        origin = new SdpOrigin(SdpGrammar.Text(user), id, version, SdpGrammar.Text(net), SdpGrammar.Text(addrType), SdpGrammar.Text(address));
        return true;
    }

    private static bool TryParseConnection(ReadOnlySpan<byte> value, out SdpConnection connection)
    {
        connection = null!;
        if (!SdpGrammar.NextToken(ref value, out var net) ||
            !SdpGrammar.NextToken(ref value, out var addrType) ||
            !SdpGrammar.NextToken(ref value, out var address) ||
            !value.IsEmpty)
            return false;

        int? ttl = null;
        int? number = null;
        var isIp4 = addrType.SequenceEqual("IP4"u8);
        var isIp6 = addrType.SequenceEqual("IP6"u8);
        var slash = address.IndexOf((byte)'/');
        if (slash >= 0 && (isIp4 || isIp6))
        {
            var suffix = address[(slash + 1)..];
            address = address[..slash];
            var second = suffix.IndexOf((byte)'/');
            var first = second < 0 ? suffix : suffix[..second];
            if (isIp4)
            {
                // RFC 8866 §5.7: IP4 multicast is <address>/<ttl>[/<number of addresses>], TTL 0-255.
                if (!SdpGrammar.TryParseInt32(first, 255, out var t))
                    return false;
                ttl = t;
                if (second >= 0)
                {
                    if (!SdpGrammar.TryParseInt32(suffix[(second + 1)..], int.MaxValue, out var n) || n == 0)
                        return false;
                    number = n;
                }
            }
            else
            {
                // RFC 8866 §5.7: IP6 multicast has no TTL, only <address>[/<number of addresses>].
                if (second >= 0 || !SdpGrammar.TryParseInt32(first, int.MaxValue, out var n) || n == 0)
                    return false;
                number = n;
            }
        }

        if (address.IsEmpty)
            return false;
        connection = new SdpConnection(SdpGrammar.Text(net), SdpGrammar.Text(addrType), SdpGrammar.Text(address))
        {
            Ttl = ttl,
            NumberOfAddresses = number,
        };
        return true;
    }

    private static bool TryParseBandwidth(ReadOnlySpan<byte> value, out SdpBandwidth bandwidth)
    {
        bandwidth = null!;
        var colon = value.IndexOf((byte)':');
        if (colon <= 0 || !SdpGrammar.TryParseUInt64(value[(colon + 1)..], ulong.MaxValue, out var amount))
            return false;
        var type = SdpGrammar.Text(value[..colon]);
        if (!SdpGrammar.IsToken(type))
            return false;
        bandwidth = new SdpBandwidth(type, amount);
        return true;
    }

    private static bool TryParseMedia(ReadOnlySpan<byte> value, int lineNumber, out SdpMedia media, out SdpParseError error)
    {
        media = null!;
        if (!SdpGrammar.NextToken(ref value, out var mediaType))
            return Fail(out error, SdpParseErrorKind.InvalidMedia, lineNumber, "m= needs <media> <port> <proto> <fmt> ... (RFC 8866 §5.14)");
        if (!SdpGrammar.NextToken(ref value, out var portText))
            return Fail(out error, SdpParseErrorKind.InvalidPort, lineNumber, "m= has no port");

        int? numberOfPorts = null;
        var slash = portText.IndexOf((byte)'/');
        if (slash >= 0)
        {
            if (!SdpGrammar.TryParseInt32(portText[(slash + 1)..], int.MaxValue, out var n) || n == 0)
                return Fail(out error, SdpParseErrorKind.InvalidPort, lineNumber, "the number of ports on m= is not a positive 32-bit number");
            numberOfPorts = n;
            portText = portText[..slash];
        }

        if (!SdpGrammar.TryParseInt32(portText, ushort.MaxValue, out var port))
            return Fail(out error, SdpParseErrorKind.InvalidPort, lineNumber, "the port on m= is not a number from 0 to 65535");

        if (!SdpGrammar.NextToken(ref value, out var proto))
            return Fail(out error, SdpParseErrorKind.InvalidMedia, lineNumber, "m= has no transport protocol");

        media = new SdpMedia(SdpGrammar.Text(mediaType), port, SdpGrammar.Text(proto)) { NumberOfPorts = numberOfPorts };
        // RFC 8866 §5.14: at least one format follows the protocol.
        do
        {
            if (!SdpGrammar.NextToken(ref value, out var format))
                return Fail(out error, SdpParseErrorKind.InvalidMedia, lineNumber, "m= needs at least one format, separated by single spaces");
            media.FormatList.Add(SdpGrammar.Text(format));
        }
        while (!value.IsEmpty);

        error = default;
        return true;
    }

    private static bool TryParseAttribute(ReadOnlySpan<byte> value, int lineNumber, out SdpAttribute attribute, out SdpParseError error)
    {
        attribute = null!;
        var colon = value.IndexOf((byte)':');
        var nameBytes = colon < 0 ? value : value[..colon];
        if (nameBytes.IsEmpty)
            return Fail(out error, SdpParseErrorKind.InvalidAttribute, lineNumber, "a= has no attribute name (RFC 8866 §5.13)");
        var name = SdpGrammar.Text(nameBytes);
        var text = colon < 0 ? null : SdpGrammar.Text(value[(colon + 1)..]);
        attribute = new SdpAttribute(name, text);

        // The attributes offer/answer reads are checked here so that a bad one names its line.
        if (string.Equals(name, "rtpmap", StringComparison.OrdinalIgnoreCase) && (text is null || !SdpRtpMap.TryParse(text, out _)))
            return Fail(out error, SdpParseErrorKind.InvalidRtpMap, lineNumber, "a=rtpmap needs <payload type 0-127> <encoding name>/<clock rate>[/<channels>] (RFC 8866 §6.6)");
        if (string.Equals(name, "fmtp", StringComparison.OrdinalIgnoreCase) && (text is null || !SdpFmtp.TryParse(text, out _)))
            return Fail(out error, SdpParseErrorKind.InvalidFmtp, lineNumber, "a=fmtp needs <format> <parameters> (RFC 8866 §6.15)");
        if (string.Equals(name, "rtcp", StringComparison.OrdinalIgnoreCase) && (text is null || !SdpRtcp.TryParse(text, out _)))
            return Fail(out error, SdpParseErrorKind.InvalidRtcp, lineNumber, "a=rtcp needs <port 0-65535> [<nettype> <addrtype> <address>] (RFC 3605 §2.1)");

        error = default;
        return true;
    }
}
