using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Messages.Headers;

namespace Signalling.Sip.Tests.Messages.Headers;

/// <summary>Builds whole SIP messages around header lines under test and parses header values.</summary>
internal static class HeaderTestMessages
{
    /// <summary>Parses a request that carries <paramref name="extraHeaderLines"/> (CRLF-separated, no trailing CRLF).</summary>
    public static SipMessage Request(string method, string extraHeaderLines)
    {
        var text =
            $"{method} sip:bob@biloxi.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8\r\n" +
            "Max-Forwards: 70\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
            $"CSeq: 314159 {method}\r\n" +
            "Contact: <sip:alice@pc33.atlanta.example.com>\r\n" +
            extraHeaderLines + "\r\n" +
            "Content-Length: 0\r\n" +
            "\r\n";
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out var message, out var failure), failure.ToString());
        return message;
    }

    /// <summary>Parses a response that carries <paramref name="extraHeaderLines"/>.</summary>
    public static SipMessage Response(string status, string method, string extraHeaderLines)
    {
        var text =
            $"SIP/2.0 {status}\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
            $"CSeq: 314159 {method}\r\n" +
            extraHeaderLines + "\r\n" +
            "Content-Length: 0\r\n" +
            "\r\n";
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text).AsMemory(), out var message, out var failure), failure.ToString());
        return message;
    }

    /// <summary>Decodes one value with <typeparamref name="T"/>'s TryParse.</summary>
    public static bool TryParse<T>(string value, out T result) where T : struct, ISipHeaderValue<T> =>
        T.TryParse(Encoding.UTF8.GetBytes(value), out result);

    /// <summary>Decodes one value that must be valid.</summary>
    public static T Parse<T>(string value) where T : struct, ISipHeaderValue<T>
    {
        Assert.True(TryParse<T>(value, out var result), $"'{value}' should parse as {typeof(T).Name}");
        return result;
    }
}
