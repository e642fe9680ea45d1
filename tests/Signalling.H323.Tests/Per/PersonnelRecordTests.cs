using Signalling.H323.Per;
using static Signalling.H323.Tests.Per.PerTestHelpers;

namespace Signalling.H323.Tests.Per;

/// <summary>
/// X.691 Annex A: the PersonnelRecord value in ALIGNED PER for A.1 (no constraints), A.2 (constrained
/// strings) and A.3 (extension markers, an extensible INTEGER and SIZE, and an extension addition as an
/// open type). The expected octets are the ones printed in the annex (A.1.3.1, A.2.3.1, A.3.3.1). The
/// codecs below are written by hand the way generated code will use the runtime.
/// </summary>
public sealed class PersonnelRecordTests
{
    private const string A1Aligned =
        "80044A6F686E015005536D6974680133084469726563746F7208313937313039" +
        "3137044D617279015405536D697468020552616C7068015405536D6974680831" +
        "3935373131313105537573616E0142054A6F6E6573083139353930373137";

    private const string A2Aligned =
        "864A6F686E5010536D6974680133084469726563746F72197109170C4D617279" +
        "5410536D697468021052616C70685410536D6974681957111110537573616E42" +
        "104A6F6E657319590717";

    private const string A3Aligned =
        "40C04A6F686E5008536D697468000033084469726563746F720019710917034D" +
        "6172795408536D697468010052616C70685408536D6974680019571111820053" +
        "7573616E42084A6F6E65730019590717010140";

    private static readonly PermittedAlphabet NameStringAlphabet = PermittedAlphabet.FromCharacters(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-.", "NameString");

    private static readonly PermittedAlphabet DateAlphabet = PermittedAlphabet.FromRange('0', '9', "Date");

    public enum Variant
    {
        A1,
        A2,
        A3,
    }

    private sealed record Name(string Given, string Initial, string Family);

    private sealed record Child(Name Name, string DateOfBirth, int? SexIndex);

    private sealed record Record(Name Name, string Title, long Number, string DateOfHire, Name Spouse, Child[] Children)
    {
        public bool Same(Record other) =>
            Name == other.Name && Title == other.Title && Number == other.Number && DateOfHire == other.DateOfHire &&
            Spouse == other.Spouse && Children.SequenceEqual(other.Children);
    }

    private static Record Sample(bool withSex) => new(
        new Name("John", "P", "Smith"),
        "Director",
        51,
        "19710917",
        new Name("Mary", "T", "Smith"),
        [
            new Child(new Name("Ralph", "T", "Smith"), "19571111", null),
            new Child(new Name("Susan", "B", "Jones"), "19590717", withSex ? 1 : null), // female(2) is index 1
        ]);

    [Theory]
    [InlineData(Variant.A1, A1Aligned, 94)]
    [InlineData(Variant.A2, A2Aligned, 74)]
    [InlineData(Variant.A3, A3Aligned, 0)]
    public void Encoding_matches_annex_a(Variant variant, string expected, int length)
    {
        var record = Sample(variant == Variant.A3);
        var bytes = EncodeBytes(e => WriteRecord(e, record, variant));
        Assert.Equal(expected, Convert.ToHexString(bytes));
        if (length > 0)
        {
            Assert.Equal(length, bytes.Length);
        }

        var decoded = Decode(expected, (ref PerDecoder d) => ReadRecord(ref d, variant));
        Assert.True(record.Same(decoded), $"decoded {decoded}");
    }

    [Fact]
    public void Truncating_annex_a3_anywhere_reports_truncated_never_throws()
    {
        var full = Convert.FromHexString(A3Aligned);
        for (var length = 0; length < full.Length; length++)
        {
            var error = DecodeError(full[..length], (ref PerDecoder d) => ReadRecord(ref d, Variant.A3));
            Assert.Equal(PerDecodeErrorReason.Truncated, error.Reason);
            Assert.True(error.BitPosition <= (long)length * 8, $"bit {error.BitPosition} beyond {length} octets");
        }
    }

    [Fact]
    public void Decode_error_carries_the_type_path()
    {
        // Corrupt the dateOfBirth of the second child in A.2: digit nibble 0xA is not an index of "0".."9".
        var bytes = Convert.FromHexString(A2Aligned);
        var index = bytes.Length - 4; // 19 59 07 17: the first octet of the last date
        bytes[index] = 0xA9;
        var error = DecodeError(bytes, (ref PerDecoder d) => ReadRecord(ref d, Variant.A2));
        Assert.Equal(PerDecodeErrorReason.InvalidCharacter, error.Reason);
        Assert.Equal("PersonnelRecord.children[1].dateOfBirth", error.Path);
        Assert.Equal((long)index * 8, error.BitPosition);
    }

    // ------------------------------------------------------------------ hand-written codec

    private static PerSizeConstraint NameSize(Variant v) => v == Variant.A3 ? PerSizeConstraint.Range(1, 64, true) : PerSizeConstraint.Range(1, 64);

    private static PerSizeConstraint DateSize(Variant v) => v == Variant.A3 ? PerSizeConstraint.Fixed(8, true) : PerSizeConstraint.Fixed(8);

    private static void WriteNameString(PerEncoder e, string value, Variant v, bool initial)
    {
        if (v == Variant.A1)
        {
            e.WriteCharacterString(value, PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded);
        }
        else
        {
            e.WriteCharacterString(value, NameStringAlphabet, initial ? PerSizeConstraint.Fixed(1) : NameSize(v));
        }
    }

    private static string ReadNameString(ref PerDecoder d, Variant v, bool initial) =>
        v == Variant.A1
            ? d.ReadCharacterString(PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded)
            : d.ReadCharacterString(NameStringAlphabet, initial ? PerSizeConstraint.Fixed(1) : NameSize(v));

    private static void WriteName(PerEncoder e, Name name, Variant v)
    {
        if (v == Variant.A3)
        {
            e.WriteExtensionBit(false);
        }

        WriteNameString(e, name.Given, v, false);
        WriteNameString(e, name.Initial, v, true);
        WriteNameString(e, name.Family, v, false);
    }

    private static Name ReadName(ref PerDecoder d, Variant v)
    {
        if (v == Variant.A3 && d.ReadExtensionBit())
        {
            SkipExtensions(ref d);
        }

        var given = ReadNameString(ref d, v, false);
        var initial = ReadNameString(ref d, v, true);
        var family = ReadNameString(ref d, v, false);
        return new Name(given, initial, family);
    }

    private static void SkipExtensions(ref PerDecoder d)
    {
        var count = d.ReadExtensionAdditionsCount();
        var present = 0;
        for (var i = 0; i < count; i++)
        {
            present += d.ReadBit() ? 1 : 0;
        }

        for (var i = 0; i < present; i++)
        {
            d.ReadOpenType();
        }
    }

    private static void WriteDate(PerEncoder e, string date, Variant v)
    {
        if (v == Variant.A1)
        {
            e.WriteCharacterString(date, PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded);
        }
        else
        {
            e.WriteCharacterString(date, DateAlphabet, DateSize(v));
        }
    }

    private static string ReadDate(ref PerDecoder d, Variant v) =>
        v == Variant.A1
            ? d.ReadCharacterString(PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded)
            : d.ReadCharacterString(DateAlphabet, DateSize(v));

    private static void WriteRecord(PerEncoder e, Record r, Variant v)
    {
        // SET components go in canonical tag order (X.691 §21): name [APPLICATION 1],
        // number [APPLICATION 2], then title [0], dateOfHire [1], nameOfSpouse [2], children [3].
        if (v == Variant.A3)
        {
            e.WriteExtensionBit(false);
        }

        e.WriteBit(r.Children.Length > 0); // children DEFAULT {} (A.1, A.2) / OPTIONAL (A.3)
        WriteName(e, r.Name, v);
        if (v == Variant.A3)
        {
            e.WriteExtensibleInteger(r.Number, 0, 9999);
        }
        else
        {
            e.WriteUnconstrainedInteger(r.Number);
        }

        e.WriteCharacterString(r.Title, PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded);
        WriteDate(e, r.DateOfHire, v);
        WriteName(e, r.Spouse, v);
        if (r.Children.Length > 0)
        {
            e.WriteCount(r.Children.Length, v == Variant.A3 ? PerSizeConstraint.Fixed(2, true) : PerSizeConstraint.Unbounded);
            foreach (var child in r.Children)
            {
                WriteChild(e, child, v);
            }
        }
    }

    private static void WriteChild(PerEncoder e, Child c, Variant v)
    {
        if (v == Variant.A3)
        {
            e.WriteExtensionBit(c.SexIndex is not null);
        }

        WriteName(e, c.Name, v);
        WriteDate(e, c.DateOfBirth, v);
        if (c.SexIndex is { } sex)
        {
            e.WriteExtensionAdditionsBitmap([true]);
            var token = e.BeginOpenType();
            e.WriteEnumerated(sex, 3);
            e.EndOpenType(token);
        }
    }

    private static Record ReadRecord(ref PerDecoder d, Variant v)
    {
        d.PushPath("PersonnelRecord");
        if (v == Variant.A3 && d.ReadExtensionBit())
        {
            SkipExtensions(ref d);
        }

        var hasChildren = d.ReadBit();
        d.PushPath("name");
        var name = ReadName(ref d, v);
        d.PopPath();
        d.PushPath("number");
        var number = v == Variant.A3 ? d.ReadExtensibleInteger(0, 9999) : d.ReadUnconstrainedInteger();
        d.PopPath();
        d.PushPath("title");
        var title = d.ReadCharacterString(PermittedAlphabet.VisibleString, PerSizeConstraint.Unbounded);
        d.PopPath();
        d.PushPath("dateOfHire");
        var hired = ReadDate(ref d, v);
        d.PopPath();
        d.PushPath("nameOfSpouse");
        var spouse = ReadName(ref d, v);
        d.PopPath();
        var children = Array.Empty<Child>();
        if (hasChildren)
        {
            d.PushPath("children");
            var count = d.ReadCount(v == Variant.A3 ? PerSizeConstraint.Fixed(2, true) : PerSizeConstraint.Unbounded);
            children = new Child[count];
            for (var i = 0; i < count; i++)
            {
                d.PushIndex(i);
                children[i] = ReadChild(ref d, v);
                d.PopPath();
            }

            d.PopPath();
        }

        d.PopPath();
        return new Record(name, title, number, hired, spouse, children);
    }

    private static Child ReadChild(ref PerDecoder d, Variant v)
    {
        var extended = v == Variant.A3 && d.ReadExtensionBit();
        d.PushPath("name");
        var name = ReadName(ref d, v);
        d.PopPath();
        d.PushPath("dateOfBirth");
        var date = ReadDate(ref d, v);
        d.PopPath();
        int? sex = null;
        if (extended)
        {
            var count = d.ReadExtensionAdditionsCount();
            Span<bool> present = stackalloc bool[Math.Min(count, 64)];
            var unknownPresent = 0;
            for (var i = 0; i < count; i++)
            {
                var bit = d.ReadBit();
                if (i < present.Length)
                {
                    present[i] = bit;
                }

                if (i >= 1 && bit)
                {
                    unknownPresent++;
                }
            }

            if (present[0])
            {
                d.PushPath("sex");
                var scope = d.BeginOpenType();
                sex = d.ReadEnumerated(3);
                d.EndOpenType(scope);
                d.PopPath();
            }

            for (var i = 0; i < unknownPresent; i++)
            {
                d.ReadOpenType();
            }
        }

        return new Child(name, date, sex);
    }
}
