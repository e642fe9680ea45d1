using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Signalling.Sip.Uris;

/// <summary>
/// The character classes and escaping rules of the RFC 3261 §25.1 URI grammar, shared by
/// the SIP, tel and absolute URI parsers. All sets are ASCII: any other byte is invalid.
/// </summary>
internal static class UriSyntax
{
    private const string Alphanum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // RFC 3261 §25.1: unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    private const string Unreserved = Alphanum + "-_.!~*'()";

    /// <summary>RFC 3261 §25.1 <c>user</c>: unreserved / user-unreserved.</summary>
    public static readonly SearchValues<byte> UserChars = Create(Unreserved + "&=+$,;?/");

    /// <summary>RFC 3261 §25.1 <c>password</c>.</summary>
    public static readonly SearchValues<byte> PasswordChars = Create(Unreserved + "&=+$,");

    /// <summary>RFC 3261 §25.1 <c>paramchar</c> (also RFC 3966 §3 paramchar).</summary>
    public static readonly SearchValues<byte> ParamChars = Create(Unreserved + "[]/:&+$");

    /// <summary>RFC 3261 §25.1 <c>hname</c> / <c>hvalue</c>.</summary>
    public static readonly SearchValues<byte> HeaderChars = Create(Unreserved + "[]/?:+$");

    /// <summary>RFC 3261 §25.1 <c>uric</c> plus "[" and "]" (RFC 2732 IPv6 literals in http URIs).</summary>
    public static readonly SearchValues<byte> UricChars = Create(Unreserved + ";/?:@&=+$,[]");

    /// <summary>RFC 3966 §3 <c>pname</c> = 1*( alphanum / "-" ).</summary>
    public static readonly SearchValues<byte> TelParamNameChars = Create(Alphanum + "-");

    // RFC 3261 §19.1.4: characters other than those in the "reserved" set are equivalent to
    // their escaped form; reserved ones keep their meaning when escaped.
    private static readonly SearchValues<byte> Reserved = Create(";/?:@&=+$,");

    private static readonly SearchValues<byte> SchemeChars = Create(Alphanum + "+-.");

    private static SearchValues<byte> Create(string chars) => SearchValues.Create(Encoding.ASCII.GetBytes(chars));

    /// <summary>The outcome of checking one component against its character set.</summary>
    public enum Check
    {
        /// <summary>Every character is allowed and every escape is well formed.</summary>
        Valid,

        /// <summary>A <c>%</c> is not followed by two hex digits.</summary>
        BadEscape,

        /// <summary>A character is outside the set.</summary>
        BadChar,
    }

    /// <summary>Checks <paramref name="text"/> against <c>*( allowed / escaped )</c>.</summary>
    public static Check Validate(ReadOnlySpan<byte> text, SearchValues<byte> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return Check.BadEscape;
                }

                i += 2;
            }
            else if (!allowed.Contains(b))
            {
                return Check.BadChar;
            }
        }

        return Check.Valid;
    }

    /// <summary>RFC 3261 §25.1 <c>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>.</summary>
    public static bool IsScheme(ReadOnlySpan<byte> scheme) =>
        scheme.Length > 0 && char.IsAsciiLetter((char)scheme[0]) && !scheme.ContainsAnyExcept(SchemeChars);

    public static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Bytes already checked to be ASCII become a string.</summary>
    public static string Ascii(ReadOnlySpan<byte> text) => Encoding.ASCII.GetString(text);

    /// <summary>Percent-decodes a validated component and reads the bytes as UTF-8.</summary>
    public static string Unescape(string escaped)
    {
        if (!escaped.Contains('%', StringComparison.Ordinal))
        {
            return escaped;
        }

        var bytes = new byte[escaped.Length];
        var n = 0;
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '%' && i + 2 < escaped.Length)
            {
                bytes[n++] = (byte)((HexValue(escaped[i + 1]) << 4) | HexValue(escaped[i + 2]));
                i += 2;
            }
            else
            {
                bytes[n++] = (byte)escaped[i];
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    /// <summary>
    /// Escapes a value for the wire: its UTF-8 bytes outside <paramref name="allowed"/>
    /// (including "%" itself) become %HH.
    /// </summary>
    public static string Escape(string value, SearchValues<byte> allowed)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (!bytes.AsSpan().ContainsAnyExcept(allowed))
        {
            return value;
        }

        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (allowed.Contains(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The comparison form of a validated component (RFC 3261 §19.1.4): escapes of
    /// unreserved ASCII characters are decoded, escapes of reserved and non-ASCII bytes are
    /// kept with upper-case hex digits, so "%61lice" and "alice" compare equal but "%3B"
    /// and ";" do not.
    /// </summary>
    public static string Normalize(string escaped)
    {
        if (!escaped.Contains('%', StringComparison.Ordinal))
        {
            return escaped;
        }

        var sb = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '%' && i + 2 < escaped.Length)
            {
                var b = (byte)((HexValue(escaped[i + 1]) << 4) | HexValue(escaped[i + 2]));
                if (b < 0x80 && !Reserved.Contains(b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }

                i += 2;
            }
            else
            {
                sb.Append(escaped[i]);
            }
        }

        return sb.ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    /// <summary>Classifies an RFC 3261 §25.1 <c>host</c>; false when it is none of the three forms.</summary>
    public static bool TryClassifyHost(ReadOnlySpan<byte> host, out HostKind kind)
    {
        kind = HostKind.DomainName;
        if (host.IsEmpty)
        {
            return false;
        }

        if (host[0] == (byte)'[')
        {
            kind = HostKind.IPv6Reference;
            return host.Length > 2 && host[^1] == (byte)']' && IsIPv6(host[1..^1]);
        }

        if (IsIPv4(host))
        {
            kind = HostKind.IPv4Address;
            return true;
        }

        return IsHostname(host);
    }

    /// <summary>
    /// RFC 3261 §25.1 <c>IPv4address</c> as RFC 5954 §4.1 corrects it: four
    /// <c>dec-octet</c>s, each 0-255 without leading zeros.
    /// </summary>
    public static bool IsIPv4(ReadOnlySpan<byte> text)
    {
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && IsDigit(text[i]) && i - start < 3)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }

            if (i == start || value > 255 || (i - start > 1 && text[start] == (byte)'0'))
            {
                return false;
            }

            parts++;
            if (i == text.Length)
            {
                return parts == 4;
            }

            if (text[i] != (byte)'.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }

    private static bool IsIPv6(ReadOnlySpan<byte> text)
    {
        // RFC 3261 §25.1 IPv6address: hex digits, ":" and a trailing dotted IPv4 part only.
        // The address parser then checks the structure; the character test keeps out the
        // zone index ("%eth0") that System.Net accepts but the SIP grammar does not.
        if (text.Length > 45)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!IsHex(b) && b != (byte)':' && b != (byte)'.')
            {
                return false;
            }
        }

        return text.Contains((byte)':')
            && IPAddress.TryParse(Ascii(text), out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>
    /// RFC 3261 §25.1 <c>hostname = *( domainlabel "." ) toplabel [ "." ]</c>; labels are
    /// alphanumerics with inner hyphens, and the top label starts with a letter.
    /// </summary>
    public static bool IsHostname(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (text[^1] == (byte)'.')
        {
            text = text[..^1];
        }

        var lastLabelStart = 0;
        var labelStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == (byte)'.')
            {
                if (!IsLabel(text[labelStart..i]))
                {
                    return false;
                }

                lastLabelStart = labelStart;
                labelStart = i + 1;
            }
        }

        return char.IsAsciiLetter((char)text[lastLabelStart]);
    }

    private static bool IsLabel(ReadOnlySpan<byte> label)
    {
        if (label.IsEmpty || label[0] == (byte)'-' || label[^1] == (byte)'-')
        {
            return false;
        }

        foreach (var b in label)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != (byte)'-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The form of a validated host used for comparison: RFC 5954 §4.2 compares IP
    /// addresses by their binary value, so "[2001:db8::9:1]" and "[2001:DB8:0::9:01]" match;
    /// domain names compare case-insensitively (RFC 3261 §19.1.4).
    /// </summary>
    public static string ComparableHost(string host, HostKind kind) => kind switch
    {
        HostKind.IPv6Reference => "[" + IPAddress.Parse(host.AsSpan(1, host.Length - 2)).ToString() + "]",
        _ => host.ToLowerInvariant(),
    };

    /// <summary>Writes ASCII text to a buffer writer.</summary>
    public static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        writer.Advance(written);
    }
}
