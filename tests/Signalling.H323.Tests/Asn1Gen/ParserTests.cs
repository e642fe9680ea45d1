using Asn1Gen;

namespace Signalling.H323.Tests.Asn1Gen;

public sealed class ParserTests
{
    private const string Module = """
        TEST-MODULE {itu-t(0) test(1)} DEFINITIONS AUTOMATIC TAGS ::=
        BEGIN
        IMPORTS Other FROM OTHER-MODULE {itu-t(0) other(2)};

        Small ::= INTEGER -- a comment -- (0..7)
        Digits ::= IA5String (SIZE (1..128, ...)) (FROM ("0123456789#*,"))
        Colour ::= ENUMERATED { red, green, ..., blue }
        Message ::= SEQUENCE-- comment between the keyword and the brace --{
          id       Small,
          name     BMPString (SIZE (1..64)) OPTIONAL,
          list     SEQUENCE SIZE (1..16) OF Digits,
          ...,
          extra    [3] IMPLICIT BOOLEAN,
          token    SIGNED {Small}
        }
        Alt ::= CHOICE { a NULL, b INTEGER (1..MAX), ..., c OCTET STRING (SIZE (8)) }
        SIGNED{ToBeSigned} ::= SEQUENCE { toBeSigned ToBeSigned, sig BIT STRING } (CONSTRAINED BY { -- sign -- })
        Wrapped ::= TYPE-IDENTIFIER.&Type(Message)
        END
        """;

    private static AsnModule Parse() => Assert.Single(Parser.ParseFile(Module));

    [Fact]
    public void Header_ImportsAndAssignmentsInOrder()
    {
        var module = Parse();
        Assert.Equal("TEST-MODULE", module.Name);
        Assert.Equal("OTHER-MODULE", module.Imports["Other"]);
        Assert.Equal(["Small", "Digits", "Colour", "Message", "Alt", "SIGNED", "Wrapped"], module.Assignments.Select(a => a.Name));
    }

    [Fact]
    public void CommentEndsAtTheNextDoubleHyphen()
    {
        var small = Parse().ByName["Small"].Type;
        Assert.Equal(AsnKind.Integer, small.Kind);
        var range = Assert.IsType<RangeElement>(Assert.Single(small.Constraints).Root);
        Assert.Equal(new RangeElement(0, 7), range);
    }

    [Fact]
    public void Sequence_RootOptionalAndExtensionAdditions()
    {
        var message = Parse().ByName["Message"].Type;
        Assert.Equal(AsnKind.Sequence, message.Kind);
        Assert.True(message.Extensible);
        Assert.Equal(["id", "name", "list"], message.Components.Select(c => c.Name));
        Assert.Equal([false, true, false], message.Components.Select(c => c.Optional));
        Assert.Equal(["extra", "token"], message.Additions.Select(c => c.Name));
        Assert.Equal(AsnKind.Boolean, message.Additions[0].Type.Kind); // the tag is not PER-visible
        var token = message.Additions[1].Type;
        Assert.Equal(AsnKind.Reference, token.Kind);
        Assert.Equal("SIGNED", token.Name);
        Assert.Equal("Small", Assert.Single(token.Arguments).Name);
        var list = message.Components[2].Type;
        Assert.Equal(AsnKind.SequenceOf, list.Kind);
        Assert.Equal(new SizeBounds(1, 16, false), Resolver.SizeOf(list.Constraints));
    }

    [Fact]
    public void EnumeratedAndChoice_SplitRootAndExtensions()
    {
        var module = Parse();
        var colour = module.ByName["Colour"].Type;
        Assert.Equal(["red", "green"], colour.EnumRoot.Select(i => i.Name));
        Assert.Equal(["blue"], colour.EnumAdditions.Select(i => i.Name));
        var alt = module.ByName["Alt"].Type;
        Assert.Equal(["a", "b"], alt.Components.Select(c => c.Name));
        Assert.Equal(["c"], alt.Additions.Select(c => c.Name));
        Assert.Equal((1L, (long?)null, false), Resolver.RangeOf(alt.Components[1].Type.Constraints));
    }

    [Fact]
    public void ParameterizedTypeAndOpenType()
    {
        var module = Parse();
        var signed = module.ByName["SIGNED"];
        Assert.Equal(["ToBeSigned"], signed.Parameters);
        Assert.IsType<IgnoredElement>(Assert.Single(signed.Type.Constraints).Root);
        var wrapped = module.ByName["Wrapped"].Type;
        Assert.Equal(AsnKind.OpenType, wrapped.Kind);
        Assert.Equal("Message", Assert.IsType<TypeElement>(Assert.Single(wrapped.Constraints).Root).Type.Name);
    }

    [Fact]
    public void SerialConstraints_SizeAndAlphabet()
    {
        var digits = Parse().ByName["Digits"].Type;
        Assert.Equal(new SizeBounds(1, 128, true), Resolver.SizeOf(digits.Constraints));
        Assert.Equal(2, digits.Constraints.Count);
        var from = Assert.IsType<FromElement>(digits.Constraints[1].Root);
        Assert.Equal("0123456789#*,", Assert.IsType<CharactersElement>(from.Inner.Root).Characters);
    }

    [Fact]
    public void GroupsAreRefusedLoudly()
    {
        const string text = "M DEFINITIONS ::= BEGIN S ::= SEQUENCE { a BOOLEAN, ..., [[ b BOOLEAN ]] } END";
        Assert.Throws<NotSupportedException>(() => Parser.ParseFile(text));
    }
}
