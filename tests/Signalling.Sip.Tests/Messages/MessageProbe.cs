using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Tests.Messages;

/// <summary>
/// Reads every typed accessor of a message, the way the layers above will. A message that
/// parsed must answer all of them without throwing; a <see cref="SipParseFailure.Partial"/>
/// message may throw <see cref="InvalidOperationException"/> for the header at fault.
/// </summary>
internal static class MessageProbe
{
    /// <summary>
    /// Reads everything; returns a sum of what was read so the reads are not dead code. The sum is
    /// a long: CSeq numbers and expiry values reach 2**31 and 2**32, which overflow an int.
    /// </summary>
    public static long ReadAll(SipMessage message)
    {
        var n = 0L;
        n += message.Buffer.Length + message.Body.Length;
        n += message.ToArray().Length;
        n += message.ToString().Length;
        foreach (var header in message.Headers)
        {
            n += header.Name.Length + header.Value.Length + header.ToString().Length;
        }
        n += Guard(() => Read(message.Via));
        foreach (var via in message.Vias) n += Read(via);
        n += Guard(() => Read(message.From));
        n += Guard(() => Read(message.To));
        n += Guard(() => message.CallId.Length);
        n += Guard(() => (int)(message.CSeq.Number % 1_000_000) + message.CSeq.Method.Name.Length + message.CSeq.ToString().Length);
        n += message.MaxForwards ?? 0;
        foreach (var contact in message.Contacts)
        {
            n += contact.IsWildcard ? 1 : Read(contact.Address);
            n += (contact.Expires ?? 0) + (long)((contact.Q ?? 0) * 1000);
        }
        foreach (var route in message.Routes) n += Read(route);
        foreach (var route in message.RecordRoutes) n += Read(route);
        n += message.ContentType.Length + (message.Expires ?? 0);
        foreach (var name in (ReadOnlySpan<string>)["Accept", "Require", "Supported", "Allow", "Proxy-Require", "NewFangledHeader"])
        {
            foreach (var value in message.Headers.GetValues(name)) n += value.Length;
        }
        switch (message)
        {
            case SipRequest request:
                n += request.Method.Name.Length + request.RequestUriText.Length;
                if (request.TryGetRequestUri(out var uri)) n += uri.ToString().Length;
                break;
            case SipResponse response:
                n += response.StatusCode + response.ReasonPhrase.Length;
                break;
        }
        return n;
    }

    private static int Read(ViaHeader via)
    {
        var n = via.Text.Length + via.ProtocolName.Length + via.ProtocolVersion.Length + via.Transport.Length + via.Host.Length;
        n += (via.Port ?? 0) + via.Branch.Length + (via.HasRfc3261Branch ? 1 : 0) + via.Received.Length;
        n += (via.HasRPort ? 1 : 0) + (via.RPort ?? 0) + via.MAddr.Length + (via.Ttl ?? 0);
        foreach (var parameter in via.Parameters) n += parameter.Name.Length + parameter.Value.Length;
        return n;
    }

    private static int Read(NameAddress address)
    {
        var n = address.Text.Length + address.DisplayNameText.Length + (address.DisplayName?.Length ?? 0);
        n += address.UriText.Length + address.Tag.Length + (address.IsNameAddr ? 1 : 0);
        foreach (var parameter in address.Parameters) n += parameter.Name.Length + parameter.Value.Length;
        if (address.TryGetUri(out var uri)) n += uri.ToString().Length;
        return n;
    }

    // Accessors of the core headers throw InvalidOperationException when the header is absent or
    // invalid; on a parsed message they are present and valid, so the caller asserts nothing threw.
    private static int Guard(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>Reads everything and fails when a core accessor reported a missing header.</summary>
    public static void AssertReadable(SipMessage message)
    {
        // On a parsed message the core headers are validated: none of the guarded reads may fail.
        _ = message.Via;
        _ = message.From;
        _ = message.To;
        _ = message.CallId;
        _ = message.CSeq;
        Assert.True(ReadAll(message) > 0);
    }
}
