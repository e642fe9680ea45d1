namespace Signalling.Sip.Messages.Headers;

/// <summary>Reads <c>host [ COLON port ]</c> (RFC 3261 §25.1 hostport, with SWS before the colon as sent-by allows).</summary>
internal static class HostPort
{
    private static readonly System.Buffers.SearchValues<byte> HostChars =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-."u8);

    public static bool TryRead(ReadOnlySpan<byte> span, ref int i, out Range host, out int port)
    {
        port = -1;
        host = default;
        var start = i;
        if (i < span.Length && span[i] == (byte)'[')
        {
            // IPv6reference = "[" IPv6address "]"
            var close = span[i..].IndexOf((byte)']');
            if (close < 0) return false;
            foreach (var b in span[(i + 1)..(i + close)])
            {
                if (!(char.IsAsciiHexDigit((char)b) || b is (byte)':' or (byte)'.')) return false;
            }
            i += close + 1;
        }
        else
        {
            // hostname / IPv4address: alphanum, '-' and '.'
            var length = span[i..].IndexOfAnyExcept(HostChars);
            i = length < 0 ? span.Length : i + length;
        }
        host = start..i;
        if (i == start) return false;
        var afterHost = i;
        i = SipLexer.SkipWhitespace(span, i);
        if (i < span.Length && span[i] == (byte)':')
        {
            i = SipLexer.SkipWhitespace(span, i + 1);
            var portStart = i;
            while (i < span.Length && char.IsAsciiDigit((char)span[i])) i++;
            if (!SipLexer.TryParseDigits(span[portStart..i], 65535, out var value)) return false;
            port = (int)value;
            return true;
        }
        i = afterHost;
        return true;
    }
}
