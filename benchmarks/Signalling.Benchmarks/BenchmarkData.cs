namespace Signalling.Benchmarks;

/// <summary>
/// Loads the project's reference messages from <c>../shared/bench/</c> (beside the checkout), so
/// figures compare across the project's history.
/// </summary>
internal static class BenchmarkData
{
    public static byte[] Load(string name)
    {
        var source = typeof(BenchmarkData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var root in new[] { source, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (root is null) continue;
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "bench", name);
                if (File.Exists(candidate)) return File.ReadAllBytes(candidate);
                candidate = Path.Combine(dir.FullName, "..", "shared", "bench", name);
                if (File.Exists(candidate)) return File.ReadAllBytes(candidate);
            }
        }
        throw new FileNotFoundException($"Benchmark data '{name}' not found: expected ../shared/bench/{name} beside the checkout.");
    }
}
