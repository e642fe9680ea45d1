using System.Globalization;
using System.Net;
using System.Text;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Transport;

/// <summary>
/// Edits of the top Via a transport makes: the received and rport parameters of an arriving request
/// (RFC 3261 §18.2.1, RFC 3581 §4) and the transport of a request moved from UDP to TCP (§18.1.1). Messages
/// are immutable views of their bytes, so an edit splices the bytes and parses the result again.
/// </summary>
internal static class TopViaRewrite
{
    /// <summary>
    /// Adds <c>received</c> when the sent-by host is not the packet's source address (§18.2.1) and fills in a
    /// valueless <c>rport</c> with the source port (RFC 3581 §4); returns the request itself when neither applies.
    /// </summary>
    public static SipRequest StampReceived(SipRequest request, IPEndPoint source, SipParserOptions options)
    {
        var via = request.Via;
        var buffer = request.Buffer.Span;
        if (!buffer.Overlaps(via.Text.Span, out var viaStart))
        {
            return request;
        }

        var edits = new List<(int Offset, int Remove, string Insert)>(2);
        var needsReceived = !IsAddress(via.Host.Span, source.Address);
        var received = via.Received;
        if (!received.IsEmpty && IsAddress(received.Span, source.Address))
        {
            needsReceived = false;
        }

        if (via.HasRPort && via.RPort is null)
        {
            foreach (var parameter in via.Parameters)
            {
                if (parameter.Name.EqualsIgnoreCase("rport"u8) && buffer.Overlaps(parameter.Name.Span, out var nameStart))
                {
                    var insert = "=" + source.Port.ToString(CultureInfo.InvariantCulture);
                    edits.Add((nameStart + parameter.Name.Length, parameter.HasValue ? parameter.Value.Length + 1 : 0, insert));
                    break;
                }
            }
        }

        if (needsReceived)
        {
            var address = source.Address.ToString();
            if (!received.IsEmpty && buffer.Overlaps(received.Span, out var receivedStart))
            {
                edits.Add((receivedStart, received.Length, address));
            }
            else
            {
                edits.Add((viaStart + via.Text.Length, 0, ";received=" + address));
            }
        }

        if (edits.Count == 0)
        {
            return request;
        }

        edits.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return Splice(request, edits, options) as SipRequest ?? request;
    }

    /// <summary>The request with its top Via's transport replaced (§18.1.1: a request moved to TCP says so in its Via).</summary>
    public static SipRequest WithTransport(SipRequest request, string transport, SipParserOptions options)
    {
        var via = request.Via;
        if (via.Transport.EqualsIgnoreCase(transport) || !request.Buffer.Span.Overlaps(via.Transport.Span, out var offset))
        {
            return request;
        }

        return Splice(request, [(offset, via.Transport.Length, transport)], options) as SipRequest ?? request;
    }

    private static SipMessage? Splice(SipMessage message, List<(int Offset, int Remove, string Insert)> edits, SipParserOptions options)
    {
        var source = message.Buffer.Span;
        var output = new List<byte>(source.Length + 64);
        var position = 0;
        foreach (var (offset, remove, insert) in edits)
        {
            output.AddRange(source[position..offset]);
            output.AddRange(Encoding.ASCII.GetBytes(insert));
            position = offset + remove;
        }

        output.AddRange(source[position..]);
        return SipMessageParser.TryParse(output.ToArray().AsMemory(), options, out var parsed, out _) ? parsed : null;
    }

    private static bool IsAddress(ReadOnlySpan<byte> host, IPAddress address)
    {
        if (host.Length > 2 && host[0] == (byte)'[' && host[^1] == (byte)']')
        {
            host = host[1..^1];
        }

        Span<char> chars = stackalloc char[Math.Min(host.Length, 64)];
        if (host.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < host.Length; i++)
        {
            chars[i] = (char)host[i];
        }

        return IPAddress.TryParse(chars, out var parsed) && SipTransport.Normalize(parsed).Equals(address);
    }
}
