namespace Signalling.H323.Q931;

/// <summary>
/// One information element of a Q.931 message (Q.931 §4.5), kept as it was received: its codeset, its
/// identifier octet and its contents octets. A single-octet element (bit 8 of the identifier set,
/// Q.931 §4.5.1) has no contents. A variable-length element has a 1-octet length, except the codeset 0
/// User-user element, whose length takes 2 octets in H.225.0 §7.2.2.
/// </summary>
public readonly struct Q931InformationElement : IEquatable<Q931InformationElement>
{
    /// <summary>The longest contents of an element with a 1-octet length.</summary>
    public const int MaxContentsLength = byte.MaxValue;

    /// <summary>The longest contents of the H.225.0 User-user element, whose length takes 2 octets.</summary>
    public const int MaxUserUserContentsLength = ushort.MaxValue;

    private readonly ReadOnlyMemory<byte> _contents;

    internal Q931InformationElement(byte codeset, byte identifier, ReadOnlyMemory<byte> contents)
    {
        Codeset = codeset;
        Identifier = identifier;
        _contents = contents;
    }

    /// <summary>The codeset in force for this element (0 unless a shift element selected another, Q.931 §4.5.2).</summary>
    public byte Codeset { get; }

    /// <summary>The identifier octet. For single-octet elements it is the whole element, value bits included.</summary>
    public byte Identifier { get; }

    /// <summary>The contents octets after the length field; empty for single-octet elements.</summary>
    public ReadOnlyMemory<byte> Contents => _contents;

    /// <summary>Whether this is a single-octet element (Q.931 §4.5.1: bit 8 of the identifier is 1).</summary>
    public bool IsSingleOctet => (Identifier & 0x80) != 0;

    /// <summary>Whether this is a shift element (Q.931 §4.5.2), which changes the codeset of what follows.</summary>
    public bool IsShift => (Identifier & 0xF0) == Q931InformationElementIdentifiers.Shift;

    /// <summary>Whether the length field takes 2 octets: the codeset 0 User-user element in H.225.0 §7.2.2.</summary>
    public bool HasTwoOctetLength => HasTwoOctetLengthFor(Codeset, Identifier);

    /// <summary>The number of octets this element takes on the wire.</summary>
    public int EncodedLength => IsSingleOctet ? 1 : 1 + (HasTwoOctetLength ? 2 : 1) + _contents.Length;

    /// <summary>Creates a variable-length element of codeset 0 (or of whichever codeset a preceding shift
    /// selects in the message). The contents are copied.</summary>
    /// <param name="identifier">The identifier; bit 8 must be 0.</param>
    /// <param name="contents">The contents octets after the length field.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The identifier has bit 8 set, or the contents are longer
    /// than the length field allows.</exception>
    public static Q931InformationElement Create(byte identifier, ReadOnlySpan<byte> contents)
    {
        if ((identifier & 0x80) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(identifier), "A variable-length element identifier has bit 8 set to 0 (Q.931 §4.5.1).");
        }

        var max = identifier == Q931InformationElementIdentifiers.UserUser ? MaxUserUserContentsLength : MaxContentsLength;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contents.Length, max, nameof(contents));
        return new Q931InformationElement(0, identifier, contents.ToArray());
    }

    /// <summary>Creates a single-octet element (Q.931 §4.5.1), such as Sending complete (0xA1).</summary>
    /// <param name="octet">The whole element; bit 8 must be 1.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Bit 8 of the octet is 0.</exception>
    public static Q931InformationElement CreateSingleOctet(byte octet)
    {
        if ((octet & 0x80) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(octet), "A single-octet element has bit 8 set to 1 (Q.931 §4.5.1).");
        }

        return new Q931InformationElement(0, octet, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>Creates a shift element (Q.931 §4.5.2-§4.5.4).</summary>
    /// <param name="codeset">The codeset to shift to (0-7).</param>
    /// <param name="locking"><see langword="true"/> for a locking shift, which lasts until the next locking
    /// shift; <see langword="false"/> for a non-locking shift, which applies to the next element only.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The codeset is above 7.</exception>
    public static Q931InformationElement CreateShift(byte codeset, bool locking)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codeset, (byte)7);
        return CreateSingleOctet((byte)(Q931InformationElementIdentifiers.Shift | (locking ? 0 : 0x08) | codeset));
    }

    /// <summary>Writes the element into <paramref name="destination"/>, which must hold <see cref="EncodedLength"/> octets.</summary>
    /// <param name="destination">Where to write.</param>
    /// <returns>The number of octets written.</returns>
    public int WriteTo(Span<byte> destination)
    {
        destination[0] = Identifier;
        if (IsSingleOctet)
        {
            return 1;
        }

        var contents = _contents.Span;
        int header;
        if (HasTwoOctetLength)
        {
            destination[1] = (byte)(contents.Length >> 8);
            destination[2] = (byte)contents.Length;
            header = 3;
        }
        else
        {
            destination[1] = (byte)contents.Length;
            header = 2;
        }

        contents.CopyTo(destination[header..]);
        return header + contents.Length;
    }

    /// <inheritdoc />
    public bool Equals(Q931InformationElement other) =>
        Codeset == other.Codeset && Identifier == other.Identifier && _contents.Span.SequenceEqual(other._contents.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Q931InformationElement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Codeset);
        hash.Add(Identifier);
        hash.AddBytes(_contents.Span);
        return hash.ToHashCode();
    }

    /// <summary>Compares two elements by codeset, identifier and contents.</summary>
    /// <param name="left">The first element.</param>
    /// <param name="right">The second element.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Q931InformationElement left, Q931InformationElement right) => left.Equals(right);

    /// <summary>Compares two elements by codeset, identifier and contents.</summary>
    /// <param name="left">The first element.</param>
    /// <param name="right">The second element.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Q931InformationElement left, Q931InformationElement right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() =>
        IsSingleOctet
            ? $"0x{Identifier:X2}"
            : $"0x{Identifier:X2} (codeset {Codeset}, {_contents.Length} octets)";

    internal static bool HasTwoOctetLengthFor(byte codeset, byte identifier) =>
        codeset == 0 && identifier == Q931InformationElementIdentifiers.UserUser;

    internal Q931InformationElement WithCodeset(byte codeset) => new(codeset, Identifier, _contents);
}
