namespace Signalling.Sip.Sdp;

/// <summary>
/// The value of <c>a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;</c> (RFC 8866 §6.15).
/// The parameters are kept as text, verbatim, so that parameters this library does not know
/// survive unchanged.
/// </summary>
/// <param name="Format">The format (for RTP, the payload type) the parameters apply to.</param>
/// <param name="Parameters">The parameter text, for example <c>0-16</c> or <c>annexb=no</c>.</param>
public readonly record struct SdpFmtp(string Format, string Parameters)
{
    /// <summary>Parses the text after <c>a=fmtp:</c>.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="fmtp">The parsed value.</param>
    /// <returns>True when the value starts with a format.</returns>
    public static bool TryParse(string value, out SdpFmtp fmtp)
    {
        ArgumentNullException.ThrowIfNull(value);
        fmtp = default;
        var sp = value.IndexOf(' ', StringComparison.Ordinal);
        var format = sp < 0 ? value.AsSpan() : value.AsSpan(0, sp);
        if (!SdpGrammar.IsToken(format))
            return false;
        fmtp = new SdpFmtp(format.ToString(), sp < 0 ? string.Empty : value[(sp + 1)..]);
        return true;
    }

    /// <summary>The attribute value, as written after <c>a=fmtp:</c>.</summary>
    /// <returns><c>format parameters</c>.</returns>
    public override string ToString() => Format + " " + Parameters;
}
