using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// The whole analysis (frontier, Nash, Kalai–Smorodinsky, max welfare, 10,000 listed points) of a two-party price
/// negotiation over one integer issue 0..N, where every outcome is on the frontier (issue 12 §3).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PriceRangeFrontierBenchmarks
{
    private Scenario _scenario = null!;

    /// <summary>Upper bound of the price range.</summary>
    [Params(20_000_000, 300_000_000)]
    public int Max { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var space = new OutcomeSpace([new IntegerIssue("price", 0, Max)]);
        var seller = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(1.0 / Max, 0, 0, Max)]);
        var buyer = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(-1.0 / Max, 1, 0, Max)]);
        _scenario = new Scenario("price", space, [
            new("seller", PartyRole.Principal, new Profile(seller, ReservedValueCurve.Constant(0.2))),
            new("buyer", PartyRole.Principal, new Profile(buyer, ReservedValueCurve.Constant(0.1)))]);
    }

    [Benchmark]
    public DealPoint? Analyze() => ScenarioAnalyzer.Analyze(_scenario).Nash;
}
