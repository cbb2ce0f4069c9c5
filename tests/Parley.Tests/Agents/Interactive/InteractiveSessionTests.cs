using Parley.Protocols;
using Parley.Agents.Interactive;
using Parley.Protocols.Interactive;
using Parley.Scenarios;

namespace Parley.Tests.Agents.Interactive;

/// <summary>
/// A person at the table through the live session engine: moves submitted from another thread drive the library's own
/// runner, and the recorded negotiation equals the same one replayed through the library with the person's moves.
/// </summary>
public sealed class InteractiveSessionTests
{
    private static Scenario Example(string name) =>
        ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", name));

    /// <summary>Plays the person's seat with <paramref name="decide"/> until the negotiation ends.</summary>
    private static void Play(InteractiveSession session, int party, Func<SeatView, SeatMove> decide)
    {
        long version = 0;
        for (int guard = 0; guard < 10_000; guard++)
        {
            Assert.True(session.WaitSettled(version, TimeSpan.FromSeconds(20)), "the session did not settle");
            var view = session.View(party);
            version = view.Version;
            if (view.Status != NegotiationStatus.Running || view.Error is not null) return;
            if (view.Prompt is null) continue;
            Assert.Null(session.Submit(party, decide(view)));
        }
        Assert.Fail("the negotiation did not end");
    }

    private static void AssertSameTranscript(NegotiationResult expected, NegotiationResult actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Agreement, actual.Agreement);
        Assert.Equal(expected.Transcript.Count, actual.Transcript.Count);
        for (int i = 0; i < expected.Transcript.Count; i++)
        {
            Assert.Equal(expected.Transcript[i].Entry, actual.Transcript[i].Entry);
            Assert.Equal(expected.Transcript[i].Utilities.ToArray(), actual.Transcript[i].Utilities.ToArray());
        }
    }

    [Fact]
    public void Sao_PersonAgainstBoulware_EqualsTheLibraryRunWithTheMovesReplayed()
    {
        var setup = new InteractiveSetup { Scenario = Example("EnglandZimbabwe"), Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 20, Seed = 7 };
        var session = new InteractiveSession(setup);
        session.Start();
        Play(session, 1, view =>
        {
            var context = session.Context(1)!;
            // Holds out with its best outcome, then takes what is on the table in round 12.
            return view.Prompt!.Value.Question == SeatQuestion.Respond && view.Round >= 12
                ? new SeatMove(NegotiationAction.Accept)
                : new SeatMove(NegotiationAction.Offer, context.Index.Best);
        });
        var live = session.Result!;
        Assert.Equal(NegotiationStatus.Agreed, live.Status);
        Assert.Equal("person", live.Negotiators[1]);
        var moves = session.Moves(1);
        Assert.Equal(13, moves.Count);
        AssertSameTranscript(live, setup.Replay(new Dictionary<int, IReadOnlyList<SeatMove>> { [1] = moves }));
    }

    [Fact]
    public void Sao_MovesOutOfTurnOrOutsideTheRules_AreRefusedAndChangeNothing()
    {
        var setup = new InteractiveSetup { Scenario = Example("EnglandZimbabwe"), Protocol = "sao", Seats = [InteractiveSetup.Person, "boulware"], Rounds = 10, Seed = 1 };
        var session = new InteractiveSession(setup);
        session.Start();
        Assert.True(session.WaitSettled(0, TimeSpan.FromSeconds(20)));
        var view = session.View(0);
        Assert.Equal(SeatQuestion.Propose, view.Prompt!.Value.Question);
        Assert.Equal(409, session.Submit(0, new SeatMove(NegotiationAction.Accept))!.Status); // nothing to accept yet
        Assert.Equal(422, session.Submit(0, new SeatMove(NegotiationAction.Offer))!.Status); // no outcome
        Assert.Equal(422, session.Submit(0, new SeatMove(NegotiationAction.Offer, new Parley.Outcomes.Outcome(1_000_000)))!.Status);
        Assert.Null(session.Submit(0, new SeatMove(NegotiationAction.Offer, session.Context(0)!.Index.Best)));
        Assert.True(session.WaitSettled(view.Version, TimeSpan.FromSeconds(20)));
        Assert.Equal(SeatQuestion.Respond, session.View(0).Prompt!.Value.Question);
        Assert.Null(session.Submit(0, new SeatMove(NegotiationAction.WalkAway)));
        Assert.True(session.WaitSettled(session.Version, TimeSpan.FromSeconds(20)) || session.IsOver);
        Assert.Equal(NegotiationStatus.WalkedAway, session.Result!.Status);
        Assert.Equal(409, session.Submit(0, new SeatMove(NegotiationAction.WalkAway))!.Status); // ended
    }

    [Fact]
    public void Sao_AbandonedSeat_WalksAwayAfterTheSeatTimeout()
    {
        var setup = new InteractiveSetup
        {
            Scenario = Example("EnglandZimbabwe"), Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 10, SeatTimeout = TimeSpan.FromMilliseconds(200),
        };
        var session = new InteractiveSession(setup);
        session.Start();
        SpinWait.SpinUntil(() => session.IsOver, TimeSpan.FromSeconds(20));
        Assert.Equal(NegotiationStatus.WalkedAway, session.Result!.Status);
        Assert.Equal(1, session.Result.WalkedAwayBy);
        Assert.Equal([new SeatMove(NegotiationAction.WalkAway)], session.Moves(1));
    }

    [Fact]
    public void Sao_WallClockDeadlinePassingWhileThePersonDecides_EndsAtTheDeadline()
    {
        var setup = new InteractiveSetup
        {
            Scenario = Example("EnglandZimbabwe"), Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], TimeLimit = TimeSpan.FromMilliseconds(300),
        };
        var session = new InteractiveSession(setup);
        session.Start();
        SpinWait.SpinUntil(() => session.IsOver, TimeSpan.FromSeconds(20));
        Assert.Equal(NegotiationStatus.Deadline, session.Result!.Status);
        Assert.Null(session.Result.Failure);
    }

    [Fact]
    public void SingleText_PersonMediatesWithSuggestions_ReachesAgreementAndReplaysEqually()
    {
        var setup = new InteractiveSetup
        {
            Scenario = Example("EnglandZimbabwe"), Protocol = "single-text", Seats = ["boulware", "conceder", InteractiveSetup.Person], Rounds = 200, Seed = 3,
        };
        var session = new InteractiveSession(setup);
        session.Start();
        Play(session, 2, view =>
        {
            Assert.Null(session.Suggest(2, "logrolling", out var proposal));
            return new SeatMove(NegotiationAction.Propose, proposal.Text, Basis: proposal.Basis);
        });
        var live = session.Result!;
        Assert.Equal(NegotiationStatus.Agreed, live.Status);
        AssertSameTranscript(live, setup.Replay(new Dictionary<int, IReadOnlyList<SeatMove>> { [2] = session.Moves(2) }));
    }

    [Fact]
    public void Shuttle_MediatorAlongAMissingChannel_IsRefused()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        var table = InteractiveSetup.Table(scenario, "shuttle");
        int mediator = Array.FindIndex(table.Parties.ToArray(), p => p.Role == PartyRole.Mediator);
        var seats = table.Parties.Select((p, i) => i == mediator ? InteractiveSetup.Person : p.Role == PartyRole.Mediator ? "bridging" : "boulware").ToArray();
        var session = new InteractiveSession(new InteractiveSetup { Scenario = scenario, Protocol = "shuttle", Seats = seats, Rounds = 20 });
        session.Start();
        Assert.True(session.WaitSettled(0, TimeSpan.FromSeconds(20)));
        var context = session.Context(mediator)!;
        int missing = Enumerable.Range(0, table.Parties.Length).First(j => j != mediator && !context.Table.CanSend(mediator, j, out _));
        var refusal = session.Submit(mediator, new SeatMove(NegotiationAction.Propose, context.Index.Best, missing));
        Assert.Equal(422, refusal!.Status);
        Assert.Contains("no channel", refusal.Message);
        int present = Enumerable.Range(0, table.Parties.Length).First(j => j != mediator && context.Table.CanSend(mediator, j, out _));
        Assert.Null(session.Submit(mediator, new SeatMove(NegotiationAction.Propose, context.Index.Best, present)));
    }

    [Fact]
    public void Stop_WhileAPersonDecides_EndsTheNegotiationWithTheSeatAbandoned()
    {
        var setup = new InteractiveSetup { Scenario = Example("EnglandZimbabwe"), Protocol = "sao", Seats = ["boulware", InteractiveSetup.Person], Rounds = 10 };
        var session = new InteractiveSession(setup);
        session.Start();
        Assert.True(session.WaitSettled(0, TimeSpan.FromSeconds(20)));
        session.Stop();
        Assert.True(SpinWait.SpinUntil(() => session.IsOver, TimeSpan.FromSeconds(20)));
        Assert.Equal(NegotiationStatus.Failed, session.Result!.Status);
        Assert.Contains("abandoned", session.Result.Failure!.Reason);
    }
}
