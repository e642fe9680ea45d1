using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Signalling.Sip.Uris;

/// <summary>
/// A tel URI (RFC 3966): a global number (<c>tel:+1-201-555-0123</c>) or a local number
/// with its mandatory <c>phone-context</c> (<c>tel:7042;phone-context=example.com</c>).
/// The number and parameters keep their wire form; equality follows RFC 3966 §4.
/// </summary>
public sealed class TelUri : AddressUri
{
    private readonly UriParameter[] _parameters;
    private readonly string _text;

    /// <summary>Builds a tel URI from a number as written (visual separators allowed) and parameters.</summary>
    /// <param name="number">A global number starting with "+", or a local number.</param>
    /// <param name="parameters">Parameters in order; a local number needs <c>phone-context</c>.</param>
    /// <exception cref="ArgumentException">The parts do not form a valid tel URI.</exception>
    public TelUri(string number, IEnumerable<UriParameter>? parameters = null)
        : this(Compose(number, parameters))
    {
    }

    private TelUri(TelUri parsed)
        : this(parsed.Number, parsed._parameters)
    {
    }

    private TelUri(string number, UriParameter[] parameters)
    {
        Number = number;
        _parameters = parameters;
        IsGlobal = number[0] == '+';
        Digits = RemoveVisualSeparators(number);
        var sb = new StringBuilder("tel:").Append(number);
        foreach (var p in parameters)
        {
            sb.Append(';').Append(p.ToString());
        }

        _text = sb.ToString();
    }

    /// <inheritdoc/>
    public override string Scheme => "tel";

    /// <summary>The number as written, with its visual separators (<c>+1-201-555-0123</c>).</summary>
    public string Number { get; }

    /// <summary>The number without visual separators (<c>+12015550123</c>), as RFC 3966 §4 compares it.</summary>
    public string Digits { get; }

    /// <summary>True for a global number (<c>+</c> and an E.164 number), false for a local one.</summary>
    public bool IsGlobal { get; }

    /// <summary>The parameters in the order they appear, including <c>phone-context</c>, <c>ext</c> and <c>isub</c>.</summary>
    public IReadOnlyList<UriParameter> Parameters => _parameters;

    /// <summary>The <c>phone-context</c> (a domain name or a global number prefix); null for global numbers.</summary>
    public string? PhoneContext => GetParameter("phone-context")?.Value;

    /// <summary>The <c>ext</c> extension, or null.</summary>
    public string? Extension => GetParameter("ext")?.Value;

    /// <summary>The unescaped <c>isub</c> ISDN subaddress, or null.</summary>
    public string? IsdnSubaddress => GetParameter("isub")?.Value;

    /// <summary>Parses a tel URI.</summary>
    /// <param name="text">The URI text.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="FormatException">The text is not a valid tel URI.</exception>
    public static new TelUri Parse(string text) =>
        AddressUri.Parse(text) as TelUri
            ?? throw new FormatException($"'{text}' is not a tel URI.");

    /// <summary>Finds a parameter by name, case-insensitively (RFC 3966 §3).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The parameter, or null.</returns>
    public UriParameter? GetParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var p in _parameters)
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override void WriteTo(IBufferWriter<byte> writer) => UriSyntax.WriteAscii(writer, _text);

    /// <inheritdoc/>
    public override string ToString() => _text;

    /// <summary>
    /// RFC 3966 §4: both numbers global or both local; numbers compared digit by digit
    /// without visual separators; parameters compared by name whatever their order, and a
    /// parameter present in only one URI makes them differ; all case-insensitive.
    /// </summary>
    /// <param name="other">The other URI.</param>
    /// <returns>True when equivalent.</returns>
    public override bool Equals(AddressUri? other)
    {
        if (other is not TelUri o)
        {
            return false;
        }

        if (IsGlobal != o.IsGlobal
            || !string.Equals(Digits, o.Digits, StringComparison.OrdinalIgnoreCase)
            || _parameters.Length != o._parameters.Length)
        {
            return false;
        }

        // Names are unique (checked on parse), so equal counts plus a match for each of ours
        // is a one-to-one match.
        foreach (var p in _parameters)
        {
            var q = o.FindComparable(p.ComparableName);
            if (q is null || !string.Equals(ComparableValue(p), ComparableValue(q), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var parameters = 0;
        foreach (var p in _parameters)
        {
            parameters += HashCode.Combine(p.ComparableName, StringComparer.OrdinalIgnoreCase.GetHashCode(ComparableValue(p) ?? string.Empty));
        }

        return HashCode.Combine(IsGlobal, StringComparer.OrdinalIgnoreCase.GetHashCode(Digits), parameters);
    }

    internal static bool TryParseAfterScheme(ReadOnlySpan<byte> rest, [NotNullWhen(true)] out TelUri? uri, out UriParseError error)
    {
        uri = null;
        var semi = rest.IndexOf((byte)';');
        var number = semi < 0 ? rest : rest[..semi];
        var isGlobal = !number.IsEmpty && number[0] == (byte)'+';
        if (!(isGlobal ? IsGlobalNumberDigits(number) : IsLocalNumberDigits(number)))
        {
            error = UriParseError.InvalidTelNumber;
            return false;
        }

        var list = new List<UriParameter>();
        if (semi >= 0)
        {
            var text = rest[(semi + 1)..];
            foreach (var range in text.Split((byte)';'))
            {
                if (!TryParseParameter(text[range], isGlobal, out var parameter, out error))
                {
                    return false;
                }

                foreach (var existing in list)
                {
                    if (string.Equals(existing.ComparableName, parameter.ComparableName, StringComparison.Ordinal))
                    {
                        error = UriParseError.InvalidParameter;
                        return false;
                    }
                }

                list.Add(parameter);
            }
        }

        // RFC 3966 §5.1.5: local numbers MUST carry a phone-context.
        if (!isGlobal && !list.Exists(p => p.NameIs("PHONE-CONTEXT")))
        {
            error = UriParseError.MissingPhoneContext;
            return false;
        }

        uri = new TelUri(UriSyntax.Ascii(number), [.. list]);
        error = UriParseError.None;
        return true;
    }

    private static bool TryParseParameter(ReadOnlySpan<byte> segment, bool isGlobal, [NotNullWhen(true)] out UriParameter? parameter, out UriParseError error)
    {
        parameter = null;
        var eq = segment.IndexOf((byte)'=');
        var name = eq < 0 ? segment : segment[..eq];

        // RFC 3966 §3: pname = 1*( alphanum / "-" ); pvalue = 1*paramchar.
        if (name.IsEmpty || name.ContainsAnyExcept(UriSyntax.TelParamNameChars) || (eq >= 0 && eq == segment.Length - 1))
        {
            error = UriParseError.InvalidParameter;
            return false;
        }

        var value = eq < 0 ? [] : segment[(eq + 1)..];
        var isSubaddress = Ascii.EqualsIgnoreCase(name, "isub"u8);

        // RFC 3966 §3: isdn-subaddress = ";isub=" 1*uric; every other value is 1*paramchar.
        var check = UriSyntax.Validate(value, isSubaddress ? UriSyntax.UricChars : UriSyntax.ParamChars);
        if (check != UriSyntax.Check.Valid)
        {
            error = check == UriSyntax.Check.BadEscape ? UriParseError.InvalidEscape : UriParseError.InvalidParameter;
            return false;
        }

        var valid = true;
        if (Ascii.EqualsIgnoreCase(name, "phone-context"u8))
        {
            // RFC 3966 §3: context appears only in a local-number; descriptor = domainname / global-number-digits.
            valid = !isGlobal && eq >= 0
                && (value[0] == (byte)'+' ? IsGlobalNumberDigits(value) : UriSyntax.IsHostname(value));
        }
        else if (Ascii.EqualsIgnoreCase(name, "ext"u8))
        {
            // RFC 3966 §3: extension = ";ext=" 1*phonedigit.
            valid = eq >= 0 && IsPhoneDigits(value);
        }
        else if (isSubaddress)
        {
            valid = eq >= 0;
        }

        if (!valid)
        {
            error = UriParseError.InvalidParameter;
            return false;
        }

        parameter = UriParameter.FromEscaped(UriSyntax.Ascii(name), eq < 0 ? null : UriSyntax.Ascii(value));
        error = UriParseError.None;
        return true;
    }

    // RFC 3966 §3: global-number-digits = "+" *phonedigit DIGIT *phonedigit
    private static bool IsGlobalNumberDigits(ReadOnlySpan<byte> text) =>
        text.Length >= 2 && text[0] == (byte)'+' && IsPhoneDigits(text[1..]) && text[1..].IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;

    // RFC 3966 §3: local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex
    private static bool IsLocalNumberDigits(ReadOnlySpan<byte> text)
    {
        var hasDigit = false;
        foreach (var b in text)
        {
            if (UriSyntax.IsHex(b) || b is (byte)'*' or (byte)'#')
            {
                hasDigit = true;
            }
            else if (!IsVisualSeparator(b))
            {
                return false;
            }
        }

        return hasDigit;
    }

    // RFC 3966 §3: phonedigit = DIGIT / [ visual-separator ]
    private static bool IsPhoneDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!UriSyntax.IsDigit(b) && !IsVisualSeparator(b))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3966 §3: visual-separator = "-" / "." / "(" / ")"
    private static bool IsVisualSeparator(byte b) => b is (byte)'-' or (byte)'.' or (byte)'(' or (byte)')';

    private static string RemoveVisualSeparators(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('-' or '.' or '(' or ')'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    // RFC 3966 §4: phone-context is compared as a host name or, when a global number
    // prefix, digit by digit; ext is a number, so its separators carry no meaning either.
    private static string? ComparableValue(UriParameter p) =>
        p.ComparableValue is { } v && (p.NameIs("EXT") || (p.NameIs("PHONE-CONTEXT") && v.StartsWith('+')))
            ? RemoveVisualSeparators(v)
            : p.ComparableValue;

    private static TelUri Compose(string number, IEnumerable<UriParameter>? parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        var sb = new StringBuilder("tel:").Append(number);
        foreach (var p in parameters ?? [])
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            sb.Append(';').Append(p.ToString());
        }

        var text = sb.ToString();
        return TryParse(text, out var uri, out var error) && uri is TelUri tel
            ? tel
            : throw new ArgumentException($"The parts do not form a valid tel URI ({error}): '{text}'.");
    }

    private UriParameter? FindComparable(string comparableName)
    {
        foreach (var p in _parameters)
        {
            if (p.NameIs(comparableName))
            {
                return p;
            }
        }

        return null;
    }
}
