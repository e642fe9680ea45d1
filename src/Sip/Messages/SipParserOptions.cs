namespace Signalling.Sip.Messages;

/// <summary>Limits the parser enforces; the defaults are safe for a public-facing listener.</summary>
public sealed class SipParserOptions
{
    /// <summary>The shared default options. Do not mutate: create your own instance instead.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest message (start line, headers and body) accepted, in bytes. Default 64 KiB.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Most header lines accepted in one message. Default 128.</summary>
    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Longest start line or (unfolded) header line accepted, in bytes. Default 8 KiB.</summary>
    public int MaxLineLength { get; init; } = 8 * 1024;
}
