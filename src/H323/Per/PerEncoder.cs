using System.Buffers;
using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;

namespace Signalling.H323.Per;

/// <summary>
/// Writes values in the ALIGNED variant of the Packed Encoding Rules (ITU-T X.691 (08/2015); clause
/// numbers below follow that edition) into a growable buffer rented from <see cref="ArrayPool{T}"/>.
/// </summary>
/// <remarks>
/// <para>Bits are written most significant first. Every octet is fully initialised when first touched,
/// so alignment padding bits are always zero, as X.691 requires of padding.</para>
/// <para>Values outside their constraint throw <see cref="ArgumentOutOfRangeException"/>: encoding is
/// driven by our own typed values, so a violation is a programming error, not peer input.</para>
/// <para>An encoder is single-threaded. <see cref="Reset"/> makes it reusable; <see cref="Dispose"/>
/// returns the buffer to the pool.</para>
/// </remarks>
public sealed class PerEncoder : IDisposable
{
    /// <summary>The fragment unit of X.691 §10.9.3.8: 16K octets, bits, characters or components.</summary>
    internal const int FragmentUnit = 16384;

    private byte[] _buffer;
    private long _bitPosition;
    private AsnWriter? _asnWriter;

    /// <summary>Creates an encoder with an initial buffer of at least <paramref name="initialCapacity"/> octets.</summary>
    /// <param name="initialCapacity">The initial capacity in octets.</param>
    public PerEncoder(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The number of bits written so far.</summary>
    public long BitLength => _bitPosition;

    /// <summary>The number of octets touched so far (the bit length rounded up).</summary>
    public int OctetLength => (int)((_bitPosition + 7) >> 3);

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Reset() => _bitPosition = 0;

    /// <summary>Returns the buffer to the pool. The encoder must not be used afterwards.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _bitPosition = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The complete encoding (X.691 §10.1): the bits written, padded with zero bits to a whole octet, or a
    /// single zero octet when nothing was written (§10.1.3).
    /// </summary>
    /// <returns>A new array holding the complete encoding.</returns>
    public byte[] ToArray() => CompleteEncoding().ToArray();

    /// <summary>Copies the complete encoding (X.691 §10.1) to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var encoding = CompleteEncoding();
        encoding.CopyTo(writer.GetSpan(encoding.Length));
        writer.Advance(encoding.Length);
    }

    /// <summary>The complete encoding as a view over the internal buffer, valid until the next write.</summary>
    /// <returns>The octets of the complete encoding.</returns>
    public ReadOnlySpan<byte> CompleteEncoding()
    {
        if (_bitPosition == 0)
        {
            // X.691 §10.1.3: an empty outermost encoding is replaced by one zero octet.
            EnsureCapacityBits(8);
            _buffer[0] = 0;
            return _buffer.AsSpan(0, 1);
        }

        return _buffer.AsSpan(0, OctetLength);
    }

    // ---------------------------------------------------------------- bits

    /// <summary>Writes one bit (a BOOLEAN, X.691 §11; a presence bit, §19.2; an extension bit, §19.1).</summary>
    /// <param name="value">The bit.</param>
    public void WriteBit(bool value)
    {
        EnsureCapacityBits(1);
        var index = (int)(_bitPosition >> 3);
        var offset = (int)(_bitPosition & 7);
        var bit = value ? 0x80 >> offset : 0;
        _buffer[index] = offset == 0 ? (byte)bit : (byte)(_buffer[index] | bit);
        _bitPosition++;
    }

    /// <summary>Writes a BOOLEAN as one bit, not aligned (X.691 §11).</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteBit(value);

    /// <summary>Writes NULL, which adds nothing to the encoding (X.691 §18). Present for readability of generated code.</summary>
#pragma warning disable CA1822 // Kept an instance member so that generated code reads like the ASN.1.
    public void WriteNull()
#pragma warning restore CA1822
    {
    }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/>, most significant first.</summary>
    /// <param name="value">The bits, right-aligned.</param>
    /// <param name="count">The number of bits, 0 to 64.</param>
    public void WriteBits(ulong value, int count)
    {
        if ((uint)count > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A bit-field holds 0 to 64 bits.");
        }

        if (count < 64 && (value >> count) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The value does not fit in {count} bits.");
        }

        if (count == 0)
        {
            return;
        }

        var octet = (int)(_bitPosition >> 3);
        if (count <= 57 && octet <= _buffer.Length - 8)
        {
            // Fast path: one big-endian store of the current octet's written bits, the value, and zeros
            // after it (octets past the position hold nothing yet, so zeroing them keeps padding zero).
            var used = (int)(_bitPosition & 7);
            var word = used == 0 ? 0UL : (ulong)_buffer[octet] >> (8 - used) << (64 - used);
            word |= value << (64 - used - count);
            BinaryPrimitives.WriteUInt64BigEndian(_buffer.AsSpan(octet), word);
            _bitPosition += count;
            return;
        }

        EnsureCapacityBits(count);
        while (count > 0)
        {
            var index = (int)(_bitPosition >> 3);
            var offset = (int)(_bitPosition & 7);
            var free = 8 - offset;
            var take = Math.Min(free, count);
            var bits = (int)((value >> (count - take)) & ((1UL << take) - 1));
            var shifted = (byte)(bits << (free - take));
            if (offset == 0)
            {
                _buffer[index] = shifted;
            }
            else
            {
                _buffer[index] |= shifted;
            }

            _bitPosition += take;
            count -= take;
        }
    }

    /// <summary>Adds zero padding bits up to the next octet boundary; the ALIGNED variant does this before every
    /// octet-aligned field (X.691 §10.1, §10.5.7.2–§10.5.7.4, §10.9.3.5 and the type clauses).</summary>
    public void AlignToOctet()
    {
        // The current octet was zero-filled when first touched, so skipping the bits pads with zeros.
        _bitPosition = (_bitPosition + 7) & ~7L;
    }

    /// <summary>Writes whole octets at the current bit position (aligned or not).</summary>
    private void WriteOctets(ReadOnlySpan<byte> octets)
    {
        if ((_bitPosition & 7) == 0)
        {
            EnsureCapacityBits((long)octets.Length * 8);
            octets.CopyTo(_buffer.AsSpan((int)(_bitPosition >> 3)));
            _bitPosition += (long)octets.Length * 8;
            return;
        }

        foreach (var octet in octets)
        {
            WriteBits(octet, 8);
        }
    }

    /// <summary>Writes the first <paramref name="bitCount"/> bits of <paramref name="bits"/> (first bit = MSB of octet 0).</summary>
    private void WriteBitSpan(ReadOnlySpan<byte> bits, long bitCount)
    {
        var whole = (int)(bitCount >> 3);
        WriteOctets(bits[..whole]);
        var rest = (int)(bitCount & 7);
        if (rest > 0)
        {
            WriteBits((ulong)(bits[whole] >> (8 - rest)), rest);
        }
    }

    private void EnsureCapacityBits(long additionalBits)
    {
        var needed = (_bitPosition + additionalBits + 7) >> 3;
        if (needed <= _buffer.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("The PER encoding exceeds the maximum array size.");
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Max(needed, Math.Min((long)_buffer.Length * 2, Array.MaxLength)));
        _buffer.AsSpan(0, OctetLength).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }

    // ---------------------------------------------------------------- whole numbers

    /// <summary>
    /// X.691 §10.5: a constrained whole number, given as its offset from lb and the range minus one
    /// (so that a full 64-bit range is representable).
    /// </summary>
    private void WriteConstrainedWholeNumber(ulong offset, ulong rangeMinusOne)
    {
        if (rangeMinusOne == 0)
        {
            return; // §10.5.4: range 1, the encoding is empty.
        }

        if (rangeMinusOne < 255)
        {
            // §10.5.7.1: range <= 255, a bit-field of the minimum width, not octet-aligned.
            WriteBits(offset, BitWidth(rangeMinusOne));
            return;
        }

        if (rangeMinusOne == 255)
        {
            // §10.5.7.2: range exactly 256, one octet-aligned octet.
            AlignToOctet();
            WriteBits(offset, 8);
            return;
        }

        if (rangeMinusOne <= 65535)
        {
            // §10.5.7.3: range <= 64K, two octet-aligned octets.
            AlignToOctet();
            WriteBits(offset, 16);
            return;
        }

        // §10.5.7.4 (indefinite length case): the minimum number of octets, preceded by a length
        // determinant with lb = 1 and ub = the octets needed for the largest offset. That ub is small,
        // so by §10.9.3.3 the length is itself a constrained whole number (a short bit-field).
        var octets = OctetWidth(offset);
        WriteConstrainedWholeNumber((ulong)(octets - 1), (ulong)(OctetWidth(rangeMinusOne) - 1));
        AlignToOctet();
        WriteBits(offset, octets * 8);
    }

    /// <summary>§10.3 non-negative-binary-integer in the minimum number of octets, with an unconstrained length (§10.7, §10.6.2).</summary>
    private void WriteNonNegativeWithLength(ulong value)
    {
        var octets = OctetWidth(value);
        WriteLengthFragmentHeader(octets);
        WriteBits(value, octets * 8);
    }

    /// <summary>
    /// Writes a constrained INTEGER (X.691 §12.2.2 → §10.5): nothing for a single value, a minimal
    /// bit-field for a range up to 255, one aligned octet for 256, two aligned octets up to 64K, and a
    /// length plus minimal aligned octets above.
    /// </summary>
    /// <param name="value">The value, within the bounds.</param>
    /// <param name="lowerBound">lb.</param>
    /// <param name="upperBound">ub.</param>
    public void WriteInteger(long value, long lowerBound, long upperBound)
    {
        CheckBounds(lowerBound <= upperBound);
        if (value < lowerBound || value > upperBound)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"INTEGER ({lowerBound}..{upperBound}) cannot hold the value.");
        }

        WriteConstrainedWholeNumber(unchecked((ulong)(value - lowerBound)), unchecked((ulong)(upperBound - lowerBound)));
    }

    /// <summary>Writes a constrained INTEGER whose bounds need the unsigned 64-bit range (X.691 §12.2.2 → §10.5).</summary>
    /// <param name="value">The value, within the bounds.</param>
    /// <param name="lowerBound">lb.</param>
    /// <param name="upperBound">ub.</param>
    public void WriteInteger(ulong value, ulong lowerBound, ulong upperBound)
    {
        CheckBounds(lowerBound <= upperBound);
        if (value < lowerBound || value > upperBound)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"INTEGER ({lowerBound}..{upperBound}) cannot hold the value.");
        }

        WriteConstrainedWholeNumber(value - lowerBound, upperBound - lowerBound);
    }

    /// <summary>
    /// Writes an INTEGER with an extensible range <c>(lb..ub, ...)</c> (X.691 §12.1): a zero bit and the
    /// constrained encoding when the value is in the root, otherwise a one bit and the unconstrained encoding.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="lowerBound">The root lb.</param>
    /// <param name="upperBound">The root ub.</param>
    public void WriteExtensibleInteger(long value, long lowerBound, long upperBound)
    {
        CheckBounds(lowerBound <= upperBound);
        var inRoot = value >= lowerBound && value <= upperBound;
        WriteBit(!inRoot);
        if (inRoot)
        {
            WriteConstrainedWholeNumber(unchecked((ulong)(value - lowerBound)), unchecked((ulong)(upperBound - lowerBound)));
        }
        else
        {
            WriteUnconstrainedInteger(value);
        }
    }

    /// <summary>
    /// Writes a semi-constrained INTEGER <c>(lb..MAX)</c> (X.691 §12.2.3 → §10.7): value − lb in the
    /// minimum number of octets, after an unconstrained length.
    /// </summary>
    /// <param name="value">The value, not below lb.</param>
    /// <param name="lowerBound">lb.</param>
    public void WriteSemiConstrainedInteger(long value, long lowerBound)
    {
        if (value < lowerBound)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"INTEGER ({lowerBound}..MAX) cannot hold the value.");
        }

        WriteNonNegativeWithLength(unchecked((ulong)(value - lowerBound)));
    }

    /// <summary>Writes a semi-constrained INTEGER <c>(lb..MAX)</c> over the unsigned 64-bit range (X.691 §10.7).</summary>
    /// <param name="value">The value, not below lb.</param>
    /// <param name="lowerBound">lb.</param>
    public void WriteSemiConstrainedInteger(ulong value, ulong lowerBound)
    {
        if (value < lowerBound)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"INTEGER ({lowerBound}..MAX) cannot hold the value.");
        }

        WriteNonNegativeWithLength(value - lowerBound);
    }

    /// <summary>
    /// Writes an unconstrained INTEGER (X.691 §12.2.4 → §10.8): two's complement in the minimum number of
    /// octets, after an unconstrained length.
    /// </summary>
    /// <param name="value">The value.</param>
    public void WriteUnconstrainedInteger(long value)
    {
        // §10.4: minimum octets such that the leading bit is the sign.
        var significant = value >= 0 ? BitWidth((ulong)value) : BitWidth(~(ulong)value);
        var octets = (significant + 1 + 7) / 8;
        WriteLengthFragmentHeader(octets);
        var bits = octets * 8;
        WriteBits(bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1), bits);
    }

    /// <summary>
    /// Writes a normally small non-negative whole number (X.691 §10.6): a zero bit and six bits up to 63,
    /// otherwise a one bit and a semi-constrained whole number.
    /// </summary>
    /// <param name="value">The number.</param>
    public void WriteNormallySmallNumber(ulong value)
    {
        if (value <= 63)
        {
            WriteBits(value, 7); // §10.6.1: leading zero bit, then 6 bits.
            return;
        }

        WriteBit(true); // §10.6.2
        WriteNonNegativeWithLength(value);
    }

    // ---------------------------------------------------------------- lengths

    /// <summary>
    /// Writes a normally small length (X.691 §10.9.3.4), used for the extension-additions bitmap: a zero
    /// bit and n − 1 in six bits when n ≤ 64, otherwise a one bit and an unconstrained length.
    /// </summary>
    /// <param name="length">n, from 1 to 16383.</param>
    public void WriteNormallySmallLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (length <= 64)
        {
            WriteBits((ulong)(length - 1), 7);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(length, FragmentUnit);
        WriteBit(true);
        WriteLengthFragmentHeader(length);
    }

    /// <summary>
    /// Writes one octet-aligned unconstrained length determinant (X.691 §10.9.3.5–§10.9.3.8) for
    /// <paramref name="remaining"/> items and returns how many items the caller must write next. Below 16K
    /// that is all of them (one octet below 128, §10.9.3.6; two octets below 16K, §10.9.3.7); otherwise it
    /// is a fragment of m × 16K items, m ≤ 4 (§10.9.3.8), and the caller calls again with what is left —
    /// including once more with 0 when the total was a multiple of 16K, so the encoding ends with a short length.
    /// </summary>
    /// <param name="remaining">The number of items not yet written.</param>
    /// <returns>The number of items that follow this length determinant.</returns>
    public int WriteLengthFragmentHeader(int remaining)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        AlignToOctet();
        if (remaining < 128)
        {
            WriteBits((ulong)remaining, 8);
            return remaining;
        }

        if (remaining < FragmentUnit)
        {
            WriteBits(0x8000UL | (uint)remaining, 16);
            return remaining;
        }

        var m = Math.Min(remaining / FragmentUnit, 4);
        WriteBits(0xC0UL | (uint)m, 8);
        return m * FragmentUnit;
    }

    /// <summary>
    /// Writes the count of a SEQUENCE OF / SET OF (X.691 §20.6): nothing when the size is fixed below 64K,
    /// a constrained whole number when ub &lt; 64K, otherwise an unconstrained length. An extensible SIZE
    /// adds the extension bit first. Counts of 16K or more with no small ub need fragmentation, which the
    /// caller drives with <see cref="WriteLengthFragmentHeader"/> instead.
    /// </summary>
    /// <param name="count">The number of components.</param>
    /// <param name="size">The SIZE constraint.</param>
    public void WriteCount(int count, PerSizeConstraint size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (WriteSizeExtensionBit(count, size) && size.HasSmallUpperBound)
        {
            WriteConstrainedWholeNumber((ulong)(count - size.LowerBound), (ulong)(size.UpperBound - size.LowerBound));
            return;
        }

        if (count >= FragmentUnit)
        {
            throw new NotSupportedException("A count of 16K or more is fragmented (X.691 §10.9.3.8): write it with WriteLengthFragmentHeader.");
        }

        WriteLengthFragmentHeader(count);
    }

    /// <summary>Writes the SIZE extension bit when the constraint is extensible and says whether the size is in the root.</summary>
    private bool WriteSizeExtensionBit(int size, PerSizeConstraint constraint)
    {
        var inRoot = constraint.Contains(size);
        if (!constraint.IsExtensible)
        {
            if (!inRoot)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, $"The size is outside {constraint}.");
            }

            return true;
        }

        WriteBit(!inRoot);
        return inRoot;
    }

    // ---------------------------------------------------------------- enumerated, choice, sequence

    /// <summary>
    /// Writes a root ENUMERATED value as its index among the root enumerations in ascending value order
    /// (X.691 §13.2), after a zero extension bit when the type is extensible (§13.3).
    /// </summary>
    /// <param name="index">The root index, 0 ≤ index &lt; <paramref name="rootCount"/>.</param>
    /// <param name="rootCount">The number of root enumerations.</param>
    /// <param name="extensible">Whether the type has an extension marker.</param>
    public void WriteEnumerated(int index, int rootCount, bool extensible = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootCount);
        if ((uint)index >= (uint)rootCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {rootCount} root enumerations.");
        }

        if (extensible)
        {
            WriteBit(false);
        }

        WriteConstrainedWholeNumber((ulong)index, (ulong)(rootCount - 1));
    }

    /// <summary>
    /// Writes an ENUMERATED extension value (X.691 §13.3): a one bit, then the index among the extension
    /// enumerations (first addition = 0) as a normally small non-negative whole number (§10.6).
    /// </summary>
    /// <param name="extensionIndex">The index among the extension additions.</param>
    public void WriteEnumeratedExtension(int extensionIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionIndex);
        WriteBit(true);
        WriteNormallySmallNumber((ulong)extensionIndex);
    }

    /// <summary>
    /// Writes the index of a root CHOICE alternative (X.691 §23.6–§23.7): a zero extension bit when the type
    /// is extensible, then the index as a constrained whole number over the root alternatives (nothing when
    /// there is only one).
    /// </summary>
    /// <param name="index">The root index in canonical (tag) order.</param>
    /// <param name="rootCount">The number of root alternatives.</param>
    /// <param name="extensible">Whether the type has an extension marker.</param>
    public void WriteChoiceIndex(int index, int rootCount, bool extensible)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rootCount);
        if ((uint)index >= (uint)rootCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"There are {rootCount} root alternatives.");
        }

        if (extensible)
        {
            WriteBit(false);
        }

        WriteConstrainedWholeNumber((ulong)index, (ulong)(rootCount - 1));
    }

    /// <summary>
    /// Writes the index of an extension CHOICE alternative (X.691 §23.8): a one bit and the index among the
    /// extension additions as a normally small non-negative whole number. The caller then writes the value
    /// as an open type (<see cref="BeginOpenType"/> or <see cref="WriteOpenType(PerOpenType)"/>).
    /// </summary>
    /// <param name="extensionIndex">The index among the extension alternatives (first addition = 0).</param>
    public void WriteChoiceExtensionIndex(int extensionIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionIndex);
        WriteBit(true);
        WriteNormallySmallNumber((ulong)extensionIndex);
    }

    /// <summary>
    /// Writes the extension bit of an extensible SEQUENCE or SET (X.691 §19.1): one when any extension
    /// addition is present. The presence bitmap of the root OPTIONAL/DEFAULT components (§19.2–§19.3)
    /// follows as one <see cref="WriteBit"/> per component.
    /// </summary>
    /// <param name="hasExtensionAdditions">Whether an extension addition is present.</param>
    public void WriteExtensionBit(bool hasExtensionAdditions) => WriteBit(hasExtensionAdditions);

    /// <summary>
    /// Writes the extension-additions bitmap of a SEQUENCE or SET (X.691 §19.8): a normally small length
    /// (§10.9.3.4) giving the number of additions, then one presence bit each. Each present addition then
    /// follows as an open type, in order.
    /// </summary>
    /// <param name="present">One entry per extension addition of the type (known and unknown).</param>
    public void WriteExtensionAdditionsBitmap(ReadOnlySpan<bool> present)
    {
        WriteNormallySmallLength(present.Length);
        foreach (var bit in present)
        {
            WriteBit(bit);
        }
    }

    // ---------------------------------------------------------------- open types

    /// <summary>
    /// Writes an open type field (X.691 §10.2) from a complete encoding: an unconstrained length (with
    /// fragmentation) and the octets. An empty encoding is written as the one zero octet of §10.1.3.
    /// </summary>
    /// <param name="completeEncoding">The complete encoding of the contained value.</param>
    public void WriteOpenType(ReadOnlySpan<byte> completeEncoding)
    {
        if (completeEncoding.IsEmpty)
        {
            WriteLengthFragmentHeader(1);
            WriteBits(0, 8);
            return;
        }

        WriteFragmentedOctets(completeEncoding);
    }

    /// <summary>Re-writes a captured open type byte-exact (X.691 §10.2).</summary>
    /// <param name="value">The captured open type.</param>
    public void WriteOpenType(PerOpenType value) => WriteOpenType(value.Encoding.Span);

    /// <summary>
    /// Starts an open type field (X.691 §10.2) whose value the caller encodes next with this same encoder;
    /// <see cref="EndOpenType"/> then inserts the length. Calls nest in last-in first-out order.
    /// </summary>
    /// <returns>A token for <see cref="EndOpenType"/>.</returns>
    public int BeginOpenType()
    {
        // The length determinant is octet-aligned, so the contained encoding starts on an octet
        // boundary and its own alignment (relative to its first bit) matches alignment here. One octet is
        // reserved for the length, which is all a contained encoding below 128 octets needs, so the common
        // case never moves the contents.
        AlignToOctet();
        var token = (int)(_bitPosition >> 3);
        EnsureCapacityBits(8);
        _bitPosition += 8;
        return token;
    }

    /// <summary>
    /// Ends an open type started by <see cref="BeginOpenType"/>: pads the contained encoding to whole octets
    /// (§10.1.2; a single zero octet if it was empty, §10.1.3) and puts the unconstrained length in front.
    /// </summary>
    /// <param name="token">The value <see cref="BeginOpenType"/> returned.</param>
    public void EndOpenType(int token)
    {
        var start = (long)token + 1;
        if (token < 0 || (start << 3) > _bitPosition)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, "Not a token of an open type in progress.");
        }

        if (_bitPosition == start << 3)
        {
            WriteBits(0, 8); // §10.1.3
        }

        AlignToOctet();
        var length = OctetLength - (int)start;
        if (length < 128)
        {
            _buffer[token] = (byte)length; // §10.9.3.6, in the octet reserved by BeginOpenType.
            return;
        }

        if (length < FragmentUnit)
        {
            // §10.9.3.7: a 2-octet length. Move the contained encoding up one octet (Span.CopyTo is
            // overlap-safe) and write the length octets directly: WriteBits would zero the octets after it.
            EnsureCapacityBits(8);
            _buffer.AsSpan((int)start, length).CopyTo(_buffer.AsSpan((int)start + 1));
            _buffer[token] = (byte)(0x80 | (length >> 8));
            _buffer[token + 1] = (byte)length;
            _bitPosition = ((long)token + 2 + length) << 3;
            return;
        }

        // 16K or more: fragmented length determinants are interleaved with the octets (§10.9.3.8).
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _buffer.AsSpan((int)start, length).CopyTo(copy);
            _bitPosition = (long)token << 3;
            WriteFragmentedOctets(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void WriteFragmentedOctets(ReadOnlySpan<byte> octets)
    {
        var offset = 0;
        int chunk;
        do
        {
            chunk = WriteLengthFragmentHeader(octets.Length - offset);
            WriteOctets(octets.Slice(offset, chunk));
            offset += chunk;
        }
        while (chunk >= FragmentUnit);
    }

    // ---------------------------------------------------------------- strings

    /// <summary>
    /// Writes an OCTET STRING (X.691 §17): with a fixed size below 64K no length (two octets or fewer not
    /// aligned, §17.6; more aligned, §17.7); with ub &lt; 64K a constrained length and aligned octets
    /// (§17.8); otherwise an unconstrained, fragmented length. An extensible SIZE adds the extension bit
    /// (§17.3) and sizes outside the root use the unconstrained form.
    /// </summary>
    /// <param name="value">The octets.</param>
    /// <param name="size">The SIZE constraint (<see cref="PerSizeConstraint.Unbounded"/> for none).</param>
    public void WriteOctetString(ReadOnlySpan<byte> value, PerSizeConstraint size)
    {
        var n = value.Length;
        if (WriteSizeExtensionBit(n, size))
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                if (n > 2)
                {
                    AlignToOctet(); // §17.7
                }

                WriteOctets(value); // §17.5 (empty), §17.6 (1 or 2 octets, not aligned)
                return;
            }

            if (size.HasSmallUpperBound)
            {
                WriteConstrainedWholeNumber((ulong)(n - size.LowerBound), (ulong)(size.UpperBound - size.LowerBound));
                if (n > 0)
                {
                    // §17.8; an empty octet-aligned field adds no padding (§10.9.3.3 NOTE).
                    AlignToOctet();
                    WriteOctets(value);
                }

                return;
            }
        }

        WriteFragmentedOctets(value);
    }

    /// <summary>
    /// Writes a BIT STRING (X.691 §16): with a fixed size below 64K bits no length (16 bits or fewer not
    /// aligned, §16.9; more aligned, §16.10); with ub &lt; 64K a constrained length and aligned bits
    /// (§16.11); otherwise an unconstrained length fragmented in units of 16K bits.
    /// </summary>
    /// <param name="bits">The bits, first bit in the most significant bit of octet 0.</param>
    /// <param name="bitCount">The number of bits in the value.</param>
    /// <param name="size">The SIZE constraint in bits.</param>
    public void WriteBitString(ReadOnlySpan<byte> bits, int bitCount, PerSizeConstraint size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitCount);
        if ((long)bits.Length * 8 < bitCount)
        {
            throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, "The span holds fewer bits.");
        }

        if (WriteSizeExtensionBit(bitCount, size))
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                if (bitCount > 16)
                {
                    AlignToOctet(); // §16.10
                }

                WriteBitSpan(bits, bitCount); // §16.8 (empty), §16.9 (≤ 16 bits, not aligned)
                return;
            }

            if (size.HasSmallUpperBound)
            {
                WriteConstrainedWholeNumber((ulong)(bitCount - size.LowerBound), (ulong)(size.UpperBound - size.LowerBound));
                if (bitCount > 0)
                {
                    AlignToOctet(); // §16.11
                    WriteBitSpan(bits, bitCount);
                }

                return;
            }
        }

        var offset = 0;
        int chunk;
        do
        {
            chunk = WriteLengthFragmentHeader(bitCount - offset);

            // Fragments are multiples of 16K bits, so every fragment starts on an octet of the span.
            WriteBitSpan(bits[(offset >> 3)..], chunk);
            offset += chunk;
        }
        while (chunk >= FragmentUnit);
    }

    /// <summary>
    /// Writes a known-multiplier character string (IA5String, NumericString, PrintableString,
    /// VisibleString, BMPString; X.691 §30) with b bits per character from <paramref name="alphabet"/>
    /// (§30.5.2) as values or indices (§30.5.4). Fixed size: no length, aligned only when the string
    /// takes more than 16 bits (§30.5.7). Ranged size with ub &lt; 64K: a constrained length, then the
    /// characters octet-aligned when ub × b ≥ 16. Otherwise an unconstrained length fragmented in units of
    /// 16K characters.
    /// </summary>
    /// <param name="value">The characters; each must be in the alphabet.</param>
    /// <param name="alphabet">The effective permitted alphabet.</param>
    /// <param name="size">The SIZE constraint in characters.</param>
    public void WriteCharacterString(ReadOnlySpan<char> value, PermittedAlphabet alphabet, PerSizeConstraint size)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        foreach (var c in value)
        {
            if (!alphabet.Contains(c))
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"U+{(int)c:X4} is not in the permitted alphabet {alphabet.Name}.");
            }
        }

        var n = value.Length;
        var b = alphabet.CharacterWidth;
        if (WriteSizeExtensionBit(n, size))
        {
            if (size.IsFixed && size.HasSmallUpperBound)
            {
                if ((long)n * b > 16)
                {
                    AlignToOctet(); // §30.5.7: fixed size longer than 16 bits is octet-aligned.
                }

                WriteCharacters(value, alphabet);
                return;
            }

            if (size.HasSmallUpperBound)
            {
                WriteConstrainedWholeNumber((ulong)(n - size.LowerBound), (ulong)(size.UpperBound - size.LowerBound));
                if (n > 0 && (long)size.UpperBound * b >= 16)
                {
                    AlignToOctet(); // §30.5.7 with a length determinant.
                }

                WriteCharacters(value, alphabet);
                return;
            }
        }

        var offset = 0;
        int chunk;
        do
        {
            chunk = WriteLengthFragmentHeader(n - offset);
            WriteCharacters(value.Slice(offset, chunk), alphabet);
            offset += chunk;
        }
        while (chunk >= FragmentUnit);
    }

    private void WriteCharacters(ReadOnlySpan<char> value, PermittedAlphabet alphabet)
    {
        var b = alphabet.CharacterWidth;
        if (b == 8 && !alphabet.UsesIndices && (_bitPosition & 7) == 0)
        {
            // Octet-aligned 8-bit values: one octet per character, written straight into the buffer.
            EnsureCapacityBits((long)value.Length * 8);
            var destination = _buffer.AsSpan((int)(_bitPosition >> 3), value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                destination[i] = (byte)value[i];
            }

            _bitPosition += (long)value.Length * 8;
            return;
        }

        if (b == 16 && !alphabet.UsesIndices && (_bitPosition & 7) == 0)
        {
            // Octet-aligned 16-bit values (BMPString): two octets per character, big-endian.
            EnsureCapacityBits((long)value.Length * 16);
            var destination = _buffer.AsSpan((int)(_bitPosition >> 3), value.Length * 2);
            for (var i = 0; i < value.Length; i++)
            {
                destination[2 * i] = (byte)(value[i] >> 8);
                destination[(2 * i) + 1] = (byte)value[i];
            }

            _bitPosition += (long)value.Length * 16;
            return;
        }

        foreach (var c in value)
        {
            alphabet.TryGetCode(c, out var code);
            WriteBits(code, b);
        }
    }

    /// <summary>
    /// Writes an OBJECT IDENTIFIER (X.691 §24): an unconstrained length and the BER contents octets
    /// (X.690 §8.19), produced with <see cref="AsnWriter"/>.
    /// </summary>
    /// <param name="value">The dotted form, such as <c>0.0.8.2250.0.4</c>.</param>
    public void WriteObjectIdentifier(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= 128)
        {
            Span<byte> contents = stackalloc byte[128];
            if (PerObjectIdentifier.TryEncode(value, contents, out var written))
            {
                WriteFragmentedOctets(contents[..written]);
                return;
            }
        }

        var writer = _asnWriter ??= new AsnWriter(AsnEncodingRules.BER);
        writer.Reset();
        writer.WriteObjectIdentifier(value);
        var length = writer.GetEncodedLength();
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var tlv = rented.AsSpan(0, writer.Encode(rented));

            // Skip the identifier octet and the BER length octets to keep only the contents.
            var contentStart = tlv[1] < 0x80 ? 2 : 2 + (tlv[1] & 0x7F);
            WriteFragmentedOctets(tlv[contentStart..]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void CheckBounds(bool ordered)
    {
        if (!ordered)
        {
            throw new ArgumentException("The lower bound exceeds the upper bound.");
        }
    }

    /// <summary>The number of bits needed for <paramref name="value"/> (0 for 0).</summary>
    internal static int BitWidth(ulong value) => 64 - BitOperations.LeadingZeroCount(value);

    /// <summary>The minimum number of octets for a non-negative-binary-integer (X.691 §10.3), at least one.</summary>
    internal static int OctetWidth(ulong value) => value == 0 ? 1 : (BitWidth(value) + 7) >> 3;
}
