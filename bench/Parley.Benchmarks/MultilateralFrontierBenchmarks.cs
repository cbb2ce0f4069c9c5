using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Outcomes;

namespace Parley.Benchmarks;

/// <summary>Exact three-party frontier plus Nash point over 7^8 = 5,764,801 outcomes with many ties (AgentHp2-sized).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MultilateralFrontierBenchmarks
{
    private UtilityMatrix _matrix = null!;
    private OutcomeSpace _space = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = SyntheticSpaces.Additive(8, 7, seed: 6, parties: 3, levels: 6);
        _space = scenario.Space;
        _matrix = UtilityMatrix.Evaluate(_space, scenario.Parties.Select(p => p.Profile.Utility).ToArray());
    }

    [Benchmark]
    public DealPoint? FrontierAndNash()
    {
        var frontier = FrontierFinder.Enumerated(_matrix, _space);
        return BargainingSolutions.Nash(frontier.Points, [0.0, 0.0, 0.0]);
    }
}
