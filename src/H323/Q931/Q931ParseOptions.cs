namespace Signalling.H323.Q931;

/// <summary>Limits applied when parsing Q.931 messages.</summary>
public sealed class Q931ParseOptions
{
    private readonly int _maxInformationElements = 256;

    /// <summary>The default limits.</summary>
    public static Q931ParseOptions Default { get; } = new();

    /// <summary>
    /// The most information elements accepted in one message (default 256). Each element costs a slot in
    /// the parsed message, so this bounds the memory a hostile message of single-octet elements can claim.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxInformationElements
    {
        get => _maxInformationElements;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxInformationElements = value;
        }
    }
}
