namespace Asn1Gen;

/// <summary>Emits the C# declaration of one generated type: members, XML docs, and PER Decode / Encode.</summary>
internal sealed class Emitter
{
    private readonly Resolver _resolver;
    private readonly GeneratedType _type;
    private readonly CodeWriter _helpers = new();
    private readonly HashSet<string> _helperNames = new(StringComparer.Ordinal);

    private Emitter(Resolver resolver, GeneratedType type)
    {
        _resolver = resolver;
        _type = type;
        _helpers.Indent = 1;
    }

    public static string Emit(Resolver resolver, GeneratedType type)
    {
        var emitter = new Emitter(resolver, type);
        var writer = new CodeWriter();
        switch (type.Type.Kind)
        {
            case AsnKind.Sequence:
                emitter.EmitSequence(writer);
                break;
            case AsnKind.Choice:
                emitter.EmitChoice(writer);
                break;
            default:
                emitter.EmitEnumerated(writer);
                break;
        }

        return CodeWriter.Tidy(writer.ToString());
    }

    private string ModuleName => _type.Context.Module.Name;

    private string DocName => $"<c>{Naming.Xml(_type.AsnName)}</c> ({ModuleName})";

    private sealed record Member(AsnComponent Component, Shape Shape, string Property, string Local, bool Optional, bool IsAddition);

    private List<Member> Members(IEnumerable<AsnComponent> components, bool additions)
    {
        var result = new List<Member>();
        foreach (var component in components)
        {
            var shape = _resolver.ShapeOf(component.Type, _type.Context, _type.CsName + Naming.Pascal(component.Name),
                _type.AsnName + "." + component.Name, _type.SortLine, []);
            AddReferences(shape);
            var property = Naming.Pascal(component.Name);
            if (property is "Decode" or "Encode" or "TryDecode" or "Kind" or "ExtensionAdditions" || property == _type.CsName)
            {
                property += "Value";
            }

            _memberNames.Add(property);
            result.Add(new Member(component, shape, property, Naming.Local(component.Name), component.Optional || component.HasDefault || additions, additions));
        }

        return result;
    }

    private void AddReferences(Shape shape)
    {
        switch (shape)
        {
            case GeneratedShape generated:
                _type.References.Add(generated.Type);
                break;
            case SequenceOfShape sequenceOf:
                AddReferences(sequenceOf.Element);
                break;
            case OpenTypeShape openType:
                AddReferences(openType.Inner);
                break;
        }
    }

    // ------------------------------------------------------------------ C# types

    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);

    // A member of the class being emitted with the same name as a type hides that type: qualify it then.
    private string Qualified(GeneratedType type) =>
        type.Namespace == _type.Namespace && !_memberNames.Contains(type.CsName) ? type.CsName : type.Namespace + "." + type.CsName;

    private string CsType(Shape shape) => shape switch
    {
        BooleanShape => "bool",
        IntegerShape => "long",
        OctetStringShape => "byte[]",
        BitStringShape => "AsnBitString",
        CharacterStringShape or OctetCharacterStringShape or ObjectIdentifierShape => "string",
        GeneratedShape generated => Qualified(generated.Type),
        SequenceOfShape sequenceOf => $"List<{CsType(sequenceOf.Element)}>",
        OpenTypeShape open => CsType(open.Inner),
        _ => throw new NotSupportedException(shape.ToString()),
    };

    private static bool IsValueType(Shape shape) => shape switch
    {
        BooleanShape or IntegerShape => true,
        GeneratedShape generated => generated.Type.Type.Kind == AsnKind.Enumerated,
        OpenTypeShape open => IsValueType(open.Inner),
        _ => false,
    };

    private static string Describe(AsnComponent component, bool addition) =>
        Naming.Xml($"{component.Type.Describe()}{(component.Optional ? " OPTIONAL" : component.HasDefault ? " DEFAULT" : string.Empty)}{(addition ? " (extension addition)" : string.Empty)}");

    // ------------------------------------------------------------------ decode / encode of one value

    private static int MinimumBits(Shape shape) => shape switch
    {
        BooleanShape => 1,
        ObjectIdentifierShape or OctetCharacterStringShape => 8,
        OctetStringShape s => s.Size.Upper is null ? 8 : 0,
        BitStringShape s => s.Size.Upper is null ? 8 : 0,
        CharacterStringShape s => s.Size.Upper is null ? 8 : 0,
        GeneratedShape g => g.Type.Type.Extensible ? 1 : 0,
        _ => 0,
    };

    private string DecodeExpression(Shape shape, string hint)
    {
        switch (shape)
        {
            case BooleanShape:
                return "decoder.ReadBoolean()";
            case IntegerShape integer:
                return IntegerDecode(integer);
            case OctetStringShape octets:
                return $"decoder.ReadOctetString({octets.Size.ToCSharp()})";
            case BitStringShape bits:
                return $"AsnBitString.Decode(ref decoder, {bits.Size.ToCSharp()})";
            case CharacterStringShape characters:
                return $"decoder.ReadCharacterString({characters.Alphabet}, {characters.Size.ToCSharp()})";
            case OctetCharacterStringShape:
                return "System.Text.Encoding.Latin1.GetString(decoder.ReadOctetString(PerSizeConstraint.Unbounded))";
            case ObjectIdentifierShape:
                return "decoder.ReadObjectIdentifier()";
            case GeneratedShape generated:
                return generated.Type.Type.Kind == AsnKind.Enumerated
                    ? $"{Qualified(generated.Type)}Codec.Decode(ref decoder)"
                    : $"{Qualified(generated.Type)}.Decode(ref decoder)";
            case SequenceOfShape sequenceOf:
            {
                var name = "Decode" + hint;
                if (_helperNames.Add(name))
                {
                    var element = CsType(sequenceOf.Element);
                    var item = DecodeExpression(sequenceOf.Element, hint + "Item");
                    _helpers.Line();
                    _helpers.Open($"private static List<{element}> {name}(ref PerDecoder decoder)");
                    _helpers.Line($"var count = decoder.ReadCount({sequenceOf.Size.ToCSharp()}, {MinimumBits(sequenceOf.Element)});");
                    _helpers.Line(MinimumBits(sequenceOf.Element) > 0
                        ? $"var list = new List<{element}>(count);"
                        : $"var list = new List<{element}>(Math.Min(count, 256));");
                    _helpers.Open("for (var i = 0; i < count; i++)");
                    _helpers.Line("decoder.PushIndex(i);");
                    _helpers.Line($"list.Add({item});");
                    _helpers.Line("decoder.PopPath();");
                    _helpers.Close();
                    _helpers.Line();
                    _helpers.Line("return list;");
                    _helpers.Close();
                }

                return $"{name}(ref decoder)";
            }

            case OpenTypeShape open:
            {
                var name = "Decode" + hint;
                if (_helperNames.Add(name))
                {
                    var inner = DecodeExpression(open.Inner, hint + "Contents");
                    _helpers.Line();
                    _helpers.Line("// X.691 §10.2: the value is an open type (a length, then the complete encoding).");
                    _helpers.Open($"private static {CsType(open.Inner)} {name}(ref PerDecoder decoder)");
                    _helpers.Line("var scope = decoder.BeginOpenType();");
                    _helpers.Line($"var value = {inner};");
                    _helpers.Line("decoder.EndOpenType(scope);");
                    _helpers.Line("return value;");
                    _helpers.Close();
                }

                return $"{name}(ref decoder)";
            }

            default:
                throw new NotSupportedException(shape.ToString());
        }
    }

    private static string IntegerDecode(IntegerShape integer)
    {
        if (integer.Lower is { } lower && integer.Upper is { } upper)
        {
            return integer.Extensible
                ? $"decoder.ReadExtensibleInteger({Naming.Number(lower)}, {Naming.Number(upper)})"
                : $"decoder.ReadInteger({Naming.Number(lower)}, {Naming.Number(upper)})";
        }

        if (integer.Lower is { } semi)
        {
            // X.691 §12.1: outside an extensible root the value is unconstrained.
            return integer.Extensible
                ? $"(decoder.ReadBit() ? decoder.ReadUnconstrainedInteger() : decoder.ReadSemiConstrainedInteger({Naming.Number(semi)}))"
                : $"decoder.ReadSemiConstrainedInteger({Naming.Number(semi)})";
        }

        return integer.Extensible ? "(decoder.ReadBit() ? decoder.ReadUnconstrainedInteger() : decoder.ReadUnconstrainedInteger())" : "decoder.ReadUnconstrainedInteger()";
    }

    private void EncodeStatements(CodeWriter writer, Shape shape, string value, string hint)
    {
        switch (shape)
        {
            case BooleanShape:
                writer.Line($"encoder.WriteBoolean({value});");
                break;
            case IntegerShape integer:
                IntegerEncode(writer, integer, value);
                break;
            case OctetStringShape octets:
                writer.Line($"encoder.WriteOctetString({value}, {octets.Size.ToCSharp()});");
                break;
            case BitStringShape bits:
                writer.Line($"{value}.Encode(encoder, {bits.Size.ToCSharp()});");
                break;
            case CharacterStringShape characters:
                writer.Line($"encoder.WriteCharacterString({value}, {characters.Alphabet}, {characters.Size.ToCSharp()});");
                break;
            case OctetCharacterStringShape:
                writer.Line($"encoder.WriteOctetString(System.Text.Encoding.Latin1.GetBytes({value}), PerSizeConstraint.Unbounded);");
                break;
            case ObjectIdentifierShape:
                writer.Line($"encoder.WriteObjectIdentifier({value});");
                break;
            case GeneratedShape generated:
                writer.Line(generated.Type.Type.Kind == AsnKind.Enumerated
                    ? $"{Qualified(generated.Type)}Codec.Encode(encoder, {value});"
                    : $"{value}.Encode(encoder);");
                break;
            case SequenceOfShape sequenceOf:
            {
                var name = "Encode" + hint;
                if (_helperNames.Add(name))
                {
                    var body = new CodeWriter { Indent = 3 };
                    EncodeStatements(body, sequenceOf.Element, "item", hint + "Item");
                    _helpers.Line();
                    _helpers.Open($"private static void {name}(PerEncoder encoder, List<{CsType(sequenceOf.Element)}> value)");
                    _helpers.Line($"encoder.WriteCount(value.Count, {sequenceOf.Size.ToCSharp()});");
                    _helpers.Open("foreach (var item in value)");
                    _helpers.Append(body);
                    _helpers.Close();
                    _helpers.Close();
                }

                writer.Line($"{name}(encoder, {value});");
                break;
            }

            case OpenTypeShape open:
            {
                var name = "Encode" + hint;
                if (_helperNames.Add(name))
                {
                    var body = new CodeWriter { Indent = 2 };
                    EncodeStatements(body, open.Inner, "value", hint + "Contents");
                    _helpers.Line();
                    _helpers.Open($"private static void {name}(PerEncoder encoder, {CsType(open.Inner)} value)");
                    _helpers.Line("var token = encoder.BeginOpenType();");
                    _helpers.Append(body);
                    _helpers.Line("encoder.EndOpenType(token);");
                    _helpers.Close();
                }

                writer.Line($"{name}(encoder, {value});");
                break;
            }

            default:
                throw new NotSupportedException(shape.ToString());
        }
    }

    private static void IntegerEncode(CodeWriter writer, IntegerShape integer, string value)
    {
        if (integer.Lower is { } lower && integer.Upper is { } upper)
        {
            writer.Line(integer.Extensible
                ? $"encoder.WriteExtensibleInteger({value}, {Naming.Number(lower)}, {Naming.Number(upper)});"
                : $"encoder.WriteInteger({value}, {Naming.Number(lower)}, {Naming.Number(upper)});");
            return;
        }

        if (integer.Lower is { } semi)
        {
            if (integer.Extensible)
            {
                writer.Line($"encoder.WriteBit({value} < {Naming.Number(semi)});");
                writer.Line($"if ({value} < {Naming.Number(semi)}) encoder.WriteUnconstrainedInteger({value}); else encoder.WriteSemiConstrainedInteger({value}, {Naming.Number(semi)});");
                return;
            }

            writer.Line($"encoder.WriteSemiConstrainedInteger({value}, {Naming.Number(semi)});");
            return;
        }

        if (integer.Extensible)
        {
            writer.Line("encoder.WriteBit(false);");
        }

        writer.Line($"encoder.WriteUnconstrainedInteger({value});");
    }

    // ------------------------------------------------------------------ SEQUENCE / SET

    private void EmitSequence(CodeWriter w)
    {
        var type = _type.Type;
        var root = Members(type.Components, additions: false);
        var additions = Members(type.Additions, additions: true);
        var cs = _type.CsName;

        w.Summary($"ASN.1 {(type.IsSet ? "SET" : "SEQUENCE")} {DocName}.");
        w.Open($"public sealed class {cs}");
        var first = true;
        foreach (var member in root.Concat(additions))
        {
            if (member.Shape is NullShape && !member.Optional)
            {
                continue; // a mandatory NULL carries no information
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            if (member.Shape is NullShape)
            {
                w.Summary($"<c>{member.Component.Name}</c> {Describe(member.Component, member.IsAddition)}: <see langword=\"true\"/> when present.");
                w.Line($"public bool {member.Property} {{ get; set; }}");
                continue;
            }

            w.Summary($"<c>{member.Component.Name}</c> {Describe(member.Component, member.IsAddition)}.");
            var csType = CsType(member.Shape);
            if (member.Optional)
            {
                w.Line($"public {csType}? {member.Property} {{ get; set; }}");
            }
            else if (IsValueType(member.Shape))
            {
                w.Line($"public {csType} {member.Property} {{ get; set; }}");
            }
            else
            {
                w.Line($"public required {csType} {member.Property} {{ get; set; }}");
            }
        }

        if (type.Extensible)
        {
            if (!first)
            {
                w.Line();
            }

            w.Summary("The extension-additions bitmap length received and the additions this code does not know, kept so that a decoded value re-encodes byte-exact (X.691 §19.7–§19.9); null for a value built locally.");
            w.Line("public UnknownExtensionAdditions? ExtensionAdditions { get; set; }");
        }

        EmitSequenceDecode(w, root, additions);
        EmitSequenceEncode(w, root, additions);
        EmitPdu(w);
        w.Append(_helpers);
        w.Close();
    }

    private void EmitSequenceDecode(CodeWriter w, List<Member> root, List<Member> additions)
    {
        var type = _type.Type;
        w.Line();
        w.Summary($"Decodes a {DocName} value (X.691 §19).");
        w.Line("/// <param name=\"decoder\">The decoder, positioned at the value.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open($"public static {_type.CsName} Decode(ref PerDecoder decoder)");
        if (_type.Recursive)
        {
            w.Line("RuntimeHelpers.EnsureSufficientExecutionStack(); // a recursive type: deep input fails cleanly, never overflows the stack");
        }

        if (type.Extensible)
        {
            w.Line("var extended = decoder.ReadExtensionBit();");
        }

        foreach (var member in root.Where(m => m.Optional))
        {
            w.Line($"var has{member.Property} = decoder.ReadBit();");
        }

        foreach (var member in root.Where(m => m.Shape is not NullShape))
        {
            var expression = DecodeExpression(member.Shape, member.Property);
            if (member.Optional)
            {
                w.Line($"{CsType(member.Shape)}? {member.Local} = null;");
                w.Open($"if (has{member.Property})");
            }

            w.Line($"decoder.PushPath(\"{member.Component.Name}\");");
            w.Line($"{(member.Optional ? string.Empty : "var ")}{member.Local} = {expression};");
            w.Line("decoder.PopPath();");
            if (member.Optional)
            {
                w.Close();
            }
        }

        var initializers = root.Where(m => m.Shape is not NullShape || m.Optional)
            .Select(m => m.Shape is NullShape ? $"{m.Property} = has{m.Property}," : $"{m.Property} = {m.Local},").ToList();
        if (initializers.Count == 0)
        {
            w.Line($"var value = new {_type.CsName}();");
        }
        else
        {
            w.Line($"var value = new {_type.CsName}");
            w.Open();
            foreach (var initializer in initializers)
            {
                w.Line(initializer);
            }

            w.Close(";");
        }

        if (type.Extensible)
        {
            w.Open("if (extended)");
            w.Line("// X.691 §19.8: the bitmap of extension additions, then each present one as an open type.");
            w.Line("var count = decoder.ReadExtensionAdditionsCount();");
            w.Line("Span<bool> present = count <= 64 ? stackalloc bool[64] : new bool[count];");
            w.Open("for (var i = 0; i < count; i++)");
            w.Line("present[i] = decoder.ReadBit();");
            w.Close();
            w.Line();
            w.Line("var unknown = new UnknownExtensionAdditions(count);");
            w.Open("for (var i = 0; i < count; i++)");
            w.Open("if (!present[i])");
            w.Line("continue;");
            w.Close();
            w.Line();
            if (additions.Count == 0)
            {
                w.Line("unknown.Add(i, decoder.ReadOpenType());");
                w.Close();
            }
            else
            {
                EmitAdditionsDecodeSwitch(w, additions);
            }

            w.Line();
            w.Line("value.ExtensionAdditions = unknown;");
            w.Close();
            w.Line();
        }

        w.Line("return value;");
        w.Close();
    }

    private void EmitAdditionsDecodeSwitch(CodeWriter w, List<Member> additions)
    {
        w.Open("switch (i)");
        for (var i = 0; i < additions.Count; i++)
        {
            var member = additions[i];
            w.Line($"case {i}:");
            w.Open();
            w.Line($"decoder.PushPath(\"{member.Component.Name}\");");
            w.Line("var scope = decoder.BeginOpenType();");
            w.Line(member.Shape is NullShape
                ? $"value.{member.Property} = true;"
                : $"value.{member.Property} = {DecodeExpression(member.Shape, member.Property)};");
            w.Line("decoder.EndOpenType(scope);");
            w.Line("decoder.PopPath();");
            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        w.Line("    unknown.Add(i, decoder.ReadOpenType());");
        w.Line("    break;");
        w.Close();
        w.Close();
    }

    private void EmitSequenceEncode(CodeWriter w, List<Member> root, List<Member> additions)
    {
        var type = _type.Type;
        w.Line();
        w.Summary($"Encodes this {DocName} value (X.691 §19).");
        w.Line("/// <param name=\"encoder\">The encoder.</param>");
        w.Open("public void Encode(PerEncoder encoder)");
        w.Line("ArgumentNullException.ThrowIfNull(encoder);");
        if (type.Extensible)
        {
            w.Line("var unknown = ExtensionAdditions;");
            w.Line("var highest = unknown?.HighestIndex ?? -1;");
            for (var i = 0; i < additions.Count; i++)
            {
                var member = additions[i];
                var test = member.Shape is NullShape ? member.Property : $"{member.Property} is not null";
                w.Line($"highest = {test} ? Math.Max(highest, {i}) : highest;");
            }

            w.Line("encoder.WriteExtensionBit(highest >= 0);");
        }

        foreach (var member in root.Where(m => m.Optional))
        {
            w.Line(member.Shape is NullShape ? $"encoder.WriteBit({member.Property});" : $"encoder.WriteBit({member.Property} is not null);");
        }

        foreach (var member in root.Where(m => m.Shape is not NullShape))
        {
            if (member.Optional)
            {
                w.Open($"if ({member.Property} is {{ }} {member.Local})");
                EncodeStatements(w, member.Shape, member.Local, member.Property);
                w.Close();
            }
            else
            {
                EncodeStatements(w, member.Shape, member.Property, member.Property);
            }
        }

        if (type.Extensible)
        {
            w.Open("if (highest >= 0)");
            w.Line($"var count = Math.Max(highest + 1, unknown?.BitmapLength ?? {additions.Count});");
            w.Line("Span<bool> present = count <= 64 ? stackalloc bool[64] : new bool[count];");
            w.Line("present = present[..count];");
            for (var i = 0; i < additions.Count; i++)
            {
                var member = additions[i];
                w.Open(member.Shape is NullShape ? $"if ({member.Property})" : $"if ({member.Property} is not null)");
                w.Line($"present[{i}] = true;");
                w.Close();
            }

            w.Line("unknown?.MarkPresent(present);");
            w.Line("encoder.WriteExtensionAdditionsBitmap(present);");
            w.Open("for (var i = 0; i < count; i++)");
            w.Open("if (!present[i])");
            w.Line("continue;");
            w.Close();
            w.Line();
            if (additions.Count == 0)
            {
                w.Line("encoder.WriteOpenType(unknown!.Get(i));");
                w.Close();
                w.Close();
                w.Close();
                return;
            }

            w.Open("switch (i)");
            for (var i = 0; i < additions.Count; i++)
            {
                var member = additions[i];
                w.Line($"case {i}:");
                w.Open();
                w.Line("var token = encoder.BeginOpenType();");
                if (member.Shape is not NullShape)
                {
                    w.Open($"if ({member.Property} is {{ }} {member.Local})");
                    EncodeStatements(w, member.Shape, member.Local, member.Property);
                    w.Close();
                }

                w.Line("encoder.EndOpenType(token);");
                w.Line("break;");
                w.Close();
            }

            w.Line("default:");
            w.Line("    encoder.WriteOpenType(unknown!.Get(i));");
            w.Line("    break;");
            w.Close();
            w.Close();
            w.Close();
        }

        w.Close();
    }

    // ------------------------------------------------------------------ CHOICE

    private void EmitChoice(CodeWriter w)
    {
        var type = _type.Type;
        var root = Members(type.Components, additions: false);
        var additions = Members(type.Additions, additions: true);
        var all = root.Concat(additions).ToList();
        var cs = _type.CsName;
        var kind = cs + "Kind";

        w.Summary($"The alternatives of <see cref=\"{cs}\"/>.");
        w.Open($"public enum {kind}");
        foreach (var member in all)
        {
            w.Summary($"<c>{member.Component.Name}</c> {Describe(member.Component, member.IsAddition)}.");
            w.Line($"{member.Property},");
        }

        if (type.Extensible)
        {
            w.Summary("An extension alternative this code does not know, kept as its open type encoding.");
            w.Line("UnknownExtension,");
        }

        w.Close();
        w.Line();
        w.Summary($"ASN.1 CHOICE {DocName}.");
        w.Open($"public sealed class {cs}");
        w.Line("private readonly object? _value;");
        w.Line();
        w.Open($"private {cs}({kind} kind, object? value)");
        w.Line("Kind = kind;");
        w.Line("_value = value;");
        w.Close();
        if (type.Extensible)
        {
            w.Line();
            w.Open($"private {cs}(int extensionIndex, PerOpenType encoding)");
            w.Line($"Kind = {kind}.UnknownExtension;");
            w.Line("UnknownExtensionIndex = extensionIndex;");
            w.Line("UnknownExtensionEncoding = encoding;");
            w.Close();
        }

        w.Line();
        w.Summary("Which alternative this value holds.");
        w.Line($"public {kind} Kind {{ get; }}");
        if (type.Extensible)
        {
            w.Line();
            w.Summary("For <see cref=\"" + kind + ".UnknownExtension\"/>: the index among the extension alternatives (X.691 §23.8).");
            w.Line("public int UnknownExtensionIndex { get; }");
            w.Line();
            w.Summary("For <see cref=\"" + kind + ".UnknownExtension\"/>: the open type encoding of the value.");
            w.Line("public PerOpenType UnknownExtensionEncoding { get; }");
        }

        foreach (var member in all)
        {
            w.Line();
            if (member.Shape is NullShape)
            {
                w.Summary($"Creates the <c>{member.Component.Name}</c> alternative (NULL).");
                w.Line("/// <returns>The value.</returns>");
                w.Line($"public static {cs} Create{member.Property}() => new({kind}.{member.Property}, null);");
                continue;
            }

            var csType = CsType(member.Shape);
            w.Summary($"Creates the <c>{member.Component.Name}</c> alternative.");
            w.Line("/// <param name=\"value\">The value of the alternative.</param>");
            w.Line("/// <returns>The value.</returns>");
            if (IsValueType(member.Shape))
            {
                w.Line($"public static {cs} Create{member.Property}({csType} value) => new({kind}.{member.Property}, value);");
            }
            else
            {
                w.Open($"public static {cs} Create{member.Property}({csType} value)");
                w.Line("ArgumentNullException.ThrowIfNull(value);");
                w.Line($"return new({kind}.{member.Property}, value);");
                w.Close();
            }

            w.Line();
            w.Summary($"The <c>{member.Component.Name}</c> alternative, or null when <see cref=\"Kind\"/> is another one.");
            w.Line($"public {csType}? {member.Property} => Kind == {kind}.{member.Property} ? ({csType})_value! : null;");
        }

        // Decode
        w.Line();
        w.Summary($"Decodes a {DocName} value (X.691 §23).");
        w.Line("/// <param name=\"decoder\">The decoder, positioned at the value.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open($"public static {cs} Decode(ref PerDecoder decoder)");
        if (_type.Recursive)
        {
            w.Line("RuntimeHelpers.EnsureSufficientExecutionStack(); // a recursive type: deep input fails cleanly, never overflows the stack");
        }

        w.Line($"var index = decoder.ReadChoiceIndex({root.Count}, {(type.Extensible ? "true" : "false")}, out var isExtension);");
        if (all.Any(m => m.Shape is not NullShape) || additions.Count > 0)
        {
            w.Line($"{cs} value;");
        }

        if (type.Extensible)
        {
            w.Open("if (isExtension)");
            w.Open("switch (index)");
            for (var i = 0; i < additions.Count; i++)
            {
                var member = additions[i];
                w.Line($"case {i}:");
                w.Open();
                w.Line($"decoder.PushPath(\"{member.Component.Name}\");");
                w.Line("var scope = decoder.BeginOpenType();");
                w.Line(member.Shape is NullShape
                    ? $"value = new({kind}.{member.Property}, null);"
                    : $"value = new({kind}.{member.Property}, {DecodeExpression(member.Shape, member.Property)});");
                w.Line("decoder.EndOpenType(scope);");
                w.Line("decoder.PopPath();");
                w.Line("return value;");
                w.Close();
            }

            w.Line("default:");
            w.Line("    return new(index, decoder.ReadOpenType());");
            w.Close();
            w.Close();
            w.Line();
        }

        w.Open("switch (index)");
        for (var i = 0; i < root.Count; i++)
        {
            var member = root[i];
            w.Line(i == root.Count - 1 ? "default:" : $"case {i}:");
            if (member.Shape is NullShape)
            {
                w.Line($"    return new({kind}.{member.Property}, null);");
                continue;
            }

            w.Line($"    decoder.PushPath(\"{member.Component.Name}\");");
            w.Line($"    value = new({kind}.{member.Property}, {DecodeExpression(member.Shape, member.Property)});");
            w.Line("    decoder.PopPath();");
            w.Line("    return value;");
        }

        w.Close();
        w.Close();

        // Encode
        w.Line();
        w.Summary($"Encodes this {DocName} value (X.691 §23).");
        w.Line("/// <param name=\"encoder\">The encoder.</param>");
        w.Open("public void Encode(PerEncoder encoder)");
        w.Line("ArgumentNullException.ThrowIfNull(encoder);");
        w.Open("switch (Kind)");
        for (var i = 0; i < all.Count; i++)
        {
            var member = all[i];
            w.Line($"case {kind}.{member.Property}:");
            w.Open();
            if (member.IsAddition)
            {
                w.Line($"encoder.WriteChoiceExtensionIndex({i - root.Count});");
                w.Line("var token = encoder.BeginOpenType();");
            }
            else
            {
                w.Line($"encoder.WriteChoiceIndex({i}, {root.Count}, {(type.Extensible ? "true" : "false")});");
            }

            if (member.Shape is not NullShape)
            {
                EncodeStatements(w, member.Shape, $"(({CsType(member.Shape)})_value!)", member.Property);
            }

            if (member.IsAddition)
            {
                w.Line("encoder.EndOpenType(token);");
            }

            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        if (type.Extensible)
        {
            w.Line("    encoder.WriteChoiceExtensionIndex(UnknownExtensionIndex);");
            w.Line("    encoder.WriteOpenType(UnknownExtensionEncoding);");
            w.Line("    break;");
        }
        else
        {
            w.Line($"    throw new InvalidOperationException(\"Not a {cs} alternative.\");");
        }

        w.Close();
        w.Close();
        EmitPdu(w);
        w.Append(_helpers);
        w.Close();
    }

    // ------------------------------------------------------------------ ENUMERATED

    private void EmitEnumerated(CodeWriter w)
    {
        var type = _type.Type;
        var root = Numbered(type.EnumRoot);
        var cs = _type.CsName;
        w.Summary($"ASN.1 ENUMERATED {DocName}. Values are the PER indices: the root items in ascending number order (X.691 §13.2), then the extension additions; a value beyond the last named one is an unknown extension addition.");
        w.Open($"public enum {cs}");
        var index = 0;
        foreach (var item in root.Concat(type.EnumAdditions.Select(a => (a.Name, Number: 0L))))
        {
            w.Summary($"<c>{item.Name}</c>.");
            w.Line($"{Naming.Pascal(item.Name)} = {index++},");
        }

        w.Close();
        w.Line();
        w.Summary($"Aligned PER encoding of <see cref=\"{cs}\"/> (X.691 §13).");
        w.Open($"public static class {cs}Codec");
        w.Summary($"Decodes a {DocName} value.");
        w.Line("/// <param name=\"decoder\">The decoder, positioned at the value.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open($"public static {cs} Decode(ref PerDecoder decoder)");
        if (type.Extensible)
        {
            w.Line($"var index = decoder.ReadEnumerated({root.Count}, true, out var isExtension);");
            w.Line($"return ({cs})(isExtension ? {root.Count} + index : index);");
        }
        else
        {
            w.Line($"return ({cs})decoder.ReadEnumerated({root.Count});");
        }

        w.Close();
        w.Line();
        w.Summary($"Encodes a {DocName} value.");
        w.Line("/// <param name=\"encoder\">The encoder.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open($"public static void Encode(PerEncoder encoder, {cs} value)");
        w.Line("ArgumentNullException.ThrowIfNull(encoder);");
        w.Line("var index = (int)value;");
        if (type.Extensible)
        {
            w.Open($"if (index < {root.Count})");
            w.Line($"encoder.WriteEnumerated(index, {root.Count}, true);");
            w.Close();
            w.Open("else");
            w.Line($"encoder.WriteEnumeratedExtension(index - {root.Count});");
            w.Close();
        }
        else
        {
            w.Line($"encoder.WriteEnumerated(index, {root.Count});");
        }

        w.Close();
        w.Close();
    }

    private static List<(string Name, long Number)> Numbered(List<AsnEnumItem> items)
    {
        // X.680 §20.3: items without a number take the smallest non-negative number not used explicitly.
        var used = items.Where(i => i.Number is not null).Select(i => i.Number!.Value).ToHashSet();
        var next = 0L;
        var result = new List<(string, long)>();
        foreach (var item in items)
        {
            if (item.Number is { } number)
            {
                result.Add((item.Name, number));
                continue;
            }

            while (used.Contains(next))
            {
                next++;
            }

            used.Add(next);
            result.Add((item.Name, next));
        }

        return result.OrderBy(r => r.Item2).ToList();
    }

    // ------------------------------------------------------------------ PDU entry points

    private void EmitPdu(CodeWriter w)
    {
        if (!_type.IsPdu)
        {
            return;
        }

        var cs = _type.CsName;
        w.Line();
        w.Summary($"Decodes a complete {DocName} encoding. No exception escapes: a malformed input returns false with the reason, the bit position and the type path.");
        w.Line("/// <param name=\"encoding\">The complete aligned PER encoding.</param>");
        w.Line("/// <param name=\"value\">The value, when the decode succeeded.</param>");
        w.Line("/// <param name=\"error\">Why the decode failed, when it failed.</param>");
        w.Line("/// <returns><see langword=\"true\"/> when the value was decoded.</returns>");
        w.Open($"public static bool TryDecode(ReadOnlySpan<byte> encoding, [NotNullWhen(true)] out {cs}? value, out PerDecodeError error)");
        w.Open("try");
        w.Line("return PerDecoder.TryDecode(encoding, DecodePdu, out value, out error);");
        w.Close();
        w.Line("catch (InsufficientExecutionStackException)");
        w.Open();
        w.Line("value = null;");
        w.Line($"error = new PerDecodeError(PerDecodeErrorReason.ConstraintViolation, -1, \"{_type.AsnName}\", \"the value nests too deeply to decode\");");
        w.Line("return false;");
        w.Close();
        w.Line("catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)");
        w.Open();
        w.Line("// Defensive: the runtime reports malformed input as PerDecodeError; anything else is a bug, still not thrown at the caller.");
        w.Line("value = null;");
        w.Line($"error = new PerDecodeError(PerDecodeErrorReason.ConstraintViolation, -1, \"{_type.AsnName}\", exception.Message);");
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Line();
        w.Summary($"Encodes this {DocName} value as a complete aligned PER encoding (X.691 §10.1).");
        w.Line("/// <returns>The octets.</returns>");
        w.Open("public byte[] Encode()");
        w.Line("using var encoder = new PerEncoder();");
        w.Line("Encode(encoder);");
        w.Line("return encoder.ToArray();");
        w.Close();
        w.Line();
        w.Open($"private static {cs} DecodePdu(ref PerDecoder decoder)");
        w.Line($"decoder.PushPath(\"{_type.AsnName}\");");
        w.Line("var value = Decode(ref decoder);");
        w.Line("decoder.PopPath();");
        w.Line("return value;");
        w.Close();
    }
}
