namespace Parley.Tests;

/// <summary>Locates the repository root (the folder holding Parley.slnx) and the shared folder next to it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries holding <c>Parley.slnx</c>.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared folder (<c>../shared</c> from the repository root), or null when it is absent.</summary>
    public static string? Shared
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>ANAC GENIUS scenario folders under the shared folder.</summary>
    public static string? AnacScenarios => Shared is { } s ? Path.Combine(s, "scenarios", "anac") : null;

    /// <summary>Reference analysis values (one JSON file per ANAC scenario).</summary>
    public static string? AnacReference => Shared is { } s ? Path.Combine(s, "reference", "anac") : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
    }
}
