namespace Signalling.H323.Q931;

/// <summary>
/// The call reference of a Q.931 message (Q.931 §4.3): how many octets its value takes, the value, and the
/// flag that tells which side allocated it. H.225.0 §7.2.2 uses a 2-octet value (15 bits of value).
/// </summary>
public readonly record struct Q931CallReference
{
    /// <summary>The longest call reference value accepted, in octets (H.225.0 uses 2).</summary>
    public const int MaxLength = 2;

    /// <summary>Creates a call reference.</summary>
    /// <param name="value">The value, without the flag bit.</param>
    /// <param name="flag">The call reference flag (Q.931 §4.3): <see langword="false"/> when the message is
    /// sent from the side that allocated the value, <see langword="true"/> when it is sent to that side.</param>
    /// <param name="length">The number of value octets: 0 (the dummy call reference), 1 or 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is not 0, 1 or 2, or the value does not fit
    /// in it next to the flag bit.</exception>
    public Q931CallReference(ushort value, bool flag, int length = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        // Q.931 §4.3: the flag takes bit 8 of the first value octet, so a value has 7 or 15 bits.
        var max = length switch { 0 => 0, 1 => 0x7F, _ => 0x7FFF };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, max);
        if (length == 0 && flag)
        {
            throw new ArgumentOutOfRangeException(nameof(flag), "The dummy call reference has no flag bit.");
        }

        Value = value;
        Flag = flag;
        Length = length;
    }

    /// <summary>The dummy call reference (a length octet of zero, Q.931 §4.3).</summary>
    public static Q931CallReference Dummy => default;

    /// <summary>The call reference value without the flag bit.</summary>
    public ushort Value { get; }

    /// <summary>The call reference flag (Q.931 §4.3): <see langword="false"/> when the message is sent from
    /// the side that originated the call reference, <see langword="true"/> when it is sent to it.</summary>
    public bool Flag { get; }

    /// <summary>The number of value octets (0, 1 or 2).</summary>
    public int Length { get; }

    /// <summary>The same call reference as seen from the other side: the flag inverted, as it must be in
    /// answers to the originator (Q.931 §4.3).</summary>
    /// <returns>The call reference with the flag inverted.</returns>
    public Q931CallReference Reply() => Length == 0 ? this : new Q931CallReference(Value, !Flag, Length);

    /// <inheritdoc />
    public override string ToString() =>
        Length == 0 ? "dummy" : $"{Value}{(Flag ? " (to originator)" : " (from originator)")}";
}
