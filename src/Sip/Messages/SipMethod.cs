using System.Text;

namespace Signalling.Sip.Messages;

/// <summary>
/// A SIP request method. Methods are case-sensitive tokens (RFC 3261 §7.1); the well-known ones
/// are shared instances so parsing them allocates nothing, and any other token is an extension
/// method kept as sent.
/// </summary>
public sealed class SipMethod : IEquatable<SipMethod>
{
    private readonly byte[] _utf8;

    private SipMethod(string name)
    {
        Name = name;
        _utf8 = Encoding.ASCII.GetBytes(name);
    }

    /// <summary>RFC 3261.</summary>
    public static SipMethod Invite { get; } = new("INVITE");
    /// <summary>RFC 3261.</summary>
    public static SipMethod Ack { get; } = new("ACK");
    /// <summary>RFC 3261.</summary>
    public static SipMethod Bye { get; } = new("BYE");
    /// <summary>RFC 3261.</summary>
    public static SipMethod Cancel { get; } = new("CANCEL");
    /// <summary>RFC 3261.</summary>
    public static SipMethod Options { get; } = new("OPTIONS");
    /// <summary>RFC 3261.</summary>
    public static SipMethod Register { get; } = new("REGISTER");
    /// <summary>RFC 3262.</summary>
    public static SipMethod Prack { get; } = new("PRACK");
    /// <summary>RFC 6665.</summary>
    public static SipMethod Subscribe { get; } = new("SUBSCRIBE");
    /// <summary>RFC 6665.</summary>
    public static SipMethod Notify { get; } = new("NOTIFY");
    /// <summary>RFC 3903.</summary>
    public static SipMethod Publish { get; } = new("PUBLISH");
    /// <summary>RFC 6086.</summary>
    public static SipMethod Info { get; } = new("INFO");
    /// <summary>RFC 3515.</summary>
    public static SipMethod Refer { get; } = new("REFER");
    /// <summary>RFC 3428.</summary>
    public static SipMethod Message { get; } = new("MESSAGE");
    /// <summary>RFC 3311.</summary>
    public static SipMethod Update { get; } = new("UPDATE");

    private static readonly SipMethod[] WellKnown =
        [Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update];

    /// <summary>The method name as sent.</summary>
    public string Name { get; }

    /// <summary>The method name as ASCII bytes.</summary>
    public ReadOnlySpan<byte> Utf8Name => _utf8;

    /// <summary>True for the methods RFC 3261 and its well-known extensions define.</summary>
    public bool IsWellKnown => Array.IndexOf(WellKnown, this) >= 0;

    /// <summary>Parses a method token; null when <paramref name="token"/> is not a token.</summary>
    public static SipMethod? Parse(ReadOnlySpan<byte> token)
    {
        foreach (var method in WellKnown)
        {
            if (token.SequenceEqual(method._utf8)) return method;
        }
        return SipLexer.IsToken(token) ? new SipMethod(Encoding.ASCII.GetString(token)) : null;
    }

    /// <summary>Returns the method named <paramref name="name"/>; throws when it is not a token.</summary>
    public static SipMethod Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Parse(Encoding.UTF8.GetBytes(name)) ?? throw new FormatException($"'{name}' is not a SIP method token (RFC 3261 §25.1).");
    }

    /// <inheritdoc />
    public bool Equals(SipMethod? other) => other is not null && (ReferenceEquals(this, other) || Name == other.Name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipMethod);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Equality operator.</summary>
    public static bool operator ==(SipMethod? left, SipMethod? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(SipMethod? left, SipMethod? right) => !(left == right);
}
