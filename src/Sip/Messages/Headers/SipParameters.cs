namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The <c>*( SEMI generic-param )</c> tail of a header value (RFC 3261 §25.1), read in place.
/// Names compare case-insensitively (§7.3.1); unknown parameters are kept byte-exact.
/// </summary>
public readonly struct SipParameters
{
    private readonly ReadOnlyMemory<byte> _text;

    /// <summary>Wraps a validated parameter section that starts with ';' (or is empty).</summary>
    internal SipParameters(ReadOnlyMemory<byte> text) => _text = text;

    /// <summary>The parameter section as sent, starting with ';' (empty when there are none).</summary>
    public Utf8Slice Text => new(_text);

    /// <summary>True when there are no parameters.</summary>
    public bool IsEmpty => _text.IsEmpty;

    /// <summary>Finds a parameter by name (case-insensitive).</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out Utf8Slice value)
    {
        foreach (var parameter in this)
        {
            if (parameter.Name.EqualsIgnoreCase(name))
            {
                value = parameter.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Finds a parameter by name (case-insensitive).</summary>
    public bool TryGetValue(string name, out Utf8Slice value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> buffer = name.Length <= 128 ? stackalloc byte[name.Length] : new byte[name.Length];
        if (System.Text.Ascii.FromUtf16(name, buffer, out _) != System.Buffers.OperationStatus.Done)
        {
            value = default;
            return false; // a non-ASCII name cannot be a token
        }
        return TryGetValue(buffer, out value);
    }

    /// <summary>True when a parameter of that name is present, with or without a value.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => TryGetValue(name, out _);

    /// <summary>Enumerates the parameters in order.</summary>
    public Enumerator GetEnumerator() => new(_text);

    /// <summary>
    /// Checks <c>*( SEMI generic-param )</c> starting at <paramref name="start"/>: each
    /// parameter is a token name, optionally <c>EQUAL</c> and a token, host or quoted-string.
    /// Empty parameters (<c>;;</c>) are invalid (RFC 4475 §3.1.2.1).
    /// </summary>
    internal static bool Validate(ReadOnlySpan<byte> span, int start)
    {
        var i = start;
        while (true)
        {
            i = SipLexer.SkipWhitespace(span, i);
            if (i == span.Length) return true;
            if (span[i] != (byte)';') return false;
            if (!TryReadParameter(span, i + 1, out _, out _, out _, out i)) return false;
        }
    }

    /// <summary>Reads one parameter after its ';'. Returns the index after it.</summary>
    internal static bool TryReadParameter(ReadOnlySpan<byte> span, int index,
        out Range name, out Range value, out bool hasValue, out int next)
    {
        value = default;
        hasValue = false;
        var i = SipLexer.SkipWhitespace(span, index);
        var nameEnd = SipLexer.ScanToken(span, i);
        name = i..nameEnd;
        next = nameEnd;
        if (nameEnd == i) return false;
        i = SipLexer.SkipWhitespace(span, nameEnd);
        if (i < span.Length && span[i] == (byte)'=')
        {
            hasValue = true;
            i = SipLexer.SkipWhitespace(span, i + 1);
            var valueStart = i;
            if (i < span.Length && span[i] == (byte)'"')
            {
                i = SipLexer.ScanQuotedString(span, i);
                if (i < 0) return false;
            }
            else
            {
                // gen-value = token / host / quoted-string; host adds ':' '[' ']' for IPv6.
                while (i < span.Length && (SipLexer.IsTokenChar(span[i]) || span[i] is (byte)':' or (byte)'[' or (byte)']')) i++;
                if (i == valueStart) return false;
            }
            value = valueStart..i;
            next = i;
        }
        return true;
    }

    /// <summary>Enumerates parameters without allocating.</summary>
    public struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _text;
        private int _index;

        internal Enumerator(ReadOnlyMemory<byte> text)
        {
            _text = text;
            _index = 0;
            Current = default;
        }

        /// <summary>The current parameter.</summary>
        public SipParameter Current { get; private set; }

        /// <summary>Advances to the next parameter.</summary>
        public bool MoveNext()
        {
            var span = _text.Span;
            var i = SipLexer.SkipWhitespace(span, _index);
            if (i >= span.Length || span[i] != (byte)';') return false;
            if (!TryReadParameter(span, i + 1, out var name, out var value, out var hasValue, out var next)) return false;
            Current = new SipParameter(new Utf8Slice(_text[name]), new Utf8Slice(_text[value]), hasValue);
            _index = next;
            return true;
        }
    }
}
