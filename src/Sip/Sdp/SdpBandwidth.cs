namespace Signalling.Sip.Sdp;

/// <summary>A <c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c> line (RFC 8866 §5.8), in kilobits per second for CT and AS.</summary>
public sealed class SdpBandwidth
{
    /// <summary>Creates a bandwidth line.</summary>
    /// <param name="type">The bandwidth type, for example <c>AS</c>, <c>CT</c> or <c>TIAS</c>.</param>
    /// <param name="value">The bandwidth value.</param>
    public SdpBandwidth(string type, ulong value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
        Value = value;
    }

    /// <summary>The bandwidth type; unknown types are kept (RFC 8866 §5.8).</summary>
    public string Type { get; set; }

    /// <summary>The bandwidth value.</summary>
    public ulong Value { get; set; }

    /// <summary>The line content after <c>b=</c>.</summary>
    /// <returns><c>type:value</c>.</returns>
    public override string ToString() => $"{Type}:{Value}";
}
