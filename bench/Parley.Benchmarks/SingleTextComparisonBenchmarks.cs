using BenchmarkDotNet.Attributes;
using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// One single-text negotiation, set up as NegMAS's single-text comparison of issue 7 (its veto mechanism at 100 steps
/// 8–12 ms per negotiation, its hill climber 0.8–1.4 ms): the same scenarios (EnglandZimbabwe, Laptop, ItexvsCypress and
/// the three-party y2015 Dinner), the same 100-step limit, and voters that know what NegMAS's voters know — their own
/// utility function and reserved value, answering whether each text is worse for them than the one it revises
/// (<see cref="SincereVoter"/>) — with a neutral mediator seated by the protocol. A negotiation ends when every principal
/// accepts the text the mediator puts unchanged, or at the deadline. The mediator and voters are reused
/// (Initialize resets them), utility indices built in setup; the negotiation's own setup (contexts, transcript, result)
/// is measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SingleTextComparisonBenchmarks
{
    private Scenario _scenario = null!;
    private IVoter[] _voters = null!;
    private ITextMediator[] _logrolling = null!;
    private ITextMediator[] _hillClimber = null!;
    private readonly SingleTextOptions _options = new() { Rounds = 100, Seed = 1 };

    /// <summary>y2010 EnglandZimbabwe (576 outcomes), y2011 Laptop (27), y2010 ItexvsCypress (180), y2015 Dinner (three parties, 1,200).</summary>
    [Params("y2010/EnglandZimbabwe", "y2011/Laptop", "y2010/ItexvsCypress", "y2015/group2-dinner")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Seating.WithMediators(NegotiationScenarios.Load(Scenario), 1);
        foreach (var party in _scenario.Parties) Preferences.UtilityIndex.For(party.Profile.Utility);
        _voters = [.. _scenario.Principals.Select(_ => (IVoter)new SincereVoter())];
        _logrolling = [new LogrollingMediator()];
        _hillClimber = [new HillClimbingMediator()];
        var a = Logrolling();
        var b = HillClimber();
        Console.WriteLine($"// {Scenario}: logrolling {a.Status} after {a.Rounds} rounds; hill climber {b.Status} after {b.Rounds}");
    }

    /// <summary>Parley's fastest mediator to the frontier.</summary>
    [Benchmark(Baseline = true)]
    public NegotiationResult Logrolling() => Negotiation.Run(_scenario, _voters, _logrolling, _options);

    /// <summary>Klein-style hill climbing, as NegMAS's hill-climbing mechanism.</summary>
    [Benchmark]
    public NegotiationResult HillClimber() => Negotiation.Run(_scenario, _voters, _hillClimber, _options);
}
