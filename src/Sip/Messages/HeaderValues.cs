namespace Signalling.Sip.Messages;

/// <summary>
/// The values of one header across all its lines, in order. For list headers
/// (<see cref="SipHeaderNames.IsList"/>) each comma-separated element is its own value
/// (RFC 3261 §7.3.1); commas inside quotes or angle brackets do not split.
/// </summary>
public readonly struct HeaderValues
{
    private readonly SipMessage _message;
    private readonly KnownHeader _id;
    private readonly string? _name;

    internal HeaderValues(SipMessage message, KnownHeader id, string? name)
    {
        _message = message;
        _id = id;
        _name = name;
    }

    /// <summary>Enumerates the values.</summary>
    public Enumerator GetEnumerator() => new(_message, _id, _name);

    /// <summary>The first value, or an empty slice when there is none.</summary>
    public Utf8Slice FirstOrDefault()
    {
        var e = GetEnumerator();
        return e.MoveNext() ? e.Current : default;
    }

    /// <summary>Counts the values.</summary>
    public int Count()
    {
        var count = 0;
        foreach (var _ in this) count++;
        return count;
    }

    /// <summary>The values decoded as strings (allocates; for diagnostics and tests).</summary>
    public IReadOnlyList<string> ToStringList()
    {
        var list = new List<string>();
        foreach (var value in this) list.Add(value.ToString());
        return list;
    }

    /// <summary>Enumerates values without allocating.</summary>
    public struct Enumerator
    {
        private readonly SipMessage _message;
        private readonly KnownHeader _id;
        private readonly string? _name;
        private readonly bool _split;
        private int _entry;
        private int _offset; // offset inside the current entry's value; -1 when the entry is done

        internal Enumerator(SipMessage message, KnownHeader id, string? name)
        {
            _message = message;
            _id = id;
            _name = name;
            _split = id != KnownHeader.Unknown && SipHeaderNames.IsList(id);
            _entry = -1;
            _offset = -1;
            Current = default;
        }

        /// <summary>The current value, trimmed of LWS.</summary>
        public Utf8Slice Current { get; private set; }

        /// <summary>
        /// True when a list element could not be delimited (unbalanced quotes or brackets); the
        /// rest of that line is then returned as one value.
        /// </summary>
        public bool Malformed { get; private set; }

        /// <summary>Advances to the next value.</summary>
        public bool MoveNext()
        {
            var entries = _message.Entries;
            var buffer = _message.Buffer;
            while (true)
            {
                if (_offset < 0)
                {
                    if (!AdvanceEntry(entries)) return false;
                    _offset = 0;
                }
                var entry = entries[_entry];
                var value = buffer.Slice(entry.ValueStart, entry.ValueLength);
                if (!_split)
                {
                    _offset = -1;
                    Current = new Utf8Slice(value);
                    return true;
                }
                var span = value.Span;
                var separator = SipLexer.FindListSeparator(span, _offset);
                if (separator < 0)
                {
                    Malformed = true;
                    separator = span.Length;
                }
                var (start, length) = SipLexer.Trim(span, _offset, separator);
                _offset = separator >= span.Length ? -1 : separator + 1;
                Current = new Utf8Slice(value.Slice(start, length));
                return true;
            }
        }

        private bool AdvanceEntry(HeaderEntry[] entries)
        {
            var buffer = _message.Buffer.Span;
            for (_entry++; _entry < entries.Length; _entry++)
            {
                var entry = entries[_entry];
                if (_id != KnownHeader.Unknown ? entry.Id == _id
                    : entry.Id == KnownHeader.Unknown && System.Text.Ascii.EqualsIgnoreCase(buffer.Slice(entry.NameStart, entry.NameLength), _name!))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
