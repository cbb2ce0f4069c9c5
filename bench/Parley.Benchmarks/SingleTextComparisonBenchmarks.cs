using BenchmarkDotNet.Attributes;
using Parley.Agents.Mediators;
using Parley.Agents.Voters;
using Parley.Parties;
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
/// accepts the text the mediator puts unchanged, or at the deadline. Each operation is one negotiation; a benchmark
/// invocation runs seeds 0–9 once each (a seed changes the mediator's start text and order of changes, so the number of
/// rounds), and the figure is their mean. The mediator and voters are reused (Initialize resets them), utility indices
/// built in setup; the negotiation's own setup (contexts, transcript, result) is measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SingleTextComparisonBenchmarks
{
    private Scenario _scenario = null!;
    private IVoter[] _voters = null!;
    private ITextMediator[] _logrolling = null!;
    private ITextMediator[] _hillClimber = null!;
    private const int Seeds = 10;
    private readonly SingleTextOptions[] _options = [.. Enumerable.Range(0, Seeds).Select(seed => new SingleTextOptions { Rounds = 100, Seed = seed })];

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
        var logrolling = _options.Select(o => Negotiation.Run(_scenario, _voters, _logrolling, o)).ToList();
        var climbing = _options.Select(o => Negotiation.Run(_scenario, _voters, _hillClimber, o)).ToList();
        Console.WriteLine($"// {Scenario}, seeds 0–{Seeds - 1}: logrolling {logrolling.Count(r => r.HasAgreement)} agreements, rounds {string.Join(" ", logrolling.Select(r => r.Rounds))}; " +
            $"hill climber {climbing.Count(r => r.HasAgreement)} agreements, rounds {string.Join(" ", climbing.Select(r => r.Rounds))}");
    }

    /// <summary>Parley's fastest mediator to the frontier.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Seeds)]
    public NegotiationResult Logrolling() => RunSeeds(_logrolling);

    /// <summary>Klein-style hill climbing, as NegMAS's hill-climbing mechanism.</summary>
    [Benchmark(OperationsPerInvoke = Seeds)]
    public NegotiationResult HillClimber() => RunSeeds(_hillClimber);

    private NegotiationResult RunSeeds(ITextMediator[] mediator)
    {
        NegotiationResult last = null!;
        foreach (var options in _options) last = Negotiation.Run(_scenario, _voters, mediator, options);
        return last;
    }
}
