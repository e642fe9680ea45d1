using System.IO.Pipelines;

namespace Signalling.Core.Transport;

/// <summary>A reader and a writer that together are one side of a connection.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
