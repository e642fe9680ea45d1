using System.Text;

namespace Asn1Gen;

/// <summary>
/// Resolves types across modules into <see cref="Shape"/>s: follows references and aliases (accumulating their
/// constraints), instantiates parameterized types per actual parameter, computes the effective PER-visible
/// constraints and names every SEQUENCE, SET, CHOICE and ENUMERATED that needs a C# type.
/// </summary>
internal sealed class Resolver
{
    private static readonly Dictionary<string, string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        ["H323-MESSAGES"] = "H225",
        ["H235-SECURITY-MESSAGES"] = "H235",
        ["MULTIMEDIA-SYSTEM-CONTROL"] = "H245",
    };

    private static readonly Dictionary<string, string> StandardAlphabets = new(StringComparer.Ordinal)
    {
        ["IA5String"] = "PermittedAlphabet.IA5String",
        ["BMPString"] = "PermittedAlphabet.BmpString",
        ["NumericString"] = "PermittedAlphabet.NumericString",
        ["PrintableString"] = "PermittedAlphabet.PrintableString",
        ["VisibleString"] = "PermittedAlphabet.VisibleString",
    };

    private static readonly Dictionary<string, string> EmptyBindings = new(StringComparer.Ordinal);

    private readonly Dictionary<string, AsnModule> _modules;
    private readonly Dictionary<string, GeneratedType> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _namesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reserved = new(StringComparer.Ordinal);
    private readonly Queue<GeneratedType> _pending = new();

    public Resolver(IEnumerable<AsnModule> modules)
    {
        _modules = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);

        // Top-level names first, so that names made up for inline types never take them.
        foreach (var module in _modules.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            foreach (var assignment in module.Assignments)
            {
                if (assignment.Parameters.Count == 0 && assignment.Type.Kind is AsnKind.Sequence or AsnKind.Choice or AsnKind.Enumerated)
                {
                    _reserved[module.Name + "." + assignment.Name] = Claim(NamespaceOf(module), Naming.Pascal(assignment.Name));
                }
            }
        }
    }

    /// <summary>FROM alphabets in use: field name → (characters, string type).</summary>
    public SortedDictionary<string, (string Characters, string TypeName)> Alphabets { get; } = new(StringComparer.Ordinal);

    public List<GeneratedType> All { get; } = [];

    public AsnModule Module(string name) => _modules[name];

    public static string NamespaceOf(AsnModule module) =>
        KnownNamespaces.TryGetValue(module.Name, out var ns) ? ns : Naming.Pascal(module.Name);

    public GeneratedType AddRoot(string moduleName, string typeName)
    {
        var module = _modules[moduleName];
        var shape = ShapeOf(new AsnType(AsnKind.Reference, 0) { Name = typeName }, new Context(module, Bind([])), typeName, typeName, 0, []);
        if (shape is not GeneratedShape generated)
        {
            throw new InvalidOperationException($"{typeName} is not a SEQUENCE, SET or CHOICE.");
        }

        generated.Type.IsPdu = true;
        return generated.Type;
    }

    public bool TryTakePending(out GeneratedType type) => _pending.TryDequeue(out type!);

    private static Dictionary<string, Binding> Bind(IEnumerable<KeyValuePair<string, Binding>> pairs) => new(pairs, StringComparer.Ordinal);

    private string Claim(string ns, string name)
    {
        if (!_namesByNamespace.TryGetValue(ns, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _namesByNamespace[ns] = names;
        }

        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private (AsnAssignment Assignment, AsnModule Module) Lookup(string name, AsnModule module)
    {
        if (module.ByName.TryGetValue(name, out var local))
        {
            return (local, module);
        }

        if (module.Imports.TryGetValue(name, out var from))
        {
            if (!_modules.TryGetValue(from, out var other))
            {
                throw new InvalidOperationException($"{name} is imported from {from}, which was not given.");
            }

            return (other.ByName[name], other);
        }

        throw new InvalidOperationException($"{name} is not defined in {module.Name}.");
    }

    private GeneratedType Register(string key, Func<string> name, string asnName, AsnType type, Context context, int sortLine)
    {
        if (_byKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var generated = new GeneratedType(name(), asnName, type, context, NamespaceOf(context.Module), sortLine, All.Count);
        _byKey[key] = generated;
        All.Add(generated);
        _pending.Enqueue(generated);
        return generated;
    }

    /// <summary>
    /// The shape of <paramref name="type"/> seen from <paramref name="context"/>. <paramref name="csName"/> and
    /// <paramref name="asnName"/> name an inline SEQUENCE / CHOICE / ENUMERATED; <paramref name="outer"/> are
    /// constraints applied on top of the type's own (from a referencing site).
    /// </summary>
    public Shape ShapeOf(AsnType type, Context context, string csName, string asnName, int sortLine, IReadOnlyList<AsnConstraint> outer)
    {
        var constraints = type.Constraints.Concat(outer).ToList();
        switch (type.Kind)
        {
            case AsnKind.Reference:
                return ReferenceShape(type, context, csName, asnName, sortLine, constraints);
            case AsnKind.Sequence:
            case AsnKind.Choice:
            case AsnKind.Enumerated:
            {
                var ns = NamespaceOf(context.Module);
                var key = ns + ":inline:" + asnName; // the ASN.1 path is unique; made-up C# names may not be
                return new GeneratedShape(Register(key, () => Claim(ns, csName), asnName, type, context, sortLine));
            }

            case AsnKind.SequenceOf:
                return new SequenceOfShape(SizeOf(constraints), ShapeOf(type.Element!, context, csName + "Item", asnName + ".item", sortLine, []));
            case AsnKind.Boolean:
                return new BooleanShape();
            case AsnKind.Null:
                return new NullShape();
            case AsnKind.Integer:
            {
                var (lower, upper, extensible) = RangeOf(constraints);
                return new IntegerShape(lower, upper, extensible);
            }

            case AsnKind.OctetString:
                return new OctetStringShape(SizeOf(constraints));
            case AsnKind.BitString:
                return new BitStringShape(SizeOf(constraints));
            case AsnKind.ObjectIdentifier:
                return new ObjectIdentifierShape();
            case AsnKind.CharacterString:
                return CharacterShape(type.Name!, constraints);
            case AsnKind.OpenType:
            {
                var contained = constraints.Select(c => c.Root).OfType<TypeElement>().LastOrDefault()
                    ?? throw new NotSupportedException($"An open type without a type constraint at line {type.Line}.");
                return new OpenTypeShape(ShapeOf(contained.Type, context, csName, asnName, sortLine, []));
            }

            default:
                throw new NotSupportedException(type.Kind.ToString());
        }
    }

    private Shape ReferenceShape(AsnType type, Context context, string csName, string asnName, int sortLine, List<AsnConstraint> constraints)
    {
        var name = type.Name!;
        if (context.Bindings.TryGetValue(name, out var bound))
        {
            return ShapeOf(bound.Type, bound.Context, csName, asnName, sortLine, constraints);
        }

        var (assignment, module) = Lookup(name, context.Module);
        if (assignment.Parameters.Count > 0)
        {
            // X.683 §9: instantiate the parameterized type per actual parameter list.
            if (assignment.Parameters.Count != type.Arguments.Count)
            {
                throw new InvalidOperationException($"{name} takes {assignment.Parameters.Count} parameters (line {type.Line}).");
            }

            var bindings = Bind(assignment.Parameters.Select((p, i) => KeyValuePair.Create(p, new Binding(type.Arguments[i], context))));
            var argumentText = string.Join(", ", type.Arguments.Select(a => a.Describe()));
            var key = module.Name + "." + name + "{" + argumentText + "}";
            var cs = Naming.Title(name) + string.Concat(type.Arguments.Select(a => Naming.Pascal(a.Describe())));
            var ns = NamespaceOf(module);
            return new GeneratedShape(Register(key, () => Claim(ns, cs), $"{name} {{{argumentText}}}", assignment.Type, new Context(module, bindings), assignment.Line));
        }

        if (assignment.Type.Kind is AsnKind.Sequence or AsnKind.Choice or AsnKind.Enumerated)
        {
            var key = module.Name + "." + assignment.Name;
            return new GeneratedShape(Register(key, () => _reserved[key], assignment.Name, assignment.Type, new Context(module, Bind([])), assignment.Line));
        }

        // An alias: its own constraints first, then the referencing site's (X.680 §49.? serial application).
        return ShapeOf(assignment.Type, new Context(module, Bind([])), Naming.Pascal(assignment.Name), assignment.Name, assignment.Line, constraints);
    }

    private Shape CharacterShape(string typeName, List<AsnConstraint> constraints)
    {
        if (!StandardAlphabets.TryGetValue(typeName, out var alphabet))
        {
            // Not a known-multiplier character string type (X.691 §30.1): a length and the octets.
            return new OctetCharacterStringShape(typeName);
        }

        string? from = null;
        foreach (var constraint in constraints)
        {
            from = FindFrom(constraint.Root) ?? from;
        }

        if (from is not null)
        {
            var characters = new string(from.Distinct().Order().ToArray());
            var field = AlphabetName(typeName, characters);
            Alphabets[field] = (characters, typeName);
            alphabet = "Alphabets." + field;
        }

        return new CharacterStringShape(typeName, alphabet, SizeOf(constraints));
    }

    private static string AlphabetName(string typeName, string characters)
    {
        var builder = new StringBuilder(typeName.Replace("String", string.Empty, StringComparison.Ordinal)).Append("From");
        if (characters.Length > 24)
        {
            builder.Append(characters.Length).Append("Characters").Append(characters.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
            return builder.ToString();
        }

        foreach (var c in characters)
        {
            builder.Append(c switch
            {
                >= '0' and <= '9' or >= 'A' and <= 'Z' => c.ToString(),
                >= 'a' and <= 'z' => "_" + c,
                '#' => "Hash",
                '*' => "Star",
                ',' => "Comma",
                '!' => "Bang",
                ' ' => "Space",
                _ => "U" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static string? FindFrom(ConstraintElement element) => element switch
    {
        FromElement from => Characters(from.Inner.Root),
        IntersectionElement intersection => intersection.Items.Select(FindFrom).LastOrDefault(f => f is not null),
        _ => null,
    };

    private static string Characters(ConstraintElement element) => element switch
    {
        CharactersElement characters => characters.Characters,
        UnionElement union => string.Concat(union.Items.Select(Characters)),
        _ => throw new NotSupportedException($"FROM with {element}"),
    };

    private static SizeElement? FindSize(ConstraintElement element) => element switch
    {
        SizeElement size => size,
        IntersectionElement intersection => intersection.Items.Select(FindSize).LastOrDefault(s => s is not null),
        _ => null,
    };

    public static SizeBounds SizeOf(IEnumerable<AsnConstraint> constraints)
    {
        var result = SizeBounds.None;
        foreach (var constraint in constraints)
        {
            var size = FindSize(constraint.Root);
            if (size is null)
            {
                continue;
            }

            var (lower, upper, found) = EvaluateRange(size.Inner.Root);
            if (!found)
            {
                continue;
            }

            var lb = Math.Max(result.Lower, (int)(lower ?? 0));
            var ub = upper is null ? result.Upper : result.Upper is null ? (int)upper : Math.Min(result.Upper.Value, (int)upper);
            result = new SizeBounds(lb, ub, size.Inner.Extensible || constraint.Extensible);
        }

        return result;
    }

    public static (long? Lower, long? Upper, bool Extensible) RangeOf(IEnumerable<AsnConstraint> constraints)
    {
        long? lower = null;
        long? upper = null;
        var extensible = false;
        foreach (var constraint in constraints)
        {
            var (lo, hi, found) = EvaluateRange(constraint.Root);
            if (!found)
            {
                continue;
            }

            lower = lower is null ? lo : lo is null ? lower : Math.Max(lower.Value, lo.Value);
            upper = upper is null ? hi : hi is null ? upper : Math.Min(upper.Value, hi.Value);
            extensible = constraint.Extensible;
        }

        return (lower, upper, extensible);
    }

    private static (long? Lower, long? Upper, bool Found) EvaluateRange(ConstraintElement element)
    {
        switch (element)
        {
            case RangeElement range:
                return (range.Lower, range.Upper, true);
            case UnionElement union:
            {
                var parts = union.Items.Select(EvaluateRange).Where(p => p.Found).ToList();
                if (parts.Count == 0)
                {
                    return (null, null, false);
                }

                var lower = parts.Any(p => p.Lower is null) ? null : parts.Min(p => p.Lower);
                var upper = parts.Any(p => p.Upper is null) ? null : parts.Max(p => p.Upper);
                return (lower, upper, true);
            }

            case IntersectionElement intersection:
            {
                long? lower = null;
                long? upper = null;
                var found = false;
                foreach (var part in intersection.Items.Select(EvaluateRange).Where(p => p.Found))
                {
                    found = true;
                    lower = lower is null ? part.Lower : part.Lower is null ? lower : Math.Max(lower.Value, part.Lower.Value);
                    upper = upper is null ? part.Upper : part.Upper is null ? upper : Math.Min(upper.Value, part.Upper.Value);
                }

                return (lower, upper, found);
            }

            default:
                return (null, null, false);
        }
    }
}
