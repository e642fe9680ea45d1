using System.Buffers;
using System.Globalization;

namespace Signalling.Sip.Messages;

/// <summary>Builds responses, usually from the request they answer (RFC 3261 §8.2.6).</summary>
public sealed class SipResponseBuilder : SipMessageBuilder<SipResponseBuilder>
{
    /// <summary>Starts a response with only a Status-Line.</summary>
    public SipResponseBuilder(int statusCode, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase ?? SipReasonPhrases.Get(statusCode);
        if (ReasonPhrase.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new ArgumentException("A reason phrase cannot contain CR or LF.", nameof(reasonPhrase));
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase.</summary>
    public string ReasonPhrase { get; }

    /// <summary>
    /// A response to <paramref name="request"/> per §8.2.6.2: Via lines, From, Call-ID and CSeq
    /// copied exactly; To copied, with <paramref name="toTag"/> (or a fresh tag) added when the
    /// request's To has none and the status is not 100; Timestamp copied into 100 Trying (§8.2.6.1).
    /// </summary>
    public static SipResponseBuilder CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new SipResponseBuilder(statusCode, reasonPhrase);
        foreach (var header in request.Headers)
        {
            switch (header.Id)
            {
                case KnownHeader.Via:
                case KnownHeader.From:
                case KnownHeader.CallId:
                case KnownHeader.CSeq:
                    builder.AddHeader(SipHeaderNames.GetCanonicalName(header.Id), header.Value.Memory);
                    break;
                case KnownHeader.To:
                    var to = header.Value.ToString();
                    if (statusCode != 100 && request.To.Tag.IsEmpty) to += ";tag=" + (toTag ?? SipIdentifiers.NewTag());
                    builder.AddHeader(KnownHeader.To, to);
                    break;
                case KnownHeader.Timestamp when statusCode == 100:
                    builder.AddHeader(KnownHeader.Timestamp, header.Value.ToString());
                    break;
            }
        }
        return builder;
    }

    /// <summary>Starts from a received response, e.g. for a proxy to forward it (§16.7); Content-Length is recomputed.</summary>
    public static SipResponseBuilder From(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var builder = new SipResponseBuilder(response.StatusCode, response.ReasonPhrase.ToString());
        builder.CopyFrom(response);
        return builder;
    }

    /// <summary>Writes the message and parses it back; throws <see cref="InvalidOperationException"/> when it is not valid SIP.</summary>
    public SipResponse Build() => (SipResponse)BuildMessage();

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        writer.Write("SIP/2.0 "u8);
        WriteAscii(writer, StatusCode.ToString(CultureInfo.InvariantCulture));
        writer.Write(" "u8);
        WriteAscii(writer, ReasonPhrase);
    }
}
