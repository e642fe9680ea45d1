using System.Buffers;
using System.Globalization;
using Signalling.H323.Messages.H225;
using Signalling.H323.Messages.H245;
using Signalling.H323.Per;
using Signalling.H323.Q931;
using Signalling.H323.Tpkt;

namespace Signalling.Samples.H323Decode;

/// <summary>
/// Turns one input line <c>KIND HEX</c> into one answer: the decoded message as indented JSON, or with
/// re-encoding on, one line <c>KIND HEX</c> with the bytes encoded again from the decoded value (or
/// <c>KIND ERROR reason</c>). Never throws on bad input: a wrong kind, odd-length hex or bytes that do not
/// decode are an error on that line only.
/// </summary>
/// <param name="reencode">Whether to answer with the re-encoded bytes instead of the decoded text.</param>
public sealed class H323DecodeTool(bool reencode)
{
    /// <summary>The kinds a line may name, in the order the README lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["tpkt", "tpkt-h245", "q931", "h225", "ras", "h245", "olc"];

    /// <summary>Processes one input line.</summary>
    /// <param name="line">The line, <c>KIND HEX</c>; the hex may contain spaces or colons.</param>
    /// <returns>The answer: JSON (several lines) or one line <c>KIND HEX</c>; <c>KIND ERROR reason</c> when
    /// the line cannot be handled.</returns>
    public string ProcessLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return "- ERROR empty line";
        }

        var space = text.IndexOfAny([' ', '\t']);
        var kind = space < 0 ? text : text[..space];
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return $"{kind} ERROR unknown kind (expected one of {string.Join(", ", Kinds)})";
        }

        if (!TryParseHex(space < 0 ? "" : text[(space + 1)..], out var bytes, out var hexError))
        {
            return $"{kind} ERROR {hexError}";
        }

        Decoded decoded;
        try
        {
            if (!TryDecode(kind, bytes, out decoded, out var error))
            {
                return $"{kind} ERROR {error}";
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The decoders report bad input through their Try results; this is a last guard so that one odd
            // line is an error on that line and never ends the run.
            return $"{kind} ERROR {e.GetType().Name}: {OneLine(e.Message)}";
        }

        if (!reencode)
        {
            try
            {
                return JsonValueWriter.Write(decoded.View);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return $"{kind} ERROR cannot show the value: {e.GetType().Name}: {OneLine(e.Message)}";
            }
        }

        try
        {
            return $"{kind} {Convert.ToHexString(decoded.Encode())}";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{kind} ERROR re-encoding failed: {e.GetType().Name}: {OneLine(e.Message)}";
        }
    }

    private static bool TryDecode(string kind, byte[] bytes, out Decoded decoded, out string error) => kind switch
    {
        "tpkt" => TryDecodeTpkt(bytes, TryDecodeQ931, out decoded, out error),
        "tpkt-h245" => TryDecodeTpkt(bytes, TryDecodeH245, out decoded, out error),
        "q931" => TryDecodeQ931(bytes, out decoded, out error),
        "h225" => TryDecodeUserInformation(bytes, out decoded, out error),
        "ras" => TryDecodeRas(bytes, out decoded, out error),
        "h245" => TryDecodeH245(bytes, out decoded, out error),
        _ => TryDecodeOpenLogicalChannel(bytes, out decoded, out error),
    };

    private delegate bool PayloadDecoder(byte[] payload, out Decoded decoded, out string error);

    // RFC 1006 §6 (H.225.0 §7, H.245 over TCP): one or more whole TPKT packets; a keep-alive (empty payload)
    // is shown and re-encoded as such.
    private static bool TryDecodeTpkt(byte[] bytes, PayloadDecoder inner, out Decoded decoded, out string error)
    {
        decoded = default;
        var buffer = new ReadOnlySequence<byte>(bytes);
        var views = new List<object?>();
        var parts = new List<Func<byte[]?>>();
        if (buffer.IsEmpty)
        {
            error = "no TPKT packet";
            return false;
        }

        while (!buffer.IsEmpty)
        {
            var status = TpktFramer.TryReadPacket(ref buffer, TpktOptions.Default, out var payload, out var frameError);
            switch (status)
            {
                case TpktReadStatus.Packet:
                    if (!inner(payload.ToArray(), out var packet, out error))
                    {
                        error = $"TPKT packet {views.Count + 1}: {error}";
                        return false;
                    }

                    views.Add(packet.View);
                    parts.Add(packet.Encode);
                    break;
                case TpktReadStatus.KeepAlive:
                    views.Add("keep-alive");
                    parts.Add(() => null);
                    break;
                case TpktReadStatus.Error:
                    error = $"TPKT packet {views.Count + 1}: bad header ({frameError})";
                    return false;
                default:
                    error = $"TPKT packet {views.Count + 1}: truncated ({buffer.Length} octets left)";
                    return false;
            }
        }

        error = "";
        decoded = new Decoded(views.Count == 1 ? views[0] : views, () =>
        {
            var writer = new ArrayBufferWriter<byte>();
            foreach (var part in parts)
            {
                var payload = part();
                if (payload is null)
                {
                    TpktWriter.WriteKeepAlive(writer);
                }
                else
                {
                    TpktWriter.Write(writer, payload);
                }
            }

            return writer.WrittenSpan.ToArray();
        });
        return true;
    }

    // H.225.0 §7.2.2: the User-user element (protocol discriminator 0x05) holds the H323-UserInformation;
    // every other element is kept as received, so only the PER part is re-encoded.
    private static bool TryDecodeQ931(byte[] bytes, out Decoded decoded, out string error)
    {
        decoded = default;
        if (!Q931Message.TryParse(bytes, out var parsed, out var parseError) || parsed is null)
        {
            error = $"Q.931: {parseError}";
            return false;
        }

        var message = parsed;

        H323UserInformation? userInformation = null;
        if (message.TryGetUserUser(out var userUser) && userUser.ProtocolDiscriminator == Q931UserUser.AsnProtocolDiscriminator
            && !H323UserInformation.TryDecode(userUser.Payload.Span, out userInformation, out var perError))
        {
            error = $"H323-UserInformation: {perError}";
            return false;
        }

        error = "";
        decoded = new Decoded(Q931View.From(message, userInformation), () =>
        {
            if (userInformation is null)
            {
                return message.ToArray();
            }

            var payload = userInformation.Encode();
            var elements = message.InformationElements.Select(element =>
                element.Identifier == Q931InformationElementIdentifiers.UserUser && element.Codeset == 0
                    ? new Q931UserUser(userUser.ProtocolDiscriminator, payload).ToInformationElement()
                    : element);
            return new Q931Message(message.MessageType, message.CallReference, elements).ToArray();
        });
        return true;
    }

    private static bool TryDecodeUserInformation(byte[] bytes, out Decoded decoded, out string error) =>
        TryDecodePer(bytes, H323UserInformation.Decode, v => v.Encode(), out decoded, out error);

    private static bool TryDecodeRas(byte[] bytes, out Decoded decoded, out string error) =>
        TryDecodePer(bytes, RasMessage.Decode, v => v.Encode(), out decoded, out error);

    private static bool TryDecodeH245(byte[] bytes, out Decoded decoded, out string error) =>
        TryDecodePer(bytes, MultimediaSystemControlMessage.Decode, v => v.Encode(), out decoded, out error);

    // H.225.0 §7.3.1 (fastStart): each element is a complete PER encoding of an H.245 OpenLogicalChannel.
    private static bool TryDecodeOpenLogicalChannel(byte[] bytes, out Decoded decoded, out string error) =>
        TryDecodePer(bytes, OpenLogicalChannel.Decode, v =>
        {
            using var encoder = new PerEncoder();
            v.Encode(encoder);
            return encoder.ToArray();
        }, out decoded, out error);

    // X.691 §11.1: a complete encoding is padded to a whole octet, so more than 7 unread bits means octets
    // that belong to no value; they are reported instead of silently dropped from the re-encoding.
    private static bool TryDecodePer<T>(byte[] bytes, PerDecodeFunc<T> decode, Func<T, byte[]> encode, out Decoded decoded, out string error)
        where T : class
    {
        decoded = default;
        long remaining = 0;
        if (!PerDecoder.TryDecode(bytes, (ref PerDecoder decoder) =>
            {
                var value = decode(ref decoder);
                remaining = decoder.RemainingBits;
                return value;
            }, out var result, out var perError))
        {
            error = perError.ToString();
            return false;
        }

        if (remaining >= 8)
        {
            error = $"{remaining / 8} octets after the end of the value";
            return false;
        }

        decoded = new Decoded(result, () => encode(result));
        error = "";
        return true;
    }

    private static bool TryParseHex(string hex, out byte[] bytes, out string error)
    {
        bytes = [];
        var digits = new string(hex.Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray());
        if (digits.Length == 0)
        {
            error = "no hex octets";
            return false;
        }

        if (digits.Length % 2 != 0)
        {
            error = $"odd number of hex digits ({digits.Length})";
            return false;
        }

        var bad = digits.FirstOrDefault(c => !char.IsAsciiHexDigit(c));
        if (bad != default)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"not a hex digit: '{bad}'");
            return false;
        }

        bytes = Convert.FromHexString(digits);
        error = "";
        return true;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // What a kind decoded to: the value to show and how to encode it again.
    private readonly record struct Decoded(object? View, Func<byte[]?> EncodeOrNull)
    {
        public byte[] Encode() => EncodeOrNull() ?? [];
    }
}
