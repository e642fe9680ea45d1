using Signalling.H323.Per;

namespace Signalling.H323.Tests.Per;

/// <summary>Small helpers: encode with a callback and compare hex; decode hex with the top-level entry point.</summary>
internal static class PerTestHelpers
{
    public static string Encode(Action<PerEncoder> write)
    {
        using var encoder = new PerEncoder();
        write(encoder);
        return Convert.ToHexString(encoder.CompleteEncoding());
    }

    public static byte[] EncodeBytes(Action<PerEncoder> write)
    {
        using var encoder = new PerEncoder();
        write(encoder);
        return encoder.ToArray();
    }

    public static (string Hex, long Bits) EncodeWithBits(Action<PerEncoder> write)
    {
        using var encoder = new PerEncoder();
        write(encoder);
        return (Convert.ToHexString(encoder.CompleteEncoding()), encoder.BitLength);
    }

    public static T Decode<T>(string hex, PerDecodeFunc<T> read) => Decode(Convert.FromHexString(hex), read);

    public static T Decode<T>(byte[] bytes, PerDecodeFunc<T> read)
    {
        var ok = PerDecoder.TryDecode(bytes, read, out var value, out var error);
        Assert.True(ok, $"decode failed: {error}");
        return value!;
    }

    public static PerDecodeError DecodeError<T>(byte[] bytes, PerDecodeFunc<T> read)
    {
        var ok = PerDecoder.TryDecode(bytes, read, out _, out var error);
        Assert.False(ok, "decode unexpectedly succeeded");
        Assert.NotEqual(PerDecodeErrorReason.None, error.Reason);
        return error;
    }
}
