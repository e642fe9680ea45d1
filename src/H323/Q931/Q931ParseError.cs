namespace Signalling.H323.Q931;

/// <summary>A failed Q.931 parse: why, and at which octet of the message.</summary>
/// <param name="Reason">Why the parse failed.</param>
/// <param name="Offset">The octet offset from the start of the message of the field that is wrong or
/// incomplete.</param>
public readonly record struct Q931ParseError(Q931ParseErrorReason Reason, int Offset)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason} at octet {Offset}";
}
