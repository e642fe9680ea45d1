namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Subscription-State header of a NOTIFY (RFC 6665 §8.2.3): the state of the subscription,
/// with the expiry, the reason it ended and when to retry.
/// </summary>
public readonly struct SubscriptionStateHeader : ISipHeaderValue<SubscriptionStateHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _state;
    private readonly int _parametersStart;

    private SubscriptionStateHeader(ReadOnlyMemory<byte> value, Range state, int parametersStart)
    {
        _value = value;
        _state = state;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The substate-value as sent: active, pending, terminated or an extension.</summary>
    public Utf8Slice State => new(_value[_state]);

    /// <summary>True for <c>active</c> (case-insensitive, as tokens compare).</summary>
    public bool IsActive => State.EqualsIgnoreCase("active"u8);

    /// <summary>True for <c>pending</c>.</summary>
    public bool IsPending => State.EqualsIgnoreCase("pending"u8);

    /// <summary>True for <c>terminated</c>.</summary>
    public bool IsTerminated => State.EqualsIgnoreCase("terminated"u8);

    /// <summary>The subexp-params.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The expires parameter in seconds, or null when absent.</summary>
    public uint? Expires => TypedHeaderGrammar.GetDeltaSeconds(Parameters, "expires"u8);

    /// <summary>The retry-after parameter in seconds, or null when absent.</summary>
    public uint? RetryAfter => TypedHeaderGrammar.GetDeltaSeconds(Parameters, "retry-after"u8);

    /// <summary>
    /// The reason parameter (deactivated, probation, rejected, timeout, giveup, noresource,
    /// invariant or an extension token, RFC 6665 §8.4), empty when absent.
    /// </summary>
    public Utf8Slice Reason => Parameters.TryGetValue("reason"u8, out var reason) ? reason : default;

    /// <summary>
    /// Decodes <c>substate-value *( SEMI subexp-params )</c> (RFC 6665 §8.4): expires and
    /// retry-after must be delta-seconds and reason a token; other generic-params are kept.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SubscriptionStateHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var state)) return false;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, 0, static (state, name, value, hasValue) =>
            {
                if (TypedHeaderGrammar.NameIs(name, "expires"u8) || TypedHeaderGrammar.NameIs(name, "retry-after"u8))
                    return hasValue && TypedHeaderGrammar.TryParseDeltaSeconds(value, out _);
                if (TypedHeaderGrammar.NameIs(name, "reason"u8))
                    return hasValue && SipLexer.IsToken(value);
                return true;
            }))
        {
            return false;
        }
        result = new SubscriptionStateHeader(value, state, parametersStart);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
