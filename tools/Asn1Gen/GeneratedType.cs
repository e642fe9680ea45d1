namespace Asn1Gen;

/// <summary>The binding of a dummy reference of a parameterized type to an actual type in its module context.</summary>
internal sealed record Binding(AsnType Type, Context Context);

/// <summary>Where names are looked up: the module and, inside a parameterized type, its dummy references.</summary>
internal sealed record Context(AsnModule Module, IReadOnlyDictionary<string, Binding> Bindings);

/// <summary>A C# type to emit: a class for SEQUENCE / SET / CHOICE, an enum for ENUMERATED.</summary>
internal sealed class GeneratedType
{
    public GeneratedType(string csName, string asnName, AsnType type, Context context, string ns, int sortLine, int sequence)
    {
        CsName = csName;
        AsnName = asnName;
        Type = type;
        Context = context;
        Namespace = ns;
        SortLine = sortLine;
        Sequence = sequence;
    }

    public string CsName { get; }

    /// <summary>The ASN.1 name for documentation, such as <c>H323-UU-PDU.h323-message-body</c>.</summary>
    public string AsnName { get; }

    public AsnType Type { get; }

    public Context Context { get; }

    /// <summary>The last namespace segment, such as <c>H225</c>.</summary>
    public string Namespace { get; }

    /// <summary>The line of the top-level assignment this type belongs to (decides the output file).</summary>
    public int SortLine { get; }

    /// <summary>Registration order, for a deterministic order inside a file.</summary>
    public int Sequence { get; }

    public bool IsPdu { get; set; }

    /// <summary>The generated types this one's components (and their SEQUENCE OF elements and open types) refer to.</summary>
    public HashSet<GeneratedType> References { get; } = [];

    /// <summary>
    /// Whether a value of this type can contain a value of this type (directly or through other types), so that
    /// input can nest it without bound: only such types check the execution stack when decoding.
    /// </summary>
    public bool Recursive { get; set; }
}
