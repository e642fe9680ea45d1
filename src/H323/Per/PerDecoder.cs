using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Text;

namespace Signalling.H323.Per;

/// <summary>
/// Reads values in the ALIGNED variant of the Packed Encoding Rules (ITU-T X.691 (08/2015); clause
/// numbers below follow that edition) from a span, keeping a bit position.
/// </summary>
/// <remarks>
/// <para><b>Error model.</b> The read methods do not return status. When the input is bad (truncated,
/// a value outside its constraint, an unknown root enumeration or alternative, a character outside the
/// alphabet, ...) a primitive throws an internal exception carrying a <see cref="PerDecodeError"/> with the
/// reason, the bit position and the current type path. The only place that catches it is the top-level
/// entry point <see cref="TryDecode{T}(ReadOnlySpan{byte}, PerDecodeFunc{T}, out T, out PerDecodeError)"/>,
/// which returns <see langword="false"/> and the error. Decoding code (generated message types) therefore
/// reads straight-line like the ASN.1, and no decode exception ever escapes <c>TryDecode</c>.
/// Malformed peer input is the exceptional path; valid input throws nothing.</para>
/// <para><b>Allocation.</b> Every length or count read from the input is checked against the bits that
/// remain before anything proportional to it is allocated; fragmented values are scanned first and
/// allocated once at their real size.</para>
/// <para><b>Path.</b> <see cref="PushPath"/>, <see cref="PushIndex"/> and <see cref="PopPath"/> keep
/// the position in the type tree in inline storage (no allocation); the path string is built only for an
/// error.</para>
/// </remarks>
public ref struct PerDecoder
{
    private const int FragmentUnit = PerEncoder.FragmentUnit;

    private readonly ReadOnlySpan<byte> _data;
    private long _position;
    private long _limit;
    private PerPathBuffer _path;
    private int _depth;

    /// <summary>Creates a decoder at bit 0 of <paramref name="data"/>.</summary>
    /// <param name="data">A complete encoding (X.691 §10.1).</param>
    public PerDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        _limit = (long)data.Length * 8;
    }

    /// <summary>Creates a decoder over the first <paramref name="bitLength"/> bits of <paramref name="data"/>.</summary>
    /// <param name="data">The octets.</param>
    /// <param name="bitLength">How many bits of <paramref name="data"/> belong to the encoding.</param>
    public PerDecoder(ReadOnlySpan<byte> data, long bitLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitLength, (long)data.Length * 8);
        _data = data;
        _limit = bitLength;
    }

    /// <summary>
    /// Decodes one value from a complete encoding. This is the top-level entry point: no decode error
    /// escapes as an exception.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="encoding">The complete encoding.</param>
    /// <param name="decode">Reads the value.</param>
    /// <param name="value">The value, when the decode succeeded.</param>
    /// <param name="error">Why the decode failed, when it failed.</param>
    /// <returns><see langword="true"/> when the value was decoded.</returns>
    public static bool TryDecode<T>(ReadOnlySpan<byte> encoding, PerDecodeFunc<T> decode, [MaybeNullWhen(false)] out T value, out PerDecodeError error) =>
        TryDecode(encoding, (long)encoding.Length * 8, decode, out value, out error);

    /// <summary>
    /// Decodes one value from the first <paramref name="bitLength"/> bits of <paramref name="encoding"/>
    /// (an encoding that is not padded to whole octets, or a prefix of one). No decode error escapes as an
    /// exception.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="encoding">The octets.</param>
    /// <param name="bitLength">How many bits belong to the encoding.</param>
    /// <param name="decode">Reads the value.</param>
    /// <param name="value">The value, when the decode succeeded.</param>
    /// <param name="error">Why the decode failed, when it failed.</param>
    /// <returns><see langword="true"/> when the value was decoded.</returns>
    public static bool TryDecode<T>(ReadOnlySpan<byte> encoding, long bitLength, PerDecodeFunc<T> decode, [MaybeNullWhen(false)] out T value, out PerDecodeError error)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var decoder = new PerDecoder(encoding, bitLength);
        try
        {
            value = decode(ref decoder);
            error = default;
            return true;
        }
        catch (PerDecodeException exception)
        {
            value = default;
            error = exception.Error;
            return false;
        }
    }

    /// <summary>The bit offset of the next bit to read.</summary>
    public readonly long BitPosition => _position;

    /// <summary>The bits left before the end of the input or of the open type being decoded.</summary>
    public readonly long RemainingBits => _limit - _position;

    // ---------------------------------------------------------------- path

    /// <summary>Enters a named component or type (a path segment such as <c>setup</c>).</summary>
    /// <param name="name">The ASN.1 name of the component or type.</param>
    public void PushPath(string name)
    {
        if (_depth < PerPathBuffer.Capacity)
        {
            _path[_depth] = new PerPathSegment(name, 0);
        }

        _depth++;
    }

    /// <summary>Enters component <paramref name="index"/> of a SEQUENCE OF / SET OF (shown as <c>[index]</c>).</summary>
    /// <param name="index">The zero-based component index.</param>
    public void PushIndex(int index)
    {
        if (_depth < PerPathBuffer.Capacity)
        {
            _path[_depth] = new PerPathSegment(null, index);
        }

        _depth++;
    }

    /// <summary>Leaves the innermost path segment.</summary>
    public void PopPath()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("PopPath without a matching PushPath or PushIndex.");
        }

        _depth--;
    }

    /// <summary>The current type path, such as <c>H323-UserInformation.h323-uu-pdu.sourceAddress[1]</c>. Allocates.</summary>
    public readonly string Path
    {
        get
        {
            var builder = new StringBuilder();
            var kept = Math.Min(_depth, PerPathBuffer.Capacity);
            for (var i = 0; i < kept; i++)
            {
                var segment = _path[i];
                if (segment.Name is null)
                {
                    builder.Append('[').Append(segment.Index).Append(']');
                }
                else
                {
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(segment.Name);
                }
            }

            if (_depth > kept)
            {
                builder.Append(".…");
            }

            return builder.ToString();
        }
    }

    private readonly PerDecodeException Fail(PerDecodeErrorReason reason, string detail) =>
        new(new PerDecodeError(reason, _position, Path, detail));

    private readonly PerDecodeException Fail(PerDecodeErrorReason reason, string detail, long at) =>
        new(new PerDecodeError(reason, at, Path, detail));

    // ---------------------------------------------------------------- bits

    /// <summary>Reads one bit.</summary>
    /// <returns>The bit.</returns>
    public bool ReadBit()
    {
        if (_position >= _limit)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed 1 bits, {Math.Max(0, RemainingBits)} left");
        }

        var bit = (_data[(int)(_position >> 3)] >> (7 - (int)(_position & 7))) & 1;
        _position++;
        return bit != 0;
    }

    /// <summary>Reads a BOOLEAN (X.691 §11).</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean() => ReadBit();

    /// <summary>Reads NULL, which has an empty encoding (X.691 §18). Present for readability of generated code.</summary>
#pragma warning disable CA1822 // Kept an instance member so that generated code reads like the ASN.1.
    public readonly void ReadNull()
#pragma warning restore CA1822
    {
    }

    /// <summary>Reads <paramref name="count"/> bits, most significant first, into the low bits of the result.</summary>
    /// <param name="count">0 to 64.</param>
    /// <returns>The bits, right-aligned.</returns>
    public ulong ReadBits(int count)
    {
        if ((uint)count > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A bit-field holds 0 to 64 bits.");
        }

        if (count > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed {count} bits, {Math.Max(0, RemainingBits)} left");
        }

        var octet = (int)(_position >> 3);
        if (count <= 57 && octet <= _data.Length - 8)
        {
            // Fast path: one big-endian load holds the bit offset (≤ 7) plus up to 57 bits.
            var word = BinaryPrimitives.ReadUInt64BigEndian(_data[octet..]);
            var bits = (word << (int)(_position & 7)) >> (64 - count);
            _position += count;
            return count == 0 ? 0 : bits;
        }

        ulong result = 0;
        while (count > 0)
        {
            var offset = (int)(_position & 7);
            var available = 8 - offset;
            var take = Math.Min(available, count);
            var bits = (_data[(int)(_position >> 3)] >> (available - take)) & ((1 << take) - 1);
            result = (result << take) | (uint)bits;
            _position += take;
            count -= take;
        }

        return result;
    }

    /// <summary>Skips the padding bits up to the next octet boundary (ALIGNED variant).</summary>
    public void AlignToOctet()
    {
        var aligned = (_position + 7) & ~7L;
        if (aligned > _limit)
        {
            // The padding bits are part of the encoding, so input that ends inside them is truncated.
            throw Fail(PerDecodeErrorReason.Truncated, "the input ends inside octet-alignment padding");
        }

        _position = aligned;
    }

    private void ReadOctetsInto(scoped Span<byte> destination)
    {
        if ((long)destination.Length * 8 > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed {destination.Length} octets, {Math.Max(0, RemainingBits) / 8} left");
        }

        if ((_position & 7) == 0)
        {
            _data.Slice((int)(_position >> 3), destination.Length).CopyTo(destination);
            _position += (long)destination.Length * 8;
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)ReadBits(8);
        }
    }

    private void ReadBitsInto(scoped Span<byte> destination, long destinationBit, int bitCount)
    {
        // destinationBit is always a multiple of 8 here (fragments are multiples of 16K bits).
        var first = (int)(destinationBit >> 3);
        var whole = bitCount >> 3;
        ReadOctetsInto(destination.Slice(first, whole));
        var rest = bitCount & 7;
        if (rest > 0)
        {
            destination[first + whole] = (byte)(ReadBits(rest) << (8 - rest));
        }
    }

    // ---------------------------------------------------------------- whole numbers

    /// <summary>X.691 §10.5: reads the offset from lb of a constrained whole number of range rangeMinusOne + 1.</summary>
    private ulong ReadConstrainedWholeNumber(ulong rangeMinusOne, PerDecodeErrorReason reason)
    {
        var start = _position;
        ulong offset;
        if (rangeMinusOne == 0)
        {
            return 0; // §10.5.4
        }

        if (rangeMinusOne < 255)
        {
            offset = ReadBits(PerEncoder.BitWidth(rangeMinusOne)); // §10.5.7.1
        }
        else if (rangeMinusOne == 255)
        {
            AlignToOctet(); // §10.5.7.2
            offset = ReadBits(8);
        }
        else if (rangeMinusOne <= 65535)
        {
            AlignToOctet(); // §10.5.7.3
            offset = ReadBits(16);
        }
        else
        {
            // §10.5.7.4: a short constrained length (lb = 1) then that many aligned octets.
            var maxOctets = PerEncoder.OctetWidth(rangeMinusOne);
            var octets = (int)ReadConstrainedWholeNumber((ulong)(maxOctets - 1), PerDecodeErrorReason.InvalidLength) + 1;
            AlignToOctet();
            offset = ReadBits(octets * 8);
        }

        if (offset > rangeMinusOne)
        {
            throw Fail(reason, $"offset {offset} exceeds the range 0..{rangeMinusOne}", start);
        }

        return offset;
    }

    /// <summary>§10.3 non-negative-binary-integer after an unconstrained length (§10.6.2, §10.7).</summary>
    private ulong ReadNonNegativeWithLength()
    {
        var start = _position;
        var octets = ReadUnfragmentedLength();
        if (octets == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidLength, "an integer has at least one octet", start);
        }

        if (octets > 8)
        {
            throw Fail(PerDecodeErrorReason.ValueTooLarge, $"{octets} octets do not fit 64 bits", start);
        }

        return ReadBits(octets * 8);
    }

    /// <summary>Reads a constrained INTEGER (X.691 §12.2.2 → §10.5).</summary>
    /// <param name="lowerBound">lb.</param>
    /// <param name="upperBound">ub.</param>
    /// <returns>The value.</returns>
    public long ReadInteger(long lowerBound, long upperBound)
    {
        if (lowerBound > upperBound)
        {
            throw new ArgumentException("The lower bound exceeds the upper bound.", nameof(lowerBound));
        }

        var offset = ReadConstrainedWholeNumber(unchecked((ulong)(upperBound - lowerBound)), PerDecodeErrorReason.ConstraintViolation);
        return unchecked(lowerBound + (long)offset);
    }

    /// <summary>Reads a constrained INTEGER over the unsigned 64-bit range (X.691 §12.2.2 → §10.5).</summary>
    /// <param name="lowerBound">lb.</param>
    /// <param name="upperBound">ub.</param>
    /// <returns>The value.</returns>
    public ulong ReadInteger(ulong lowerBound, ulong upperBound)
    {
        if (lowerBound > upperBound)
        {
            throw new ArgumentException("The lower bound exceeds the upper bound.", nameof(lowerBound));
        }

        return lowerBound + ReadConstrainedWholeNumber(upperBound - lowerBound, PerDecodeErrorReason.ConstraintViolation);
    }

    /// <summary>Reads an INTEGER with an extensible range <c>(lb..ub, ...)</c> (X.691 §12.1).</summary>
    /// <param name="lowerBound">The root lb.</param>
    /// <param name="upperBound">The root ub.</param>
    /// <returns>The value (outside the root when the extension bit was set).</returns>
    public long ReadExtensibleInteger(long lowerBound, long upperBound) =>
        ReadBit() ? ReadUnconstrainedInteger() : ReadInteger(lowerBound, upperBound);

    /// <summary>Reads a semi-constrained INTEGER <c>(lb..MAX)</c> (X.691 §12.2.3 → §10.7).</summary>
    /// <param name="lowerBound">lb.</param>
    /// <returns>The value.</returns>
    public long ReadSemiConstrainedInteger(long lowerBound)
    {
        var start = _position;
        var offset = ReadNonNegativeWithLength();
        if (offset > unchecked((ulong)(long.MaxValue - lowerBound)))
        {
            throw Fail(PerDecodeErrorReason.ValueTooLarge, "the value exceeds a 64-bit signed integer", start);
        }

        return unchecked(lowerBound + (long)offset);
    }

    /// <summary>Reads a semi-constrained INTEGER <c>(lb..MAX)</c> over the unsigned 64-bit range (X.691 §10.7).</summary>
    /// <param name="lowerBound">lb.</param>
    /// <returns>The value.</returns>
    public ulong ReadSemiConstrainedInteger(ulong lowerBound)
    {
        var start = _position;
        var offset = ReadNonNegativeWithLength();
        if (offset > ulong.MaxValue - lowerBound)
        {
            throw Fail(PerDecodeErrorReason.ValueTooLarge, "the value exceeds a 64-bit unsigned integer", start);
        }

        return lowerBound + offset;
    }

    /// <summary>Reads an unconstrained INTEGER: a length and two's complement octets (X.691 §12.2.4 → §10.8).</summary>
    /// <returns>The value.</returns>
    public long ReadUnconstrainedInteger()
    {
        var start = _position;
        var octets = ReadUnfragmentedLength();
        if (octets == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidLength, "an integer has at least one octet", start);
        }

        if (octets > 8)
        {
            throw Fail(PerDecodeErrorReason.ValueTooLarge, $"{octets} octets do not fit 64 bits", start);
        }

        var bits = octets * 8;
        var raw = ReadBits(bits);
        if (bits < 64 && (raw >> (bits - 1)) != 0)
        {
            raw |= ulong.MaxValue << bits; // sign-extend the two's complement value (§10.4).
        }

        return unchecked((long)raw);
    }

    /// <summary>Reads a normally small non-negative whole number (X.691 §10.6).</summary>
    /// <returns>The number.</returns>
    public int ReadNormallySmallNumber()
    {
        var start = _position;
        if (!ReadBit())
        {
            return (int)ReadBits(6); // §10.6.1
        }

        var value = ReadNonNegativeWithLength(); // §10.6.2
        if (value > int.MaxValue)
        {
            throw Fail(PerDecodeErrorReason.ValueTooLarge, $"{value} is too large for an index", start);
        }

        return (int)value;
    }

    // ---------------------------------------------------------------- lengths

    /// <summary>Reads a normally small length (X.691 §10.9.3.4).</summary>
    /// <returns>n ≥ 1.</returns>
    public int ReadNormallySmallLength()
    {
        if (!ReadBit())
        {
            return (int)ReadBits(6) + 1;
        }

        var start = _position;
        var length = ReadUnfragmentedLength();
        if (length == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidLength, "a normally small length is at least 1", start);
        }

        return length;
    }

    /// <summary>
    /// Reads one octet-aligned unconstrained length determinant (X.691 §10.9.3.5–§10.9.3.8). When
    /// <paramref name="more"/> is <see langword="true"/> the result is a fragment of m × 16K items and another
    /// length determinant follows the items.
    /// </summary>
    /// <param name="more">Whether this is a fragment that another length follows.</param>
    /// <returns>The number of items in this fragment.</returns>
    public int ReadLengthFragmentHeader(out bool more)
    {
        AlignToOctet();
        var start = _position;
        var first = (int)ReadBits(8);
        more = false;
        if ((first & 0x80) == 0)
        {
            return first; // §10.9.3.6
        }

        if ((first & 0x40) == 0)
        {
            return ((first & 0x3F) << 8) | (int)ReadBits(8); // §10.9.3.7
        }

        var m = first & 0x3F;
        if (m is < 1 or > 4)
        {
            throw Fail(PerDecodeErrorReason.InvalidLength, $"fragment multiplier {m} is not 1..4", start); // §10.9.3.8
        }

        more = true;
        return m * FragmentUnit;
    }

    private int ReadUnfragmentedLength()
    {
        var start = _position;
        var length = ReadLengthFragmentHeader(out var more);
        if (more)
        {
            throw Fail(PerDecodeErrorReason.LengthTooLarge, "a fragmented length is not supported here", start);
        }

        return length;
    }

    /// <summary>
    /// Walks the fragments of a fragmented value (X.691 §10.9.3.8) without copying, checking each fragment
    /// against the remaining bits, and returns the total number of units; the position is restored.
    /// </summary>
    private int ScanFragments(int bitsPerUnit)
    {
        var start = _position;
        long total = 0;
        bool more;
        do
        {
            var count = ReadLengthFragmentHeader(out more);
            var bits = (long)count * bitsPerUnit;
            if (bits > RemainingBits)
            {
                throw Fail(PerDecodeErrorReason.Truncated, $"a length of {count} needs {bits} bits, {Math.Max(0, RemainingBits)} left");
            }

            // Item bits start octet-aligned after each length determinant.
            _position += bits;
            total += count;
            if (total > Array.MaxLength)
            {
                throw Fail(PerDecodeErrorReason.LengthTooLarge, "the total length exceeds the maximum array size", start);
            }
        }
        while (more);

        _position = start;
        return (int)total;
    }

    /// <summary>
    /// Reads the count of a SEQUENCE OF / SET OF (X.691 §20.6) and checks that the remaining input can hold
    /// that many components of at least <paramref name="minimumBitsPerComponent"/> bits each, so a caller may
    /// size a collection from it.
    /// </summary>
    /// <param name="size">The SIZE constraint.</param>
    /// <param name="minimumBitsPerComponent">The fewest bits one component can take; pass 0 for a component
    /// type with an empty encoding (and then do not pre-size from the count).</param>
    /// <returns>The number of components.</returns>
    public int ReadCount(PerSizeConstraint size, int minimumBitsPerComponent = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumBitsPerComponent);
        var start = _position;
        var inRoot = ReadSizeExtensionBit(size);
        int count;
        if (inRoot && size.HasSmallUpperBound)
        {
            count = size.LowerBound + (int)ReadConstrainedWholeNumber((ulong)(size.UpperBound - size.LowerBound), PerDecodeErrorReason.ConstraintViolation);
        }
        else
        {
            count = ReadUnfragmentedLength();
            if (inRoot && !size.Contains(count))
            {
                throw Fail(PerDecodeErrorReason.ConstraintViolation, $"count {count} is outside {size}", start);
            }
        }

        if ((long)count * minimumBitsPerComponent > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"{count} components cannot fit in {Math.Max(0, RemainingBits)} bits", start);
        }

        return count;
    }

    /// <summary>Reads the SIZE extension bit when the constraint is extensible (X.691 §16.6, §17.3, §20.4, §30.4); true when in the root.</summary>
    private bool ReadSizeExtensionBit(PerSizeConstraint size) => !size.IsExtensible || !ReadBit();

    // ---------------------------------------------------------------- enumerated, choice, sequence

    /// <summary>Reads a non-extensible ENUMERATED value as its root index (X.691 §13.2).</summary>
    /// <param name="rootCount">The number of enumerations.</param>
    /// <returns>The index.</returns>
    public int ReadEnumerated(int rootCount) => ReadEnumerated(rootCount, false, out _);

    /// <summary>
    /// Reads an ENUMERATED value (X.691 §13): a root index, or — when the type is extensible and the
    /// extension bit is set — the index among the extension enumerations (§13.3).
    /// </summary>
    /// <param name="rootCount">The number of root enumerations.</param>
    /// <param name="extensible">Whether the type has an extension marker.</param>
    /// <param name="isExtension">Whether the result is an extension index.</param>
    /// <returns>The root index or the extension index.</returns>
    public int ReadEnumerated(int rootCount, bool extensible, out bool isExtension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootCount);
        isExtension = extensible && ReadBit();
        if (isExtension)
        {
            return ReadNormallySmallNumber();
        }

        return (int)ReadConstrainedWholeNumber((ulong)(rootCount - 1), PerDecodeErrorReason.InvalidEnumeration);
    }

    /// <summary>
    /// Reads a CHOICE index (X.691 §23): a root index, or — when the type is extensible and the extension
    /// bit is set — the index among the extension alternatives (§23.8), whose value follows as an open type.
    /// </summary>
    /// <param name="rootCount">The number of root alternatives.</param>
    /// <param name="extensible">Whether the type has an extension marker.</param>
    /// <param name="isExtension">Whether the result is an extension index.</param>
    /// <returns>The root index or the extension index.</returns>
    public int ReadChoiceIndex(int rootCount, bool extensible, out bool isExtension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootCount);
        isExtension = extensible && ReadBit();
        if (isExtension)
        {
            return ReadNormallySmallNumber();
        }

        return (int)ReadConstrainedWholeNumber((ulong)(rootCount - 1), PerDecodeErrorReason.InvalidChoiceIndex);
    }

    /// <summary>Reads the extension bit of an extensible SEQUENCE or SET (X.691 §19.1).</summary>
    /// <returns>Whether extension additions are present.</returns>
    public bool ReadExtensionBit() => ReadBit();

    /// <summary>
    /// Reads the length of the extension-additions bitmap of a SEQUENCE or SET (X.691 §19.8, a normally
    /// small length) and checks that the bits are present; the caller then reads that many presence bits
    /// with <see cref="ReadBit"/>, and each present addition as an open type.
    /// </summary>
    /// <returns>The number of extension additions the sender knows.</returns>
    public int ReadExtensionAdditionsCount()
    {
        var start = _position;
        var count = ReadNormallySmallLength();
        if (count > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"a bitmap of {count} bits with {Math.Max(0, RemainingBits)} left", start);
        }

        return count;
    }

    // ---------------------------------------------------------------- open types

    /// <summary>
    /// Reads an open type field (X.691 §10.2) as raw octets, to keep an unknown extension addition or
    /// alternative for byte-exact re-encoding.
    /// </summary>
    /// <returns>The complete encoding of the contained value.</returns>
    public PerOpenType ReadOpenType()
    {
        var start = _position;
        var octets = ReadFragmentedOctets();
        if (octets.Length == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidOpenType, "an open type holds at least one octet (§10.1.3)", start);
        }

        return new PerOpenType(octets);
    }

    /// <summary>
    /// Starts decoding an open type field (X.691 §10.2) in place: reads its length and confines the
    /// following reads to its octets, which the caller decodes as the contained type. Reading past them
    /// reports <see cref="PerDecodeErrorReason.Truncated"/>.
    /// </summary>
    /// <returns>The scope for <see cref="EndOpenType"/>.</returns>
    public PerOpenTypeScope BeginOpenType()
    {
        var start = _position;
        var octets = ReadUnfragmentedLength();
        if (octets == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidOpenType, "an open type holds at least one octet (§10.1.3)", start);
        }

        if ((long)octets * 8 > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"an open type of {octets} octets with {Math.Max(0, RemainingBits) / 8} left", start);
        }

        var scope = new PerOpenTypeScope(_position + ((long)octets * 8), _limit);
        _limit = scope.End;
        return scope;
    }

    /// <summary>Ends an open type begun with <see cref="BeginOpenType"/>, skipping its padding and any octets not read.</summary>
    /// <param name="scope">The value <see cref="BeginOpenType"/> returned.</param>
    public void EndOpenType(PerOpenTypeScope scope)
    {
        _position = scope.End;
        _limit = scope.PreviousLimit;
    }

    private byte[] ReadFragmentedOctets()
    {
        // Common case first: a single length determinant (no fragmentation) needs no scan.
        var headerStart = _position;
        var length = ReadLengthFragmentHeader(out var fragmented);
        if (!fragmented)
        {
            var bits = (long)length * 8;
            if (bits > RemainingBits)
            {
                throw Fail(PerDecodeErrorReason.Truncated, $"a length of {length} needs {bits} bits, {Math.Max(0, RemainingBits)} left");
            }

            if (length == 0)
            {
                return [];
            }

            var octets = _data.Slice((int)(_position >> 3), length).ToArray();
            _position += bits;
            return octets;
        }

        _position = headerStart;
        var total = ScanFragments(8);
        if (total == 0)
        {
            ReadLengthFragmentHeader(out _);
            return [];
        }

        var result = new byte[total];
        var offset = 0;
        bool more;
        do
        {
            var count = ReadLengthFragmentHeader(out more);
            ReadOctetsInto(result.AsSpan(offset, count));
            offset += count;
        }
        while (more);

        return result;
    }

    // ---------------------------------------------------------------- strings

    /// <summary>Reads an OCTET STRING (X.691 §17); see <see cref="PerEncoder.WriteOctetString"/> for the forms.</summary>
    /// <param name="size">The SIZE constraint.</param>
    /// <returns>The octets.</returns>
    public byte[] ReadOctetString(PerSizeConstraint size)
    {
        var start = _position;
        if (ReadSizeExtensionBit(size))
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                if (size.LowerBound > 2)
                {
                    AlignToOctet(); // §17.7
                }

                return ReadOctets(size.LowerBound); // §17.5, §17.6
            }

            if (size.HasSmallUpperBound)
            {
                var n = size.LowerBound + (int)ReadConstrainedWholeNumber((ulong)(size.UpperBound - size.LowerBound), PerDecodeErrorReason.ConstraintViolation);
                if (n > 0)
                {
                    AlignToOctet(); // §17.8
                }

                return ReadOctets(n);
            }

            var unbounded = ReadFragmentedOctets();
            if (!size.Contains(unbounded.Length))
            {
                throw Fail(PerDecodeErrorReason.ConstraintViolation, $"size {unbounded.Length} is outside {size}", start);
            }

            return unbounded;
        }

        return ReadFragmentedOctets();
    }

    private byte[] ReadOctets(int count)
    {
        if (count == 0)
        {
            return [];
        }

        if ((long)count * 8 > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed {count} octets, {Math.Max(0, RemainingBits) / 8} left");
        }

        var result = new byte[count];
        ReadOctetsInto(result);
        return result;
    }

    /// <summary>Reads a BIT STRING (X.691 §16); see <see cref="PerEncoder.WriteBitString"/> for the forms.</summary>
    /// <param name="size">The SIZE constraint in bits.</param>
    /// <param name="bitCount">The number of bits in the value.</param>
    /// <returns>The bits, first bit in the most significant bit of octet 0, unused trailing bits zero.</returns>
    public byte[] ReadBitString(PerSizeConstraint size, out int bitCount)
    {
        var start = _position;
        var inRoot = ReadSizeExtensionBit(size);
        if (inRoot)
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                bitCount = size.LowerBound;
                if (bitCount > 16)
                {
                    AlignToOctet(); // §16.10
                }

                return ReadBitField(bitCount); // §16.8, §16.9
            }

            if (size.HasSmallUpperBound)
            {
                bitCount = size.LowerBound + (int)ReadConstrainedWholeNumber((ulong)(size.UpperBound - size.LowerBound), PerDecodeErrorReason.ConstraintViolation);
                if (bitCount > 0)
                {
                    AlignToOctet(); // §16.11
                }

                return ReadBitField(bitCount);
            }
        }

        bitCount = ScanFragments(1);
        var result = new byte[(bitCount + 7) >> 3];
        long offset = 0;
        bool more;
        do
        {
            var count = ReadLengthFragmentHeader(out more);
            ReadBitsInto(result, offset, count);
            offset += count;
        }
        while (more);

        if (inRoot && !size.Contains(bitCount))
        {
            throw Fail(PerDecodeErrorReason.ConstraintViolation, $"size {bitCount} is outside {size}", start);
        }

        return result;
    }

    private byte[] ReadBitField(int bitCount)
    {
        if (bitCount > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed {bitCount} bits, {Math.Max(0, RemainingBits)} left");
        }

        var result = new byte[(bitCount + 7) >> 3];
        ReadBitsInto(result, 0, bitCount);
        return result;
    }

    /// <summary>
    /// Reads a known-multiplier character string (X.691 §30); see
    /// <see cref="PerEncoder.WriteCharacterString"/> for the forms.
    /// </summary>
    /// <param name="alphabet">The effective permitted alphabet.</param>
    /// <param name="size">The SIZE constraint in characters.</param>
    /// <returns>The string.</returns>
    public string ReadCharacterString(PermittedAlphabet alphabet, PerSizeConstraint size)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var start = _position;
        var b = alphabet.CharacterWidth;
        if (ReadSizeExtensionBit(size))
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                var fixedLength = size.LowerBound;
                if ((long)fixedLength * b > 16)
                {
                    AlignToOctet(); // §30.5.7
                }

                return ReadCharacters(fixedLength, alphabet);
            }

            if (size.HasSmallUpperBound)
            {
                var n = size.LowerBound + (int)ReadConstrainedWholeNumber((ulong)(size.UpperBound - size.LowerBound), PerDecodeErrorReason.ConstraintViolation);
                if (n > 0 && (long)size.UpperBound * b >= 16)
                {
                    AlignToOctet(); // §30.5.7
                }

                return ReadCharacters(n, alphabet);
            }

            var unbounded = ReadFragmentedCharacters(alphabet);
            if (!size.Contains(unbounded.Length))
            {
                throw Fail(PerDecodeErrorReason.ConstraintViolation, $"size {unbounded.Length} is outside {size}", start);
            }

            return unbounded;
        }

        return ReadFragmentedCharacters(alphabet);
    }

    private string ReadFragmentedCharacters(PermittedAlphabet alphabet)
    {
        var total = ScanFragments(alphabet.CharacterWidth);
        if (total <= 256 && total < FragmentUnit)
        {
            var length = ReadLengthFragmentHeader(out _);
            return ReadCharacters(length, alphabet);
        }

        var rented = ArrayPool<char>.Shared.Rent(total);
        try
        {
            var offset = 0;
            bool more;
            do
            {
                var count = ReadLengthFragmentHeader(out more);
                ReadCharactersInto(rented.AsSpan(offset, count), alphabet);
                offset += count;
            }
            while (more);

            return new string(rented, 0, total);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private string ReadCharacters(int count, PermittedAlphabet alphabet)
    {
        if (count == 0)
        {
            return string.Empty;
        }

        if ((long)count * alphabet.CharacterWidth > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"{count} characters of {alphabet.CharacterWidth} bits with {Math.Max(0, RemainingBits)} bits left");
        }

        if (count <= 256)
        {
            Span<char> buffer = stackalloc char[count];
            ReadCharactersInto(buffer, alphabet);
            return new string(buffer);
        }

        var rented = ArrayPool<char>.Shared.Rent(count);
        try
        {
            ReadCharactersInto(rented.AsSpan(0, count), alphabet);
            return new string(rented, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void ReadCharactersInto(scoped Span<char> destination, PermittedAlphabet alphabet)
    {
        var b = alphabet.CharacterWidth;
        if ((long)destination.Length * b > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"{destination.Length} characters of {b} bits with {Math.Max(0, RemainingBits)} bits left");
        }

        if ((_position & 7) == 0 && !alphabet.UsesIndices && b is 8 or 16)
        {
            // Octet-aligned values (IA5String, VisibleString, BMPString, ...): straight from the octets.
            var octets = _data.Slice((int)(_position >> 3), destination.Length * (b >> 3));
            for (var i = 0; i < destination.Length; i++)
            {
                var c = b == 8 ? (char)octets[i] : (char)((octets[2 * i] << 8) | octets[(2 * i) + 1]);
                if (!alphabet.Contains(c))
                {
                    var at = _position + ((long)i * b);
                    throw Fail(PerDecodeErrorReason.InvalidCharacter, $"code {(uint)c} is not in {alphabet.Name}", at);
                }

                destination[i] = c;
            }

            _position += (long)destination.Length * b;
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var at = _position;
            var code = (uint)ReadBits(b);
            if (!alphabet.TryGetCharacter(code, out destination[i]))
            {
                throw Fail(PerDecodeErrorReason.InvalidCharacter, $"code {code} is not in {alphabet.Name}", at);
            }
        }
    }

    /// <summary>
    /// Reads an OBJECT IDENTIFIER (X.691 §24): a length and BER contents octets, decoded with
    /// <see cref="AsnDecoder"/>.
    /// </summary>
    /// <returns>The dotted form, such as <c>0.0.8.2250.0.4</c>.</returns>
    public string ReadObjectIdentifier()
    {
        var start = _position;
        var length = ReadUnfragmentedLength();
        if (length == 0)
        {
            throw Fail(PerDecodeErrorReason.InvalidObjectIdentifier, "empty contents", start);
        }

        if ((long)length * 8 > RemainingBits)
        {
            throw Fail(PerDecodeErrorReason.Truncated, $"needed {length} octets, {Math.Max(0, RemainingBits) / 8} left", start);
        }

        // The length determinant leaves the position octet-aligned, so the contents are a slice of the input.
        if (PerObjectIdentifier.TryDecode(_data.Slice((int)(_position >> 3), length), out var fast))
        {
            _position += (long)length * 8;
            return fast;
        }

        // Rebuild the BER TLV (identifier 0x06, definite length) around the contents for AsnDecoder.
        var headerLength = length < 0x80 ? 2 : length < 0x100 ? 3 : 4;
        var total = headerLength + length;
        var rented = total > 256 ? ArrayPool<byte>.Shared.Rent(total) : null;
        var tlv = rented is null ? stackalloc byte[256] : rented.AsSpan();
        try
        {
            tlv[0] = 0x06;
            if (headerLength == 2)
            {
                tlv[1] = (byte)length;
            }
            else if (headerLength == 3)
            {
                tlv[1] = 0x81;
                tlv[2] = (byte)length;
            }
            else
            {
                tlv[1] = 0x82;
                tlv[2] = (byte)(length >> 8);
                tlv[3] = (byte)length;
            }

            ReadOctetsInto(tlv.Slice(headerLength, length));
            try
            {
                return AsnDecoder.ReadObjectIdentifier(tlv[..total], AsnEncodingRules.BER, out _);
            }
            catch (AsnContentException exception)
            {
                throw new PerDecodeException(
                    new PerDecodeError(PerDecodeErrorReason.InvalidObjectIdentifier, start, Path, exception.Message),
                    exception);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
