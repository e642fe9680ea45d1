namespace Signalling.Sip.Tests;

/// <summary>
/// Locates the project's <c>shared</c> folder (kept next to the checkout as <c>../shared</c>,
/// never copied into the repository). Tests that need it skip with a reason when it is absent.
/// </summary>
internal static class SharedData
{
    /// <summary>The RFC 4475 torture messages, or null when the shared folder is not present.</summary>
    public static string? TortureDirectory => Find(Path.Combine("sip-torture", "rfc4475"));

    /// <summary>The parser benchmark messages (invite.sip, ok200.sip), or null.</summary>
    public static string? BenchDirectory => Find("bench");

    /// <summary>Reads a torture message by its file name without extension, skipping the test when the folder is absent.</summary>
    public static byte[] Torture(string name) =>
        File.ReadAllBytes(Path.Combine(RequireTortureDirectory(), name + ".dat"));

    /// <summary>The torture folder, or skips the calling test.</summary>
    public static string RequireTortureDirectory() =>
        TortureDirectory ?? throw Skip("the RFC 4475 torture messages (../shared/sip-torture/rfc4475 next to the repository) are not present");

    /// <summary>The reference INVITE of the parser benchmarks, or skips the calling test.</summary>
    public static byte[] ReferenceInvite()
    {
        var directory = BenchDirectory ?? throw Skip("the reference messages (../shared/bench next to the repository) are not present");
        return File.ReadAllBytes(Path.Combine(directory, "invite.sip"));
    }

    // Walks up from the test binaries until a directory has shared/sip-torture as a child, or
    // as a sibling (the repository root's parent holds shared/). Builds with an artifacts path
    // outside the checkout (--artifacts-path /tmp/...) start again from the working directory
    // and from this source file's folder.
    private static string? Find(string relative, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts)
        {
            if (string.IsNullOrEmpty(start) || !Directory.Exists(start)) continue;
            var found = FindFrom(start, relative);
            if (found is not null) return found;
        }
        return null;
    }

    private static string? FindFrom(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            foreach (var root in new[] { directory.FullName, directory.Parent?.FullName })
            {
                if (root is null) continue;
                var shared = Path.Combine(root, "shared");
                if (Directory.Exists(Path.Combine(shared, "sip-torture")))
                {
                    var candidate = Path.Combine(shared, relative);
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }
        }
        return null;
    }

    private static Exception Skip(string reason)
    {
        Assert.Skip(reason);
        return new InvalidOperationException(reason); // not reached: Assert.Skip throws
    }
}
