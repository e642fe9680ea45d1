namespace Signalling.H323.Per;

/// <summary>
/// The bounds of an open type being decoded in place (X.691 §10.2), returned by
/// <see cref="PerDecoder.BeginOpenType"/> and given back to <see cref="PerDecoder.EndOpenType"/>.
/// </summary>
public readonly struct PerOpenTypeScope
{
    internal PerOpenTypeScope(long end, long previousLimit)
    {
        End = end;
        PreviousLimit = previousLimit;
    }

    internal long End { get; }

    internal long PreviousLimit { get; }
}
