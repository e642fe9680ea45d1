using System.Globalization;

namespace Asn1Gen;

/// <summary>Turns ASN.1 names into C# names.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    // Locals the generated Decode / Encode methods use themselves.
    private static readonly HashSet<string> GeneratedLocals =
    [
        "value", "extended", "count", "present", "unknown", "i", "scope", "token", "decoder", "encoder", "highest", "list", "item", "index", "isExtension",
    ];

    /// <summary><c>h323-message-body</c> → <c>H323MessageBody</c>; <c>H323-UU-PDU</c> → <c>H323UUPDU</c>.</summary>
    public static string Pascal(string asnName)
    {
        var parts = asnName.Split(['-', ' ', '.', '{', '}', ','], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary><c>SIGNED</c> → <c>Signed</c>.</summary>
    public static string Title(string asnName) =>
        string.Concat(asnName.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));

    /// <summary>A camelCase local variable name, escaped when it is a keyword.</summary>
    public static string Local(string asnName)
    {
        var pascal = Pascal(asnName);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        if (GeneratedLocals.Contains(camel))
        {
            return camel + "Component";
        }

        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
