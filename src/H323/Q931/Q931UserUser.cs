namespace Signalling.H323.Q931;

/// <summary>
/// The User-user information element (Q.931 §4.5.30) as H.225.0 §7.2.2 uses it: a protocol discriminator
/// (0x05, X.208/X.209 coded user information) followed by the PER-encoded H323-UserInformation, kept here as
/// opaque octets. Its length field takes 2 octets (H.225.0 §7.2.2), so the payload may exceed 255 octets.
/// </summary>
/// <param name="ProtocolDiscriminator">The protocol discriminator (octet 3).</param>
/// <param name="Payload">The user information (octets 4 onwards).</param>
public readonly record struct Q931UserUser(byte ProtocolDiscriminator, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The protocol discriminator H.225.0 uses: user information coded per X.208/X.209 (ASN.1).</summary>
    public const byte AsnProtocolDiscriminator = 0x05;

    /// <summary>Creates an H.225.0 User-user value: protocol discriminator 0x05 and the given payload.</summary>
    /// <param name="payload">The encoded H323-UserInformation.</param>
    /// <returns>The value.</returns>
    public static Q931UserUser ForH225(ReadOnlyMemory<byte> payload) => new(AsnProtocolDiscriminator, payload);

    /// <summary>Decodes the contents of a User-user element without copying: the payload is a slice of
    /// <paramref name="contents"/>.</summary>
    /// <param name="contents">The contents octets (after the 2-octet length).</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>Whether the contents hold the protocol discriminator.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> contents, out Q931UserUser value)
    {
        value = contents.IsEmpty ? default : new Q931UserUser(contents.Span[0], contents[1..]);
        return !contents.IsEmpty;
    }

    /// <summary>Encodes this value as a User-user element.</summary>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The payload is longer than 65534 octets.</exception>
    public Q931InformationElement ToInformationElement()
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Payload.Length, Q931InformationElement.MaxUserUserContentsLength - 1, nameof(Payload));
        var octets = new byte[1 + Payload.Length];
        octets[0] = ProtocolDiscriminator;
        Payload.Span.CopyTo(octets.AsSpan(1));
        return Q931InformationElement.Create(Q931InformationElementIdentifiers.UserUser, octets);
    }
}
