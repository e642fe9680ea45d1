namespace Signalling.H323.Per;

/// <summary>
/// The raw octets of an open type field (X.691 §10.2): the complete encoding of a value this code does
/// not know, such as an unknown SEQUENCE extension addition or an unknown CHOICE extension alternative.
/// Kept so that a relayed message re-encodes byte-exact.
/// </summary>
public readonly struct PerOpenType : IEquatable<PerOpenType>
{
    private readonly byte[]? _encoding;

    /// <summary>Wraps the complete encoding of a value (without the open type length determinant).</summary>
    /// <param name="encoding">The octets; the array is kept, not copied.</param>
    public PerOpenType(byte[] encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        _encoding = encoding;
    }

    /// <summary>The complete encoding of the contained value (X.691 §10.1), without the length determinant.</summary>
    public ReadOnlyMemory<byte> Encoding => _encoding;

    /// <summary>The number of octets in <see cref="Encoding"/>.</summary>
    public int Length => _encoding?.Length ?? 0;

    /// <inheritdoc />
    public bool Equals(PerOpenType other) => Encoding.Span.SequenceEqual(other.Encoding.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PerOpenType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Encoding.Span);
        return hash.ToHashCode();
    }

    /// <summary>Compares the octets of two open types.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same octets.</returns>
    public static bool operator ==(PerOpenType left, PerOpenType right) => left.Equals(right);

    /// <summary>Compares the octets of two open types.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the octets differ.</returns>
    public static bool operator !=(PerOpenType left, PerOpenType right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexString(Encoding.Span);
}
