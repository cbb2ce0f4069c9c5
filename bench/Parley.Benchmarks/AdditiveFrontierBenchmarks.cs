using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Preferences;

namespace Parley.Benchmarks;

/// <summary>
/// Exact issue-by-issue frontier of bilateral additive spaces without enumerating them: 10^30 outcomes (30 issues × 10
/// values) with random evaluations (small frontier) and opposed evaluations (thousands of frontier points), and 10^300
/// outcomes (300 issues × 10 values, random evaluations: about 28,000 frontier points).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdditiveFrontierBenchmarks
{
    private LinearAdditiveUtility _a = null!;
    private LinearAdditiveUtility _b = null!;

    /// <summary>"random" or "opposed" evaluations, with the issue count.</summary>
    [Params("random-30", "opposed-30", "random-300")]
    public string Kind { get; set; } = "random-30";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Kind switch
        {
            "opposed-30" => SyntheticSpaces.OpposedAdditive(30, 10, seed: 3),
            "random-300" => SyntheticSpaces.Additive(300, 10, seed: 3),
            _ => SyntheticSpaces.Additive(30, 10, seed: 3),
        };
        _a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
        _b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
    }

    /// <summary>The frontier with every point listed (outcome rebuilt for each).</summary>
    [Benchmark]
    public int IssueByIssue() => FrontierFinder.IssueByIssue(_a, _b).Points.Length;

    /// <summary>The frontier as <c>analyze</c> lists it: at most 10,000 points rebuilt, all counted.</summary>
    [Benchmark]
    public System.Numerics.BigInteger IssueByIssueListed() =>
        FrontierFinder.IssueByIssue(_a, _b, maxPoints: AnalysisOptions.DefaultMaxPoints).PointCount;
}
