namespace Asn1Gen;

/// <summary>How a resolved type is represented in C# and encoded in PER: what the emitter needs.</summary>
internal abstract record Shape;

internal sealed record BooleanShape : Shape;

internal sealed record NullShape : Shape;

/// <summary>An INTEGER with its effective PER-visible bounds (null = MIN/MAX) and extensibility (X.691 §12).</summary>
internal sealed record IntegerShape(long? Lower, long? Upper, bool Extensible) : Shape;

/// <summary>A PER-visible SIZE constraint; Upper null means MAX (X.691 §10.9).</summary>
internal sealed record SizeBounds(int Lower, int? Upper, bool Extensible)
{
    public static readonly SizeBounds None = new(0, null, false);

    public string ToCSharp()
    {
        var ext = Extensible ? ", extensible: true" : string.Empty;
        if (Upper is null)
        {
            return Lower == 0 && !Extensible ? "PerSizeConstraint.Unbounded" : $"PerSizeConstraint.AtLeast({Lower}{ext})";
        }

        return Lower == Upper ? $"PerSizeConstraint.Fixed({Lower}{ext})" : $"PerSizeConstraint.Range({Lower}, {Upper}{ext})";
    }
}

internal sealed record OctetStringShape(SizeBounds Size) : Shape;

internal sealed record BitStringShape(SizeBounds Size) : Shape;

/// <summary>A known-multiplier character string (X.691 §30) with its alphabet expression.</summary>
internal sealed record CharacterStringShape(string TypeName, string Alphabet, SizeBounds Size) : Shape;

/// <summary>A character string type that is not known-multiplier (GeneralString): length and octets (X.691 §30.? via §17).</summary>
internal sealed record OctetCharacterStringShape(string TypeName) : Shape;

internal sealed record ObjectIdentifierShape : Shape;

/// <summary>A generated class (SEQUENCE / SET / CHOICE) or enum (ENUMERATED), by C# name.</summary>
internal sealed record GeneratedShape(GeneratedType Type) : Shape;

internal sealed record SequenceOfShape(SizeBounds Size, Shape Element) : Shape;

/// <summary>An open type whose contents are known to be <paramref name="Inner"/> (X.691 §10.2).</summary>
internal sealed record OpenTypeShape(Shape Inner) : Shape;
