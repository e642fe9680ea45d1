using Signalling.H323.Per;

namespace Signalling.H323.Tests.Per;

/// <summary>
/// A test message exercising every primitive, hand-coded the way generated types will use the runtime.
/// Version 1 knows one extension addition, three root enumerations plus none in the extension, and one
/// extension alternative; version 2 adds an enumeration, an alternative and an addition.
/// <code>
/// Sample ::= SEQUENCE {
///   flag BOOLEAN, small INTEGER (0..7), octet INTEGER (0..255), wide INTEGER (0..4294967295),
///   ext INTEGER (0..100, ...), semi INTEGER (-10..MAX), any INTEGER,
///   colour ENUMERATED { red, green, blue, ... [v2: purple] },
///   digits IA5String (SIZE (1..128)) (FROM ("0123456789#*,")),
///   name BMPString (SIZE (1..256)) OPTIONAL,
///   data OCTET STRING, bits BIT STRING (SIZE (0..32)), oid OBJECT IDENTIFIER,
///   items SEQUENCE (SIZE (0..10)) OF INTEGER (0..65535),
///   alt CHOICE { a NULL, b INTEGER (0..3), ..., c IA5String [v2: , d OCTET STRING] },
///   ...,
///   note IA5String [v2: , extra INTEGER (0..1000)] }
/// </code>
/// </summary>
internal sealed record SampleMessage
{
    public static readonly PermittedAlphabet Digits = PermittedAlphabet.FromCharacters("0123456789#*,");

    public bool Flag { get; init; }

    public long Small { get; init; }

    public long Octet { get; init; }

    public ulong Wide { get; init; }

    public long Ext { get; init; }

    public long Semi { get; init; }

    public long Any { get; init; }

    /// <summary>0..2 root, 3 = purple (v2 only), or -1 - n for an unknown extension index n.</summary>
    public int Colour { get; init; }

    public string DigitsValue { get; init; } = "1";

    public string? Name { get; init; }

    public byte[] Data { get; init; } = [];

    public byte[] Bits { get; init; } = [];

    public int BitCount { get; init; }

    public string Oid { get; init; } = "0.0.8.2250.0.4";

    public int[] Items { get; init; } = [];

    /// <summary>0 = a, 1 = b, 2 = c, 3 = d (v2 only); -1 = unknown extension alternative.</summary>
    public int Alt { get; init; }

    public int AltB { get; init; }

    public string AltC { get; init; } = string.Empty;

    public byte[] AltD { get; init; } = [];

    public int UnknownAltIndex { get; init; }

    public PerOpenType UnknownAlt { get; init; }

    public string? Note { get; init; }

    public int? Extra { get; init; }

    /// <summary>The bitmap length received, and the unknown additions (index, octets), for re-encoding.</summary>
    public int ReceivedAdditionCount { get; init; }

    public (int Index, PerOpenType Value)[] UnknownAdditions { get; init; } = [];

    public static void Write(PerEncoder e, SampleMessage m, int version)
    {
        var hasAdditions = m.Note is not null || (version >= 2 && m.Extra is not null) || m.UnknownAdditions.Length > 0;
        e.WriteExtensionBit(hasAdditions);
        e.WriteBit(m.Name is not null);
        e.WriteBoolean(m.Flag);
        e.WriteInteger(m.Small, 0, 7);
        e.WriteInteger(m.Octet, 0, 255);
        e.WriteInteger(m.Wide, 0UL, 4294967295UL);
        e.WriteExtensibleInteger(m.Ext, 0, 100);
        e.WriteSemiConstrainedInteger(m.Semi, -10);
        e.WriteUnconstrainedInteger(m.Any);
        if (m.Colour is >= 0 and < 3)
        {
            e.WriteEnumerated(m.Colour, 3, extensible: true);
        }
        else
        {
            e.WriteEnumeratedExtension(m.Colour >= 3 ? m.Colour - 3 : -1 - m.Colour);
        }

        e.WriteCharacterString(m.DigitsValue, Digits, PerSizeConstraint.Range(1, 128));
        if (m.Name is not null)
        {
            e.WriteCharacterString(m.Name, PermittedAlphabet.BmpString, PerSizeConstraint.Range(1, 256));
        }

        e.WriteOctetString(m.Data, PerSizeConstraint.Unbounded);
        e.WriteBitString(m.Bits, m.BitCount, PerSizeConstraint.Range(0, 32));
        e.WriteObjectIdentifier(m.Oid);
        e.WriteCount(m.Items.Length, PerSizeConstraint.Range(0, 10));
        foreach (var item in m.Items)
        {
            e.WriteInteger(item, 0, 65535);
        }

        switch (m.Alt)
        {
            case 0:
                e.WriteChoiceIndex(0, 2, extensible: true);
                break;
            case 1:
                e.WriteChoiceIndex(1, 2, extensible: true);
                e.WriteInteger(m.AltB, 0, 3);
                break;
            case 2:
            {
                e.WriteChoiceExtensionIndex(0);
                var token = e.BeginOpenType();
                e.WriteCharacterString(m.AltC, PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded);
                e.EndOpenType(token);
                break;
            }

            case 3:
            {
                e.WriteChoiceExtensionIndex(1);
                var token = e.BeginOpenType();
                e.WriteOctetString(m.AltD, PerSizeConstraint.Unbounded);
                e.EndOpenType(token);
                break;
            }

            default:
                e.WriteChoiceExtensionIndex(m.UnknownAltIndex);
                e.WriteOpenType(m.UnknownAlt);
                break;
        }

        if (!hasAdditions)
        {
            return;
        }

        var known = version >= 2 ? 2 : 1;
        var count = Math.Max(known, Math.Max(m.ReceivedAdditionCount, m.UnknownAdditions.Length == 0 ? 0 : m.UnknownAdditions[^1].Index + 1));
        Span<bool> present = stackalloc bool[count];
        present[0] = m.Note is not null;
        if (version >= 2)
        {
            present[1] = m.Extra is not null;
        }

        foreach (var (index, _) in m.UnknownAdditions)
        {
            present[index] = true;
        }

        e.WriteExtensionAdditionsBitmap(present);
        var unknown = 0;
        for (var i = 0; i < count; i++)
        {
            if (!present[i])
            {
                continue;
            }

            if (i == 0)
            {
                var token = e.BeginOpenType();
                e.WriteCharacterString(m.Note, PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded);
                e.EndOpenType(token);
            }
            else if (i == 1 && version >= 2)
            {
                var token = e.BeginOpenType();
                e.WriteInteger(m.Extra!.Value, 0, 1000);
                e.EndOpenType(token);
            }
            else
            {
                e.WriteOpenType(m.UnknownAdditions[unknown++].Value);
            }
        }
    }

    public static SampleMessage Read(ref PerDecoder d, int version)
    {
        d.PushPath("Sample");
        var extended = d.ReadExtensionBit();
        var hasName = d.ReadBit();
        var flag = d.ReadBoolean();
        var small = d.ReadInteger(0, 7);
        var octet = d.ReadInteger(0, 255);
        var wide = d.ReadInteger(0UL, 4294967295UL);
        var ext = d.ReadExtensibleInteger(0, 100);
        var semi = d.ReadSemiConstrainedInteger(-10);
        var any = d.ReadUnconstrainedInteger();
        d.PushPath("colour");
        var colour = d.ReadEnumerated(3, true, out var colourExtension);
        if (colourExtension)
        {
            colour = version >= 2 && colour == 0 ? 3 : -1 - colour;
        }

        d.PopPath();
        d.PushPath("digits");
        var digits = d.ReadCharacterString(Digits, PerSizeConstraint.Range(1, 128));
        d.PopPath();
        string? name = null;
        if (hasName)
        {
            d.PushPath("name");
            name = d.ReadCharacterString(PermittedAlphabet.BmpString, PerSizeConstraint.Range(1, 256));
            d.PopPath();
        }

        var data = d.ReadOctetString(PerSizeConstraint.Unbounded);
        var bits = d.ReadBitString(PerSizeConstraint.Range(0, 32), out var bitCount);
        var oid = d.ReadObjectIdentifier();
        d.PushPath("items");
        var itemCount = d.ReadCount(PerSizeConstraint.Range(0, 10));
        var items = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            d.PushIndex(i);
            items[i] = (int)d.ReadInteger(0, 65535);
            d.PopPath();
        }

        d.PopPath();
        d.PushPath("alt");
        var message = new SampleMessage
        {
            Flag = flag,
            Small = small,
            Octet = octet,
            Wide = wide,
            Ext = ext,
            Semi = semi,
            Any = any,
            Colour = colour,
            DigitsValue = digits,
            Name = name,
            Data = data,
            Bits = bits,
            BitCount = bitCount,
            Oid = oid,
            Items = items,
        };
        var alt = d.ReadChoiceIndex(2, true, out var altExtension);
        if (!altExtension)
        {
            message = message with { Alt = alt, AltB = alt == 1 ? (int)d.ReadInteger(0, 3) : 0 };
        }
        else if (alt == 0)
        {
            var scope = d.BeginOpenType();
            message = message with { Alt = 2, AltC = d.ReadCharacterString(PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded) };
            d.EndOpenType(scope);
        }
        else if (alt == 1 && version >= 2)
        {
            var scope = d.BeginOpenType();
            message = message with { Alt = 3, AltD = d.ReadOctetString(PerSizeConstraint.Unbounded) };
            d.EndOpenType(scope);
        }
        else
        {
            message = message with { Alt = -1, UnknownAltIndex = alt, UnknownAlt = d.ReadOpenType() };
        }

        d.PopPath();
        if (extended)
        {
            var count = d.ReadExtensionAdditionsCount();
            var present = new bool[count];
            for (var i = 0; i < count; i++)
            {
                present[i] = d.ReadBit();
            }

            var unknown = new List<(int, PerOpenType)>();
            for (var i = 0; i < count; i++)
            {
                if (!present[i])
                {
                    continue;
                }

                if (i == 0)
                {
                    d.PushPath("note");
                    var scope = d.BeginOpenType();
                    message = message with { Note = d.ReadCharacterString(PermittedAlphabet.IA5String, PerSizeConstraint.Unbounded) };
                    d.EndOpenType(scope);
                    d.PopPath();
                }
                else if (i == 1 && version >= 2)
                {
                    d.PushPath("extra");
                    var scope = d.BeginOpenType();
                    message = message with { Extra = (int)d.ReadInteger(0, 1000) };
                    d.EndOpenType(scope);
                    d.PopPath();
                }
                else
                {
                    unknown.Add((i, d.ReadOpenType()));
                }
            }

            message = message with { ReceivedAdditionCount = count, UnknownAdditions = [.. unknown] };
        }

        d.PopPath();
        return message;
    }

    public static SampleMessage Typical => new()
    {
        Flag = true,
        Small = 5,
        Octet = 200,
        Wide = 3000000000,
        Ext = 150,
        Semi = -3,
        Any = -129,
        Colour = 2,
        DigitsValue = "0123456789#*,",
        Name = "Alice \u00E9",
        Data = [1, 2, 3, 4, 5],
        Bits = [0xA5, 0x80],
        BitCount = 9,
        Oid = "0.0.8.2250.0.4",
        Items = [1, 300, 65535],
        Alt = 2,
        AltC = "hello",
        Note = "n",
    };

    public static byte[] Encode(SampleMessage m, int version)
    {
        using var encoder = new PerEncoder();
        Write(encoder, m, version);
        return encoder.ToArray();
    }
}
