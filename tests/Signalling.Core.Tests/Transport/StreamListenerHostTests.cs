using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Signalling.Core.Transport;

namespace Signalling.Core.Tests.Transport;

public sealed class StreamListenerHostTests
{
    private static readonly IPEndPoint Loopback = new(IPAddress.Loopback, 0);

    private static async Task Echo(StreamConnection connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        while (true)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                await output.WriteAsync(segment);
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    private static async Task<StreamListenerHost> StartAsync(
        StreamConnectionHandler handler,
        ListenerLimits? limits = null,
        TimeProvider? time = null,
        CollectingLoggerFactory? logs = null,
        SocketStreamTransportOptions? options = null,
        EndPoint? endPoint = null)
    {
        var transport = new SocketStreamTransport(limits, options, logs);
        var host = new StreamListenerHost(transport, endPoint ?? Loopback, handler, limits, time, logs?.CreateLogger<StreamListenerHost>());
        await host.StartAsync(TestSockets.Guard());
        return host;
    }

    [Fact]
    public async Task Port_zero_reports_the_bound_port()
    {
        await using var host = await StartAsync(Echo);

        var bound = Assert.IsType<IPEndPoint>(host.EndPoint);
        Assert.NotEqual(0, bound.Port);
        Assert.Equal(IPAddress.Loopback, bound.Address);
    }

    [Fact]
    public async Task Many_concurrent_connections_echo_large_payloads_across_many_segments()
    {
        // A small buffer limit makes every payload cross many pipe segments and many pause/resume cycles.
        var limits = new ListenerLimits { MaxBufferedBytesPerConnection = 16 * 1024 };
        await using var host = await StartAsync(Echo, limits);
        const int Connections = 16;
        const int PayloadSize = 512 * 1024;

        var clients = Enumerable.Range(0, Connections).Select(async i =>
        {
            var payload = new byte[PayloadSize];
            new Random(i).NextBytes(payload);
            using var socket = await TestSockets.ConnectAsync(host.EndPoint!);

            // Send and receive at once: each side's buffers are smaller than the payload.
            var sending = socket.SendAsync(payload, SocketFlags.None, TestSockets.Guard()).AsTask();
            var echoed = await TestSockets.ReadExactlyAsync(socket, PayloadSize);
            await sending;
            return payload.AsSpan().SequenceEqual(echoed);
        });

        var results = await Task.WhenAll(clients);

        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task A_slow_reader_pauses_the_receive_loop_and_memory_stays_near_the_limit()
    {
        const int Limit = 64 * 1024;
        const int PayloadSize = 4 * 1024 * 1024;
        var logs = new CollectingLoggerFactory();
        var pool = new CountingMemoryPool();
        var limits = new ListenerLimits { MaxBufferedBytesPerConnection = Limit };
        var bufferedWhenPaused = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task SlowReader(StreamConnection connection)
        {
            // Do not read until the transport says it stopped reading the socket.
            await logs.WhenLogged(1005).WaitAsync(TestSockets.Guard());
            bufferedWhenPaused.SetResult(pool.Outstanding);

            var all = new ArrayBufferWriter<byte>(PayloadSize);
            while (true)
            {
                var result = await connection.Transport.Input.ReadAsync();
                foreach (var segment in result.Buffer)
                {
                    all.Write(segment.Span);
                }

                connection.Transport.Input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            received.SetResult(all.WrittenSpan.ToArray());
        }

        await using var host = await StartAsync(SlowReader, limits, logs: logs, options: new SocketStreamTransportOptions { MemoryPool = pool });
        var payload = new byte[PayloadSize];
        new Random(7).NextBytes(payload);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        var sending = Task.Run(async () =>
        {
            await socket.SendAsync(payload, SocketFlags.None, TestSockets.Guard());
            socket.Shutdown(SocketShutdown.Send);
        }, TestSockets.Guard());

        var buffered = await bufferedWhenPaused.Task.WaitAsync(TestSockets.Guard());
        var all = await received.Task.WaitAsync(TestSockets.Guard());
        await sending;

        // Pipe segments are 4 KiB and a read needs 2 KiB free, so segments can be half empty: at most about twice the limit,
        // whereas without backpressure the pipe would have taken megabytes from the kernel.
        Assert.InRange(buffered, Limit, (2 * Limit) + 8192);
        Assert.InRange(pool.Peak, Limit, (2 * Limit) + 8192);
        Assert.True(payload.AsSpan().SequenceEqual(all));
    }

    [Fact]
    public async Task Fin_from_the_peer_completes_the_input_and_we_can_still_answer()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task ReadToEnd(StreamConnection connection)
        {
            var text = new StringBuilder();
            while (true)
            {
                var result = await connection.Transport.Input.ReadAsync();
                text.Append(Encoding.ASCII.GetString(result.Buffer));
                connection.Transport.Input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            seen.SetResult(text.ToString());
            await connection.Transport.Output.WriteAsync("done"u8.ToArray());
        }

        await using var host = await StartAsync(ReadToEnd);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        await socket.SendAsync("abc"u8.ToArray(), SocketFlags.None, TestSockets.Guard());
        socket.Shutdown(SocketShutdown.Send);

        Assert.Equal("abc", await seen.Task.WaitAsync(TestSockets.Guard()));
        Assert.Equal("done", Encoding.ASCII.GetString(await TestSockets.ReadExactlyAsync(socket, 4)));
        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
    }

    [Fact]
    public async Task Abort_closes_the_socket_and_fails_reads_with_the_reason()
    {
        var readError = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task AbortOnFirstByte(StreamConnection connection)
        {
            var result = await connection.Transport.Input.ReadAsync();
            connection.Transport.Input.AdvanceTo(result.Buffer.End);
            connection.Abort("test abort");
            try
            {
                await connection.Transport.Input.ReadAsync();
                readError.SetResult(new InvalidOperationException("The read after Abort did not fail."));
            }
            catch (Exception exception)
            {
                readError.SetResult(exception);
            }
        }

        await using var host = await StartAsync(AbortOnFirstByte);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        await socket.SendAsync("x"u8.ToArray(), SocketFlags.None, TestSockets.Guard());

        var error = await readError.Task.WaitAsync(TestSockets.Guard());
        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        var aborted = Assert.IsType<ConnectionAbortedException>(error);
        Assert.Equal("test abort", aborted.Message);
    }

    [Fact]
    public async Task A_connection_beyond_the_limit_is_closed_and_the_first_ones_keep_working()
    {
        var logs = new CollectingLoggerFactory();
        var limits = new ListenerLimits { MaxConcurrentConnections = 2 };
        await using var host = await StartAsync(Echo, limits, logs: logs);
        using var first = await TestSockets.ConnectAsync(host.EndPoint!);
        using var second = await TestSockets.ConnectAsync(host.EndPoint!);

        // An echo proves each was accepted and counted before the third arrives.
        Assert.Equal("1", await TestSockets.EchoAsync(first, "1"));
        Assert.Equal("2", await TestSockets.EchoAsync(second, "2"));
        using var third = await TestSockets.ConnectAsync(host.EndPoint!);

        Assert.True(await TestSockets.IsClosedByPeerAsync(third));
        Assert.Equal("still 1", await TestSockets.EchoAsync(first, "still 1"));
        Assert.Equal("still 2", await TestSockets.EchoAsync(second, "still 2"));
        Assert.Equal(1, logs.Count(1302));
        Assert.Equal(2, host.ConnectionCount);
    }

    [Fact]
    public async Task A_closed_connection_frees_its_place_under_the_limit()
    {
        var limits = new ListenerLimits { MaxConcurrentConnections = 1 };
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = 0;

        async Task EchoThenSignal(StreamConnection connection)
        {
            Interlocked.Increment(ref connections);
            await Echo(connection);
        }

        await using var host = await StartAsync(EchoThenSignal, limits);
        using (var first = await TestSockets.ConnectAsync(host.EndPoint!))
        {
            Assert.Equal("a", await TestSockets.EchoAsync(first, "a"));
            first.Shutdown(SocketShutdown.Send);
            Assert.True(await TestSockets.IsClosedByPeerAsync(first));
        }

        // The count drops after the handler's connection is disposed, which follows the close the client saw:
        // retry a bounded number of times instead of waiting for a fixed time.
        string? echoed = null;
        for (var attempt = 0; attempt < 100 && echoed is null; attempt++)
        {
            using var next = await TestSockets.ConnectAsync(host.EndPoint!);
            try
            {
                echoed = await TestSockets.EchoAsync(next, "b");
            }
            catch (Exception exception) when (exception is SocketException or EndOfStreamException)
            {
                await Task.Yield();
            }
        }

        Assert.Equal("b", echoed);
    }

    [Fact]
    public async Task A_silent_connection_is_closed_after_the_idle_timeout_and_activity_postpones_it()
    {
        var time = new FakeTimeProvider();
        var logs = new CollectingLoggerFactory();
        var limits = new ListenerLimits { IdleTimeout = TimeSpan.FromSeconds(30) };
        await using var host = await StartAsync(Echo, limits, time, logs);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        Assert.Equal("a", await TestSockets.EchoAsync(socket, "a"));

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("b", await TestSockets.EchoAsync(socket, "b"));
        time.Advance(TimeSpan.FromSeconds(20));

        // 40 s after connecting but only 20 s after the last byte: still open.
        Assert.Equal("c", await TestSockets.EchoAsync(socket, "c"));
        Assert.Equal(0, logs.Count(1201));

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        Assert.Equal(1, logs.Count(1201));
    }

    [Fact]
    public async Task A_connection_that_never_sends_is_closed_after_the_idle_timeout()
    {
        var time = new FakeTimeProvider();
        var logs = new CollectingLoggerFactory();
        var limits = new ListenerLimits { IdleTimeout = TimeSpan.FromSeconds(30) };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task SignalThenEcho(StreamConnection connection)
        {
            started.SetResult();
            await Echo(connection);
        }

        await using var host = await StartAsync(SignalThenEcho, limits, time, logs);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        await started.Task.WaitAsync(TestSockets.Guard());

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, logs.Count(1201));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        Assert.Equal(1, logs.Count(1201));
        Assert.Equal(0, await WaitForNoConnectionsAsync(host));
    }

    [Fact]
    public async Task Without_waiting_for_data_the_transport_still_echoes()
    {
        var options = new SocketStreamTransportOptions { WaitForDataBeforeAllocatingBuffer = false };
        await using var host = await StartAsync(Echo, options: options);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);

        Assert.Equal("plain", await TestSockets.EchoAsync(socket, "plain"));
        socket.Shutdown(SocketShutdown.Send);
        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
    }

    /// <summary>The count drops when the handler's connection is disposed, just after the client saw the close.</summary>
    private static async Task<int> WaitForNoConnectionsAsync(StreamListenerHost host)
    {
        var guard = TestSockets.Guard();
        while (host.ConnectionCount != 0 && !guard.IsCancellationRequested)
        {
            await Task.Yield();
        }

        return host.ConnectionCount;
    }

    [Fact]
    public async Task Graceful_shutdown_asks_handlers_to_close_and_stops_listening()
    {
        async Task SayByeOnShutdown(StreamConnection connection)
        {
            using var registration = connection.ConnectionClosedRequested.Register(connection.Transport.Input.CancelPendingRead);
            while (true)
            {
                var result = await connection.Transport.Input.ReadAsync();
                var received = result.Buffer.ToArray();
                connection.Transport.Input.AdvanceTo(result.Buffer.End);
                if (result.IsCanceled)
                {
                    await connection.Transport.Output.WriteAsync("bye"u8.ToArray());
                    return;
                }

                await connection.Transport.Output.WriteAsync(received);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }

        var host = await StartAsync(SayByeOnShutdown);
        var endPoint = host.EndPoint!;
        using var socket = await TestSockets.ConnectAsync(endPoint);
        Assert.Equal("hi", await TestSockets.EchoAsync(socket, "hi"));

        await host.StopAsync(TestSockets.Guard()).WaitAsync(TestSockets.Guard());

        Assert.Equal("bye", Encoding.ASCII.GetString(await TestSockets.ReadExactlyAsync(socket, 3)));
        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        Assert.Equal(0, host.ConnectionCount);
        var refused = await Assert.ThrowsAsync<SocketException>(() => TestSockets.ConnectAsync(endPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Shutdown_aborts_handlers_that_ignore_the_request_once_the_deadline_passes()
    {
        var time = new FakeTimeProvider();
        var limits = new ListenerLimits { ShutdownTimeout = TimeSpan.FromSeconds(5) };
        var readError = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task IgnoreShutdown(StreamConnection connection)
        {
            try
            {
                await Echo(connection);
                readError.SetResult(null);
            }
            catch (Exception exception)
            {
                readError.SetResult(exception);
            }
        }

        var host = await StartAsync(IgnoreShutdown, limits, time);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        Assert.Equal("hi", await TestSockets.EchoAsync(socket, "hi"));

        var stopping = host.StopAsync(TestSockets.Guard());
        Assert.False(readError.Task.IsCompleted);
        time.Advance(limits.ShutdownTimeout);
        await stopping.WaitAsync(TestSockets.Guard());

        Assert.IsType<ConnectionAbortedException>(await readError.Task.WaitAsync(TestSockets.Guard()));
        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        Assert.Equal(0, host.ConnectionCount);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_throwing_handler_aborts_its_connection_and_the_host_keeps_accepting()
    {
        var logs = new CollectingLoggerFactory();
        var calls = 0;

        Task ThrowOnFirst(StreamConnection connection) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : Echo(connection);

        await using var host = await StartAsync(ThrowOnFirst, logs: logs);
        using var first = await TestSockets.ConnectAsync(host.EndPoint!);
        Assert.True(await TestSockets.IsClosedByPeerAsync(first));
        using var second = await TestSockets.ConnectAsync(host.EndPoint!);

        Assert.Equal("ok", await TestSockets.EchoAsync(second, "ok"));
        Assert.Equal(1, logs.Count(1303));
    }

    [Fact]
    public async Task Ipv6_loopback_works()
    {
        Assert.SkipUnless(Socket.OSSupportsIPv6, "IPv6 is not available.");
        await using var host = await StartAsync(Echo, endPoint: new IPEndPoint(IPAddress.IPv6Loopback, 0));
        var bound = Assert.IsType<IPEndPoint>(host.EndPoint);
        using var socket = await TestSockets.ConnectAsync(bound);

        Assert.Equal(AddressFamily.InterNetworkV6, bound.AddressFamily);
        Assert.NotEqual(0, bound.Port);
        Assert.Equal("v6", await TestSockets.EchoAsync(socket, "v6"));
    }

    [Fact]
    public async Task Outbound_connection_sends_receives_and_half_closes()
    {
        await using var host = await StartAsync(Echo);
        var transport = new SocketStreamTransport();
        var payload = new byte[200_000];
        new Random(3).NextBytes(payload);

        await using var connection = await transport.ConnectAsync(host.EndPoint!, TestSockets.Guard());
        var sending = Task.Run(async () =>
        {
            await connection.Transport.Output.WriteAsync(payload, TestSockets.Guard());
        }, TestSockets.Guard());
        var echoed = new ArrayBufferWriter<byte>();
        while (echoed.WrittenCount < payload.Length)
        {
            var result = await connection.Transport.Input.ReadAsync(TestSockets.Guard());
            foreach (var segment in result.Buffer)
            {
                echoed.Write(segment.Span);
            }

            connection.Transport.Input.AdvanceTo(result.Buffer.End);
            Assert.False(result.IsCompleted);
        }

        await sending;

        // Completing our output closes the connection; the echo server sees FIN and closes too.
        await connection.Transport.Output.CompleteAsync();
        await Task.Delay(Timeout.Infinite, connection.ConnectionClosed).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TestSockets.Guard());

        Assert.True(payload.AsSpan().SequenceEqual(echoed.WrittenSpan));
        Assert.Equal(host.EndPoint, connection.RemoteEndPoint);
        Assert.True(connection.ConnectionClosed.IsCancellationRequested);
    }

    [Fact]
    public async Task A_peer_reset_fails_the_input_with_an_io_exception_and_one_log_line()
    {
        var logs = new CollectingLoggerFactory();
        var readError = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task ReadUntilError(StreamConnection connection)
        {
            try
            {
                await Echo(connection);
                readError.SetResult(null);
            }
            catch (Exception exception)
            {
                readError.SetResult(exception);
            }
        }

        await using var host = await StartAsync(ReadUntilError, logs: logs);
        var socket = await TestSockets.ConnectAsync(host.EndPoint!);
        Assert.Equal("x", await TestSockets.EchoAsync(socket, "x"));

        // Linger 0 makes close send RST instead of FIN.
        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();

        Assert.IsType<IOException>(await readError.Task.WaitAsync(TestSockets.Guard()));
        Assert.Equal(1, logs.Count(1002));
    }

    [Fact]
    public async Task The_stream_wrapper_sees_every_byte()
    {
        var wrapped = new TaskCompletionSource<CountingStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SocketStreamTransportOptions
        {
            StreamWrapper = (stream, _) =>
            {
                var counting = new CountingStream(stream);
                wrapped.SetResult(counting);
                return ValueTask.FromResult<Stream>(counting);
            },
        };
        await using var host = await StartAsync(Echo, options: options);
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);

        Assert.Equal("wrapped", await TestSockets.EchoAsync(socket, "wrapped"));
        var counting = await wrapped.Task.WaitAsync(TestSockets.Guard());
        Assert.Equal(7, counting.BytesRead);
        Assert.Equal(7, counting.BytesWritten);
    }

    [Fact]
    public void Limits_out_of_range_name_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ListenerLimits { MaxConcurrentConnections = 0 }.Validate());
        Assert.Equal(nameof(ListenerLimits.MaxConcurrentConnections), error.ParamName);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new ListenerLimits { IdleTimeout = TimeSpan.Zero }.Validate());
        Assert.Equal(nameof(ListenerLimits.IdleTimeout), error.ParamName);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new ListenerLimits { MaxDatagramSize = 70_000 }.Validate());
        Assert.Equal(nameof(ListenerLimits.MaxDatagramSize), error.ParamName);
        new ListenerLimits { IdleTimeout = Timeout.InfiniteTimeSpan }.Validate();
    }
}
