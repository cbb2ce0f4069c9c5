using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Benchmarks;

/// <summary>The seeded local search at effort 1 on a synthetic ANAC-2014-like space (30 integer issues × 10 values, 10^30 outcomes).</summary>
[MedianColumn]
public class LocalSearchBenchmarks
{
    private OutcomeSpace _space = null!;
    private UtilityFunction[] _utilities = null!;

    [GlobalSetup]
    public void Setup()
    {
        var a = SyntheticSpaces.Nonlinear(30, 10, rectangles: 120, seed: 4);
        var b = SyntheticSpaces.Nonlinear(30, 10, rectangles: 120, seed: 5);
        _space = a.Space;
        // Rebind b's rectangles to a's space object so both utilities share one space.
        _utilities = [a, new HyperRectangleUtility(_space, b.Rectangles, b.MaxUtility)];
    }

    [Benchmark]
    public int SearchEffort1() => FrontierFinder.Search(_space, _utilities, new AnalysisOptions(Seed: 1)).Points.Length;
}
