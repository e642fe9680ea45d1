using System.Text;

namespace Signalling.Sip.Messages;

/// <summary>
/// A slice of UTF-8 bytes inside a SIP message. Typed header values hand these out instead of
/// strings so that reading a header allocates nothing; <see cref="ToString"/> decodes on demand.
/// </summary>
public readonly struct Utf8Slice : IEquatable<Utf8Slice>
{
    /// <summary>Wraps the given bytes.</summary>
    public Utf8Slice(ReadOnlyMemory<byte> memory) => Memory = memory;

    /// <summary>An empty slice.</summary>
    public static Utf8Slice Empty => default;

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>The bytes as a span.</summary>
    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>The number of bytes.</summary>
    public int Length => Memory.Length;

    /// <summary>True when the slice has no bytes.</summary>
    public bool IsEmpty => Memory.IsEmpty;

    /// <summary>Byte-wise equality with <paramref name="other"/>.</summary>
    public bool Equals(ReadOnlySpan<byte> other) => Span.SequenceEqual(other);

    /// <summary>ASCII case-insensitive equality, as SIP tokens compare (RFC 3261 §7.3.1).</summary>
    public bool EqualsIgnoreCase(ReadOnlySpan<byte> other) => System.Text.Ascii.EqualsIgnoreCase(Span, other);

    /// <summary>ASCII case-insensitive equality with a string.</summary>
    public bool EqualsIgnoreCase(string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return System.Text.Ascii.EqualsIgnoreCase(Span, other);
    }

    /// <inheritdoc />
    public bool Equals(Utf8Slice other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Utf8Slice other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <summary>The bytes decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Span);

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Utf8Slice left, Utf8Slice right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Utf8Slice left, Utf8Slice right) => !left.Equals(right);
}
