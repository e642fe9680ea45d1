namespace Signalling.H323.Per;

/// <summary>
/// Carries a <see cref="PerDecodeError"/> from the failing primitive to the top-level
/// <see cref="PerDecoder.TryDecode{T}(ReadOnlySpan{byte}, PerDecodeFunc{T}, out T, out PerDecodeError)"/>,
/// which is the only place that catches it. Never escapes the decode API.
/// </summary>
internal sealed class PerDecodeException : Exception
{
    public PerDecodeException()
    {
    }

    public PerDecodeException(string message)
        : base(message)
    {
    }

    public PerDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PerDecodeException(PerDecodeError error, Exception? innerException = null)
        : base(error.ToString(), innerException)
    {
        Error = error;
    }

    public PerDecodeError Error { get; }
}
