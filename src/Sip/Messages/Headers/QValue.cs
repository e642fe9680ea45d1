namespace Signalling.Sip.Messages.Headers;

/// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 §25.1).</summary>
internal static class QValue
{
    public static bool TryParse(ReadOnlySpan<byte> text, out double q)
    {
        q = 0;
        if (text.IsEmpty || text.Length > 5 || text[0] is not ((byte)'0' or (byte)'1')) return false;
        var whole = text[0] - '0';
        var fraction = 0;
        var scale = 1;
        if (text.Length > 1)
        {
            if (text[1] != (byte)'.') return false;
            foreach (var b in text[2..])
            {
                if (!char.IsAsciiDigit((char)b)) return false;
                fraction = (fraction * 10) + (b - '0');
                scale *= 10;
            }
        }
        if (whole == 1 && fraction != 0) return false;
        q = whole + ((double)fraction / scale);
        return true;
    }
}
