namespace Signalling.H323.Per;

/// <summary>One segment of a decode type path: a component name, or an index into a SEQUENCE OF.</summary>
internal readonly record struct PerPathSegment(string? Name, int Index);
