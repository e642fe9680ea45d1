namespace Signalling.H323.Per;

/// <summary>
/// A PER-visible SIZE constraint of a string or a SEQUENCE OF / SET OF: the root range and whether the
/// constraint has an extension marker (X.691 §10.9, §16, §17, §20, §30).
/// </summary>
public readonly record struct PerSizeConstraint
{
    private PerSizeConstraint(int lowerBound, int upperBound, bool isExtensible)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lowerBound);
        ArgumentOutOfRangeException.ThrowIfLessThan(upperBound, lowerBound);
        LowerBound = lowerBound;
        UpperBound = upperBound;
        IsExtensible = isExtensible;
    }

    /// <summary>The root lower bound ("lb").</summary>
    public int LowerBound { get; }

    /// <summary>The root upper bound ("ub"); <see cref="int.MaxValue"/> stands for MAX (no upper bound).</summary>
    public int UpperBound { get; }

    /// <summary>Whether the SIZE constraint has an extension marker ("...").</summary>
    public bool IsExtensible { get; }

    /// <summary>No SIZE constraint at all.</summary>
    public static PerSizeConstraint Unbounded => new(0, int.MaxValue, false);

    /// <summary>True when the root has no upper bound.</summary>
    public bool IsUnbounded => UpperBound == int.MaxValue;

    /// <summary>True when lb equals ub.</summary>
    public bool IsFixed => LowerBound == UpperBound;

    /// <summary>True when ub is less than 64K, so a length is a constrained whole number (X.691 §10.9.3.3).</summary>
    internal bool HasSmallUpperBound => UpperBound < 65536;

    /// <summary><c>SIZE (size)</c>, or <c>SIZE (size, ...)</c> when <paramref name="extensible"/>.</summary>
    /// <param name="size">The fixed size.</param>
    /// <param name="extensible">Whether the constraint has an extension marker.</param>
    /// <returns>The constraint.</returns>
    public static PerSizeConstraint Fixed(int size, bool extensible = false) => new(size, size, extensible);

    /// <summary><c>SIZE (lowerBound..upperBound)</c>, optionally extensible.</summary>
    /// <param name="lowerBound">The lower bound.</param>
    /// <param name="upperBound">The upper bound.</param>
    /// <param name="extensible">Whether the constraint has an extension marker.</param>
    /// <returns>The constraint.</returns>
    public static PerSizeConstraint Range(int lowerBound, int upperBound, bool extensible = false) =>
        new(lowerBound, upperBound, extensible);

    /// <summary><c>SIZE (lowerBound..MAX)</c>, optionally extensible.</summary>
    /// <param name="lowerBound">The lower bound.</param>
    /// <param name="extensible">Whether the constraint has an extension marker.</param>
    /// <returns>The constraint.</returns>
    public static PerSizeConstraint AtLeast(int lowerBound, bool extensible = false) =>
        new(lowerBound, int.MaxValue, extensible);

    /// <summary>Whether <paramref name="size"/> lies in the root.</summary>
    /// <param name="size">The size to test.</param>
    /// <returns><see langword="true"/> when lb ≤ size ≤ ub.</returns>
    public bool Contains(int size) => size >= LowerBound && size <= UpperBound;

    /// <inheritdoc />
    public override string ToString() =>
        $"SIZE ({LowerBound}..{(IsUnbounded ? "MAX" : UpperBound.ToString(System.Globalization.CultureInfo.InvariantCulture))}{(IsExtensible ? ", ..." : string.Empty)})";
}
