namespace Signalling.H323.Per;

/// <summary>
/// The effective permitted alphabet of a known-multiplier character string type (X.691 §30), precomputed
/// once: the characters in canonical (numeric) order, the ALIGNED-variant character width and whether
/// characters are sent as their value or as their index in the alphabet. Immutable and thread-safe, so
/// the usual alphabets are shared static instances.
/// </summary>
public sealed class PermittedAlphabet
{
    // Sorted, non-overlapping, non-adjacent inclusive ranges, and the index of each range's first
    // character in the alphabet (X.691 §30.5.4: indices follow the canonical order, which for these
    // types is the numeric order of the character values).
    private readonly char[] _rangeFirst;
    private readonly char[] _rangeLast;
    private readonly int[] _rangeStartIndex;

    private PermittedAlphabet(string name, List<(char First, char Last)> ranges)
    {
        Name = name;
        ranges.Sort((a, b) => a.First.CompareTo(b.First));
        var merged = new List<(char First, char Last)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                var last = merged[^1];
                merged[^1] = (last.First, (char)Math.Max(last.Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }

        if (merged.Count == 0)
        {
            throw new ArgumentException("A permitted alphabet needs at least one character.", nameof(ranges));
        }

        _rangeFirst = new char[merged.Count];
        _rangeLast = new char[merged.Count];
        _rangeStartIndex = new int[merged.Count];
        var count = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            _rangeFirst[i] = merged[i].First;
            _rangeLast[i] = merged[i].Last;
            _rangeStartIndex[i] = count;
            count += merged[i].Last - merged[i].First + 1;
        }

        Count = count;
        LargestValue = _rangeLast[^1];

        // X.691 §30.5.2: B is the smallest integer with 2^B >= N; in the ALIGNED variant b is the
        // smallest power of two (1, 2, 4, 8, 16) that is >= B, so a character never straddles more
        // bit-field boundaries than needed to stay byte-friendly.
        var unalignedBits = count <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(count - 1));
        var alignedBits = 1;
        while (alignedBits < unalignedBits)
        {
            alignedBits <<= 1;
        }

        CharacterWidth = alignedBits;

        // X.691 §30.5.4: characters are encoded as their value when every value of the alphabet fits in
        // b bits (the largest value UB <= 2^b - 1); only otherwise is each character replaced by its
        // index in the canonically ordered alphabet. The test is on the largest value, not on N.
        UsesIndices = LargestValue > (1 << alignedBits) - 1;
    }

    /// <summary>A name for diagnostics, such as <c>IA5String</c>.</summary>
    public string Name { get; }

    /// <summary>N: the number of characters in the alphabet.</summary>
    public int Count { get; }

    /// <summary>UB: the largest character value in the alphabet.</summary>
    public char LargestValue { get; }

    /// <summary>b: the number of bits per character in the ALIGNED variant (1, 2, 4, 8 or 16; X.691 §30.5.2).</summary>
    public int CharacterWidth { get; }

    /// <summary>Whether characters are encoded as their index in the alphabet rather than their value (X.691 §30.5.4).</summary>
    public bool UsesIndices { get; }

    /// <summary>IA5String with no permitted-alphabet constraint: values 0..127, 8 bits in the ALIGNED variant.</summary>
    public static PermittedAlphabet IA5String { get; } = new("IA5String", [('\0', '\u007F')]);

    /// <summary>NumericString (X.680 §41.2): space and the digits, 4 bits as indices.</summary>
    public static PermittedAlphabet NumericString { get; } = new("NumericString", [(' ', ' '), ('0', '9')]);

    /// <summary>PrintableString (X.680 §41.4): 74 characters, 8 bits as values.</summary>
    public static PermittedAlphabet PrintableString { get; } = new(
        "PrintableString",
        [(' ', ' '), ('\'', ')'), ('+', '/'), ('0', '9'), (':', ':'), ('=', '='), ('?', '?'), ('A', 'Z'), ('a', 'z')]);

    /// <summary>VisibleString (ISO646String): values 32..126, 8 bits as values.</summary>
    public static PermittedAlphabet VisibleString { get; } = new("VisibleString", [(' ', '~')]);

    /// <summary>BMPString: all 65536 UTF-16 code units, 16 bits as values.</summary>
    public static PermittedAlphabet BmpString { get; } = new("BMPString", [('\0', '\uFFFF')]);

    /// <summary>
    /// The effective alphabet of a <c>FROM("...")</c> permitted-alphabet constraint: exactly the given
    /// characters (duplicates ignored, order irrelevant).
    /// </summary>
    /// <param name="characters">The permitted characters, such as <c>"0123456789#*,"</c>.</param>
    /// <param name="name">A name for diagnostics.</param>
    /// <returns>The alphabet.</returns>
    public static PermittedAlphabet FromCharacters(string characters, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(characters);
        var ranges = new List<(char, char)>(characters.Length);
        foreach (var c in characters)
        {
            ranges.Add((c, c));
        }

        return new PermittedAlphabet(name ?? $"FROM(\"{characters}\")", ranges);
    }

    /// <summary>The effective alphabet of <c>FROM(first..last)</c>.</summary>
    /// <param name="first">The first character.</param>
    /// <param name="last">The last character, not before <paramref name="first"/>.</param>
    /// <param name="name">A name for diagnostics.</param>
    /// <returns>The alphabet.</returns>
    public static PermittedAlphabet FromRange(char first, char last, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new PermittedAlphabet(name ?? $"FROM(\"{first}\"..\"{last}\")", [(first, last)]);
    }

    /// <summary>Whether <paramref name="c"/> is in the alphabet.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Contains(char c) => FindRange(c) >= 0;

    /// <summary>The code sent on the wire for <paramref name="c"/>: its value or its index (X.691 §30.5.4).</summary>
    internal bool TryGetCode(char c, out uint code)
    {
        var range = FindRange(c);
        if (range < 0)
        {
            code = 0;
            return false;
        }

        code = UsesIndices ? (uint)(_rangeStartIndex[range] + (c - _rangeFirst[range])) : c;
        return true;
    }

    /// <summary>The character for a code read from the wire, or false when the code names no character.</summary>
    internal bool TryGetCharacter(uint code, out char c)
    {
        if (!UsesIndices)
        {
            c = (char)code;
            return code <= char.MaxValue && FindRange(c) >= 0;
        }

        if (code >= (uint)Count)
        {
            c = '\0';
            return false;
        }

        // The last range whose start index is <= code.
        var lo = 0;
        var hi = _rangeStartIndex.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_rangeStartIndex[mid] <= code)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        c = (char)(_rangeFirst[lo] + (code - (uint)_rangeStartIndex[lo]));
        return true;
    }

    private int FindRange(char c)
    {
        if (_rangeFirst.Length == 1)
        {
            // One range (IA5String, VisibleString, BMPString, FROM a..b): a subtraction and a compare.
            return (uint)(c - _rangeFirst[0]) <= (uint)(_rangeLast[0] - _rangeFirst[0]) ? 0 : -1;
        }

        var lo = 0;
        var hi = _rangeFirst.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (c < _rangeFirst[mid])
            {
                hi = mid - 1;
            }
            else if (c > _rangeLast[mid])
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (N={Count}, b={CharacterWidth}, {(UsesIndices ? "indices" : "values")})";
}
