using System.Net;
using Signalling.Core.Transport;
using Signalling.Sip.Messages;

namespace Signalling.Sip.Transport;

/// <summary>
/// How a <see cref="SipTransport"/> listens and what it accepts (RFC 3261 §18); bound from configuration
/// as options and checked by <see cref="Validate"/>, which names the key at fault.
/// </summary>
public sealed class SipTransportOptions
{
    /// <summary>The smallest MTU a path may have (RFC 791 lets every IPv4 host assume 576 bytes).</summary>
    public const int MinimumMtu = 576;

    /// <summary>
    /// Where to receive SIP over UDP, for example <c>0.0.0.0:5060</c> or <c>[::1]:0</c> (port 0 lets the system
    /// choose); <see langword="null"/> or empty for no UDP. Default <c>0.0.0.0:5060</c>.
    /// </summary>
    public string? UdpEndPoint { get; set; } = "0.0.0.0:5060";

    /// <summary>
    /// Where to accept SIP over TCP; <see langword="null"/> or empty for no TCP listener (outbound TCP, and with it
    /// the §18.1.1 switch, then stays off too). Default <c>0.0.0.0:5060</c>.
    /// </summary>
    public string? TcpEndPoint { get; set; } = "0.0.0.0:5060";

    /// <summary>Limits of the message parser and the stream framer; the maximum message size must be below
    /// <see cref="ListenerLimits.MaxBufferedBytesPerConnection"/>.</summary>
    public SipParserOptions Parser { get; set; } = SipParserOptions.Default;

    /// <summary>Connection, buffer and datagram limits of the listeners.</summary>
    public ListenerLimits Limits { get; set; } = new();

    /// <summary>
    /// The path MTU in bytes (RFC 3261 §18.1.1): a request larger than <c>Mtu - 200</c> that is to go over UDP goes
    /// over TCP instead when there is a TCP listener. Default 1500 (Ethernet).
    /// </summary>
    public int Mtu { get; set; } = 1500;

    /// <summary>How long opening an outbound TCP connection may take before the messages waiting for it fail. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many messages may wait to be written, per connection and for UDP, before
    /// <see cref="SipTransport.Send"/> reports further messages as transport errors instead of queuing them. Default 4096.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 4096;

    /// <summary>Throws when a setting is out of range, naming the key.</summary>
    /// <exception cref="ArgumentException">An endpoint is not an IP address and port, or no protocol is enabled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Parser"/> or <see cref="Limits"/> is null.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Parser, nameof(Parser));
        ArgumentNullException.ThrowIfNull(Limits, nameof(Limits));
        Limits.Validate();
        var udp = ParseEndPoint(UdpEndPoint, nameof(UdpEndPoint));
        var tcp = ParseEndPoint(TcpEndPoint, nameof(TcpEndPoint));
        if (udp is null && tcp is null)
        {
            throw new ArgumentException("At least one of UdpEndPoint and TcpEndPoint must be set.", nameof(UdpEndPoint));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Mtu, MinimumMtu, nameof(Mtu));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SendQueueCapacity, nameof(SendQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Parser.MaxMessageSize, nameof(Parser) + "." + nameof(SipParserOptions.MaxMessageSize));

        // A framer that waits for a whole message cannot progress once the connection's input pipe has paused.
        if (Parser.MaxMessageSize >= Limits.MaxBufferedBytesPerConnection)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Parser) + "." + nameof(SipParserOptions.MaxMessageSize),
                Parser.MaxMessageSize,
                "Parser.MaxMessageSize must be below Limits.MaxBufferedBytesPerConnection.");
        }
    }

    /// <summary>The UDP endpoint as an address, or <see langword="null"/> when UDP is off.</summary>
    internal IPEndPoint? GetUdpEndPoint() => ParseEndPoint(UdpEndPoint, nameof(UdpEndPoint));

    /// <summary>The TCP endpoint as an address, or <see langword="null"/> when TCP is off.</summary>
    internal IPEndPoint? GetTcpEndPoint() => ParseEndPoint(TcpEndPoint, nameof(TcpEndPoint));

    private static IPEndPoint? ParseEndPoint(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!IPEndPoint.TryParse(value, out var endPoint))
        {
            throw new ArgumentException($"{key} must be an IP address and port such as 0.0.0.0:5060 or [::1]:0, not '{value}'.", key);
        }

        return endPoint;
    }
}
