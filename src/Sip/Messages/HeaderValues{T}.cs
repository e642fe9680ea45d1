using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Messages;

/// <summary>The values of one header decoded into <typeparamref name="T"/>; values that do not decode are skipped.</summary>
/// <typeparam name="T">The typed value.</typeparam>
public readonly struct HeaderValues<T> where T : struct, ISipHeaderValue<T>
{
    private readonly HeaderValues _raw;

    internal HeaderValues(HeaderValues raw) => _raw = raw;

    /// <summary>Enumerates the decoded values.</summary>
    public Enumerator GetEnumerator() => new(_raw.GetEnumerator());

    /// <summary>The first value that decodes, if any.</summary>
    public bool TryGetFirst(out T value)
    {
        var e = GetEnumerator();
        var found = e.MoveNext();
        value = found ? e.Current : default;
        return found;
    }

    /// <summary>The decoded values as a list (allocates).</summary>
    public IReadOnlyList<T> ToList()
    {
        var list = new List<T>();
        foreach (var value in this) list.Add(value);
        return list;
    }

    /// <summary>Enumerates decoded values without allocating.</summary>
    public struct Enumerator
    {
        private HeaderValues.Enumerator _raw;

        internal Enumerator(HeaderValues.Enumerator raw)
        {
            _raw = raw;
            Current = default;
        }

        /// <summary>The current decoded value.</summary>
        public T Current { get; private set; }

        /// <summary>Advances to the next value that decodes.</summary>
        public bool MoveNext()
        {
            while (_raw.MoveNext())
            {
                if (T.TryParse(_raw.Current.Memory, out var value))
                {
                    Current = value;
                    return true;
                }
            }
            return false;
        }
    }
}
