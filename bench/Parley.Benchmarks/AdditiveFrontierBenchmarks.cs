using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Preferences;

namespace Parley.Benchmarks;

/// <summary>
/// Exact issue-by-issue frontier of a 10^30-outcome bilateral additive space (30 issues × 10 values): random
/// evaluations (small frontier) and opposed evaluations (thousands of frontier points).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdditiveFrontierBenchmarks
{
    private LinearAdditiveUtility _a = null!;
    private LinearAdditiveUtility _b = null!;

    /// <summary>"random" or "opposed" evaluations.</summary>
    [Params("random", "opposed")]
    public string Kind { get; set; } = "random";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = Kind == "opposed" ? SyntheticSpaces.OpposedAdditive(30, 10, seed: 3) : SyntheticSpaces.Additive(30, 10, seed: 3);
        _a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
        _b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
    }

    [Benchmark]
    public int IssueByIssue() => FrontierFinder.IssueByIssue(_a, _b).Points.Length;
}
