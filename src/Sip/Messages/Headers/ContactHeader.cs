namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// One element of a Contact header (RFC 3261 §20.10): either the wildcard <c>*</c> (valid only in
/// REGISTER, §10.2.2) or an address with its expires and q parameters.
/// </summary>
public readonly struct ContactHeader : ISipHeaderValue<ContactHeader>
{
    private ContactHeader(bool isWildcard, NameAddress address)
    {
        IsWildcard = isWildcard;
        Address = address;
    }

    /// <summary>True for <c>Contact: *</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>The address (default when <see cref="IsWildcard"/>).</summary>
    public NameAddress Address { get; }

    /// <summary>The expires parameter in seconds, or null when absent or not a valid delta-seconds.</summary>
    public uint? Expires => TypedHeaderGrammar.GetDeltaSeconds(Address.Parameters, "expires"u8);

    /// <summary>The q parameter (0 to 1, §20.10), or null when absent or malformed.</summary>
    public double? Q => Address.Parameters.TryGetValue("q"u8, out var value) && QValue.TryParse(value.Span, out var q) ? q : null;

    /// <summary>Decodes one element of the list.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ContactHeader contact)
    {
        var (start, length) = SipLexer.Trim(value.Span, 0, value.Length);
        if (length == 1 && value.Span[start] == (byte)'*')
        {
            contact = new ContactHeader(true, default);
            return true;
        }
        var ok = NameAddress.TryParse(value, out var address);
        contact = new ContactHeader(false, address);
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => IsWildcard ? "*" : Address.ToString();
}
