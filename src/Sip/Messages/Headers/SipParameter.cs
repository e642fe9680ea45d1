namespace Signalling.Sip.Messages.Headers;

/// <summary>One <c>;name[=value]</c> parameter of a header or URI (RFC 3261 §25.1 generic-param).</summary>
/// <param name="Name">The parameter name as sent.</param>
/// <param name="Value">The value as sent (quotes kept), empty when the parameter has no value.</param>
/// <param name="HasValue">True when an <c>=</c> was present.</param>
public readonly record struct SipParameter(Utf8Slice Name, Utf8Slice Value, bool HasValue);
