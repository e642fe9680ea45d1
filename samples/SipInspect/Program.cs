// SipInspect: parse a SIP message with Signalling's message layer and show what the stack sees.
//   dotnet run --project samples/SipInspect                 (an embedded INVITE with SDP)
//   dotnet run --project samples/SipInspect -- message.sip  (a file; '-' reads standard input)
using System.Text;
using Signalling.Sip.Messages;
using Signalling.Sip.Sdp;

const string DefaultMessage =
    "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
    "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
    "Max-Forwards: 70\r\n" +
    "From: \"Alice\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
    "To: \"Bob\" <sip:bob@biloxi.example.com>\r\n" +
    "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
    "CSeq: 314159 INVITE\r\n" +
    "Contact: <sip:alice@192.0.2.101:5060;transport=udp>\r\n" +
    "Supported: replaces, timer, 100rel\r\n" +
    "Content-Type: application/sdp\r\n";

const string DefaultBody =
    "v=0\r\n" +
    "o=alice 2890844526 2890844526 IN IP4 192.0.2.101\r\n" +
    "s=-\r\n" +
    "c=IN IP4 192.0.2.101\r\n" +
    "t=0 0\r\n" +
    "m=audio 49170 RTP/AVP 0 8 101\r\n" +
    "a=rtpmap:101 telephone-event/8000\r\n";

byte[] bytes;
try
{
    bytes = args.Length == 0 ? Encoding.UTF8.GetBytes($"{DefaultMessage}Content-Length: {DefaultBody.Length}\r\n\r\n{DefaultBody}")
        : args[0] == "-" ? ReadAll(Console.OpenStandardInput())
        : File.ReadAllBytes(args[0]);
}
catch (IOException e)
{
    Console.Error.WriteLine($"sipinspect: cannot read {args[0]}: {e.Message}");
    return 2;
}

if (!SipMessageParser.TryParse(bytes.AsMemory(), out var message, out var failure))
{
    Console.WriteLine($"REJECTED  {failure.Reason}: {failure.Detail}");
    if (failure.Partial is SipRequest partial)
    {
        // What a UAS answers (RFC 3261 §8.2, §21.4.1): the reason goes in the phrase.
        Console.WriteLine("Answer the stack would send:");
        try
        {
            Console.WriteLine(SipResponseBuilder.CreateFor(partial, failure.StatusCode, failure.ReasonPhrase).Build());
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine($"  (none: the headers needed to answer are unusable; the request is dropped)");
        }
    }
    return 1;
}

if (message is SipRequest request)
{
    Console.WriteLine($"REQUEST   {request.Method} {request.RequestUriText}");
    Console.WriteLine($"  Request-URI scheme: {(request.TryGetRequestUri(out var uri) ? uri.Scheme : "(unparsable)")}");
}
else if (message is SipResponse response)
{
    Console.WriteLine($"RESPONSE  {response.StatusCode} {response.ReasonPhrase}");
}

Console.WriteLine($"  Call-ID:  {message.CallId}");
Console.WriteLine($"  CSeq:     {message.CSeq}");
Console.WriteLine($"  From:     {message.From.DisplayName ?? "-"} {message.From.UriText} tag={message.From.Tag}");
Console.WriteLine($"  To:       {message.To.DisplayName ?? "-"} {message.To.UriText} tag={(message.To.Tag.IsEmpty ? "(none)" : message.To.Tag.ToString())}");
foreach (var via in message.Vias)
{
    Console.WriteLine($"  Via:      {via.Transport} {via.Host}:{via.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"} branch={via.Branch} rport={(via.HasRPort ? "yes" : "no")}");
}
foreach (var contact in message.Contacts)
{
    Console.WriteLine($"  Contact:  {(contact.IsWildcard ? "*" : contact.Address.UriText.ToString())}");
}
Console.WriteLine($"  Headers:  {message.Headers.Count} lines");
foreach (var header in message.Headers)
{
    Console.WriteLine($"    {(header.Id == KnownHeader.Unknown ? "?" : " ")} {header.Name}: {header.Value}");
}

if (!message.Body.IsEmpty && message.ContentType.EqualsIgnoreCase("application/sdp"u8))
{
    if (SdpSession.TryParse(message.Body.Span, out var sdp, out var error))
    {
        Console.WriteLine($"  SDP:      o={sdp.Origin.UserName} c={sdp.Connection?.Address ?? "-"}");
        foreach (var media in sdp.Media)
        {
            var codecs = media.Formats.Select(f => int.TryParse(f, out var pt) && media.ResolveRtpMap(pt) is { } map ? $"{pt}={map.EncodingName}/{map.ClockRate}" : f);
            Console.WriteLine($"    m={media.MediaType} port {media.Port} {media.Protocol} [{string.Join(", ", codecs)}] {media.GetDirection(sdp)}");
        }
    }
    else
    {
        Console.WriteLine($"  SDP:      invalid ({error})");
    }
}
else if (!message.Body.IsEmpty)
{
    Console.WriteLine($"  Body:     {message.Body.Length} bytes of {message.ContentType}");
}

if (message is SipRequest answered && answered.Method != SipMethod.Ack)
{
    Console.WriteLine("A 180 Ringing built from it (RFC 3261 §8.2.6):");
    Console.Write(SipResponseBuilder.CreateFor(answered, 180).Build());
}
return 0;

static byte[] ReadAll(Stream stream)
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    return memory.ToArray();
}
