using System.Buffers;
using CsCheck;
using Signalling.H323.Q931;
using Signalling.H323.Tests.Tpkt;

namespace Signalling.H323.Tests.Q931;

public sealed class Q931MessageTests
{
    [Fact]
    public void A_built_setup_has_the_octets_of_Q931_and_H225()
    {
        var message = new Q931Message(
            Q931MessageType.Setup,
            new Q931CallReference(0x0102, flag: true),
            [
                Q931InformationElement.CreateSingleOctet(Q931InformationElementIdentifiers.SendingComplete),
                new Q931PartyNumber(Q931TypeOfNumber.Unknown, Q931NumberingPlan.IsdnTelephony, "12").ToCalledPartyNumber(),
                Q931UserUser.ForH225(new byte[] { 0xAB }).ToInformationElement(),
            ]);
        byte[] expected =
        [
            0x08, 0x02, 0x81, 0x02, 0x05, // discriminator, call reference (flag set), SETUP
            0xA1, // sending complete
            0x70, 0x03, 0x81, 0x31, 0x32, // called party number: ext, unknown, E.164, "12"
            0x7E, 0x00, 0x02, 0x05, 0xAB, // user-user with a 2-octet length
        ];
        Assert.Equal(expected, message.ToArray());
        Assert.Equal(expected.Length, message.EncodedLength);
    }

    [Fact]
    public void Typed_elements_read_back_what_was_built()
    {
        Assert.True(Q931Message.TryParse(Q931TestMessages.Setup().ToArray(), out var setup, out _));
        Assert.Equal(Q931MessageType.Setup, setup!.MessageType);
        Assert.Equal(Q931TestMessages.Originator, setup.CallReference);
        Assert.True(setup.TryGetBearerCapability(out var bearer));
        Assert.Equal(new Q931BearerCapability(Q931CodingStandard.ItuT, Q931InformationTransferCapability.UnrestrictedDigital, Q931TransferMode.Circuit, 0x18, 6, 5), bearer);
        Assert.True(setup.TryGetDisplay(out var display));
        Assert.Equal("Alice", display.Text);
        Assert.True(setup.TryGetCallingPartyNumber(out var calling));
        Assert.Equal(new Q931PartyNumber(Q931TypeOfNumber.National, Q931NumberingPlan.IsdnTelephony, "4930123", Q931PresentationIndicator.Restricted, Q931ScreeningIndicator.NetworkProvided), calling);
        Assert.True(setup.TryGetCalledPartyNumber(out var called));
        Assert.Equal(new Q931PartyNumber(Q931TypeOfNumber.Subscriber, Q931NumberingPlan.IsdnTelephony, "5551234#"), called);
        Assert.True(setup.TryGetUserUser(out var userUser));
        Assert.Equal(Q931UserUser.AsnProtocolDiscriminator, userUser.ProtocolDiscriminator);
        Assert.Equal(Q931TestMessages.OpaqueUserInformation, userUser.Payload.ToArray());
        Assert.False(setup.TryGetCause(out _));

        Assert.True(Q931Message.TryParse(Q931TestMessages.ReleaseComplete().ToArray(), out var release, out _));
        Assert.True(release!.CallReference.Length == 2 && !release.CallReference.Flag);
        Assert.True(release.TryGetCause(out var cause));
        Assert.Equal((Q931CodingStandard.ItuT, Q931Location.PublicNetworkRemoteUser, (byte)17, (byte?)null), (cause.CodingStandard, cause.Location, cause.Value, cause.Recommendation));
        Assert.Equal(new byte[] { 0x9F }, cause.Diagnostics.ToArray());
        Assert.True(release.TryGetCallState(out var state));
        Assert.Equal(new Q931CallState(Q931CodingStandard.ItuT, 10), state);

        Assert.True(Q931Message.TryParse(Q931TestMessages.Alerting().ToArray(), out var alerting, out _));
        Assert.True(alerting!.CallReference.Flag);
        Assert.True(alerting.TryGetProgressIndicator(out var progress));
        Assert.Equal(new Q931ProgressIndicator(Q931CodingStandard.ItuT, Q931Location.PrivateNetworkLocalUser, 8), progress);
        Assert.True(alerting.TryGetSignal(out var signal));
        Assert.Equal(Q931Signal.RingBackToneOn, signal.Value);

        Assert.True(Q931Message.TryParse(Q931TestMessages.Connect().ToArray(), out var connect, out _));
        Assert.True(connect!.TryGetConnectedNumber(out var connected));
        Assert.Equal("4930999", connected.Digits);
        Assert.Equal(Q931ScreeningIndicator.UserProvidedVerifiedAndPassed, connected.Screening);
        Assert.True(connect.TryGetNotificationIndicator(out var notification));
        Assert.Equal(1, notification.Description);
    }

    [Fact]
    public void Cause_with_recommendation_octet_3a_round_trips()
    {
        var cause = new Q931Cause(Q931CodingStandard.ItuT, Q931Location.User, 31, Recommendation: 0);
        var element = cause.ToInformationElement();
        Assert.Equal(new byte[] { 0x00, 0x80, 0x9F }, element.Contents.ToArray());
        Assert.True(Q931Cause.TryParse(element.Contents.Span, out var back));
        Assert.Equal((byte?)0, back.Recommendation);
        Assert.Equal(31, back.Value);
    }

    [Fact]
    public void Display_stops_at_a_NUL_terminator()
    {
        Assert.True(Q931Display.TryParse("caller\0"u8, out var display));
        Assert.Equal("caller", display.Text);
    }

    [Fact]
    public void Unknown_elements_and_codesets_round_trip_octet_for_octet()
    {
        byte[] bytes =
        [
            0x08, 0x01, 0x05, 0x62, // 1-octet call reference, FACILITY
            0x1C, 0x00, // empty facility
            0x5F, 0x03, 0x01, 0x02, 0x03, // unknown codeset 0 element
            0x9E, // non-locking shift to codeset 6: the next element only
            0x7E, 0x02, 0xAA, 0xBB, // codeset 6 element 0x7E: a 1-octet length, not H.225.0's User-user
            0x96, // locking shift to codeset 6
            0x28, 0x01, 0x41, // codeset 6 display (Avaya style)
            0xD1, // repeat indicator
        ];
        Assert.True(Q931Message.TryParse(bytes, out var message, out var error), error.ToString());
        Assert.Equal(bytes, message!.ToArray());
        var elements = message.InformationElements;
        Assert.Equal(7, elements.Count);
        Assert.Equal((byte)0, elements[1].Codeset);
        Assert.Equal(new byte[] { 1, 2, 3 }, elements[1].Contents.ToArray());
        Assert.True(elements[2].IsShift);
        Assert.Equal((byte)6, elements[3].Codeset);
        Assert.False(elements[3].HasTwoOctetLength);
        Assert.Equal((byte)6, elements[5].Codeset);
        Assert.Equal((byte)6, elements[6].Codeset);
        Assert.False(message.TryGetUserUser(out _)); // the only 0x7E is in codeset 6
        Assert.False(message.TryGetDisplay(out _)); // the only display is in codeset 6
        Assert.True(message.TryGetInformationElement(Q931InformationElementIdentifiers.Display, out var avaya, codeset: 6));
        Assert.Equal("A"u8.ToArray(), avaya.Contents.ToArray());
        Assert.Equal(new Q931CallReference(5, false, 1), message.CallReference);

        // Building the same elements again assigns the same codesets and the same octets.
        var rebuilt = new Q931Message(message.MessageType, message.CallReference, message.InformationElements);
        Assert.Equal(bytes, rebuilt.ToArray());
    }

    [Fact]
    public void User_user_length_takes_two_octets()
    {
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var message = new Q931Message(Q931MessageType.Facility, Q931TestMessages.Originator, [Q931UserUser.ForH225(payload).ToInformationElement()]);
        var bytes = message.ToArray();
        Assert.Equal(new byte[] { 0x7E, 0x01, 0x2D, 0x05 }, bytes[5..9]); // 301 = 0x012D
        Assert.True(Q931Message.TryParse(bytes, out var parsed, out _));
        Assert.True(parsed!.TryGetUserUser(out var userUser));
        Assert.Equal(payload, userUser.Payload.ToArray());
        Assert.Equal(bytes, parsed.ToArray());
    }

    [Fact]
    public void Dummy_call_reference_has_no_value_octets()
    {
        var message = new Q931Message(Q931MessageType.StatusEnquiry, Q931CallReference.Dummy, []);
        Assert.Equal(new byte[] { 0x08, 0x00, 0x75 }, message.ToArray());
        Assert.True(Q931Message.TryParse(message.ToArray(), out var parsed, out _));
        Assert.Equal(0, parsed!.CallReference.Length);
        Assert.Empty(parsed.InformationElements);
    }

    [Fact]
    public void Truncation_at_every_octet_is_an_error_never_an_exception()
    {
        var bytes = Q931TestMessages.Setup().ToArray();
        // Element boundaries: cutting there leaves a shorter but valid message.
        var boundaries = new HashSet<int> { 5 };
        var offset = 5;
        Assert.True(Q931Message.TryParse(bytes, out var whole, out _));
        foreach (var element in whole!.InformationElements)
        {
            offset += element.EncodedLength;
            boundaries.Add(offset);
        }

        for (var length = 0; length < bytes.Length; length++)
        {
            var ok = Q931Message.TryParse(bytes.AsSpan(0, length), out var message, out var error);
            Assert.Equal(boundaries.Contains(length), ok);
            if (ok)
            {
                Assert.Equal(bytes[..length], message!.ToArray());
                continue;
            }

            Assert.Null(message);
            Assert.NotEqual(Q931ParseErrorReason.None, error.Reason);
            Assert.InRange(error.Offset, 0, length);
            Assert.Equal(length < 5 ? Q931ParseErrorReason.Truncated : Q931ParseErrorReason.InformationElementTruncated, error.Reason);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x09, 0x02, 0x00, 0x01, 0x05 }, Q931ParseErrorReason.UnsupportedProtocolDiscriminator, 0)]
    [InlineData(new byte[] { 0x08, 0x12, 0x00, 0x01, 0x05 }, Q931ParseErrorReason.InvalidCallReference, 1)]
    [InlineData(new byte[] { 0x08, 0x03, 0x00, 0x00, 0x01, 0x05 }, Q931ParseErrorReason.CallReferenceTooLong, 1)]
    [InlineData(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0x70, 0x05, 0x81 }, Q931ParseErrorReason.InformationElementTruncated, 5)]
    [InlineData(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0x7E, 0xFF, 0xFF, 0x05 }, Q931ParseErrorReason.InformationElementTruncated, 5)]
    public void Malformed_headers_and_elements_report_reason_and_offset(byte[] bytes, Q931ParseErrorReason reason, int offset)
    {
        Assert.False(Q931Message.TryParse(bytes, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(new Q931ParseError(reason, offset), error);
    }

    [Fact]
    public void Element_count_is_limited()
    {
        var bytes = new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05, 0xA1, 0xA1, 0xA1 };
        Assert.True(Q931Message.TryParse(bytes, new Q931ParseOptions { MaxInformationElements = 3 }, out _, out _));
        Assert.False(Q931Message.TryParse(bytes, new Q931ParseOptions { MaxInformationElements = 2 }, out _, out var error));
        Assert.Equal(new Q931ParseError(Q931ParseErrorReason.TooManyInformationElements, 7), error);
    }

    [Fact]
    public void Builders_refuse_what_the_wire_format_cannot_carry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Q931InformationElement.Create(0x70, new byte[256]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Q931InformationElement.Create(0xA1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Q931InformationElement.CreateSingleOctet(0x21));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Q931CallReference(0x8000, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Q931CallReference(0x80, false, 1));
        Assert.Throws<InvalidOperationException>(() => new Q931PartyNumber(Q931TypeOfNumber.Unknown, Q931NumberingPlan.Unknown, "1", Q931PresentationIndicator.Allowed).ToCalledPartyNumber());
        Assert.Throws<ArgumentException>(() => new Q931Display("é").ToInformationElement());

        // A 300-octet element is fine as codeset 0 User-user but not after a shift to codeset 6.
        var big = Q931UserUser.ForH225(new byte[299]).ToInformationElement();
        Assert.Throws<ArgumentException>(() => new Q931Message(Q931MessageType.Setup, Q931CallReference.Dummy, [Q931InformationElement.CreateShift(6, locking: false), big]));
    }

    [Fact]
    public void A_message_split_across_pipe_segments_parses_the_same()
    {
        var bytes = Q931TestMessages.Setup().ToArray();
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var sequence = SegmentedSequence.Split(bytes, cut);
            Assert.True(Q931Message.TryParse(sequence, Q931ParseOptions.Default, out var message, out var error), $"cut {cut}: {error}");
            Assert.Equal(bytes, message!.ToArray());
            Assert.False(Q931Message.TryParse(sequence.Slice(0, bytes.Length - 1), Q931ParseOptions.Default, out _, out error));
            Assert.Equal(Q931ParseErrorReason.InformationElementTruncated, error.Reason);
        }
    }

    [Fact]
    public void WriteTo_a_buffer_writer_matches_ToArray()
    {
        var message = Q931TestMessages.Connect();
        var writer = new ArrayBufferWriter<byte>(1);
        writer.Write(new byte[] { 0xEE });
        message.WriteTo(writer);
        Assert.Equal(new byte[] { 0xEE }.Concat(message.ToArray()), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Random_input_never_throws_and_what_parses_round_trips()
    {
        var prefix = Gen.Const(new byte[] { 0x08, 0x02, 0x00, 0x01, 0x05 });
        var tail = Gen.Byte.Array[0, 64];
        Gen.OneOf(Gen.Byte.Array[0, 32], Gen.Select(prefix, tail, (p, t) => p.Concat(t).ToArray())).Sample(bytes =>
        {
            if (Q931Message.TryParse(bytes, out var message, out _))
            {
                Assert.Equal(bytes, message!.ToArray());
                // Typed views never throw either, whatever the contents.
                message.TryGetBearerCapability(out _);
                message.TryGetCause(out _);
                message.TryGetCallingPartyNumber(out _);
                message.TryGetCalledPartyNumber(out _);
                message.TryGetProgressIndicator(out _);
                message.TryGetUserUser(out _);
                message.TryGetDisplay(out _);
            }
        }, iter: 20_000);
    }
}
