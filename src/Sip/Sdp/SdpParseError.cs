namespace Signalling.Sip.Sdp;

/// <summary>Why and where a session description was rejected.</summary>
/// <param name="Kind">The reason.</param>
/// <param name="LineNumber">The 1-based number of the offending line.</param>
/// <param name="Message">A human-readable explanation that names the line.</param>
public readonly record struct SdpParseError(SdpParseErrorKind Kind, int LineNumber, string Message)
{
    /// <summary>The text used for <see cref="FormatException"/> and logs.</summary>
    /// <returns>The kind, line number and message.</returns>
    public override string ToString() => $"SDP line {LineNumber}: {Message} ({Kind})";
}
