using System.Buffers;

namespace Signalling.Sip.Messages;

/// <summary>
/// The character classes and small scanners of the RFC 3261 §25.1 grammar, shared by the
/// message parser and the typed header decoders. Inside a header value the line splitter has
/// already removed the terminating CRLF, so any CR or LF left is part of a folded line (LWS).
/// </summary>
internal static class SipLexer
{
    private static readonly bool[] TokenChars = BuildTokenChars();

    private const string TokenAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.!%*_+`'~";

    /// <summary>token characters, for vectorized scans.</summary>
    public static readonly SearchValues<byte> Token = SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(TokenAlphabet));

    /// <summary>What ends a list element's scan: quotes, angle brackets, commas.</summary>
    private static readonly SearchValues<byte> ListSpecials = SearchValues.Create("\"<>,"u8);

    // RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    private static bool[] BuildTokenChars()
    {
        var table = new bool[256];
        foreach (var c in TokenAlphabet) table[c] = true;
        return table;
    }

    public static bool IsTokenChar(byte b) => TokenChars[b];

    /// <summary>SP, HTAB, and the CR/LF of a folded line (LWS, §25.1).</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsToken(ReadOnlySpan<byte> span) => !span.IsEmpty && !span.ContainsAnyExcept(Token);

    public static int SkipWhitespace(ReadOnlySpan<byte> span, int index)
    {
        while (index < span.Length && IsWhitespace(span[index])) index++;
        return index;
    }

    public static int ScanToken(ReadOnlySpan<byte> span, int index)
    {
        if ((uint)index >= (uint)span.Length) return index;
        var length = span[index..].IndexOfAnyExcept(Token);
        return length < 0 ? span.Length : index + length;
    }

    /// <summary>Trims LWS from both ends.</summary>
    public static (int Start, int Length) Trim(ReadOnlySpan<byte> span, int start, int end)
    {
        while (start < end && IsWhitespace(span[start])) start++;
        while (end > start && IsWhitespace(span[end - 1])) end--;
        return (start, end - start);
    }

    /// <summary>
    /// Given the index of an opening DQUOTE, returns the index just past the closing one, or -1
    /// when the quoted string is not terminated. quoted-pair (§25.1) escapes any char but CR/LF.
    /// </summary>
    public static int ScanQuotedString(ReadOnlySpan<byte> span, int index)
    {
        index++;
        while (index < span.Length)
        {
            var b = span[index];
            if (b == (byte)'"') return index + 1;
            if (b == (byte)'\\')
            {
                if (index + 1 >= span.Length || span[index + 1] is (byte)'\r' or (byte)'\n') return -1;
                index += 2;
                continue;
            }
            index++;
        }
        return -1;
    }

    /// <summary>
    /// Finds the next comma that separates list elements (§7.3.1): not inside a quoted string
    /// or angle brackets. Returns the span length when there is none, or -1 when quotes or
    /// brackets are unbalanced.
    /// </summary>
    public static int FindListSeparator(ReadOnlySpan<byte> span, int index)
    {
        var inAngle = false;
        while (index < span.Length)
        {
            var next = span[index..].IndexOfAny(ListSpecials);
            if (next < 0) break;
            index += next;
            switch (span[index])
            {
                case (byte)'"':
                    index = ScanQuotedString(span, index);
                    if (index < 0) return -1;
                    continue;
                case (byte)'<':
                    if (inAngle) return -1;
                    inAngle = true;
                    break;
                case (byte)'>':
                    if (!inAngle) return -1;
                    inAngle = false;
                    break;
                default: // ','
                    if (!inAngle) return index;
                    break;
            }
            index++;
        }
        return inAngle ? -1 : span.Length;
    }

    /// <summary>Parses 1*DIGIT as a non-negative number, rejecting overflow past <paramref name="max"/>.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> span, long max, out long value)
    {
        value = 0;
        if (span.IsEmpty) return false;
        foreach (var b in span)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9) return false;
            value = (value * 10) + digit;
            if (value > max) return false;
        }
        return true;
    }

    /// <summary>Removes the quotes and quoted-pair escapes of a quoted-string (§25.1).</summary>
    public static string Unquote(ReadOnlySpan<byte> quoted)
    {
        if (quoted.Length < 2 || quoted[0] != (byte)'"' || quoted[^1] != (byte)'"')
            return System.Text.Encoding.UTF8.GetString(quoted);
        var inner = quoted[1..^1];
        if (inner.IndexOf((byte)'\\') < 0) return System.Text.Encoding.UTF8.GetString(inner);
        var buffer = inner.Length <= 256 ? stackalloc byte[inner.Length] : new byte[inner.Length];
        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == (byte)'\\' && i + 1 < inner.Length) i++;
            buffer[length++] = inner[i];
        }
        return System.Text.Encoding.UTF8.GetString(buffer[..length]);
    }
}
