namespace Signalling.Sip.Messages.Headers;

/// <summary>A typed header value that can be decoded from one (comma-separated) element of a header.</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
public interface ISipHeaderValue<TSelf> where TSelf : struct, ISipHeaderValue<TSelf>
{
    /// <summary>Decodes one element; false when it does not match the header's grammar.</summary>
    static abstract bool TryParse(ReadOnlyMemory<byte> value, out TSelf result);
}
