namespace Signalling.H323.Per;

/// <summary>Decodes one value of type <typeparamref name="T"/> from an aligned PER decoder.</summary>
/// <typeparam name="T">The decoded value type.</typeparam>
/// <param name="decoder">The decoder positioned at the start of the value.</param>
/// <returns>The decoded value.</returns>
public delegate T PerDecodeFunc<T>(ref PerDecoder decoder);
