namespace Signalling.Sip.Sdp;

/// <summary>
/// A line whose type letter RFC 8866 §5 does not define (for example <c>y=</c> of GB/T 28181).
/// It is kept at its level (session or media) together with its position, given as the known
/// line it followed, so that it is written back where it was read.
/// </summary>
public sealed class SdpUnknownLine
{
    /// <summary>Creates an unknown line placed at the end of its level.</summary>
    /// <param name="type">The type letter, a lower-case ASCII letter.</param>
    /// <param name="value">The text after <c>=</c>.</param>
    public SdpUnknownLine(char type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (type is < 'a' or > 'z')
            throw new ArgumentOutOfRangeException(nameof(type), type, "An SDP type letter is a lower-case ASCII letter (RFC 8866 §5).");
        // A defined letter would be read back as that line, not as an unknown one.
        if ("vosiuepcbtrzkam".Contains(type, StringComparison.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(type), type, "RFC 8866 §5 defines this type letter; use the typed property instead.");
        Type = type;
        Value = value;
    }

    /// <summary>The type letter.</summary>
    public char Type { get; }

    /// <summary>The text after <c>=</c>, verbatim.</summary>
    public string Value { get; set; }

    /// <summary>
    /// The type letter of the known line this one followed at its level (<c>a</c> for
    /// attributes, <c>m</c> for the media line itself, <c>v</c> for the version line, ...).
    /// </summary>
    public char AfterType { get; set; } = 'a';

    /// <summary>
    /// How many lines of <see cref="AfterType"/> preceded this one at its level: the line is
    /// written right after that many lines of that type, or after the last of them when
    /// there are fewer.
    /// </summary>
    public int AfterCount { get; set; } = int.MaxValue;

    /// <summary>The whole line without its line end.</summary>
    /// <returns><c>x=value</c>.</returns>
    public override string ToString() => $"{Type}={Value}";
}
