using System.IO.Pipelines;

namespace Signalling.Core.Transport;

/// <summary>
/// The input of a <see cref="HostedStreamConnection"/>: every read that completes tells the connection the
/// peer is alive. A read completes when bytes arrive, so a silent peer shows no activity.
/// </summary>
internal sealed class ActivityPipeReader(PipeReader inner, HostedStreamConnection owner) : PipeReader
{
    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var reading = inner.ReadAsync(cancellationToken);
        if (reading.IsCompletedSuccessfully)
        {
            owner.RecordActivity();
            return reading;
        }

        return AwaitReadAsync(reading);
    }

    public override bool TryRead(out ReadResult result)
    {
        var read = inner.TryRead(out result);
        if (read)
        {
            owner.RecordActivity();
        }

        return read;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    private async ValueTask<ReadResult> AwaitReadAsync(ValueTask<ReadResult> reading)
    {
        var result = await reading;
        owner.RecordActivity();
        return result;
    }
}
