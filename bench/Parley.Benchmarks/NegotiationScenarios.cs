using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Benchmarks;

/// <summary>Locates the shared ANAC scenarios and loads them with their utility indices built (outside the measurement).</summary>
internal static class NegotiationScenarios
{
    public static Scenario Load(string relative)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(AnacRoot(), relative));
        foreach (var party in scenario.Parties) UtilityIndex.For(party.Profile.Utility);
        return scenario;
    }

    private static string AnacRoot() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "scenarios", "anac"));

    /// <summary>The repository root (the folder holding Parley.slnx).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        // BenchmarkDotNet runs a generated copy of the project; fall back to the working directory's ancestors.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Parley.slnx above the benchmark binaries or the working directory.");
    }
}
