namespace Signalling.Sip.Messages.Headers;

/// <summary>
/// The Event header (RFC 6665 §8.2.1, compact form o): the event package, its templates, the
/// <c>id</c> that tells subscriptions in one dialog apart, and any other parameters.
/// </summary>
public readonly struct EventHeader : ISipHeaderValue<EventHeader>
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly Range _eventType;
    private readonly int _packageLength;
    private readonly int _parametersStart;

    private EventHeader(ReadOnlyMemory<byte> value, Range eventType, int packageLength, int parametersStart)
    {
        _value = value;
        _eventType = eventType;
        _packageLength = packageLength;
        _parametersStart = parametersStart;
    }

    /// <summary>The value as sent.</summary>
    public Utf8Slice Text => new(_value);

    /// <summary>The whole event-type, e.g. <c>presence.winfo</c>.</summary>
    public Utf8Slice EventType => new(_value[_eventType]);

    /// <summary>The event-package, the part before the first dot, e.g. <c>presence</c>.</summary>
    public Utf8Slice Package => new(_value[_eventType].Slice(0, _packageLength));

    /// <summary>The event-templates after the first dot (e.g. <c>winfo</c>), empty when there are none.</summary>
    public Utf8Slice Templates
    {
        get
        {
            var type = _value[_eventType];
            return _packageLength < type.Length ? new(type[(_packageLength + 1)..]) : default;
        }
    }

    /// <summary>The event-params, including id.</summary>
    public SipParameters Parameters => new(_value[_parametersStart..]);

    /// <summary>The id parameter, empty when absent.</summary>
    public Utf8Slice Id => Parameters.TryGetValue("id"u8, out var id) ? id : default;

    /// <summary>True when an id parameter is present.</summary>
    public bool HasId => Parameters.Contains("id"u8);

    /// <summary>
    /// True when both name the same subscription (RFC 6665 §8.2.1): the event-type and the id
    /// compare byte by byte, an absent id matches only an absent id, other parameters are ignored.
    /// </summary>
    public bool Matches(EventHeader other) =>
        EventType.Equals(other.EventType) && HasId == other.HasId && Id.Equals(other.Id);

    /// <summary>
    /// Decodes <c>event-type *( SEMI event-param )</c> where
    /// <c>event-type = event-package *( "." event-template )</c>, each part a token-nodot, and
    /// <c>event-param = generic-param / ( "id" EQUAL token )</c> (RFC 6665 §8.4).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out EventHeader result)
    {
        result = default;
        var span = value.Span;
        var i = SipLexer.SkipWhitespace(span, 0);
        if (!TypedHeaderGrammar.ReadToken(span, ref i, out var eventType)) return false;
        var type = span[eventType];
        // token-nodot parts: no leading, trailing or doubled dot.
        if (type[0] == (byte)'.' || type[^1] == (byte)'.' || type.IndexOf(".."u8) >= 0) return false;
        var dot = type.IndexOf((byte)'.');
        var packageLength = dot < 0 ? type.Length : dot;
        var parametersStart = SipLexer.SkipWhitespace(span, i);
        if (!TypedHeaderGrammar.ValidateParameters(span, parametersStart, 0, static (_, name, value, hasValue) =>
                !TypedHeaderGrammar.NameIs(name, "id"u8) || (hasValue && SipLexer.IsToken(value))))
        {
            return false;
        }
        result = new EventHeader(value, eventType, packageLength, parametersStart);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text.ToString();
}
