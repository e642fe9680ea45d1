using System.Net;
using System.Net.Sockets;

namespace Signalling.Core.Tests.Transport;

/// <summary>Plain sockets playing the peer, and the hang guard every test uses.</summary>
internal static class TestSockets
{
    /// <summary>Only there to turn a hang into a failure; never an assertion about speed.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static CancellationToken Guard() => CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, new CancellationTokenSource(HangGuard).Token).Token;

    public static async Task<Socket> ConnectAsync(EndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint, Guard());
        return socket;
    }

    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, Guard());
            if (n == 0)
            {
                throw new EndOfStreamException($"Closed after {read} of {count} bytes.");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until the peer closes; true when it closed (FIN or RST), after discarding any bytes before.</summary>
    public static async Task<bool> IsClosedByPeerAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, Guard()) > 0)
            {
            }

            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return true;
        }
    }

    public static async Task<string> EchoAsync(Socket socket, string text)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        await socket.SendAsync(bytes, SocketFlags.None, Guard());
        return System.Text.Encoding.ASCII.GetString(await ReadExactlyAsync(socket, bytes.Length));
    }
}
