using System.Globalization;
using System.Text.RegularExpressions;

namespace Asn1Gen;

/// <summary>
/// A recursive-descent parser for the subset of X.680/X.682/X.683 notation that H.225.0, H.235 and H.245 use:
/// module header, IMPORTS/EXPORTS, type assignments (parameterized too), SEQUENCE/SET (OPTIONAL, DEFAULT,
/// extension markers), CHOICE, SEQUENCE OF / SET OF with SIZE, INTEGER, ENUMERATED, BOOLEAN, NULL,
/// OCTET STRING, BIT STRING, character strings, OBJECT IDENTIFIER, tags, TYPE-IDENTIFIER.&amp;Type and
/// constraints (ranges, SIZE, FROM, unions, intersections, extension markers; WITH COMPONENTS and
/// CONSTRAINED BY are parsed and ignored as they are not PER-visible).
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> CharacterStringTypes =
    [
        "IA5String", "BMPString", "NumericString", "PrintableString", "VisibleString", "ISO646String",
        "GeneralString", "UTF8String", "GraphicString", "TeletexString", "T61String", "VideotexString", "UniversalString",
    ];

    private readonly List<Token> _tokens;
    private int _index;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    public static List<AsnModule> ParseFile(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        var modules = new List<AsnModule>();
        while (parser.Current.Kind != TokenKind.End)
        {
            var module = parser.ParseModule();
            FindSections(text, module);
            modules.Add(module);
        }

        return modules;
    }

    private static void FindSections(string text, AsnModule module)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 2 < lines.Length; i++)
        {
            if (RuleLine().IsMatch(lines[i]) && RuleLine().IsMatch(lines[i + 2]) && lines[i + 1].StartsWith("-- ", StringComparison.Ordinal))
            {
                module.Sections.Add(new AsnSection(i + 1, lines[i + 1][3..].Trim()));
                i += 2;
                continue;
            }

            var match = BeginningLine().Match(lines[i]);
            if (match.Success)
            {
                module.Sections.Add(new AsnSection(i + 1, match.Groups[1].Value.Trim()));
            }
        }
    }

    [GeneratedRegex(@"^--\s*={10,}\s*$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^--\s*Beginning of (.+?) section")]
    private static partial Regex BeginningLine();

    private FormatException Error(string expected) => new($"Expected {expected} but found {Current}.");

    private Token Next()
    {
        var token = Current;
        _index++;
        return token;
    }

    private void Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw Error($"'{text}'");
        }

        _index++;
    }

    private bool Accept(string text)
    {
        if (Current.Is(text))
        {
            _index++;
            return true;
        }

        return false;
    }

    private string ExpectIdentifier()
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Error("an identifier");
        }

        return Next().Text;
    }

    private void SkipBalanced(string open, string close)
    {
        Expect(open);
        var depth = 1;
        while (depth > 0)
        {
            if (Current.Kind == TokenKind.End)
            {
                throw Error($"'{close}'");
            }

            if (Current.Is(open))
            {
                depth++;
            }
            else if (Current.Is(close))
            {
                depth--;
            }

            _index++;
        }
    }

    private AsnModule ParseModule()
    {
        var module = new AsnModule(ExpectIdentifier());
        if (Current.Is("{"))
        {
            SkipBalanced("{", "}");
        }

        Expect("DEFINITIONS");
        while (!Current.Is("::="))
        {
            Next(); // tag default, extensibility implied
        }

        Expect("::=");
        Expect("BEGIN");
        if (Accept("EXPORTS"))
        {
            while (!Accept(";"))
            {
                Next();
            }
        }

        if (Accept("IMPORTS"))
        {
            ParseImports(module);
        }

        while (!Accept("END"))
        {
            ParseAssignment(module);
        }

        return module;
    }

    private void ParseImports(AsnModule module)
    {
        var symbols = new List<string>();
        while (!Accept(";"))
        {
            if (Accept("FROM"))
            {
                var from = ExpectIdentifier();
                if (Current.Is("{"))
                {
                    SkipBalanced("{", "}");
                }

                foreach (var symbol in symbols)
                {
                    module.Imports[symbol] = from;
                }

                symbols.Clear();
                continue;
            }

            symbols.Add(ExpectIdentifier());
            if (Current.Is("{"))
            {
                SkipBalanced("{", "}"); // SIGNED{}
            }

            Accept(",");
        }
    }

    private void ParseAssignment(AsnModule module)
    {
        var line = Current.Line;
        var name = ExpectIdentifier();
        if (!char.IsUpper(name[0]))
        {
            throw new FormatException($"Value assignments are not supported ({name}, line {line}).");
        }

        var parameters = new List<string>();
        if (Accept("{"))
        {
            while (!Accept("}"))
            {
                parameters.Add(ExpectIdentifier());
                Accept(",");
            }
        }

        Expect("::=");
        var type = ParseType();
        var assignment = new AsnAssignment(name, parameters, type, line);
        module.Assignments.Add(assignment);
        module.ByName[name] = assignment;
    }

    private AsnType ParseType()
    {
        if (Current.Is("["))
        {
            // Tags do not affect PER (X.691 §8.3 uses them only for canonical order; automatic tags keep textual order).
            SkipBalanced("[", "]");
            if (!Accept("IMPLICIT"))
            {
                Accept("EXPLICIT");
            }

            return ParseType();
        }

        var type = ParseUnconstrainedType();
        while (Current.Is("("))
        {
            type.Constraints.Add(ParseConstraint());
        }

        return type;
    }

    private AsnType ParseUnconstrainedType()
    {
        var line = Current.Line;
        var word = ExpectIdentifier();
        switch (word)
        {
            case "BOOLEAN":
                return new AsnType(AsnKind.Boolean, line);
            case "NULL":
                return new AsnType(AsnKind.Null, line);
            case "INTEGER":
                if (Current.Is("{"))
                {
                    SkipBalanced("{", "}"); // named numbers are not PER-visible
                }

                return new AsnType(AsnKind.Integer, line);
            case "ENUMERATED":
                return ParseEnumerated(line);
            case "OCTET":
                Expect("STRING");
                return new AsnType(AsnKind.OctetString, line);
            case "BIT":
                Expect("STRING");
                if (Current.Is("{"))
                {
                    SkipBalanced("{", "}"); // named bits
                }

                return new AsnType(AsnKind.BitString, line);
            case "OBJECT":
                Expect("IDENTIFIER");
                return new AsnType(AsnKind.ObjectIdentifier, line);
            case "SEQUENCE":
            case "SET":
                return ParseSequenceOrSequenceOf(word == "SET", line);
            case "CHOICE":
            {
                var choice = new AsnType(AsnKind.Choice, line);
                ParseComponents(choice, isChoice: true);
                return choice;
            }

            case "TYPE-IDENTIFIER":
                Expect(".");
                Expect("&");
                Expect("Type");
                return new AsnType(AsnKind.OpenType, line);
            default:
                if (CharacterStringTypes.Contains(word))
                {
                    return new AsnType(AsnKind.CharacterString, line) { Name = word == "ISO646String" ? "VisibleString" : word };
                }

                if (!char.IsUpper(word[0]))
                {
                    throw new FormatException($"Expected a type but found '{word}' at line {line}.");
                }

                var reference = new AsnType(AsnKind.Reference, line) { Name = word };
                if (Accept("{"))
                {
                    while (!Accept("}"))
                    {
                        reference.Arguments.Add(ParseType());
                        Accept(",");
                    }
                }

                return reference;
        }
    }

    private AsnType ParseSequenceOrSequenceOf(bool isSet, int line)
    {
        if (Current.Is("{"))
        {
            var sequence = new AsnType(AsnKind.Sequence, line) { IsSet = isSet };
            ParseComponents(sequence, isChoice: false);
            return sequence;
        }

        var sequenceOf = new AsnType(AsnKind.SequenceOf, line) { IsSet = isSet };
        if (Current.Is("SIZE"))
        {
            Next();
            var inner = ParseConstraint();
            sequenceOf.Constraints.Add(new AsnConstraint(new SizeElement(inner), false));
        }
        else if (Current.Is("("))
        {
            sequenceOf.Constraints.Add(ParseConstraint());
        }

        Expect("OF");
        if (Current.Kind == TokenKind.Identifier && char.IsLower(Current.Text[0]))
        {
            Next(); // an element name (X.680 §25.1 NamedType)
        }

        sequenceOf.Element = ParseType();
        return sequenceOf;
    }

    private AsnType ParseEnumerated(int line)
    {
        var type = new AsnType(AsnKind.Enumerated, line);
        Expect("{");
        var markers = 0;
        while (!Accept("}"))
        {
            if (Accept("..."))
            {
                markers++;
                type.Extensible = true;
            }
            else
            {
                var name = ExpectIdentifier();
                long? number = null;
                if (Accept("("))
                {
                    number = long.Parse(Next().Text, CultureInfo.InvariantCulture);
                    Expect(")");
                }

                (markers == 1 ? type.EnumAdditions : type.EnumRoot).Add(new AsnEnumItem(name, number));
            }

            Accept(",");
        }

        return type;
    }

    private void ParseComponents(AsnType owner, bool isChoice)
    {
        Expect("{");
        var markers = 0;
        while (!Accept("}"))
        {
            if (Accept("..."))
            {
                markers++;
                owner.Extensible = true;
                if (Accept("!"))
                {
                    Next(); // exception identification
                }
            }
            else if (Current.Is("[["))
            {
                throw new NotSupportedException($"Extension addition groups are not supported yet (line {Current.Line}).");
            }
            else if (Current.Is("COMPONENTS"))
            {
                throw new NotSupportedException($"COMPONENTS OF is not supported (line {Current.Line}).");
            }
            else
            {
                var name = ExpectIdentifier();
                var type = ParseType();
                var optional = false;
                var hasDefault = false;
                if (!isChoice && Accept("OPTIONAL"))
                {
                    optional = true;
                }
                else if (!isChoice && Accept("DEFAULT"))
                {
                    hasDefault = true;
                    if (Current.Is("{"))
                    {
                        SkipBalanced("{", "}");
                    }
                    else
                    {
                        Next();
                    }
                }

                // Components after a second "..." are root components again (X.680 §25.1).
                (markers == 1 ? owner.Additions : owner.Components).Add(new AsnComponent(name, type, optional, hasDefault));
            }

            Accept(",");
        }
    }

    // ------------------------------------------------------------ constraints (X.680 §49–§51)

    private AsnConstraint ParseConstraint()
    {
        Expect("(");
        var root = ParseElementSet();
        var extensible = false;
        if (Accept(","))
        {
            Expect("...");
            extensible = true;
            if (Accept(","))
            {
                ParseElementSet(); // additional elements are not PER-visible (X.691 §9.3.12)
            }
        }

        if (Accept("!"))
        {
            Next();
        }

        Expect(")");
        return new AsnConstraint(root, extensible);
    }

    private ConstraintElement ParseElementSet()
    {
        var items = new List<ConstraintElement> { ParseIntersections() };
        while (Accept("|") || Accept("UNION"))
        {
            items.Add(ParseIntersections());
        }

        return items.Count == 1 ? items[0] : new UnionElement(items);
    }

    private ConstraintElement ParseIntersections()
    {
        var items = new List<ConstraintElement> { ParseElement() };
        while (Accept("^") || Accept("INTERSECTION"))
        {
            items.Add(ParseElement());
        }

        return items.Count == 1 ? items[0] : new IntersectionElement(items);
    }

    private ConstraintElement ParseElement()
    {
        if (Current.Is("("))
        {
            var nested = ParseConstraint();
            return nested.Root;
        }

        if (Accept("SIZE"))
        {
            return new SizeElement(ParseConstraint());
        }

        if (Accept("FROM"))
        {
            return new FromElement(ParseConstraint());
        }

        if (Current.Is("WITH"))
        {
            Next();
            if (Accept("COMPONENTS"))
            {
                SkipBalanced("{", "}");
            }
            else
            {
                Expect("COMPONENT");
                ParseConstraint();
            }

            return new IgnoredElement("WITH COMPONENTS");
        }

        if (Current.Is("CONSTRAINED"))
        {
            Next();
            Expect("BY");
            SkipBalanced("{", "}");
            return new IgnoredElement("CONSTRAINED BY");
        }

        if (Current.Kind == TokenKind.CString)
        {
            var first = Next().Text;
            if (Accept(".."))
            {
                var last = Next().Text;
                var characters = new System.Text.StringBuilder();
                for (var c = first[0]; c <= last[0]; c++)
                {
                    characters.Append(c);
                }

                return new CharactersElement(characters.ToString());
            }

            return new CharactersElement(first);
        }

        if (Current.Kind == TokenKind.Number || Current.Is("MIN"))
        {
            var lower = ParseBound();
            if (Accept(".."))
            {
                return new RangeElement(lower, ParseBound());
            }

            return new RangeElement(lower, lower);
        }

        if (Current.Kind == TokenKind.Identifier && char.IsUpper(Current.Text[0]))
        {
            return new TypeElement(ParseType());
        }

        throw Error("a constraint element");
    }

    private long? ParseBound()
    {
        if (Accept("MIN") || Accept("MAX"))
        {
            return null;
        }

        if (Current.Kind != TokenKind.Number)
        {
            throw Error("a number (value references are not supported)");
        }

        return long.Parse(Next().Text, CultureInfo.InvariantCulture);
    }
}
