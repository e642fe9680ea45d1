namespace Asn1Gen;

/// <summary>The built-in type notations this generator understands (X.680 §16.2), plus references.</summary>
internal enum AsnKind
{
    Boolean,
    Null,
    Integer,
    Enumerated,
    OctetString,
    BitString,
    CharacterString,
    ObjectIdentifier,
    Sequence,
    Choice,
    SequenceOf,
    Reference,

    /// <summary><c>TYPE-IDENTIFIER.&amp;Type</c>: an open type (X.681 Annex A, X.691 §10.2).</summary>
    OpenType,
}

/// <summary>A type as written in a module, with the constraints applied to it in order.</summary>
internal sealed class AsnType
{
    public AsnType(AsnKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public AsnKind Kind { get; }

    public int Line { get; }

    /// <summary>The referenced name, or the character string type name (IA5String, BMPString, ...).</summary>
    public string? Name { get; init; }

    /// <summary>SET rather than SEQUENCE (same PER encoding with automatic tags, X.691 §21).</summary>
    public bool IsSet { get; init; }

    /// <summary>Actual parameters of a parameterized reference such as <c>SIGNED {EncodedGeneralToken}</c>.</summary>
    public List<AsnType> Arguments { get; } = [];

    /// <summary>Root components or alternatives.</summary>
    public List<AsnComponent> Components { get; } = [];

    /// <summary>Extension additions (components or alternatives after the extension marker).</summary>
    public List<AsnComponent> Additions { get; } = [];

    public bool Extensible { get; set; }

    public List<AsnEnumItem> EnumRoot { get; } = [];

    public List<AsnEnumItem> EnumAdditions { get; } = [];

    public AsnType? Element { get; set; }

    public List<AsnConstraint> Constraints { get; } = [];

    public string Describe() => Kind switch
    {
        AsnKind.Boolean => "BOOLEAN",
        AsnKind.Null => "NULL",
        AsnKind.Integer => "INTEGER",
        AsnKind.Enumerated => "ENUMERATED",
        AsnKind.OctetString => "OCTET STRING",
        AsnKind.BitString => "BIT STRING",
        AsnKind.CharacterString => Name!,
        AsnKind.ObjectIdentifier => "OBJECT IDENTIFIER",
        AsnKind.Sequence => IsSet ? "SET" : "SEQUENCE",
        AsnKind.Choice => "CHOICE",
        AsnKind.SequenceOf => (IsSet ? "SET OF " : "SEQUENCE OF ") + Element!.Describe(),
        AsnKind.OpenType => "TYPE-IDENTIFIER.&Type",
        _ => Arguments.Count == 0 ? Name! : $"{Name} {{{string.Join(", ", Arguments.Select(a => a.Describe()))}}}",
    };
}

/// <summary>A SEQUENCE / SET component or a CHOICE alternative.</summary>
internal sealed record AsnComponent(string Name, AsnType Type, bool Optional, bool HasDefault);

/// <summary>An ENUMERATED item with its (explicit or implied) number.</summary>
internal sealed record AsnEnumItem(string Name, long? Number);

/// <summary>A type assignment (X.680 §16.1), possibly parameterized (X.683 §8).</summary>
internal sealed record AsnAssignment(string Name, IReadOnlyList<string> Parameters, AsnType Type, int Line);

/// <summary>A parenthesized constraint (X.680 §49): the root element set and whether it has an extension marker.</summary>
internal sealed record AsnConstraint(ConstraintElement Root, bool Extensible);

/// <summary>A subtype element (X.680 §51) or a combination of them.</summary>
internal abstract record ConstraintElement;

/// <summary>A single value or value range; null bounds stand for MIN / MAX.</summary>
internal sealed record RangeElement(long? Lower, long? Upper) : ConstraintElement;

/// <summary>A character range <c>"a".."z"</c> or a set of characters <c>"abc"</c> inside FROM.</summary>
internal sealed record CharactersElement(string Characters) : ConstraintElement;

internal sealed record SizeElement(AsnConstraint Inner) : ConstraintElement;

internal sealed record FromElement(AsnConstraint Inner) : ConstraintElement;

/// <summary>A contained subtype or the type constraint of an open type (X.682 §6).</summary>
internal sealed record TypeElement(AsnType Type) : ConstraintElement;

internal sealed record UnionElement(IReadOnlyList<ConstraintElement> Items) : ConstraintElement;

internal sealed record IntersectionElement(IReadOnlyList<ConstraintElement> Items) : ConstraintElement;

/// <summary>A constraint that is not PER-visible (WITH COMPONENTS, CONSTRAINED BY, ...).</summary>
internal sealed record IgnoredElement(string What) : ConstraintElement;

/// <summary>A comment heading that starts a section of a module (used to split output files).</summary>
internal sealed record AsnSection(int Line, string Title);

/// <summary>A parsed module.</summary>
internal sealed class AsnModule
{
    public AsnModule(string name) => Name = name;

    public string Name { get; }

    /// <summary>Type assignments in source order.</summary>
    public List<AsnAssignment> Assignments { get; } = [];

    public Dictionary<string, AsnAssignment> ByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Imported symbol → module it comes from.</summary>
    public Dictionary<string, string> Imports { get; } = new(StringComparer.Ordinal);

    public List<AsnSection> Sections { get; } = [];
}
