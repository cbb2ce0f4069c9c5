using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Analysis;

namespace Parley.Benchmarks;

/// <summary>
/// The exact branch-and-bound frontier (seeding search included, no budget) on the four shared ANAC 2014 domains and on
/// generated 40-issue siblings (40 integer issues of 10 values, 60–80 rectangles per profile; seeds 1–3).
/// </summary>
[MedianColumn]
public class BranchAndBoundFrontierBenchmarks
{
    private OutcomeSpace _space = null!;
    private UtilityFunction[] _utilities = null!;

    [Params("10issues", "10issuesDiscountedwithRV", "30issues", "50issuesDiscountedwithRV", "sibling40-1", "sibling40-2", "sibling40-3")]
    public string Domain { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Domain.StartsWith("sibling40-", StringComparison.Ordinal)
            ? ConstraintScenarios.Anac2014Sibling(int.Parse(Domain["sibling40-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            : ScenarioLoader.Load(Path.Combine(SharedFolder(), "scenarios", "anac", "y2014", Domain));
        _space = scenario.Space;
        _utilities = scenario.Principals.Select(p => p.Profile.Utility).ToArray();
    }

    [Benchmark]
    public int ExactFrontier()
    {
        var frontier = FrontierFinder.BranchAndBound(_space, _utilities, new AnalysisOptions { Budget = null })!;
        return frontier.Exact ? frontier.Points.Length : throw new InvalidOperationException("not exact");
    }

    /// <summary>../shared next to the repository (the nearest ancestor holding Parley.slnx).</summary>
    private static string SharedFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Parley.slnx)."), "..", "shared");
    }
}
