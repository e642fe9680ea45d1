using System.Runtime.CompilerServices;

namespace Signalling.H323.Per;

/// <summary>Inline storage for the decode path, so pushing and popping segments never allocates.</summary>
[InlineArray(Capacity)]
internal struct PerPathBuffer
{
    /// <summary>The deepest nesting recorded; deeper segments are counted but not kept.</summary>
    public const int Capacity = 32;

    private PerPathSegment _element0;
}
