namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// Small scanners shared by the extension header values (RFC 3262, 3326, 4028, 6665 and the
/// authentication headers of RFC 3261 §20.7): delta-seconds, tokens, parameter tails whose
/// values are checked by name, and quoted-string / LHEX checks. Everything works on the
/// element <see cref="HeaderValues"/> already split and trimmed, where any CR/LF left is a fold.
/// </summary>
internal static class TypedHeaderGrammar
{
    /// <summary>
    /// delta-seconds = 1*DIGIT (RFC 3261 §25.1). Values above 2**32-1 are rejected rather than
    /// clamped: RFC 4475 §3.1.2.19 (scalar02) expects such out-of-range values to fail.
    /// </summary>
    public static bool TryParseDeltaSeconds(ReadOnlySpan<byte> span, out uint seconds)
    {
        var ok = SipLexer.TryParseDigits(span, uint.MaxValue, out var value);
        seconds = ok ? (uint)value : 0;
        return ok;
    }

    /// <summary>Reads a token at <paramref name="i"/>; false when there is none.</summary>
    public static bool ReadToken(ReadOnlySpan<byte> span, ref int i, out Range range)
    {
        var end = SipLexer.ScanToken(span, i);
        range = i..end;
        if (end == i) return false;
        i = end;
        return true;
    }

    /// <summary>Reads 1*DIGIT at <paramref name="i"/>.</summary>
    public static bool ReadDigits(ReadOnlySpan<byte> span, ref int i, out Range range)
    {
        var start = i;
        while (i < span.Length && char.IsAsciiDigit((char)span[i])) i++;
        range = start..i;
        return i > start;
    }

    /// <summary>True when the span is exactly one quoted-string (§25.1).</summary>
    public static bool IsQuotedString(ReadOnlySpan<byte> span) =>
        span.Length >= 2 && span[0] == (byte)'"' && SipLexer.ScanQuotedString(span, 0) == span.Length;

    /// <summary>LHEX = DIGIT / %x61-66 (§25.1): lower-case hexadecimal only.</summary>
    public static bool IsLowerHex(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (!char.IsAsciiDigit((char)b) && b is not (>= (byte)'a' and <= (byte)'f')) return false;
        }
        return true;
    }

    /// <summary>
    /// Walks <c>*( SEMI generic-param )</c> from <paramref name="start"/> like
    /// <see cref="SipParameters.Validate"/>, handing each parameter to <paramref name="check"/>
    /// so a header can apply its own grammar to the parameters it defines.
    /// </summary>
    public static bool ValidateParameters<TState>(ReadOnlySpan<byte> span, int start, TState state, ParameterCheck<TState> check)
    {
        var i = start;
        while (true)
        {
            i = SipLexer.SkipWhitespace(span, i);
            if (i == span.Length) return true;
            if (span[i] != (byte)';') return false;
            if (!SipParameters.TryReadParameter(span, i + 1, out var name, out var value, out var hasValue, out i)) return false;
            if (!check(state, span[name], span[value], hasValue)) return false;
        }
    }

    /// <summary>Checks one parameter of a header's own grammar.</summary>
    public delegate bool ParameterCheck<in TState>(TState state, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool hasValue);

    /// <summary>Case-insensitive name test, as parameter names compare (§7.3.1).</summary>
    public static bool NameIs(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => System.Text.Ascii.EqualsIgnoreCase(name, expected);

    /// <summary>Reads a delta-seconds parameter, null when absent or malformed.</summary>
    public static uint? GetDeltaSeconds(SipParameters parameters, ReadOnlySpan<byte> name) =>
        parameters.TryGetValue(name, out var value) && TryParseDeltaSeconds(value.Span, out var seconds) ? seconds : null;
}
