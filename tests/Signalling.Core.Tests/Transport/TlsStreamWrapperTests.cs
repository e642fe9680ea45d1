using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Signalling.Core.Transport;

namespace Signalling.Core.Tests.Transport;

/// <summary>TLS through <see cref="SocketStreamTransportOptions.StreamWrapper"/>: the hook SIP over TLS will use.</summary>
public sealed class TlsStreamWrapperTests : IDisposable
{
    private readonly X509Certificate2 _certificate = CreateCertificate();

    public void Dispose() => _certificate.Dispose();

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Through PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    private SocketStreamTransportOptions ServerOptions() => new()
    {
        StreamWrapper = async (stream, cancellationToken) =>
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, cancellationToken);
            return tls;
        },
    };

    private SocketStreamTransportOptions ClientOptions() => new()
    {
        StreamWrapper = async (stream, cancellationToken) =>
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",

                    // Trust exactly the test's own certificate.
                    RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString(),
                },
                cancellationToken);
            return tls;
        },
    };

    private static async Task Echo(StreamConnection connection) =>
        await connection.Transport.Input.CopyToAsync(connection.Transport.Output);

    [Fact]
    public async Task Tls_client_and_server_echo_through_the_wrapper()
    {
        var server = new SocketStreamTransport(options: ServerOptions());
        await using var host = new StreamListenerHost(server, new IPEndPoint(IPAddress.Loopback, 0), Echo);
        await host.StartAsync(TestSockets.Guard());
        var client = new SocketStreamTransport(options: ClientOptions());
        var payload = new byte[100_000];
        new Random(5).NextBytes(payload);

        await using var connection = await client.ConnectAsync(host.EndPoint!, TestSockets.Guard());
        var sending = connection.Transport.Output.WriteAsync(payload, TestSockets.Guard()).AsTask();
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

        Assert.True(payload.AsSpan().SequenceEqual(echoed.WrittenSpan));
    }

    [Fact]
    public async Task Plain_text_on_a_tls_port_closes_the_connection_with_one_log_line()
    {
        var logs = new CollectingLoggerFactory();
        var server = new SocketStreamTransport(options: ServerOptions(), loggerFactory: logs);
        await using var host = new StreamListenerHost(server, new IPEndPoint(IPAddress.Loopback, 0), Echo, logger: logs.CreateLogger<StreamListenerHost>());
        await host.StartAsync(TestSockets.Guard());
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);

        await socket.SendAsync("OPTIONS sip:a@b SIP/2.0\r\n\r\n"u8.ToArray(), SocketFlags.None, TestSockets.Guard());

        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        await logs.WhenLogged(1006).WaitAsync(TestSockets.Guard());
        Assert.Equal(1, logs.Count(1006));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task A_peer_that_stalls_the_handshake_is_closed_by_the_idle_timeout()
    {
        var time = new FakeTimeProvider();
        var logs = new CollectingLoggerFactory();
        var limits = new ListenerLimits { IdleTimeout = TimeSpan.FromSeconds(10) };
        var server = new SocketStreamTransport(limits, ServerOptions(), logs);
        var handlerError = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task RecordEnd(StreamConnection connection)
        {
            started.SetResult();
            try
            {
                await Echo(connection);
                handlerError.SetResult(null);
            }
            catch (Exception exception)
            {
                handlerError.SetResult(exception);
                throw;
            }
        }

        await using var host = new StreamListenerHost(server, new IPEndPoint(IPAddress.Loopback, 0), RecordEnd, limits, time, logs.CreateLogger<StreamListenerHost>());
        await host.StartAsync(TestSockets.Guard());
        using var socket = await TestSockets.ConnectAsync(host.EndPoint!);

        // The connection is handed over at once and its idle clock runs while the handshake waits for a ClientHello.
        await started.Task.WaitAsync(TestSockets.Guard());

        time.Advance(limits.IdleTimeout);

        Assert.True(await TestSockets.IsClosedByPeerAsync(socket));
        Assert.IsType<ConnectionAbortedException>(await handlerError.Task.WaitAsync(TestSockets.Guard()));
        Assert.Equal(1, logs.Count(1201));

        // We aborted the handshake ourselves: that is not reported as a failed handshake.
        Assert.Equal(0, logs.Count(1006));
    }
}
