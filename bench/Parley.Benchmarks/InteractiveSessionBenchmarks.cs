using BenchmarkDotNet.Attributes;
using Parley.Agents.Interactive;
using Parley.Protocols;
using Parley.Protocols.Interactive;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// A person at the table, as the server drives it: one SAOP session on EnglandZimbabwe against Boulware, started, then 20
/// counter-offers submitted one after another (each waits until Boulware has answered and the seat is asked again),
/// then a walk-away. Measures what a session costs the server besides the person's thinking time: its thread, the hand-
/// over of each move to the session runner and back, and the seat's view brought up to date after each turn.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InteractiveSessionBenchmarks
{
    private InteractiveSetup _setup = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = NegotiationScenarios.Load("y2010/EnglandZimbabwe");
        _setup = new InteractiveSetup { Scenario = scenario, Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 1000, Seed = 1 };
        foreach (var party in scenario.Parties) Preferences.UtilityIndex.For(party.Profile.Utility);
    }

    [Benchmark]
    public NegotiationStatus TwentyMovesThenWalkAway()
    {
        var session = new InteractiveSession(_setup);
        session.Start();
        long version = 0;
        for (int move = 0; move <= 20; move++)
        {
            session.WaitSettled(version, TimeSpan.FromSeconds(10));
            var view = session.View(1);
            version = view.Version;
            var best = session.Context(1)!.Index.Best;
            session.Submit(1, move < 20 ? new SeatMove(NegotiationAction.Offer, best) : new SeatMove(NegotiationAction.WalkAway));
        }
        while (!session.IsOver) session.WaitSettled(version, TimeSpan.FromSeconds(10));
        return session.Result!.Status;
    }
}
