using BenchmarkDotNet.Attributes;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// One mediated negotiation on the bilateral ANAC scenarios of NegMAS's single-text comparison (a neutral mediator seated
/// by the protocol; Boulware and Conceder principals). Single text with a 100-round deadline, as NegMAS's 100-step veto
/// and hill-climbing runs (8–12 ms and 0.8–1.4 ms per negotiation there); shuttle with a 200-round deadline. Parties are
/// reused (Initialize resets them) and utility indices built in setup, as in a --repeat run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MediatedNegotiationBenchmarks
{
    private Scenario _scenario = null!;
    private IVoter[] _voters = null!;
    private ITextMediator[] _hillClimber = null!;
    private ITextMediator[] _nash = null!;
    private ITextMediator[] _logrolling = null!;
    private IShuttleParty[] _principals = null!;
    private IShuttleParty[] _bridging = null!;
    private readonly SingleTextOptions _singleText = new() { Rounds = 100, Seed = 1 };
    private readonly ShuttleOptions _shuttle = new() { Rounds = 200, Seed = 1 };

    /// <summary>y2010 EnglandZimbabwe (576 outcomes), y2011 Laptop (27), y2010 ItexvsCypress (180).</summary>
    [Params("y2010/EnglandZimbabwe", "y2011/Laptop", "y2010/ItexvsCypress")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Seating.WithMediators(NegotiationScenarios.Load(Scenario), 1);
        foreach (var party in _scenario.Parties) Preferences.UtilityIndex.For(party.Profile.Utility);
        _voters = [Negotiators.Boulware(), Negotiators.Conceder()];
        _hillClimber = [new HillClimbingMediator()];
        _nash = [new NashSeekingMediator()];
        _logrolling = [new LogrollingMediator()];
        _principals = [ShuttleRegistry.CreatePrincipal("boulware"), ShuttleRegistry.CreatePrincipal("conceder")];
        _bridging = [new BridgingMediator()];
        var a = SingleTextHillClimber();
        var b = SingleTextNash();
        var c = ShuttleBridging();
        var d = SingleTextLogrolling();
        Console.WriteLine($"// {Scenario}: hill climber {a.Status} after {a.Rounds} rounds; Nash seeker {b.Status} after {b.Rounds}; logrolling {d.Status} after {d.Rounds}; shuttle {c.Status} after {c.Rounds}");
    }

    [Benchmark(Baseline = true)]
    public NegotiationResult SingleTextHillClimber() => Negotiation.Run(_scenario, _voters, _hillClimber, _singleText);

    [Benchmark]
    public NegotiationResult SingleTextNash() => Negotiation.Run(_scenario, _voters, _nash, _singleText);

    [Benchmark]
    public NegotiationResult SingleTextLogrolling() => Negotiation.Run(_scenario, _voters, _logrolling, _singleText);

    [Benchmark]
    public NegotiationResult ShuttleBridging() => Negotiation.Run(_scenario, _principals, _bridging, _shuttle);
}
