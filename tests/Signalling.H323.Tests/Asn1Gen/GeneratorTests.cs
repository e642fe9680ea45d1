using System.Runtime.CompilerServices;
using Asn1Gen;

namespace Signalling.H323.Tests.Asn1Gen;

public sealed class GeneratorTests
{
    private const string Module = """
        M DEFINITIONS AUTOMATIC TAGS ::=
        BEGIN
        Percent ::= INTEGER (0..100)
        Pdu ::= SEQUENCE {
          level    Percent (10..20),
          digits   IA5String (SIZE (1..8)) (FROM ("0123456789")),
          signed   SIGNED {Inner},
          choice   CHOICE { x NULL, y Percent, ... },
          ...
        }
        Inner ::= SEQUENCE { flag BOOLEAN OPTIONAL }
        SIGNED{ToBeSigned} ::= SEQUENCE { toBeSigned ToBeSigned, signature BIT STRING }
        Unused ::= SEQUENCE { a BOOLEAN }
        END
        """;

    [Fact]
    public void AliasConstraintsCombine_AndOnlyReachableTypesAreEmitted()
    {
        var files = Program.Generate([Module], [("M", "Pdu")]);
        var code = string.Concat(files.Values);

        // Percent (0..100) narrowed by (10..20) at the use site (serially applied constraints).
        Assert.Contains("decoder.ReadInteger(10, 20)", code, StringComparison.Ordinal);
        Assert.Contains("decoder.ReadInteger(0, 100)", code, StringComparison.Ordinal);
        Assert.Contains("public sealed class SignedInner", code, StringComparison.Ordinal);
        Assert.Contains("public sealed class PduChoice", code, StringComparison.Ordinal);
        Assert.Contains("public enum PduChoiceKind", code, StringComparison.Ordinal);
        Assert.Contains("public static bool TryDecode(", code, StringComparison.Ordinal);
        Assert.DoesNotContain("class Unused", code, StringComparison.Ordinal);
        Assert.Contains("PermittedAlphabet.FromCharacters(\"0123456789\"", files["Alphabets.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var first = Program.Generate([Module], [("M", "Pdu")]);
        var second = Program.Generate([Module], [("M", "Pdu")]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void CommittedGeneratedCode_IsWhatTheGeneratorProduces()
    {
        // The binaries sit inside the checkout; the source path is a fallback only, because CI
        // builds (ContinuousIntegrationBuild) map it to "/_/".
        var repository = FindUp(AppContext.BaseDirectory, "src/H323/Messages/Generated")
            ?? FindUp(SourceDirectory(), "src/H323/Messages/Generated");
        var reference = FindUp(AppContext.BaseDirectory, "shared/reference/asn1/wireshark-4.0.17")
            ?? FindUp(SourceDirectory(), "shared/reference/asn1/wireshark-4.0.17");
        if (repository is null || reference is null)
        {
            Assert.Skip("The repository sources or ../shared/reference/asn1 are not reachable from the test.");
        }

        string[] modules = ["h225/H323-MESSAGES.asn", "h235/H235-SECURITY-MESSAGES.asn", "h245/MULTIMEDIA-SYSTEM-CONTROL.asn"];
        var files = Program.Generate(
            modules.Select(m => File.ReadAllText(Path.Combine(reference, m))),
            [("H323-MESSAGES", "H323-UserInformation"), ("H323-MESSAGES", "RasMessage"), ("MULTIMEDIA-SYSTEM-CONTROL", "MultimediaSystemControlMessage")]);

        var committed = Directory.GetFiles(repository, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repository, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal) || f == "Alphabets.cs")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(files.Keys.ToList(), committed);
        foreach (var (path, text) in files)
        {
            Assert.True(text == File.ReadAllText(Path.Combine(repository, path)), $"{path} is out of date: regenerate (tools/Asn1Gen/README.md).");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string? FindUp(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
