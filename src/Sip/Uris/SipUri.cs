using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Signalling.Sip.Uris;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): <c>sip:user:password@host:port;uri-parameters?headers</c>.
/// Parsed URIs keep every component in its escaped wire form, so <see cref="ToString"/>
/// writes back what was received (with the scheme in lower case); the unescaped values are
/// on the properties. Equality follows RFC 3261 §19.1.4 and, as the RFC notes, is not
/// transitive.
/// </summary>
public sealed class SipUri : AddressUri
{
    // RFC 3261 §19.1.4: these parameters make two URIs differ when only one has them
    // (transport by the "can resolve to different transports" example).
    private static readonly ImmutableArray<string> ParametersThatMustMatch = ["USER", "TTL", "METHOD", "MADDR", "TRANSPORT"];

    private readonly UriParameter[] _parameters;
    private readonly UriHeader[] _headers;
    private readonly string _text;
    private readonly string? _comparableUser;
    private readonly string? _comparablePassword;
    private readonly string _comparableHost;

    /// <summary>Builds a URI from unescaped parts, for code that composes requests.</summary>
    /// <param name="isSecure">True for <c>sips:</c>.</param>
    /// <param name="host">A domain name, dotted IPv4 address, or IPv6 address with or without brackets.</param>
    /// <param name="port">The port, or null for none.</param>
    /// <param name="user">The unescaped user, or null for none; not empty.</param>
    /// <param name="password">The unescaped password, or null for none; requires a user.</param>
    /// <param name="parameters">URI parameters in order; names must be distinct (case-insensitively).</param>
    /// <param name="headers">Headers in order.</param>
    /// <exception cref="ArgumentException">A part is not valid, or the parts do not form a valid URI.</exception>
    public SipUri(
        bool isSecure,
        string host,
        int? port = null,
        string? user = null,
        string? password = null,
        IEnumerable<UriParameter>? parameters = null,
        IEnumerable<UriHeader>? headers = null)
        : this(Compose(isSecure, host, port, user, password, parameters, headers))
    {
    }

    private SipUri(SipUri parsed)
        : this(parsed.IsSecure, parsed.EscapedUser, parsed.EscapedPassword, parsed.Host, parsed.HostKind, parsed.Port, parsed._parameters, parsed._headers)
    {
    }

    private SipUri(
        bool isSecure,
        string? escapedUser,
        string? escapedPassword,
        string host,
        HostKind hostKind,
        int? port,
        UriParameter[] parameters,
        UriHeader[] headers)
    {
        IsSecure = isSecure;
        EscapedUser = escapedUser;
        EscapedPassword = escapedPassword;
        User = escapedUser is null ? null : UriSyntax.Unescape(escapedUser);
        Password = escapedPassword is null ? null : UriSyntax.Unescape(escapedPassword);
        Host = host;
        HostKind = hostKind;
        Port = port;
        _parameters = parameters;
        _headers = headers;
        _comparableUser = escapedUser is null ? null : UriSyntax.Normalize(escapedUser);
        _comparablePassword = escapedPassword is null ? null : UriSyntax.Normalize(escapedPassword);
        _comparableHost = UriSyntax.ComparableHost(host, hostKind);
        _text = BuildText();
    }

    /// <inheritdoc/>
    public override string Scheme => IsSecure ? "sips" : "sip";

    /// <summary>True for a SIPS URI (RFC 3261 §19.1: the resource is to be reached over TLS).</summary>
    public bool IsSecure { get; }

    /// <summary>The unescaped user, or null when the URI has no userinfo.</summary>
    public string? User { get; }

    /// <summary>The user as written on the wire (escapes kept), or null.</summary>
    public string? EscapedUser { get; }

    /// <summary>The unescaped password, or null when there is none.</summary>
    public string? Password { get; }

    /// <summary>The password as written on the wire, or null.</summary>
    public string? EscapedPassword { get; }

    /// <summary>The host as written: a domain name, dotted IPv4 address, or an IPv6 reference with its brackets.</summary>
    public string Host { get; }

    /// <summary>Which form <see cref="Host"/> has.</summary>
    public HostKind HostKind { get; }

    /// <summary>The explicit port, or null when the URI has none (the default depends on the transport, RFC 3263).</summary>
    public int? Port { get; }

    /// <summary>The URI parameters in the order they appear.</summary>
    public IReadOnlyList<UriParameter> Parameters => _parameters;

    /// <summary>The headers (<c>?name=value&amp;...</c>) in the order they appear.</summary>
    public IReadOnlyList<UriHeader> Headers => _headers;

    /// <summary>The <c>transport</c> parameter value (udp, tcp, sctp, tls, ws, ...), or null.</summary>
    public string? Transport => GetParameter("transport")?.Value;

    /// <summary>The <c>user</c> parameter value (<c>phone</c>, <c>ip</c>, ...), or null.</summary>
    public string? UserParameter => GetParameter("user")?.Value;

    /// <summary>The <c>method</c> parameter value, or null.</summary>
    public string? Method => GetParameter("method")?.Value;

    /// <summary>The <c>ttl</c> parameter (0-255), or null.</summary>
    public int? Ttl => GetParameter("ttl")?.Value is { } ttl ? int.Parse(ttl, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>The <c>maddr</c> parameter value (a host), or null.</summary>
    public string? Maddr => GetParameter("maddr")?.Value;

    /// <summary>True when the <c>lr</c> parameter is present (RFC 3261 §19.1.1: the element is a loose router).</summary>
    public bool IsLooseRouter => GetParameter("lr") is not null;

    /// <summary>Parses a SIP or SIPS URI.</summary>
    /// <param name="text">The URI text.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="FormatException">The text is not a valid SIP or SIPS URI.</exception>
    public static new SipUri Parse(string text) =>
        AddressUri.Parse(text) as SipUri
            ?? throw new FormatException($"'{text}' is not a SIP or SIPS URI.");

    /// <summary>Finds a parameter by name, case-insensitively (RFC 3261 §19.1.4).</summary>
    /// <param name="name">The unescaped parameter name.</param>
    /// <returns>The parameter, or null when absent.</returns>
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

    /// <summary>A copy with <c>sip:</c> or <c>sips:</c>.</summary>
    /// <param name="isSecure">True for <c>sips:</c>.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithSecure(bool isSecure) =>
        new(isSecure, EscapedUser, EscapedPassword, Host, HostKind, Port, _parameters, _headers);

    /// <summary>A copy with another user (and no password when the user is removed).</summary>
    /// <param name="user">The unescaped user, or null to remove the userinfo.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithUser(string? user) =>
        new(IsSecure, Host, Port, user, user is null ? null : Password, _parameters, _headers);

    /// <summary>A copy with another host.</summary>
    /// <param name="host">The new host.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithHost(string host) =>
        new(IsSecure, host, Port, User, Password, _parameters, _headers);

    /// <summary>A copy with another port.</summary>
    /// <param name="port">The port, or null to remove it.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithPort(int? port) =>
        new(IsSecure, Host, port, User, Password, _parameters, _headers);

    /// <summary>A copy where the named parameter is set (replaced in place, or appended).</summary>
    /// <param name="name">The unescaped name.</param>
    /// <param name="value">The unescaped value, or null for a flag such as <c>lr</c>.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithParameter(string name, string? value = null)
    {
        var replacement = new UriParameter(name, value);
        var list = new List<UriParameter>(_parameters.Length + 1);
        var replaced = false;
        foreach (var p in _parameters)
        {
            if (string.Equals(p.ComparableName, replacement.ComparableName, StringComparison.Ordinal))
            {
                // Keep the name as the URI spells it; only the value changes.
                list.Add(UriParameter.FromEscaped(p.EscapedName, replacement.EscapedValue));
                replaced = true;
            }
            else
            {
                list.Add(p);
            }
        }

        if (!replaced)
        {
            list.Add(replacement);
        }

        return new SipUri(IsSecure, Host, Port, User, Password, list, _headers);
    }

    /// <summary>A copy without the named parameter.</summary>
    /// <param name="name">The unescaped name.</param>
    /// <returns>The new URI (this one when the parameter is absent).</returns>
    public SipUri WithoutParameter(string name)
    {
        var p = GetParameter(name);
        return p is null ? this : new SipUri(IsSecure, Host, Port, User, Password, _parameters.Where(x => !ReferenceEquals(x, p)), _headers);
    }

    /// <summary>A copy with the given headers instead of the current ones.</summary>
    /// <param name="headers">The headers, or an empty sequence to remove them.</param>
    /// <returns>The new URI.</returns>
    public SipUri WithHeaders(IEnumerable<UriHeader> headers) =>
        new(IsSecure, Host, Port, User, Password, _parameters, headers);

    /// <inheritdoc/>
    public override void WriteTo(IBufferWriter<byte> writer) => UriSyntax.WriteAscii(writer, _text);

    /// <inheritdoc/>
    public override string ToString() => _text;

    /// <summary>
    /// RFC 3261 §19.1.4 comparison: sip and sips never match; userinfo is compared
    /// case-sensitively, the rest case-insensitively; escapes of unreserved characters equal
    /// the characters; user, password, host and port must all match (an absent port does not
    /// match 5060; IP addresses match by value, RFC 5954 §4.2); user, ttl, method, maddr and transport parameters present in only one URI
    /// make them differ, other parameters in only one URI are ignored, parameters present in
    /// both must match; every header must be present in both and match.
    /// </summary>
    /// <param name="other">The other URI.</param>
    /// <returns>True when equivalent.</returns>
    public override bool Equals(AddressUri? other)
    {
        if (other is not SipUri o)
        {
            return false;
        }

        if (ReferenceEquals(this, o))
        {
            return true;
        }

        return IsSecure == o.IsSecure
            && string.Equals(_comparableUser, o._comparableUser, StringComparison.Ordinal)
            && string.Equals(_comparablePassword, o._comparablePassword, StringComparison.Ordinal)
            && string.Equals(_comparableHost, o._comparableHost, StringComparison.Ordinal)
            && Port == o.Port
            && ParametersMatch(this, o)
            && ParametersMatch(o, this)
            && HeadersMatch(o);
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Only components that §19.1.4 always compares go in: parameters outside
        // ParametersThatMustMatch may be present in one URI only and still be equal.
        var hash = new HashCode();
        hash.Add(IsSecure);
        hash.Add(_comparableUser, StringComparer.Ordinal);
        hash.Add(_comparablePassword, StringComparer.Ordinal);
        hash.Add(_comparableHost, StringComparer.Ordinal);
        hash.Add(Port);
        foreach (var name in ParametersThatMustMatch)
        {
            var p = FindComparable(name);
            hash.Add(p?.ComparableValue, StringComparer.OrdinalIgnoreCase);
        }

        // Headers match in any order, so their hashes are combined commutatively.
        var headers = 0;
        foreach (var h in _headers)
        {
            headers += HashCode.Combine(h.ComparableName, h.ComparableValue);
        }

        hash.Add(headers);
        return hash.ToHashCode();
    }

    internal static bool TryParseAfterScheme(bool isSecure, ReadOnlySpan<byte> rest, [NotNullWhen(true)] out SipUri? uri, out UriParseError error)
    {
        uri = null;
        string? user = null;
        string? password = null;

        // RFC 3261 §25.1: userinfo ends at the only "@"; neither the hostport, the parameters
        // nor the headers may contain a literal "@", and the user may contain ";" "?" "/".
        var at = rest.IndexOf((byte)'@');
        if (at >= 0)
        {
            var userinfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userinfo.IndexOf((byte)':');
            var userPart = colon < 0 ? userinfo : userinfo[..colon];
            if (userPart.IsEmpty)
            {
                error = UriParseError.InvalidUser;
                return false;
            }

            if (!Component(userPart, UriSyntax.UserChars, UriParseError.InvalidCharacter, out error))
            {
                return false;
            }

            user = UriSyntax.Ascii(userPart);
            if (colon >= 0)
            {
                var passwordPart = userinfo[(colon + 1)..];
                if (!Component(passwordPart, UriSyntax.PasswordChars, UriParseError.InvalidCharacter, out error))
                {
                    return false;
                }

                password = UriSyntax.Ascii(passwordPart);
            }
        }

        if (!TryParseHostPort(ref rest, out var host, out var hostKind, out var port, out error))
        {
            return false;
        }

        var parameters = Array.Empty<UriParameter>();
        if (!rest.IsEmpty && rest[0] == (byte)';')
        {
            var q = rest.IndexOf((byte)'?');
            var paramText = q < 0 ? rest[1..] : rest[1..q];
            rest = q < 0 ? [] : rest[q..];
            if (!TryParseParameters(paramText, out parameters, out error))
            {
                return false;
            }
        }

        var headers = Array.Empty<UriHeader>();
        if (!rest.IsEmpty)
        {
            // TryParseHostPort stops only at ";" or "?", and the parameters end at "?".
            if (!TryParseHeaders(rest[1..], out headers, out error))
            {
                return false;
            }
        }

        uri = new SipUri(isSecure, user, password, host, hostKind, port, parameters, headers);
        error = UriParseError.None;
        return true;
    }

    private static bool TryParseHostPort(ref ReadOnlySpan<byte> rest, out string host, out HostKind kind, out int? port, out UriParseError error)
    {
        host = string.Empty;
        kind = HostKind.DomainName;
        port = null;
        int hostEnd;
        if (!rest.IsEmpty && rest[0] == (byte)'[')
        {
            var close = rest.IndexOf((byte)']');
            if (close < 0)
            {
                error = UriParseError.InvalidHost;
                return false;
            }

            hostEnd = close + 1;
        }
        else
        {
            hostEnd = rest.IndexOfAny(":;?"u8);
            if (hostEnd < 0)
            {
                hostEnd = rest.Length;
            }
        }

        var hostPart = rest[..hostEnd];
        rest = rest[hostEnd..];
        if (hostPart.IsEmpty)
        {
            error = UriParseError.MissingHost;
            return false;
        }

        if (!UriSyntax.TryClassifyHost(hostPart, out kind))
        {
            error = UriParseError.InvalidHost;
            return false;
        }

        host = UriSyntax.Ascii(hostPart);
        if (!rest.IsEmpty && rest[0] == (byte)':')
        {
            var end = rest.IndexOfAny(";?"u8);
            var portPart = end < 0 ? rest[1..] : rest[1..end];
            rest = end < 0 ? [] : rest[end..];

            // RFC 3261 §25.1 port = 1*DIGIT; a TCP/UDP port is at most 65535.
            var value = 0;
            if (portPart.IsEmpty || portPart.Length > 5)
            {
                error = UriParseError.InvalidPort;
                return false;
            }

            foreach (var b in portPart)
            {
                if (!UriSyntax.IsDigit(b))
                {
                    error = UriParseError.InvalidPort;
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            if (value > 65535)
            {
                error = UriParseError.InvalidPort;
                return false;
            }

            port = value;
        }

        if (!rest.IsEmpty && rest[0] != (byte)';' && rest[0] != (byte)'?')
        {
            // Only after an IPv6 reference: "[::1]x".
            error = UriParseError.InvalidHost;
            return false;
        }

        error = UriParseError.None;
        return true;
    }

    private static bool TryParseParameters(ReadOnlySpan<byte> text, out UriParameter[] parameters, out UriParseError error)
    {
        parameters = [];
        var list = new List<UriParameter>();
        foreach (var range in text.Split((byte)';'))
        {
            var segment = text[range];
            var eq = segment.IndexOf((byte)'=');
            var name = eq < 0 ? segment : segment[..eq];

            // RFC 3261 §25.1: other-param = pname [ "=" pvalue ]; pname and pvalue are 1*paramchar.
            if (name.IsEmpty || (eq >= 0 && eq == segment.Length - 1))
            {
                error = UriParseError.InvalidParameter;
                return false;
            }

            if (!Component(name, UriSyntax.ParamChars, UriParseError.InvalidParameter, out error))
            {
                return false;
            }

            string? value = null;
            if (eq >= 0)
            {
                var valuePart = segment[(eq + 1)..];
                if (!Component(valuePart, UriSyntax.ParamChars, UriParseError.InvalidParameter, out error))
                {
                    return false;
                }

                value = UriSyntax.Ascii(valuePart);
            }

            var parameter = UriParameter.FromEscaped(UriSyntax.Ascii(name), value);
            foreach (var existing in list)
            {
                // A repeated name would make §19.1.4 matching ambiguous.
                if (string.Equals(existing.ComparableName, parameter.ComparableName, StringComparison.Ordinal))
                {
                    error = UriParseError.InvalidParameter;
                    return false;
                }
            }

            if (!IsValidKnownParameter(parameter))
            {
                error = UriParseError.InvalidParameter;
                return false;
            }

            list.Add(parameter);
        }

        parameters = [.. list];
        error = UriParseError.None;
        return true;
    }

    private static bool IsValidKnownParameter(UriParameter p)
    {
        if (p.NameIs("TTL"))
        {
            // RFC 3261 §25.1 ttl = 1*3DIGIT ; 0 to 255
            return p.Value is { Length: >= 1 and <= 3 } v
                && v.All(char.IsAsciiDigit)
                && int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) <= 255;
        }

        if (p.NameIs("MADDR"))
        {
            // RFC 3261 §25.1 maddr-param = "maddr=" host
            return p.Value is { } v && Ascii.IsValid(v) && UriSyntax.TryClassifyHost(Encoding.ASCII.GetBytes(v), out _);
        }

        return true;
    }

    private static bool TryParseHeaders(ReadOnlySpan<byte> text, out UriHeader[] headers, out UriParseError error)
    {
        headers = [];
        var list = new List<UriHeader>();
        foreach (var range in text.Split((byte)'&'))
        {
            // RFC 3261 §25.1: header = hname "=" hvalue; hname = 1*( ... ), hvalue = *( ... ).
            var segment = text[range];
            var eq = segment.IndexOf((byte)'=');
            if (eq <= 0)
            {
                error = UriParseError.InvalidHeader;
                return false;
            }

            var name = segment[..eq];
            var value = segment[(eq + 1)..];
            if (!Component(name, UriSyntax.HeaderChars, UriParseError.InvalidHeader, out error)
                || !Component(value, UriSyntax.HeaderChars, UriParseError.InvalidHeader, out error))
            {
                return false;
            }

            list.Add(UriHeader.FromEscaped(UriSyntax.Ascii(name), UriSyntax.Ascii(value)));
        }

        headers = [.. list];
        error = UriParseError.None;
        return true;
    }

    private static bool Component(ReadOnlySpan<byte> text, SearchValues<byte> allowed, UriParseError badChar, out UriParseError error)
    {
        error = UriSyntax.Validate(text, allowed) switch
        {
            UriSyntax.Check.BadEscape => UriParseError.InvalidEscape,
            UriSyntax.Check.BadChar => badChar,
            _ => UriParseError.None,
        };
        return error == UriParseError.None;
    }

    private static SipUri Compose(
        bool isSecure,
        string host,
        int? port,
        string? user,
        string? password,
        IEnumerable<UriParameter>? parameters,
        IEnumerable<UriHeader>? headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (user is { Length: 0 })
        {
            throw new ArgumentException("The user must not be empty; pass null for no userinfo.", nameof(user));
        }

        if (password is not null && user is null)
        {
            throw new ArgumentException("A password needs a user.", nameof(password));
        }

        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0 to 65535.");
        }

        // Accept a bare IPv6 address for convenience; the grammar needs the brackets.
        if (host.Contains(':', StringComparison.Ordinal) && host[0] != '[')
        {
            host = "[" + host + "]";
        }

        var sb = new StringBuilder(isSecure ? "sips:" : "sip:");
        if (user is not null)
        {
            sb.Append(UriSyntax.Escape(user, UriSyntax.UserChars));
            if (password is not null)
            {
                sb.Append(':').Append(UriSyntax.Escape(password, UriSyntax.PasswordChars));
            }

            sb.Append('@');
        }

        sb.Append(host);
        if (port is { } p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var parameter in parameters ?? [])
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            sb.Append(';').Append(parameter.ToString());
        }

        var separator = '?';
        foreach (var header in headers ?? [])
        {
            ArgumentNullException.ThrowIfNull(header, nameof(headers));
            sb.Append(separator).Append(header.ToString());
            separator = '&';
        }

        var text = sb.ToString();
        return TryParse(text, out var uri, out var error) && uri is SipUri sip
            ? sip
            : throw new ArgumentException($"The parts do not form a valid SIP URI ({error}): '{text}'.");
    }

    private static bool ParametersMatch(SipUri a, SipUri b)
    {
        foreach (var p in a._parameters)
        {
            var q = b.FindComparable(p.ComparableName);
            if (q is null)
            {
                if (ParametersThatMustMatch.Contains(p.ComparableName))
                {
                    return false;
                }
            }
            else if (!p.ValueEquals(q))
            {
                return false;
            }
        }

        return true;
    }

    private bool HeadersMatch(SipUri o)
    {
        if (_headers.Length != o._headers.Length)
        {
            return false;
        }

        // Order does not matter (RFC 3261 §19.1.4); a header may repeat, so match as multisets.
        var used = new bool[o._headers.Length];
        foreach (var h in _headers)
        {
            var found = false;
            for (var i = 0; i < o._headers.Length; i++)
            {
                var g = o._headers[i];
                if (!used[i]
                    && string.Equals(h.ComparableName, g.ComparableName, StringComparison.Ordinal)
                    && string.Equals(h.ComparableValue, g.ComparableValue, StringComparison.Ordinal))
                {
                    used[i] = true;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
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

    private string BuildText()
    {
        var sb = new StringBuilder(IsSecure ? "sips:" : "sip:");
        if (EscapedUser is not null)
        {
            sb.Append(EscapedUser);
            if (EscapedPassword is not null)
            {
                sb.Append(':').Append(EscapedPassword);
            }

            sb.Append('@');
        }

        sb.Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var p in _parameters)
        {
            sb.Append(';').Append(p.ToString());
        }

        for (var i = 0; i < _headers.Length; i++)
        {
            sb.Append(i == 0 ? '?' : '&').Append(_headers[i].ToString());
        }

        return sb.ToString();
    }
}
