using System.Buffers;
using System.Text;

namespace Signalling.Sip.Messages;

/// <summary>
/// What request and response builders share: an ordered list of header lines and a body.
/// <c>Build()</c> writes the wire form and parses it back with <see cref="SipMessageParser"/>,
/// so a built message is held to the same rules as a received one.
/// </summary>
/// <typeparam name="TBuilder">The concrete builder, returned for chaining.</typeparam>
public abstract class SipMessageBuilder<TBuilder> where TBuilder : SipMessageBuilder<TBuilder>
{
    private readonly List<(KnownHeader Id, string Name, ReadOnlyMemory<byte> Value)> _headers = [];
    private ReadOnlyMemory<byte> _body;

    private protected SipMessageBuilder()
    {
    }

    /// <summary>The number of header lines.</summary>
    public int HeaderCount => _headers.Count;

    /// <summary>The body set with <see cref="SetBody(string, ReadOnlyMemory{byte})"/>.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Appends a header line. Content-Length is always written by the builder itself.</summary>
    public TBuilder AddHeader(string name, string value) => Insert(_headers.Count, name, Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))));

    /// <summary>Appends a header line under its canonical name.</summary>
    public TBuilder AddHeader(KnownHeader header, string value) => AddHeader(SipHeaderNames.GetCanonicalName(header), value);

    /// <summary>Appends a header line whose value is already UTF-8 bytes.</summary>
    public TBuilder AddHeader(string name, ReadOnlyMemory<byte> value) => Insert(_headers.Count, name, value);

    /// <summary>
    /// Inserts a header line before all others of its kind (e.g. a proxy's Via, §16.6 step 8),
    /// or at the top of the header block when there is none yet.
    /// </summary>
    public TBuilder PrependHeader(KnownHeader header, string value)
    {
        var name = SipHeaderNames.GetCanonicalName(header);
        var index = _headers.FindIndex(h => h.Id == header);
        return Insert(index < 0 ? 0 : index, name, Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))));
    }

    /// <summary>Replaces every line of a header with one line holding <paramref name="value"/>.</summary>
    public TBuilder SetHeader(KnownHeader header, string value)
    {
        var index = _headers.FindIndex(h => h.Id == header);
        RemoveHeader(header);
        return Insert(index < 0 ? _headers.Count : index, SipHeaderNames.GetCanonicalName(header), Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))));
    }

    /// <summary>Removes every line of a header.</summary>
    public TBuilder RemoveHeader(KnownHeader header)
    {
        _headers.RemoveAll(h => h.Id == header);
        return (TBuilder)this;
    }

    /// <summary>Removes every line of the named header (compact forms match their long forms).</summary>
    public TBuilder RemoveHeader(string name)
    {
        var id = SipHeaderNames.Lookup(name);
        _headers.RemoveAll(h => id != KnownHeader.Unknown ? h.Id == id : string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        return (TBuilder)this;
    }

    /// <summary>Sets the body and its Content-Type.</summary>
    public TBuilder SetBody(string contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        SetHeader(KnownHeader.ContentType, contentType);
        _body = body;
        return (TBuilder)this;
    }

    /// <summary>Sets a text body (UTF-8) and its Content-Type.</summary>
    public TBuilder SetBody(string contentType, string body) => SetBody(contentType, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))));

    /// <summary>Copies the header lines of <paramref name="message"/> (all but Content-Length) and its body.</summary>
    private protected void CopyFrom(SipMessage message)
    {
        foreach (var header in message.Headers)
        {
            if (header.Id == KnownHeader.ContentLength) continue;
            _headers.Add((header.Id, header.Name.ToString(), header.Value.Memory));
        }
        _body = message.Body;
    }

    /// <summary>The start line without CRLF.</summary>
    private protected abstract void WriteStartLine(IBufferWriter<byte> writer);

    /// <summary>Writes the wire form: start line, headers, Content-Length, empty line, body.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteStartLine(writer);
        writer.Write("\r\n"u8);
        foreach (var (_, name, value) in _headers)
        {
            WriteAscii(writer, name);
            writer.Write(": "u8);
            writer.Write(value.Span);
            writer.Write("\r\n"u8);
        }
        writer.Write("Content-Length: "u8);
        WriteAscii(writer, _body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.Write("\r\n\r\n"u8);
        writer.Write(_body.Span);
    }

    /// <summary>Writes the message and parses it back; throws when the result is not a valid message.</summary>
    private protected SipMessage BuildMessage()
    {
        var writer = new ArrayBufferWriter<byte>(256 + _body.Length);
        WriteTo(writer);
        var bytes = writer.WrittenMemory;
        return SipMessageParser.TryParse(bytes, SipParserOptions.Default, out var message, out var failure)
            ? message
            : throw new InvalidOperationException($"The message built is not valid SIP: {failure}");
    }

    private protected static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>
    /// A folded line (CRLF followed by SP or HTAB) means the same as one SP (RFC 3261 §7.3.1),
    /// so values copied from a received message are written unfolded; any other CR or LF would
    /// inject a header line and is refused.
    /// </summary>
    private static byte[] Unfold(ReadOnlySpan<byte> value)
    {
        var output = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                var lineFeed = b == (byte)'\r' && i + 1 < value.Length && value[i + 1] == (byte)'\n' ? i + 1 : i;
                if (lineFeed + 1 >= value.Length || value[lineFeed + 1] is not ((byte)' ' or (byte)'\t'))
                    throw new ArgumentException("A header value cannot contain CR or LF except as a folded line.", nameof(value));
                i = lineFeed + 1;
                while (i + 1 < value.Length && value[i + 1] is (byte)' ' or (byte)'\t') i++;
                output.Add((byte)' ');
                continue;
            }
            output.Add(b);
        }
        return [.. output];
    }

    private TBuilder Insert(int index, string name, ReadOnlyMemory<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!SipLexer.IsToken(Encoding.UTF8.GetBytes(name))) throw new ArgumentException($"'{name}' is not a header name token (RFC 3261 §7.3.1).", nameof(name));
        if (value.Span.IndexOfAny((byte)'\r', (byte)'\n') >= 0) value = Unfold(value.Span);
        var id = SipHeaderNames.Lookup(name);
        if (id == KnownHeader.ContentLength) return (TBuilder)this; // always computed from the body
        _headers.Insert(index, (id, name, value));
        return (TBuilder)this;
    }
}
