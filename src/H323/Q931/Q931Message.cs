using System.Buffers;
using System.Collections.ObjectModel;

namespace Signalling.H323.Q931;

/// <summary>
/// A Q.931 message as H.225.0 §7 carries it in a TPKT: protocol discriminator 0x08, call reference,
/// message type and an ordered list of information elements (Q.931 §4). Elements are kept as received,
/// unknown ones included, so <see cref="WriteTo(System.Buffers.IBufferWriter{byte})"/> reproduces a parsed message octet for octet; typed
/// views of the elements H.225.0 uses are decoded only when asked for.
/// </summary>
public sealed partial class Q931Message
{
    /// <summary>The protocol discriminator of Q.931 user-network call control messages (Q.931 §4.2).</summary>
    public const byte ProtocolDiscriminator = 0x08;

    private readonly Q931InformationElement[] _elements;
    private readonly ReadOnlyCollection<Q931InformationElement> _view;

    /// <summary>Creates a message. Each element's codeset is set from the shift elements before it
    /// (Q.931 §4.5.2), so elements created with <see cref="Q931InformationElement.Create"/> may follow a shift.</summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="callReference">The call reference.</param>
    /// <param name="informationElements">The information elements, in the order they are to be sent.</param>
    /// <exception cref="ArgumentException">An element's contents are too long for its length field in the
    /// codeset it ends up in.</exception>
    public Q931Message(Q931MessageType messageType, Q931CallReference callReference, IEnumerable<Q931InformationElement> informationElements)
    {
        ArgumentNullException.ThrowIfNull(informationElements);
        var elements = informationElements.ToArray();
        var codesets = new CodesetTracker();
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i].WithCodeset(codesets.Current);
            if (!element.IsSingleOctet)
            {
                var max = element.HasTwoOctetLength ? Q931InformationElement.MaxUserUserContentsLength : Q931InformationElement.MaxContentsLength;
                if (element.Contents.Length > max)
                {
                    throw new ArgumentException($"Element {i} (0x{element.Identifier:X2}) has {element.Contents.Length} octets of contents; its length field allows {max}.", nameof(informationElements));
                }
            }

            elements[i] = element;
            codesets.Advance(element.Identifier);
        }

        MessageType = messageType;
        CallReference = callReference;
        _elements = elements;
        _view = new(elements);
        EncodedLength = ComputeEncodedLength(callReference, elements);
    }

    private Q931Message(Q931MessageType messageType, Q931CallReference callReference, Q931InformationElement[] elements, int encodedLength)
    {
        MessageType = messageType;
        CallReference = callReference;
        _elements = elements;
        _view = new(elements);
        EncodedLength = encodedLength;
    }

    /// <summary>The message type (Q.931 §4.4).</summary>
    public Q931MessageType MessageType { get; }

    /// <summary>The call reference (Q.931 §4.3).</summary>
    public Q931CallReference CallReference { get; }

    /// <summary>The information elements in wire order, shift and unknown elements included.</summary>
    public ReadOnlyCollection<Q931InformationElement> InformationElements => _view;

    /// <summary>The number of octets <see cref="WriteTo(System.Buffers.IBufferWriter{byte})"/> writes.</summary>
    public int EncodedLength { get; }

    /// <summary>Parses a message with the default limits. Never throws on bad input.</summary>
    /// <param name="data">The whole message, such as one TPKT payload.</param>
    /// <param name="message">The message, or <see langword="null"/> when parsing failed.</param>
    /// <param name="error">Why parsing failed, or <see cref="Q931ParseErrorReason.None"/>.</param>
    /// <returns>Whether the message was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, out Q931Message? message, out Q931ParseError error) =>
        TryParse(data, Q931ParseOptions.Default, out message, out error);

    /// <summary>Parses a message held in a sequence, such as a TPKT payload straight from a pipe. Never
    /// throws on bad input.</summary>
    /// <param name="data">The whole message.</param>
    /// <param name="options">The limits to apply.</param>
    /// <param name="message">The message, or <see langword="null"/> when parsing failed.</param>
    /// <param name="error">Why parsing failed, or <see cref="Q931ParseErrorReason.None"/>.</param>
    /// <returns>Whether the message was parsed.</returns>
    public static bool TryParse(in ReadOnlySequence<byte> data, Q931ParseOptions options, out Q931Message? message, out Q931ParseError error)
    {
        if (data.IsSingleSegment)
        {
            return TryParse(data.FirstSpan, options, out message, out error);
        }

        // Rare (a TPKT split across pipe segments): one contiguous copy of the octets that are present.
        return TryParse(data.ToArray(), options, out message, out error);
    }

    /// <summary>Parses a message. Never throws on bad input, and allocates only in proportion to the octets
    /// actually present: one copy of the input plus one slot per element.</summary>
    /// <param name="data">The whole message, such as one TPKT payload.</param>
    /// <param name="options">The limits to apply.</param>
    /// <param name="message">The message, or <see langword="null"/> when parsing failed.</param>
    /// <param name="error">Why parsing failed, or <see cref="Q931ParseErrorReason.None"/>.</param>
    /// <returns>Whether the message was parsed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, Q931ParseOptions options, out Q931Message? message, out Q931ParseError error)
    {
        ArgumentNullException.ThrowIfNull(options);
        message = null;
        if (!TryParseHeader(data, out var callReference, out var messageType, out var headerLength, out error))
        {
            return false;
        }

        // First pass: check every element fits and count them, so nothing is allocated for a message
        // that turns out to be malformed and the element array is allocated once at its final size.
        var count = 0;
        if (!WalkElements(data, headerLength, options.MaxInformationElements, default, ref count, out error))
        {
            return false;
        }

        // Second pass: one copy of the octets that are really there; elements are slices of it.
        var copy = data.ToArray();
        var elements = count == 0 ? [] : new Q931InformationElement[count];
        var filled = 0;
        WalkElements(data, headerLength, options.MaxInformationElements, new ElementSink(copy, elements), ref filled, out _);
        message = new Q931Message(messageType, callReference, elements, data.Length);
        return true;
    }

    /// <summary>Writes the message to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(EncodedLength);
        var written = WriteTo(span);
        writer.Advance(written);
    }

    /// <summary>Writes the message into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; must hold at least <see cref="EncodedLength"/> octets.</param>
    /// <returns>The number of octets written (<see cref="EncodedLength"/>).</returns>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public int WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} octets; the message needs {EncodedLength}.", nameof(destination));
        }

        // Q.931 §4.1: protocol discriminator, call reference, message type, then the elements.
        destination[0] = ProtocolDiscriminator;
        var cr = CallReference;
        destination[1] = (byte)cr.Length; // Q.931 §4.3: bits 8-5 spare (0), bits 4-1 the value length.
        var offset = 2;
        if (cr.Length == 1)
        {
            destination[2] = (byte)((cr.Flag ? 0x80 : 0) | cr.Value);
            offset = 3;
        }
        else if (cr.Length == 2)
        {
            destination[2] = (byte)((cr.Flag ? 0x80 : 0) | (cr.Value >> 8));
            destination[3] = (byte)cr.Value;
            offset = 4;
        }

        destination[offset++] = (byte)MessageType;
        foreach (var element in _elements)
        {
            offset += element.WriteTo(destination[offset..]);
        }

        return offset;
    }

    /// <summary>Returns the encoded message as a new array.</summary>
    /// <returns>The octets <see cref="WriteTo(Span{byte})"/> writes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Finds the first element with the given identifier in the given codeset.</summary>
    /// <param name="identifier">The identifier octet.</param>
    /// <param name="element">The element, when found.</param>
    /// <param name="codeset">The codeset to look in; 0 unless stated.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetInformationElement(byte identifier, out Q931InformationElement element, byte codeset = 0)
    {
        foreach (var candidate in _elements)
        {
            if (candidate.Identifier == identifier && candidate.Codeset == codeset)
            {
                element = candidate;
                return true;
            }
        }

        element = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{MessageType} cr={CallReference} ({_elements.Length} elements)";

    private static int ComputeEncodedLength(Q931CallReference callReference, Q931InformationElement[] elements)
    {
        var length = 1 + 1 + callReference.Length + 1;
        foreach (var element in elements)
        {
            length += element.EncodedLength;
        }

        return length;
    }

    private static bool TryParseHeader(ReadOnlySpan<byte> data, out Q931CallReference callReference, out Q931MessageType messageType, out int headerLength, out Q931ParseError error)
    {
        callReference = default;
        messageType = default;
        headerLength = 0;
        if (data.IsEmpty)
        {
            error = new(Q931ParseErrorReason.Truncated, 0);
            return false;
        }

        // Q.931 §4.2: H.225.0 §7.2.2 uses only the Q.931 discriminator.
        if (data[0] != ProtocolDiscriminator)
        {
            error = new(Q931ParseErrorReason.UnsupportedProtocolDiscriminator, 0);
            return false;
        }

        if (data.Length < 2)
        {
            error = new(Q931ParseErrorReason.Truncated, 1);
            return false;
        }

        // Q.931 §4.3, Figure 4-5: bits 8-5 of the length octet are spare and 0.
        var lengthOctet = data[1];
        if ((lengthOctet & 0xF0) != 0)
        {
            error = new(Q931ParseErrorReason.InvalidCallReference, 1);
            return false;
        }

        var crLength = lengthOctet & 0x0F;
        if (crLength > Q931CallReference.MaxLength)
        {
            error = new(Q931ParseErrorReason.CallReferenceTooLong, 1);
            return false;
        }

        if (data.Length < 2 + crLength + 1)
        {
            error = new(Q931ParseErrorReason.Truncated, data.Length);
            return false;
        }

        // Q.931 §4.3: the flag is bit 8 of the first value octet; the rest is the value.
        var flag = crLength > 0 && (data[2] & 0x80) != 0;
        var value = crLength switch
        {
            0 => 0,
            1 => data[2] & 0x7F,
            _ => ((data[2] & 0x7F) << 8) | data[3],
        };
        callReference = new Q931CallReference((ushort)value, flag, crLength);
        messageType = (Q931MessageType)data[2 + crLength];
        headerLength = 2 + crLength + 1;
        error = default;
        return true;
    }

    private static bool WalkElements(ReadOnlySpan<byte> data, int offset, int maxElements, ElementSink sink, ref int count, out Q931ParseError error)
    {
        var codesets = new CodesetTracker();
        while (offset < data.Length)
        {
            if (count == maxElements)
            {
                error = new(Q931ParseErrorReason.TooManyInformationElements, offset);
                return false;
            }

            var identifier = data[offset];
            var codeset = codesets.Current;
            if ((identifier & 0x80) != 0)
            {
                // Q.931 §4.5.1: a single-octet element is the identifier alone.
                sink.Add(count, new Q931InformationElement(codeset, identifier, ReadOnlyMemory<byte>.Empty));
                offset++;
            }
            else
            {
                // H.225.0 §7.2.2: the User-user element has a 2-octet length; every other element has 1.
                var lengthOctets = Q931InformationElement.HasTwoOctetLengthFor(codeset, identifier) ? 2 : 1;
                if (data.Length - offset - 1 < lengthOctets)
                {
                    error = new(Q931ParseErrorReason.InformationElementTruncated, offset);
                    return false;
                }

                var length = lengthOctets == 2 ? (data[offset + 1] << 8) | data[offset + 2] : data[offset + 1];
                var start = offset + 1 + lengthOctets;
                if (data.Length - start < length)
                {
                    error = new(Q931ParseErrorReason.InformationElementTruncated, offset);
                    return false;
                }

                sink.Add(count, new Q931InformationElement(codeset, identifier, sink.Slice(start, length)));
                offset = start + length;
            }

            codesets.Advance(identifier);
            count++;
        }

        error = default;
        return true;
    }

    /// <summary>Where the second parsing pass puts elements; the default value (first pass) discards them.</summary>
    private readonly struct ElementSink(byte[] copy, Q931InformationElement[] elements)
    {
        public ReadOnlyMemory<byte> Slice(int start, int length) => copy is null ? default : copy.AsMemory(start, length);

        public void Add(int index, Q931InformationElement element)
        {
            if (elements is not null)
            {
                elements[index] = element;
            }
        }
    }

    /// <summary>Tracks the active codeset through shift elements (Q.931 §4.5.2-§4.5.4).</summary>
    private struct CodesetTracker
    {
        private byte _locked;
        private byte? _next;

        public readonly byte Current => _next ?? _locked;

        /// <summary>Moves past an element with the given identifier.</summary>
        public void Advance(byte identifier)
        {
            if ((identifier & 0xF0) != Q931InformationElementIdentifiers.Shift)
            {
                // A non-locking shift applies to the one element after it only (Q.931 §4.5.4).
                _next = null;
                return;
            }

            var codeset = (byte)(identifier & 0x07);
            if ((identifier & 0x08) != 0)
            {
                _next = codeset;
            }
            else
            {
                // Q.931 §4.5.3: a locking shift lasts until the next locking shift.
                _locked = codeset;
                _next = null;
            }
        }
    }
}
