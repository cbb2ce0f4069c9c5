namespace Parley.Tests;

/// <summary>Locates the repository and the shared scenario data from the test binary's folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Parley.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>../shared/scenarios/anac relative to the repository root.</summary>
    public static string AnacScenarios => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "scenarios", "anac"));

    /// <summary>One ANAC scenario folder, e.g. ("y2010", "EnglandZimbabwe").</summary>
    public static string Anac(string year, string name) => Path.Combine(AnacScenarios, year, name);

    /// <summary>Every ANAC scenario folder as "yYYYY/Name", sorted.</summary>
    public static IEnumerable<string> AllAnacScenarios() =>
        Directory.GetDirectories(AnacScenarios)
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetRelativePath(AnacScenarios, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
    }
}
