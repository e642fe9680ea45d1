using System.Globalization;
using System.Text;

namespace Asn1Gen;

/// <summary>
/// Entry point: <c>Asn1Gen --out DIR --root MODULE.Type [--root ...] FILE.asn...</c>. Reads the modules, resolves
/// everything reachable from the roots, and writes one C# file per module section under DIR/&lt;namespace&gt;/.
/// </summary>
internal static class Program
{
    private const string BaseNamespace = "Signalling.H323.Messages";
    private const int MaxLinesPerFile = 4000;

    public static int Main(string[] args)
    {
        string? output = null;
        var roots = new List<(string Module, string Type)>();
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    output = args[++i];
                    break;
                case "--root":
                    var root = args[++i];
                    var dot = root.IndexOf('.', StringComparison.Ordinal);
                    roots.Add((root[..dot], root[(dot + 1)..]));
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (output is null || roots.Count == 0 || files.Count == 0)
        {
            Console.Error.WriteLine("usage: Asn1Gen --out DIR --root MODULE.Type [--root ...] FILE.asn...");
            return 2;
        }

        var generated = Generate(files.Select(File.ReadAllText), roots);
        foreach (var directory in generated.Keys.Select(Path.GetDirectoryName).Where(d => !string.IsNullOrEmpty(d)).Distinct())
        {
            var full = Path.Combine(output, directory!);
            Directory.CreateDirectory(full);
            foreach (var stale in Directory.GetFiles(full, "*.cs"))
            {
                File.Delete(stale);
            }
        }

        foreach (var (path, text) in generated)
        {
            File.WriteAllText(Path.Combine(output, path), text, new UTF8Encoding(false));
        }

        Console.WriteLine($"{generated.Count} files under {output}");
        return 0;
    }

    /// <summary>
    /// Parses <paramref name="moduleTexts"/>, resolves everything reachable from <paramref name="roots"/> and returns
    /// the C# files by relative path (<c>H225/01.Section.cs</c>, <c>Alphabets.cs</c>), in ordinal path order.
    /// </summary>
    public static SortedDictionary<string, string> Generate(IEnumerable<string> moduleTexts, IEnumerable<(string Module, string Type)> roots)
    {
        var modules = moduleTexts.SelectMany(Parser.ParseFile).ToList();
        var resolver = new Resolver(modules);
        foreach (var (module, type) in roots)
        {
            resolver.AddRoot(module, type);
        }

        var code = new Dictionary<GeneratedType, string>();
        while (resolver.TryTakePending(out var type))
        {
            code[type] = Emitter.Emit(resolver, type);
        }

        // The first pass found every type and what each refers to. A type that can reach itself is recursive
        // and its Decode checks the execution stack (about 4 ns a call, so the others skip it): emit those again.
        foreach (var type in resolver.All)
        {
            type.Recursive = Reaches(type, type);
        }

        foreach (var type in resolver.All.Where(t => t.Recursive))
        {
            code[type] = Emitter.Emit(resolver, type);
        }

        if (resolver.TryTakePending(out var late))
        {
            throw new InvalidOperationException($"The second pass found a new type {late.AsnName}.");
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in resolver.All.GroupBy(t => t.Context.Module.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var module = resolver.Module(group.Key);
            var ns = Resolver.NamespaceOf(module);
            var bySection = group.GroupBy(t => SectionOf(module, t.SortLine)).OrderBy(g => g.Key.Line);
            var sectionNumber = 0;
            foreach (var section in bySection)
            {
                sectionNumber++;
                var chunks = Chunk(section.ToList(), code);
                for (var c = 0; c < chunks.Count; c++)
                {
                    var lines = chunks[c].ToHashSet();
                    var types = section.Where(t => lines.Contains(t.SortLine)).OrderBy(t => t.SortLine).ThenBy(t => t.Sequence).ToList();
                    var slug = new string(Naming.Pascal(section.Key.Title).Where(char.IsLetterOrDigit).ToArray());
                    var name = string.Create(CultureInfo.InvariantCulture, $"{ns}/{sectionNumber:00}.{slug}{(chunks.Count > 1 ? "." + (c + 1).ToString("00", CultureInfo.InvariantCulture) : string.Empty)}.cs");
                    files[name] = FileText(module, ns, section.Key.Title, types, code);
                }
            }
        }

        files["Alphabets.cs"] = AlphabetsText(resolver);
        return files;
    }
    /// <summary>
    /// Splits a section into files of about <see cref="MaxLinesPerFile"/> lines, keeping each top-level type
    /// with the inline types made up for it; returns the top-level assignment lines of each file.
    /// </summary>
    private static List<int[]> Chunk(List<GeneratedType> section, Dictionary<GeneratedType, string> code)
    {
        var sizes = section.GroupBy(t => t.SortLine).OrderBy(g => g.Key)
            .Select(g => (Line: g.Key, Lines: g.Sum(t => code[t].Count(c => c == '\n')))).ToList();
        var chunks = new List<int[]>();
        var current = new List<int>();
        var lines = 0;
        foreach (var (line, size) in sizes)
        {
            if (current.Count > 0 && lines + size > MaxLinesPerFile)
            {
                chunks.Add([.. current]);
                current.Clear();
                lines = 0;
            }

            current.Add(line);
            lines += size;
        }

        chunks.Add([.. current]);
        return chunks;
    }

    private static AsnSection SectionOf(AsnModule module, int line)
    {
        var section = new AsnSection(0, module.Sections.Count == 0 || module.Sections[0].Line > 0 ? Naming.Title(module.Name) : module.Sections[0].Title);
        foreach (var candidate in module.Sections)
        {
            if (candidate.Line <= line)
            {
                section = candidate;
            }
        }

        return section;
    }

    private static bool Reaches(GeneratedType from, GeneratedType target)
    {
        var seen = new HashSet<GeneratedType>();
        var pending = new Stack<GeneratedType>(from.References);
        while (pending.TryPop(out var type))
        {
            if (type == target)
            {
                return true;
            }

            if (seen.Add(type))
            {
                foreach (var next in type.References)
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private static string FileText(AsnModule module, string ns, string title, List<GeneratedType> types, Dictionary<GeneratedType, string> code)
    {
        var builder = new StringBuilder();
        builder.Append("// Generated by tools/Asn1Gen from the ASN.1 module ").Append(module.Name).Append(", section \"").Append(title).Append("\".\n");
        builder.Append("// Do not edit: change the generator and regenerate (see tools/Asn1Gen/README.md).\n");
        var text = string.Concat(types.Select(t => code[t]));
        if (text.Contains("[NotNullWhen(", StringComparison.Ordinal))
        {
            builder.Append("using System.Diagnostics.CodeAnalysis;\n");
        }

        if (text.Contains("RuntimeHelpers.", StringComparison.Ordinal))
        {
            builder.Append("using System.Runtime.CompilerServices;\n");
        }

        builder.Append("using Signalling.H323.Per;\n\n");
        builder.Append("namespace ").Append(BaseNamespace).Append('.').Append(ns).Append(";\n");
        foreach (var type in types)
        {
            builder.Append('\n').Append(code[type]);
        }

        return builder.ToString();
    }

    private static string AlphabetsText(Resolver resolver)
    {
        var w = new CodeWriter();
        w.Line("// Generated by tools/Asn1Gen. Do not edit: change the generator and regenerate (see tools/Asn1Gen/README.md).");
        w.Line("using Signalling.H323.Per;");
        w.Line();
        w.Line($"namespace {BaseNamespace};");
        w.Line();
        w.Summary("The effective permitted alphabets of the FROM constraints in the generated types (X.691 §30.5), built once.");
        w.Open("internal static class Alphabets");
        var first = true;
        foreach (var (field, (characters, typeName)) in resolver.Alphabets)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var literal = characters.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            w.Summary($"{typeName} (FROM (\"{Naming.Xml(literal)}\")).");
            w.Line($"public static readonly PermittedAlphabet {field} = PermittedAlphabet.FromCharacters(\"{literal}\", \"{typeName} (FROM (\\\"{literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\\\"))\");");
        }

        w.Close();
        return w.ToString();
    }
}
