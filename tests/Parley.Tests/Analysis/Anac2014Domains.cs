using System.Globalization;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Analysis;

/// <summary>
/// The shared ANAC 2014 folders and their published <c>pareto.xml</c> (not XML: one "u1, u2" line per point). The domain
/// and the two profiles are copied into a temporary folder so the reader sees only GENIUS files.
/// </summary>
internal static class Anac2014Domains
{
    public static readonly string[] Names = ["10issues", "10issuesDiscountedwithRV", "30issues", "50issuesDiscountedwithRV"];

    public static string Folder(string name) => Path.Combine(TestPaths.AnacScenarios, "y2014", name);

    public static Scenario Load(string name)
    {
        using var temp = TestPaths.TempFolder();
        foreach (var file in Directory.GetFiles(Folder(name), "*.xml").Where(f => Path.GetFileName(f) != "pareto.xml"))
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        return GeniusScenarioReader.ReadFolder(temp.Path);
    }

    /// <summary>The published points: each non-empty line "u1, u2".</summary>
    public static List<double[]> PublishedFrontier(string name) =>
        File.ReadAllLines(Path.Combine(Folder(name), "pareto.xml"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(',').Select(x => double.Parse(x.Trim(), CultureInfo.InvariantCulture)).ToArray())
            .ToList();
}
