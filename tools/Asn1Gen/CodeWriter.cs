using System.Text;

namespace Asn1Gen;

/// <summary>A string builder with indentation and LF line ends, so output is identical on every platform.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public CodeWriter Summary(string text) => Line($"/// <summary>{text}</summary>");

    public void Append(CodeWriter other) => _builder.Append(other._builder);

    public int Indent
    {
        get => _indent;
        set => _indent = value;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Puts a blank line after a closing brace that another statement follows, as hand-written code here does.</summary>
    public static string Tidy(string text)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length + 1024);
        for (var i = 0; i < lines.Length; i++)
        {
            result.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                result.Append('\n');
            }

            if (i + 1 < lines.Length && lines[i].Trim() == "}")
            {
                var next = lines[i + 1].Trim();
                if (next.Length > 0 && !next.StartsWith('}') && !next.StartsWith("else", StringComparison.Ordinal)
                    && !next.StartsWith("catch", StringComparison.Ordinal) && !next.StartsWith("finally", StringComparison.Ordinal)
                    && !next.StartsWith("case ", StringComparison.Ordinal) && !next.StartsWith("default:", StringComparison.Ordinal)
                    && !next.StartsWith(')'))
                {
                    result.Append('\n');
                }
            }
        }

        return result.ToString();
    }
}
