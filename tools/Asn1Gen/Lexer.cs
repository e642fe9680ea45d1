using System.Text;

namespace Asn1Gen;

/// <summary>Splits ASN.1 text into tokens (X.680 §12), dropping comments and white space.</summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["::=", "...", "..", "[[", "]]", "{", "}", "(", ")", "[", "]", ",", ".", "|", "^", "<", "!", "@", "&", ";", ":"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                // X.680 §12.6.3: a comment ends at the next "--" or at the end of the line.
                i += 2;
                while (i < text.Length && text[i] != '\n')
                {
                    if (text[i] == '-' && i + 1 < text.Length && text[i + 1] == '-')
                    {
                        i += 2;
                        break;
                    }

                    i++;
                }

                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += text.AsSpan(i, end - i).Count('\n');
                i = end;
                continue;
            }

            if (char.IsLetter(c))
            {
                var start = i;
                i++;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if (d == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], line));
                continue;
            }

            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i;
                i++;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], line));
                continue;
            }

            if (c == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            builder.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    builder.Append(text[i]);
                    i++;
                }

                tokens.Add(new Token(TokenKind.CString, builder.ToString(), line));
                continue;
            }

            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                ?? throw new FormatException($"Unexpected character '{c}' at line {line}.");
            tokens.Add(new Token(TokenKind.Symbol, symbol, line));
            i += symbol.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, line));
        return tokens;
    }
}
