using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Messages;

/// <summary>
/// The header lines of a message, in order, read in place. Names compare case-insensitively and
/// compact forms are the same header as their long forms (RFC 3261 §7.3.1, §7.3.3).
/// </summary>
public readonly struct SipHeaderCollection
{
    private readonly SipMessage _message;

    internal SipHeaderCollection(SipMessage message) => _message = message;

    /// <summary>The number of header lines.</summary>
    public int Count => _message.Entries.Length;

    /// <summary>The header line at <paramref name="index"/>.</summary>
    public SipHeader this[int index]
    {
        get
        {
            var entry = _message.Entries[index];
            var buffer = _message.Buffer;
            return new SipHeader(entry.Id, new Utf8Slice(buffer.Slice(entry.NameStart, entry.NameLength)), new Utf8Slice(buffer.Slice(entry.ValueStart, entry.ValueLength)));
        }
    }

    /// <summary>True when at least one line of that header is present.</summary>
    public bool Contains(KnownHeader header) => _message.IndexOf(header) >= 0;

    /// <summary>True when at least one line of the named header is present.</summary>
    public bool Contains(string name) => GetValues(name).GetEnumerator().MoveNext();

    /// <summary>All values of a known header (list headers split at commas).</summary>
    public HeaderValues GetValues(KnownHeader header)
    {
        if (header == KnownHeader.Unknown) throw new ArgumentException("Name unknown headers by string.", nameof(header));
        return new HeaderValues(_message, header, null);
    }

    /// <summary>All values of the header with this name (known or not; compact forms accepted).</summary>
    public HeaderValues GetValues(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var id = SipHeaderNames.Lookup(name);
        return new HeaderValues(_message, id, id == KnownHeader.Unknown ? name : null);
    }

    /// <summary>All values of a known header decoded into <typeparamref name="T"/>.</summary>
    public HeaderValues<T> GetValues<T>(KnownHeader header) where T : struct, ISipHeaderValue<T> => new(GetValues(header));

    /// <summary>The first value of a header, or false when it is absent.</summary>
    public bool TryGetFirst(KnownHeader header, out Utf8Slice value)
    {
        var e = GetValues(header).GetEnumerator();
        var found = e.MoveNext();
        value = found ? e.Current : default;
        return found;
    }

    /// <summary>Enumerates the header lines in order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates header lines.</summary>
    public struct Enumerator
    {
        private readonly SipHeaderCollection _headers;
        private int _index;

        internal Enumerator(SipHeaderCollection headers)
        {
            _headers = headers;
            _index = -1;
        }

        /// <summary>The current line.</summary>
        public readonly SipHeader Current => _headers[_index];

        /// <summary>Advances.</summary>
        public bool MoveNext() => ++_index < _headers.Count;
    }
}
