namespace Parley.Tests;

/// <summary>Locates the repository and the read-only shared data (../shared next to the repository).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Parley.slnx) above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string Anac => Path.Combine(Shared, "scenarios", "anac");
    public static string Reference => Path.Combine(Shared, "reference", "anac");

    /// <summary>Same as <see cref="Anac"/> (kept for the analysis tests).</summary>
    public static string? AnacScenarios => Anac;

    /// <summary>Same as <see cref="Reference"/> (kept for the analysis tests).</summary>
    public static string? AnacReference => Reference;

    /// <summary>Every ANAC scenario folder as "yYYYY/Name", sorted.</summary>
    public static IEnumerable<string> AnacScenarioNames() =>
        Directory.GetDirectories(Anac).SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetRelativePath(Anac, d).Replace('\\', '/'))
            .OrderBy(s => s, StringComparer.Ordinal);

    public static TheoryData<string> AnacScenarioData()
    {
        var data = new TheoryData<string>();
        foreach (var s in AnacScenarioNames()) data.Add(s);
        return data;
    }

    /// <summary>A fresh empty temporary folder, deleted when disposed.</summary>
    public static TempFolder TempFolder() => new();
}

public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        string path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
