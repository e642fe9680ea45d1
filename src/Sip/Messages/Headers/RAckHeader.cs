namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The RAck header of a PRACK (RFC 3262 §7.2): the RSeq of the provisional response being
/// acknowledged and that response's CSeq number and method, which together name it (§4).
/// </summary>
public readonly struct RAckHeader : ISipHeaderValue<RAckHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _method;

    private RAckHeader(ReadOnlyMemory<byte> value, uint responseNumber, uint cseqNumber, Range method)
    {
        _value = value;
        ResponseNumber = responseNumber;
        CSeqNumber = cseqNumber;
        _method = method;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The RSeq of the acknowledged response, 1 to 2**31-1.</summary>
    public uint ResponseNumber { get; }

    /// <summary>The CSeq number of the acknowledged response, below 2**31 (RFC 3261 §8.1.1.5).</summary>
    public uint CSeqNumber { get; }

    /// <summary>The CSeq method of the acknowledged response, as sent.</summary>
    public Utf8Slice MethodText => new(_value[_method]);

    /// <summary>The CSeq method (allocates only for an extension method).</summary>
    /// <exception cref="InvalidOperationException">The value is default, not parsed.</exception>
    public SipMethod Method => SipMethod.Parse(_value.Span[_method]) ?? throw new InvalidOperationException("The RAck value was not parsed.");

    /// <summary>
    /// Decodes <c>response-num LWS CSeq-num LWS Method</c> (RFC 3262 §7.2); the LWS between
    /// the three parts is mandatory and may be a folded line.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out RAckHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadDigits(span, ref i, out var response)) return false;
        if (!SipLexer.TryParseDigits(span[response], RSeqHeader.MaxNumber, out var responseNumber) || responseNumber == 0) return false;
        if (!SkipRequiredWhitespace(span, ref i)) return false;
        if (!TypedHeaderGrammar.ReadDigits(span, ref i, out var cseq)) return false;
        if (!SipLexer.TryParseDigits(span[cseq], CSeqHeader.MaxNumber, out var cseqNumber)) return false;
        if (!SkipRequiredWhitespace(span, ref i)) return false;
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var method)) return false;
        if (SipLexer.SkipWhitespace(span, i) != span.Length) return false;
        result = new RAckHeader(value, (uint)responseNumber, (uint)cseqNumber, method);
        return true;
    }

    private static bool SkipRequiredWhitespace(ReadOnlySpan<byte> span, ref int i)
    {
        var start = i;
        i = SipLexer.SkipWhitespace(span, i);
        return i > start;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
