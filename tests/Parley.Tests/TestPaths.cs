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

    /// <summary>The repository root: the nearest ancestor of the test binaries holding <c>Parley.slnx</c>.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Same as <see cref="RepoRoot"/>.</summary>
    public static string RepositoryRoot => RepoRoot;

    /// <summary>The shared folder next to the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>ANAC GENIUS scenario folders (yYYYY/Name below it).</summary>
    public static string AnacScenarios => Path.Combine(Shared, "scenarios", "anac");

    /// <summary>Reference analysis values, one JSON file per ANAC scenario (yYYYY/Name.json below it).</summary>
    public static string AnacReference => Path.Combine(Shared, "reference", "anac");

    /// <summary>Same as <see cref="AnacReference"/>.</summary>
    public static string Reference => AnacReference;

    /// <summary>The folder of one ANAC scenario, e.g. Anac("y2010", "EnglandZimbabwe").</summary>
    public static string Anac(string year, string name) => Path.Combine(AnacScenarios, year, name);

    /// <summary>Every ANAC scenario folder as "yYYYY/Name", sorted ordinally.</summary>
    public static IEnumerable<string> AllAnacScenarios() =>
        Directory.GetDirectories(AnacScenarios).SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetRelativePath(AnacScenarios, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Same as <see cref="AllAnacScenarios"/>.</summary>
    public static IEnumerable<string> AnacScenarioNames() => AllAnacScenarios();

    /// <summary>Every ANAC scenario as xunit theory data.</summary>
    public static TheoryData<string> AnacScenarioData()
    {
        var data = new TheoryData<string>();
        foreach (var s in AllAnacScenarios()) data.Add(s);
        return data;
    }

    /// <summary>A fresh empty temporary folder, deleted when disposed.</summary>
    public static TempFolder TempFolder() => new();
}

/// <summary>A temporary folder for one test.</summary>
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
