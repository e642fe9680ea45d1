namespace Signalling.Sip.Sdp;

/// <summary>
/// One <c>a=</c> line (RFC 8866 §5.13): a property attribute (<c>a=&lt;name&gt;</c>, no value)
/// or a value attribute (<c>a=&lt;name&gt;:&lt;value&gt;</c>). The value is kept verbatim so
/// that attributes this library does not understand survive parse and serialize unchanged.
/// </summary>
public sealed class SdpAttribute
{
    /// <summary>Creates an attribute.</summary>
    /// <param name="name">The attribute name, for example <c>rtpmap</c>.</param>
    /// <param name="value">The text after the colon, or null for a property attribute.</param>
    public SdpAttribute(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
    }

    /// <summary>The attribute name (the text before the first colon).</summary>
    public string Name { get; set; }

    /// <summary>
    /// The attribute value (the text after the first colon), or null for a property attribute.
    /// An empty string means the line was <c>a=name:</c>, which is kept distinct for round trips.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>The line content after <c>a=</c>.</summary>
    /// <returns><c>name</c> or <c>name:value</c>.</returns>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
