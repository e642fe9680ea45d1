namespace Signalling.H323.Per;

/// <summary>
/// A failed aligned PER decode: why it failed, at which bit of the input and inside which value.
/// </summary>
/// <param name="Reason">Why the decode failed.</param>
/// <param name="BitPosition">The bit offset from the start of the input at which the failing field starts
/// or at which the input ran out.</param>
/// <param name="Path">The type path of the failing value, such as
/// <c>H323-UserInformation.h323-uu-pdu.h323-message-body.setup.sourceAddress[1]</c>; empty when the
/// decoding code pushed no path segments.</param>
/// <param name="Detail">A short human-readable description for logs.</param>
public readonly record struct PerDecodeError(PerDecodeErrorReason Reason, long BitPosition, string Path, string Detail)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.IsNullOrEmpty(Path)
            ? $"{Reason} at bit {BitPosition}: {Detail}"
            : $"{Reason} at bit {BitPosition} in {Path}: {Detail}";
}
