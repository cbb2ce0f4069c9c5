using BenchmarkDotNet.Attributes;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>A 3-party SAOP negotiation (Boulware, Conceder, Linear; 1000-round deadline) on ANAC 2015 scenarios.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class NegotiationMultilateralBenchmarks
{
    private Scenario _scenario = null!;
    private INegotiator[] _negotiators = null!;
    private INegotiator[] _hardliners = null!;
    private readonly SaoOptions _options = new() { Rounds = 1000, Seed = 1 };

    /// <summary>y2015 group2-politics (23,040 outcomes) and group9-vacation (1,600); both have 3 parties.</summary>
    [Params("y2015/group2-politics", "y2015/group9-vacation")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = NegotiationScenarios.Load(Scenario);
        _negotiators = [Negotiators.Boulware(), Negotiators.Conceder(), Negotiators.Linear()];
        _hardliners = [Negotiators.Hardliner(), Negotiators.Hardliner(), Negotiators.Boulware()];
        var a = Negotiation.Run(_scenario, _negotiators, _options);
        var b = Negotiation.Run(_scenario, _hardliners, _options);
        Console.WriteLine($"// {Scenario}: Boulware/Conceder/Linear {a.Status} after {a.Rounds} rounds; Hardliner/Hardliner/Boulware {b.Status} after {b.Rounds} rounds");
    }

    [Benchmark(Baseline = true)]
    public NegotiationResult BoulwareConcederLinear() => Negotiation.Run(_scenario, _negotiators, _options);

    [Benchmark]
    public NegotiationResult HardlinersAndBoulware_Full1000Rounds() => Negotiation.Run(_scenario, _hardliners, _options);
}
