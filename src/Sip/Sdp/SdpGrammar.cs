using System.Buffers;
using System.Text;

namespace Signalling.Sip.Sdp;

/// <summary>
/// Small pieces of the RFC 8866 §9 grammar shared by the parser, the serializer and the
/// typed attribute accessors: decimal integers, SP-separated tokens and the interning of the
/// handful of tokens that occur in nearly every SIP session description.
/// </summary>
internal static class SdpGrammar
{
    /// <summary>CR, LF and NUL may never appear inside a field (RFC 8866 §9, byte-string).</summary>
    internal static readonly SearchValues<char> ForbiddenChars = SearchValues.Create("\r\n\0");

    internal static readonly SearchValues<byte> ForbiddenBytes = SearchValues.Create("\r\0"u8);

    /// <summary>
    /// Parses 1*DIGIT (UTF-8 bytes or chars) into a value no greater than <paramref name="max"/>.
    /// Stops at 20 digits so that a long run of digits costs nothing more than the refusal.
    /// </summary>
    internal static bool TryParseUInt64<T>(ReadOnlySpan<T> digits, ulong max, out ulong value)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 20)
            return false;
        foreach (var c in digits)
        {
            var d = uint.CreateTruncating(c) - '0';
            if (d > 9)
                return false;
            // Overflow check before the multiply: RFC 8866 numbers beyond 64 bits have no meaning here.
            if (value > (ulong.MaxValue - d) / 10)
                return false;
            value = (value * 10) + d;
        }

        return value <= max;
    }

    internal static bool TryParseInt32<T>(ReadOnlySpan<T> digits, int max, out int value)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var ok = TryParseUInt64(digits, (ulong)max, out var v);
        value = (int)v;
        return ok;
    }

    /// <summary>
    /// Takes the next SP-separated token (RFC 8866 §9 separates fields by exactly one SP).
    /// Returns false when the token is empty, which also catches doubled spaces.
    /// </summary>
    internal static bool NextToken(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> token)
    {
        var sp = rest.IndexOf((byte)' ');
        if (sp < 0)
        {
            token = rest;
            rest = default;
        }
        else
        {
            token = rest[..sp];
            rest = rest[(sp + 1)..];
        }

        // A separator with nothing after it leaves an empty field, which the grammar never allows.
        return !token.IsEmpty && (sp < 0 || !rest.IsEmpty);
    }

    /// <inheritdoc cref="NextToken(ref ReadOnlySpan{byte}, out ReadOnlySpan{byte})"/>
    internal static bool NextToken(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var sp = rest.IndexOf(' ');
        if (sp < 0)
        {
            token = rest;
            rest = default;
        }
        else
        {
            token = rest[..sp];
            rest = rest[(sp + 1)..];
        }

        // A separator with nothing after it leaves an empty field, which the grammar never allows.
        return !token.IsEmpty && (sp < 0 || !rest.IsEmpty);
    }

    /// <summary>RFC 8866 §9 token-char: any visible ASCII except the tspecials listed there.</summary>
    internal static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return false;
        foreach (var c in text)
        {
            if (c is < '!' or > '~' or '"' or '(' or ')' or ',' or '/' or ':' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or '\\' or ']' or '{' or '}')
                return false;
        }

        return true;
    }

    /// <summary>
    /// Decodes UTF-8 field text, returning a shared instance for the tokens that appear in
    /// almost every SIP offer and answer so that parsing them costs no allocation.
    /// </summary>
    internal static string Text(ReadOnlySpan<byte> utf8)
    {
        switch (utf8.Length)
        {
            case 0:
                return string.Empty;
            case 1:
                if (utf8[0] == (byte)'-') return "-";
                if (utf8[0] == (byte)'0') return "0";
                if (utf8[0] == (byte)'8') return "8";
                if (utf8[0] == (byte)'9') return "9";
                if (utf8[0] == (byte)'3') return "3";
                if (utf8[0] == (byte)'4') return "4";
                break;
            case 2:
                if (utf8.SequenceEqual("IN"u8)) return "IN";
                if (utf8.SequenceEqual("18"u8)) return "18";
                if (utf8.SequenceEqual("96"u8)) return "96";
                if (utf8.SequenceEqual("97"u8)) return "97";
                if (utf8.SequenceEqual("98"u8)) return "98";
                if (utf8.SequenceEqual("99"u8)) return "99";
                if (utf8.SequenceEqual("31"u8)) return "31";
                if (utf8.SequenceEqual("32"u8)) return "32";
                break;
            case 3:
                if (utf8.SequenceEqual("IP4"u8)) return "IP4";
                if (utf8.SequenceEqual("IP6"u8)) return "IP6";
                if (utf8.SequenceEqual("101"u8)) return "101";
                break;
            case 4:
                if (utf8.SequenceEqual("fmtp"u8)) return "fmtp";
                if (utf8.SequenceEqual("rtcp"u8)) return "rtcp";
                break;
            case 5:
                if (utf8.SequenceEqual("audio"u8)) return "audio";
                if (utf8.SequenceEqual("video"u8)) return "video";
                if (utf8.SequenceEqual("ptime"u8)) return "ptime";
                break;
            case 6:
                if (utf8.SequenceEqual("rtpmap"u8)) return "rtpmap";
                break;
            case 7:
                if (utf8.SequenceEqual("RTP/AVP"u8)) return "RTP/AVP";
                break;
            case 8:
                if (utf8.SequenceEqual("sendrecv"u8)) return "sendrecv";
                if (utf8.SequenceEqual("sendonly"u8)) return "sendonly";
                if (utf8.SequenceEqual("recvonly"u8)) return "recvonly";
                if (utf8.SequenceEqual("inactive"u8)) return "inactive";
                if (utf8.SequenceEqual("RTP/SAVP"u8)) return "RTP/SAVP";
                if (utf8.SequenceEqual("maxptime"u8)) return "maxptime";
                break;
            default:
                break;
        }

        return Encoding.UTF8.GetString(utf8);
    }
}
