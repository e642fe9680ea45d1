using System.Security.Cryptography;

namespace Signalling.Sip.Messages;

/// <summary>
/// Fresh branch parameters, tags and Call-IDs. They are random (RFC 3261 §8.1.1.4, §19.3 ask
/// for global uniqueness and at least 32 bits of randomness) and carry no node identity, so a
/// dialog can move to another node later.
/// </summary>
public static class SipIdentifiers
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A branch starting with the magic cookie "z9hG4bK" (§8.1.1.7), 64 random bits after it.</summary>
    public static string NewBranch() => "z9hG4bK" + Random(13);

    /// <summary>A From/To tag with 64 random bits (§19.3).</summary>
    public static string NewTag() => Random(13);

    /// <summary>A Call-ID with 128 random bits (§8.1.1.4); no host part, so no node identity leaks into it.</summary>
    public static string NewCallId() => Random(25);

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
