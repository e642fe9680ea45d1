using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Signalling.Sip.Messages;
using Signalling.Sip.Transactions;
using Signalling.Sip.Transport;

namespace Signalling.Sip.Tests.Transport;

/// <summary>Keeps every log entry with its category, so that tests can assert "one log line".</summary>
internal sealed class TransportLog : ILoggerFactory
{
    private readonly ConcurrentQueue<(string Category, int EventId, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, int EventId, LogLevel Level, string Message)> Entries => [.. _entries];

    public IReadOnlyList<(string Category, int EventId, LogLevel Level, string Message)> OfSipTransport =>
        [.. _entries.Where(e => e.Category == typeof(SipTransport).FullName)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TransportLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner._entries.Enqueue((category, eventId.Id, logLevel, formatter(state, exception)));
    }
}

/// <summary>A TU that records callbacks and lets a test await them; it can answer requests from inside the callback.</summary>
internal sealed class AwaitableUser : ISipTransactionUser
{
    private readonly Channel<(string Kind, SipTransaction? Transaction, SipMessage? Message)> _events = Channel.CreateUnbounded<(string, SipTransaction?, SipMessage?)>();
    private readonly List<(string Kind, SipTransaction? Transaction, SipMessage? Message)> _seen = [];

    public Action<SipServerTransaction>? Answer { get; set; }

    public Action<SipClientTransaction, SipResponse>? OnResponseReceived { get; set; }

    /// <summary>Waits for the next event of <paramref name="kind"/>, skipping (but keeping) others.</summary>
    public async Task<(string Kind, SipTransaction? Transaction, SipMessage? Message)> NextAsync(string kind, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            var index = _seen.FindIndex(e => e.Kind == kind);
            if (index >= 0)
            {
                var found = _seen[index];
                _seen.RemoveAt(index);
                return found;
            }
        }

        while (true)
        {
            var next = await _events.Reader.ReadAsync(cancellationToken);
            if (next.Kind == kind)
            {
                return next;
            }

            lock (_seen) _seen.Add(next);
        }
    }

    public void OnRequest(SipServerTransaction transaction)
    {
        Add("Request", transaction, transaction.Request);
        Answer?.Invoke(transaction);
    }

    public void OnCancel(ServerNonInviteTransaction cancelTransaction, ServerInviteTransaction? inviteTransaction) => Add("Cancel", cancelTransaction, cancelTransaction.Request);

    public void OnAck(SipRequest ack, SipHop source, ServerInviteTransaction? inviteTransaction) => Add("Ack", inviteTransaction, ack);

    public void OnResponse(SipClientTransaction transaction, SipResponse response)
    {
        Add("Response", transaction, response);
        OnResponseReceived?.Invoke(transaction, response);
    }

    public void OnStrayResponse(SipResponse response, SipHop source) => Add("StrayResponse", null, response);

    public void OnTimeout(SipTransaction transaction) => Add("Timeout", transaction, null);

    public void OnTransportError(SipTransaction transaction) => Add("TransportError", transaction, null);

    public void OnTerminated(SipTransaction transaction) => Add("Terminated", transaction, null);

    private void Add(string kind, SipTransaction? transaction, SipMessage? message) => _events.Writer.TryWrite((kind, transaction, message));
}

/// <summary>A SIP transport on loopback wired to a transaction layer and an awaitable TU.</summary>
internal sealed class TransportPeer : IAsyncDisposable
{
    private TransportPeer(SipTransport transport, SipTransactionLayer layer, AwaitableUser user, TransportLog log)
    {
        Transport = transport;
        Layer = layer;
        User = user;
        Log = log;
    }

    public SipTransport Transport { get; }

    public SipTransactionLayer Layer { get; }

    public AwaitableUser User { get; }

    public TransportLog Log { get; }

    public IPEndPoint Udp => Transport.UdpEndPoint!;

    public IPEndPoint Tcp => Transport.TcpEndPoint!;

    public static async Task<TransportPeer> StartAsync(string address = "127.0.0.1", bool udp = true, bool tcp = true, Action<SipTransportOptions>? configure = null)
    {
        var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
        var options = new SipTransportOptions
        {
            UdpEndPoint = udp ? $"{host}:0" : null,
            TcpEndPoint = tcp ? $"{host}:0" : null,
        };
        configure?.Invoke(options);
        var log = new TransportLog();
        var transport = new SipTransport(options, loggerFactory: log);
        var user = new AwaitableUser();
        var layer = new SipTransactionLayer(transport, user);
        await transport.StartAsync(layer, TestContext.Current.CancellationToken);
        return new TransportPeer(transport, layer, user, log);
    }

    /// <summary>A request from this peer, its Via naming the listening endpoint of <paramref name="transport"/>.</summary>
    public SipRequest Request(SipMethod method, string transport = "UDP", string? body = null)
    {
        var sentBy = transport == "UDP" ? Udp : Tcp;
        var builder = SipRequestBuilder.Create(method, "sip:bob@127.0.0.1", "<sip:alice@127.0.0.1>", "<sip:bob@127.0.0.1>")
            .AddVia(transport, Format(sentBy));
        if (body is not null)
        {
            builder.SetBody("text/plain", body);
        }

        return builder.Build();
    }

    public static string Format(IPEndPoint endPoint) => endPoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{endPoint.Address}]:{endPoint.Port}"
        : $"{endPoint.Address}:{endPoint.Port}";

    public async ValueTask DisposeAsync() => await Transport.DisposeAsync();
}

/// <summary>Raw bytes for peers that are not a <see cref="SipTransport"/>.</summary>
internal static class RawSip
{
    public static byte[] Options(IPEndPoint via, string branch, string cseq = "1 OPTIONS", bool rport = false, bool contentLength = true) =>
        Encoding.ASCII.GetBytes(
            "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\n" +
            $"Via: SIP/2.0/{(rport ? "UDP" : "TCP")} {TransportPeer.Format(via)};branch={branch}{(rport ? ";rport" : "")}\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:alice@127.0.0.1>;tag=raw1\r\n" +
            "To: <sip:bob@127.0.0.1>\r\n" +
            $"Call-ID: {branch}@raw\r\n" +
            $"CSeq: {cseq}\r\n" +
            (contentLength ? "Content-Length: 0\r\n" : "") +
            "\r\n");

    /// <summary>Reads one framed SIP message from a stream (Content-Length framing, RFC 3261 §18.3).</summary>
    public static async Task<SipMessage> ReadMessageAsync(Stream stream, List<byte> pending, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var sequence = new ReadOnlySequence<byte>(pending.ToArray());
            var status = SipStreamFramer.TryReadFrame(ref sequence, SipParserOptions.Default, out var frame, out _);
            if (status == SipFrameStatus.Message)
            {
                var message = SipMessageParser.Parse(frame.ToArray());
                pending.RemoveRange(0, (int)(pending.Count - sequence.Length));
                return message;
            }

            Assert.Equal(SipFrameStatus.NeedMoreData, status);
            var read = await stream.ReadAsync(buffer, cancellationToken);
            Assert.NotEqual(0, read);
            pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
