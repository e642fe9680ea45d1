using System.Globalization;

namespace Signalling.Sip.Sdp;

/// <summary>
/// The value of <c>a=rtcp:&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;]</c>
/// (RFC 3605 §2.1): where RTCP goes when it is not the RTP port plus one.
/// </summary>
/// <param name="Port">The RTCP port.</param>
/// <param name="NetworkType">The network type, or null when no address is given.</param>
/// <param name="AddressType">The address type, or null when no address is given.</param>
/// <param name="Address">The RTCP address, or null to use the media's connection address.</param>
public readonly record struct SdpRtcp(int Port, string? NetworkType = null, string? AddressType = null, string? Address = null)
{
    /// <summary>Parses the text after <c>a=rtcp:</c>.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="rtcp">The parsed value.</param>
    /// <returns>True when the value is well formed.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out SdpRtcp rtcp)
    {
        rtcp = default;
        if (!SdpGrammar.NextToken(ref value, out var portText) || !SdpGrammar.TryParseInt32(portText, ushort.MaxValue, out var port))
            return false;
        if (value.IsEmpty)
        {
            rtcp = new SdpRtcp(port);
            return true;
        }

        // RFC 3605 §2.1: the address part is the three fields of a c= line, all or none.
        if (!SdpGrammar.NextToken(ref value, out var net) || !SdpGrammar.NextToken(ref value, out var addrType) ||
            !SdpGrammar.NextToken(ref value, out var address) || !value.IsEmpty)
            return false;
        rtcp = new SdpRtcp(port, net.ToString(), addrType.ToString(), address.ToString());
        return true;
    }

    /// <summary>The attribute value, as written after <c>a=rtcp:</c>.</summary>
    /// <returns><c>port [nettype addrtype address]</c>.</returns>
    public override string ToString() => Address is null
        ? Port.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Port} {NetworkType ?? "IN"} {AddressType ?? "IP4"} {Address}");
}
