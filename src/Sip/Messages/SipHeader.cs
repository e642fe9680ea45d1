namespace Signalling.Sip.Messages;

/// <summary>One header line: its name as sent, what it is, and its value with surrounding LWS trimmed.</summary>
/// <param name="Id">The header, or <see cref="KnownHeader.Unknown"/>.</param>
/// <param name="Name">The name as sent (compact forms and case kept).</param>
/// <param name="Value">The value as sent, folded lines included.</param>
public readonly record struct SipHeader(KnownHeader Id, Utf8Slice Name, Utf8Slice Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Value}";
}
