using BenchmarkDotNet.Attributes;
using Parley.Preferences;

namespace Parley.Benchmarks;

/// <summary>EvaluateAll over a whole space of 10^6 outcomes (6 issues × 10 values).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class UtilityEvaluationBenchmarks
{
    private UtilityFunction _additive = null!;
    private UtilityFunction _nonlinear = null!;
    private double[] _destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        _additive = SyntheticSpaces.Additive(6, 10, seed: 1).Parties[0].Profile.Utility;
        _nonlinear = SyntheticSpaces.Nonlinear(6, 10, rectangles: 40, seed: 1);
        _destination = new double[1_000_000];
    }

    [Benchmark(Baseline = true)]
    public void LinearAdditive() => _additive.EvaluateAll(_destination);

    [Benchmark]
    public void HyperRectangle() => _nonlinear.EvaluateAll(_destination);
}
