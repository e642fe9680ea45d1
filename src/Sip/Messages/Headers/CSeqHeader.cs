namespace Signalling.Sip.Messages.Headers;

/// <summary>The CSeq header (RFC 3261 §20.16): a sequence number and a method.</summary>
public readonly struct CSeqHeader
{
    /// <summary>Creates a value.</summary>
    public CSeqHeader(uint number, SipMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (number > MaxNumber) throw new ArgumentOutOfRangeException(nameof(number), "A CSeq number must be less than 2**31 (RFC 3261 §8.1.1.5).");
        Number = number;
        Method = method;
    }

    /// <summary>The largest sequence number allowed (§8.1.1.5: less than 2**31).</summary>
    public const uint MaxNumber = int.MaxValue;

    /// <summary>The sequence number.</summary>
    public uint Number { get; }

    /// <summary>The method.</summary>
    public SipMethod Method { get; }

    /// <summary>Decodes <c>1*DIGIT LWS Method</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out CSeqHeader cseq)
    {
        cseq = default;
        var i = SipLexer.SkipWhitespace(value, 0);
        var start = i;
        while (i < value.Length && char.IsAsciiDigit((char)value[i])) i++;
        if (!SipLexer.TryParseDigits(value[start..i], MaxNumber, out var number)) return false;
        var afterNumber = i;
        i = SipLexer.SkipWhitespace(value, i);
        if (i == afterNumber) return false;
        var (methodStart, methodLength) = SipLexer.Trim(value, i, value.Length);
        var method = SipMethod.Parse(value.Slice(methodStart, methodLength));
        if (method is null) return false;
        cseq = new CSeqHeader((uint)number, method);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Number} {Method}";
}
