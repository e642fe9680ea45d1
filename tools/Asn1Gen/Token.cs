namespace Asn1Gen;

/// <summary>The kinds of ASN.1 lexical items (X.680 §12) this lexer produces.</summary>
internal enum TokenKind
{
    Identifier,
    Number,
    CString,
    Symbol,
    End,
}

/// <summary>One lexical item with the line it starts on.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line)
{
    public bool Is(string text) => Kind != TokenKind.CString && Kind != TokenKind.End && Text == text;

    public override string ToString() => $"{Kind} '{Text}' (line {Line})";
}
