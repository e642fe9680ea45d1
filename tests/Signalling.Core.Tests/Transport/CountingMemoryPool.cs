using System.Buffers;

namespace Signalling.Core.Tests.Transport;

/// <summary>A memory pool that tracks how many bytes are rented at once, to see what a connection buffers.</summary>
internal sealed class CountingMemoryPool : MemoryPool<byte>
{
    private long _outstanding;
    private long _peak;

    public long Outstanding => Interlocked.Read(ref _outstanding);

    public long Peak => Interlocked.Read(ref _peak);

    public override int MaxBufferSize => 1024 * 1024;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        var owner = new Owner(this, Math.Max(minBufferSize, 4096));
        var now = Interlocked.Add(ref _outstanding, owner.Memory.Length);
        long peak;
        while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        return owner;
    }

    protected override void Dispose(bool disposing)
    {
    }

    private sealed class Owner(CountingMemoryPool pool, int size) : IMemoryOwner<byte>
    {
        private int _disposed;

        public Memory<byte> Memory { get; } = new byte[size];

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Add(ref pool._outstanding, -Memory.Length);
            }
        }
    }
}
