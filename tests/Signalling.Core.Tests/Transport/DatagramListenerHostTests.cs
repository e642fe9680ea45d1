using System.Net;
using System.Net.Sockets;
using System.Text;
using Signalling.Core.Transport;

namespace Signalling.Core.Tests.Transport;

public sealed class DatagramListenerHostTests
{
    private static DatagramHandler EchoOn(IDatagramTransport transport) =>
        (datagram, cancellationToken) => transport.SendAsync(datagram.Payload, datagram.RemoteEndPoint, cancellationToken);

    private static Socket Client(IPEndPoint server)
    {
        var client = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        return client;
    }

    private static async Task<(string Text, EndPoint From)> ReceiveTextAsync(Socket client)
    {
        var buffer = new byte[65_536];
        var any = new IPEndPoint(client.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, any, TestSockets.Guard());
        return (Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes), result.RemoteEndPoint);
    }

    private static async Task<string> RoundTripAsync(Socket client, EndPoint server, string text)
    {
        await client.SendToAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, server, TestSockets.Guard());
        return (await ReceiveTextAsync(client)).Text;
    }

    [Fact]
    public async Task A_datagram_round_trips_and_the_reply_comes_from_the_bound_port()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var host = new DatagramListenerHost(socket, EchoOn(socket));
        await host.StartAsync(TestSockets.Guard());
        var server = Assert.IsType<IPEndPoint>(socket.LocalEndPoint);
        using var client = Client(server);

        await client.SendToAsync("OPTIONS"u8.ToArray(), SocketFlags.None, server, TestSockets.Guard());
        var (text, from) = await ReceiveTextAsync(client);

        Assert.NotEqual(0, server.Port);
        Assert.Equal("OPTIONS", text);
        Assert.Equal(server, from);
    }

    [Fact]
    public async Task Many_datagrams_are_each_delivered_once_and_in_order()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var host = new DatagramListenerHost(socket, EchoOn(socket));
        await host.StartAsync(TestSockets.Guard());
        using var client = Client((IPEndPoint)socket.LocalEndPoint);

        // One at a time: a burst could overflow the kernel's receive buffer, which is UDP working as designed.
        for (var i = 0; i < 500; i++)
        {
            var text = $"datagram {i}";
            Assert.Equal(text, await RoundTripAsync(client, socket.LocalEndPoint, text));
        }
    }

    [Fact]
    public async Task An_oversized_datagram_is_dropped_with_one_log_line_and_the_next_arrives()
    {
        var logs = new CollectingLoggerFactory();
        var limits = new ListenerLimits { MaxDatagramSize = 100 };
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), limits, logs.CreateLogger<DatagramSocket>());
        var lengths = new List<int>();
        var twoSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = new DatagramListenerHost(socket, (datagram, _) =>
        {
            lengths.Add(datagram.Payload.Length);
            if (lengths.Count == 2)
            {
                twoSeen.SetResult();
            }

            return ValueTask.CompletedTask;
        });
        await host.StartAsync(TestSockets.Guard());
        using var client = Client((IPEndPoint)socket.LocalEndPoint);

        await client.SendToAsync(new byte[101], SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());
        await client.SendToAsync(new byte[100], SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());
        await client.SendToAsync(new byte[10], SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());
        await twoSeen.Task.WaitAsync(TestSockets.Guard());

        Assert.Equal([100, 10], lengths);
        Assert.Equal(1, logs.Count(1401));
    }

    [Fact]
    public async Task Sending_more_than_the_limit_is_refused()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new ListenerLimits { MaxDatagramSize = 100 });

        await Assert.ThrowsAsync<ArgumentException>(
            () => socket.SendAsync(new byte[101], socket.LocalEndPoint, TestSockets.Guard()).AsTask());
    }

    [Fact]
    public async Task A_throwing_handler_is_logged_once_and_the_loop_goes_on()
    {
        var logs = new CollectingLoggerFactory();
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var echo = EchoOn(socket);
        await using var host = new DatagramListenerHost(
            socket,
            (datagram, cancellationToken) => datagram.Payload.Span.SequenceEqual("boom"u8)
                ? throw new InvalidOperationException("boom")
                : echo(datagram, cancellationToken),
            logger: logs.CreateLogger<DatagramListenerHost>());
        await host.StartAsync(TestSockets.Guard());
        using var client = Client((IPEndPoint)socket.LocalEndPoint);

        await client.SendToAsync("boom"u8.ToArray(), SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());
        Assert.Equal("ok", await RoundTripAsync(client, socket.LocalEndPoint, "ok"));
        await client.SendToAsync("boom"u8.ToArray(), SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());
        Assert.Equal("still ok", await RoundTripAsync(client, socket.LocalEndPoint, "still ok"));

        Assert.Equal(2, logs.Count(1502));
    }

    [Fact]
    public async Task Sending_to_a_closed_port_does_not_stop_receiving()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var host = new DatagramListenerHost(socket, EchoOn(socket));
        await host.StartAsync(TestSockets.Guard());
        EndPoint closed;
        using (var gone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            gone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closed = gone.LocalEndPoint!;
        }

        // The ICMP port-unreachable this provokes is a reset on Windows' next receive and nothing on Linux.
        await socket.SendAsync("nobody"u8.ToArray(), closed, TestSockets.Guard());
        using var client = Client((IPEndPoint)socket.LocalEndPoint);

        Assert.Equal("alive", await RoundTripAsync(client, socket.LocalEndPoint, "alive"));
    }

    [Fact]
    public async Task Ipv6_loopback_round_trips()
    {
        Assert.SkipUnless(Socket.OSSupportsIPv6, "IPv6 is not available.");
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await using var host = new DatagramListenerHost(socket, EchoOn(socket));
        await host.StartAsync(TestSockets.Guard());
        var server = Assert.IsType<IPEndPoint>(socket.LocalEndPoint);
        using var client = Client(server);

        Assert.Equal(AddressFamily.InterNetworkV6, server.AddressFamily);
        Assert.Equal("v6", await RoundTripAsync(client, server, "v6"));
    }

    [Fact]
    public async Task Stop_ends_the_loop_and_later_datagrams_are_not_handled()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var handled = 0;
        var host = new DatagramListenerHost(socket, (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return ValueTask.CompletedTask;
        });
        await host.StartAsync(TestSockets.Guard());
        await host.StopAsync(TestSockets.Guard()).WaitAsync(TestSockets.Guard());
        using var client = Client((IPEndPoint)socket.LocalEndPoint);
        await client.SendToAsync("late"u8.ToArray(), SocketFlags.None, socket.LocalEndPoint, TestSockets.Guard());

        // The datagram waits in the socket for whoever receives next: the transport outlives the host.
        var late = await socket.ReceiveAsync(TestSockets.Guard());

        Assert.Equal("late", Encoding.ASCII.GetString(late.Payload.Span));
        Assert.Equal(0, Volatile.Read(ref handled));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Two_receives_at_once_are_refused()
    {
        await using var socket = DatagramSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var first = socket.ReceiveAsync(cancel.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => socket.ReceiveAsync(cancel.Token).AsTask());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.AsTask());
    }
}
