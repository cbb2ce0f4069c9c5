using BenchmarkDotNet.Attributes;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// TheFawkes (ANAC 2013) in a bilateral SAOP negotiation with a 1000-round deadline, as in the ANAC round robin: against
/// Boulware and against itself. Most of its time is the refit of its concession model after every opponent offer
/// (<see cref="WaveletConcessionModelBenchmarks"/>). Negotiators are reused (Initialize resets them).
/// </summary>
[MemoryDiagnoser]
public class TheFawkesBenchmarks
{
    private Scenario _scenario = null!;
    private INegotiator[] _againstBoulware = null!, _selfPlay = null!;
    private readonly SaoOptions _options = new() { Rounds = 1000, Seed = 1 };

    /// <summary>Two of the round robin's scenarios: y2010 EnglandZimbabwe (576 outcomes), y2011 Grocery (1,600, discounted).</summary>
    [Params("y2010/EnglandZimbabwe", "y2011/Grocery")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = NegotiationScenarios.Load(Scenario);
        _againstBoulware = [NegotiatorRegistry.Create("thefawkes"), NegotiatorRegistry.Create("boulware")];
        _selfPlay = [NegotiatorRegistry.Create("thefawkes"), NegotiatorRegistry.Create("thefawkes")];
        var a = Negotiation.Run(_scenario, _againstBoulware, _options);
        var b = Negotiation.Run(_scenario, _selfPlay, _options);
        Console.WriteLine($"// {Scenario}: TheFawkes vs Boulware {a.Status} after {a.Rounds} rounds; TheFawkes vs TheFawkes {b.Status} after {b.Rounds} rounds");
    }

    [Benchmark]
    public NegotiationResult TheFawkesVsBoulware() => Negotiation.Run(_scenario, _againstBoulware, _options);

    [Benchmark]
    public NegotiationResult TheFawkesVsTheFawkes() => Negotiation.Run(_scenario, _selfPlay, _options);
}

/// <summary>
/// TheFawkes's concession model over a whole 1000-round negotiation: 1000 opponent offers, one per round, each followed
/// by the wavelet transform of χ, the smoothing-spline refit and σ(ratio) over the whole history (about 500,000 history
/// elements in all).
/// </summary>
[MemoryDiagnoser]
public class WaveletConcessionModelBenchmarks
{
    private const int Rounds = 1000;
    private readonly double[] _utilities = new double[Rounds];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < Rounds; i++) _utilities[i] = 0.3 + 0.4 * random.NextDouble();
    }

    [Benchmark]
    public double Observe1000Offers()
    {
        var model = new WaveletConcessionModel(Rounds);
        double sum = 0;
        for (int k = 0; k < Rounds; k++)
        {
            model.Observe(_utilities[k], (k + 0.5) / Rounds);
            if (k > 0) sum += model.EstimatedUtility((k + 1.0) / Rounds);
        }
        return sum;
    }
}
