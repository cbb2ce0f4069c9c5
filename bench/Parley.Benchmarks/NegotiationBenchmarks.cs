using BenchmarkDotNet.Attributes;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// One bilateral SAOP negotiation with a 1000-round deadline. Boulware vs Conceder is the pairing (it agrees
/// before the deadline); Hardliner vs Hardliner never agrees, so it always runs the full 1000 rounds (2000 turns).
/// Negotiators are reused (Initialize resets them) and utility indices are built in setup, as in a --repeat run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NegotiationBenchmarks
{
    private Scenario _scenario = null!;
    private INegotiator[] _boulwareVsConceder = null!;
    private INegotiator[] _hardliners = null!;
    private readonly SaoOptions _options = new() { Rounds = 1000, Seed = 1 };

    /// <summary>y2010 EnglandZimbabwe (576 outcomes), y2011 Laptop (27), y2012 EnergyA (390,625: the largest of 2012/2013).</summary>
    [Params("y2010/EnglandZimbabwe", "y2011/Laptop", "y2012/EnergyA")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = NegotiationScenarios.Load(Scenario);
        _boulwareVsConceder = [Negotiators.Boulware(), Negotiators.Conceder()];
        _hardliners = [Negotiators.Hardliner(), Negotiators.Hardliner()];
        var a = Negotiation.Run(_scenario, _boulwareVsConceder, _options);
        var b = Negotiation.Run(_scenario, _hardliners, _options);
        Console.WriteLine($"// {Scenario}: Boulware vs Conceder {a.Status} after {a.Rounds} rounds; Hardliner vs Hardliner {b.Status} after {b.Rounds} rounds");
    }

    [Benchmark(Baseline = true)]
    public NegotiationResult BoulwareVsConceder() => Negotiation.Run(_scenario, _boulwareVsConceder, _options);

    [Benchmark]
    public NegotiationResult HardlinerVsHardliner_Full1000Rounds() => Negotiation.Run(_scenario, _hardliners, _options);
}
