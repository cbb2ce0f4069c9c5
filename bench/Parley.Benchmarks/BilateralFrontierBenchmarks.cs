using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Outcomes;

namespace Parley.Benchmarks;

/// <summary>Exact bilateral frontier plus Nash point over an evaluated synthetic additive space (10 values per issue).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class BilateralFrontierBenchmarks
{
    private UtilityMatrix _matrix = null!;
    private OutcomeSpace _space = null!;

    /// <summary>Number of outcomes (a power of ten: issues × 10 values).</summary>
    [Params(1_000_000, 10_000_000)]
    public int Outcomes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = SyntheticSpaces.Additive((int)Math.Round(Math.Log10(Outcomes)), 10, seed: 2);
        _space = scenario.Space;
        _matrix = UtilityMatrix.Evaluate(_space, scenario.Parties.Select(p => p.Profile.Utility).ToArray());
    }

    [Benchmark]
    public DealPoint? FrontierAndNash()
    {
        var frontier = FrontierFinder.Enumerated(_matrix, _space);
        return BargainingSolutions.Nash(frontier.Points, [0.0, 0.0]);
    }
}
