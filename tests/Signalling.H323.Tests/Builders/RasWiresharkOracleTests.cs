using System.Net;
using Signalling.H323.Messages;
using Signalling.H323.Messages.H225;

namespace Signalling.H323.Tests.Builders;

/// <summary>
/// The RAS builders checked by Wireshark: GRQ, RRQ, ARQ, DRQ and URQ as UDP datagrams to port 1719 in one
/// capture must dissect without a malformed or error item, show the values we set, and the RasMessage must
/// cover the whole datagram.
/// </summary>
public sealed class RasWiresharkOracleTests
{
    private static readonly Guid CallId = Guid.Parse("0a1b2c3d-4e5f-4607-8809-0a0b0c0d0e0f");
    private static readonly Guid ConferenceId = Guid.Parse("f0e0d0c0-b0a0-4090-8070-605040302010");
    private static readonly IPEndPoint CallSignalling = new(IPAddress.Parse("192.0.2.10"), 1720);
    private static readonly IPEndPoint Ras = new(IPAddress.Parse("192.0.2.10"), 1719);

    [Fact]
    public void Wireshark_decodes_our_ras_requests()
    {
        WiresharkOracle.RequireTools();

        RasMessage[] messages =
        [
            RasMessages.GatekeeperRequest(1, Ras, [AliasAddress.CreateH323ID("alice")]),
            RasMessages.RegistrationRequest(2, CallSignalling, Ras,
                [AliasAddress.CreateDialledDigits("4930123"), AliasAddress.CreateH323ID("alice"), AliasAddress.CreateUrlID("http://alice.example.com/"), AliasAddress.CreateEmailID("alice@example.com")],
                timeToLive: 300),
            RasMessages.RegistrationRequest(3, CallSignalling, Ras, timeToLive: 300, keepAlive: true, endpointIdentifier: "EP-1", gatekeeperIdentifier: "GK"),
            RasMessages.AdmissionRequest(4, "EP-1", 0x1234, CallId, ConferenceId, [AliasAddress.CreateH323ID("alice")], [AliasAddress.CreateDialledDigits("5551234")], bandWidth: 640),
            RasMessages.DisengageRequest(5, "EP-1", 0x1234, CallId, ConferenceId, answeredCall: true),
            RasMessages.UnregistrationRequest(6, CallSignalling, "EP-1"),
            RasMessages.InfoRequestResponse(7, "EP-1", Ras, [CallSignalling, new IPEndPoint(IPAddress.Parse("198.51.100.20"), 1721)], [AliasAddress.CreateH323ID("alice")], unsolicited: true),
        ];

        using var oracle = new WiresharkOracle();
        var datagrams = messages.Select(m => m.Encode()).ToArray();
        var capture = oracle.WriteUdpCapture(datagrams, "12345,1719");
        Assert.Empty(WiresharkOracle.Problems(capture));
        var packets = WiresharkOracle.Dissect(capture);
        Assert.Equal(messages.Length, packets.Count);
        string[] kinds = ["0", "3", "3", "9", "15", "6", "22"]; // RasMessage alternatives: GRQ, RRQ, RRQ, ARQ, DRQ, URQ, IRR
        for (var i = 0; i < messages.Length; i++)
        {
            WiresharkOracle.AssertCovers(packets[i], "h225.RasMessage", messages[i].Encode, $"message {i}");
            Assert.Equal([kinds[i]], WiresharkOracle.Values(packets[i], "h225.RasMessage"));
            Assert.Equal([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], WiresharkOracle.Values(packets[i], "h225.requestSeqNum"));
        }

        var grq = packets[0];
        Assert.Equal(["0.0.8.2250.0.7"], WiresharkOracle.Values(grq, "h225.protocolIdentifier"));
        Assert.Equal(["192.0.2.10"], WiresharkOracle.Values(grq, "h225.ipV4"));
        Assert.Equal(["1719"], WiresharkOracle.Values(grq, "h225.ipV4_port"));
        Assert.Equal(["alice"], WiresharkOracle.Values(grq, "h225.h323_ID"));

        var rrq = packets[1];
        Assert.Equal(["4930123"], WiresharkOracle.Values(rrq, "h225.dialledDigits"));
        Assert.Equal(["alice"], WiresharkOracle.Values(rrq, "h225.h323_ID"));
        Assert.Equal(["http://alice.example.com/"], WiresharkOracle.Values(rrq, "h225.url_ID"));
        Assert.Equal(["alice@example.com"], WiresharkOracle.Values(rrq, "h225.email_ID"));
        Assert.Equal(["192.0.2.10", "192.0.2.10"], WiresharkOracle.Values(rrq, "h225.ipV4"));
        Assert.Equal(["1720", "1719"], WiresharkOracle.Values(rrq, "h225.ipV4_port"));
        Assert.Equal(["300"], WiresharkOracle.Values(rrq, "h225.timeToLive"));
        Assert.Equal(["0"], WiresharkOracle.Values(rrq, "h225.keepAlive"));

        var keepAlive = packets[2];
        Assert.Equal(["1"], WiresharkOracle.Values(keepAlive, "h225.keepAlive"));
        Assert.Equal(["EP-1"], WiresharkOracle.Values(keepAlive, "h225.endpointIdentifier"));
        Assert.Equal(["GK"], WiresharkOracle.Values(keepAlive, "h225.gatekeeperIdentifier"));
        Assert.Empty(WiresharkOracle.Values(keepAlive, "h225.terminalAlias"));

        var arq = packets[3];
        Assert.Equal(["EP-1"], WiresharkOracle.Values(arq, "h225.endpointIdentifier"));
        Assert.Equal(["alice"], WiresharkOracle.Values(arq, "h225.h323_ID"));
        Assert.Equal(["5551234"], WiresharkOracle.Values(arq, "h225.dialledDigits"));
        Assert.Equal(["640"], WiresharkOracle.Values(arq, "h225.bandWidth"));
        Assert.Equal(["4660"], WiresharkOracle.Values(arq, "h225.callReferenceValue"));
        Assert.Equal([CallId.ToString()], WiresharkOracle.Values(arq, "h225.guid"));
        Assert.Equal([ConferenceId.ToString()], WiresharkOracle.Values(arq, "h225.conferenceID"));

        var drq = packets[4];
        Assert.Equal(["EP-1"], WiresharkOracle.Values(drq, "h225.endpointIdentifier"));
        Assert.Equal([CallId.ToString()], WiresharkOracle.Values(drq, "h225.guid"));
        Assert.Equal([ConferenceId.ToString()], WiresharkOracle.Values(drq, "h225.conferenceID"));
        Assert.Equal(["1"], WiresharkOracle.Values(drq, "h225.disengageReason")); // normalDrop
        Assert.Equal(["1"], WiresharkOracle.Values(drq, "h225.answeredCall"));

        var urq = packets[5];
        Assert.Equal(["EP-1"], WiresharkOracle.Values(urq, "h225.endpointIdentifier"));
        Assert.Equal(["192.0.2.10"], WiresharkOracle.Values(urq, "h225.ipV4"));
        Assert.Equal(["1720"], WiresharkOracle.Values(urq, "h225.ipV4_port"));

        var irr = packets[6];
        Assert.Equal(["EP-1"], WiresharkOracle.Values(irr, "h225.endpointIdentifier"));
        Assert.Equal(["alice"], WiresharkOracle.Values(irr, "h225.h323_ID"));
        Assert.Equal(["192.0.2.10", "192.0.2.10", "198.51.100.20"], WiresharkOracle.Values(irr, "h225.ipV4"));
        Assert.Equal(["1719", "1720", "1721"], WiresharkOracle.Values(irr, "h225.ipV4_port"));
        Assert.Equal(["2"], WiresharkOracle.Values(irr, "h225.callSignalAddress"));
        Assert.Empty(WiresharkOracle.Values(irr, "h225.perCallInfo"));
        Assert.Equal(["0"], WiresharkOracle.Values(irr, "h225.needResponse"));
        Assert.Equal(["1"], WiresharkOracle.Values(irr, "h225.unsolicited"));
    }
}
