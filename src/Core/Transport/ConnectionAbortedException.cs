namespace Signalling.Core.Transport;

/// <summary>
/// The exception a read or write of a <see cref="StreamConnection"/> fails with after the connection was
/// aborted by our side (idle timeout, connection limit, shutdown deadline, protocol error).
/// </summary>
public sealed class ConnectionAbortedException : OperationCanceledException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ConnectionAbortedException()
        : this("The connection was aborted.")
    {
    }

    /// <summary>Creates the exception with the reason the connection was aborted.</summary>
    /// <param name="message">Why the connection was aborted.</param>
    public ConnectionAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the error that caused the abort.</summary>
    /// <param name="message">Why the connection was aborted.</param>
    /// <param name="innerException">The error that caused the abort.</param>
    public ConnectionAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
