using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Scenarios;

public class CommunicationGraphTests
{
    [Fact]
    public void Allows_DeclaredChannels_WithTheirDelay()
    {
        // 0 = Israel, 1 = Hamas, 2 = Egypt, 3 = Qatar: no 0–1 channel; 1 → 2 one-way with a 2-round delay.
        var graph = new CommunicationGraph(4, [new Channel(0, 2), new Channel(0, 3, 1), new Channel(1, 2, 2, TwoWay: false)]);
        Assert.False(graph.Allows(0, 1, out _));
        Assert.False(graph.Allows(1, 0, out _));
        Assert.True(graph.Allows(0, 3, out int d03));
        Assert.Equal(1, d03);
        Assert.True(graph.Allows(3, 0, out int d30));
        Assert.Equal(1, d30);
        Assert.True(graph.Allows(1, 2, out int d12));
        Assert.Equal(2, d12);
        Assert.False(graph.Allows(2, 1, out _));
        Assert.False(graph.Allows(2, 2, out _));
        Assert.False(graph.Allows(0, 9, out _));
        Assert.Equal([2, 3], graph.Recipients(0));
    }

    [Fact]
    public void Constructor_ConflictingDelays_Throws() =>
        Assert.Throws<ArgumentException>(() => new CommunicationGraph(2, [new Channel(0, 1, 1), new Channel(1, 0, 2)]));

    [Fact]
    public void Complete_EveryPairTalks()
    {
        var g = CommunicationGraph.Complete(3);
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                Assert.Equal(a != b, g.Allows(a, b, out _));
    }

    [Fact]
    public void ScenarioChannels_WrongPartyCount_Throws() =>
        Assert.Throws<ArgumentException>(() => TestScenarios.Opposed() with { Channels = CommunicationGraph.Complete(3) });
}

public class TimelineTests
{
    private static readonly DateOnly Start = new(2024, 2, 13), Deadline = new(2024, 3, 10);

    [Fact]
    public void TimeOf_DatesMapLinearlyBetweenStartAndDeadline()
    {
        var timeline = new Timeline([], Start, Deadline);
        Assert.Equal(26, timeline.Days);
        Assert.Equal(0, timeline.TimeOf(Start));
        Assert.Equal(1, timeline.TimeOf(Deadline));
        Assert.Equal(2.0 / 26, timeline.TimeOf(new DateOnly(2024, 2, 15)), 12);
        Assert.Equal(new DateOnly(2024, 2, 15), timeline.DateOf(2.0 / 26));
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.TimeOf(new DateOnly(2024, 3, 11)));
        Assert.Throws<InvalidOperationException>(() => Timeline.Empty.TimeOf(Start));
    }

    [Fact]
    public void ReservedValueShift_StepAndRamp_AddUp()
    {
        var timeline = new Timeline([
            new ReservedValueChange(0.5, "ramp", 0, -0.2, rampDuration: 0.2),
            new ReservedValueChange(0.8, "step", 0, -0.1),
            new ReservedValueChange(0.1, "other party", 1, 0.3),
        ]);
        Assert.Equal(0, timeline.ReservedValueShift(0, 0.49), 12);
        Assert.Equal(-0.1, timeline.ReservedValueShift(0, 0.6), 12);
        Assert.Equal(-0.2, timeline.ReservedValueShift(0, 0.79), 12);
        Assert.Equal(-0.3, timeline.ReservedValueShift(0, 0.8), 12);
        Assert.Equal(0.3, timeline.ReservedValueShift(1, 1), 12);
    }

    [Fact]
    public void ScenarioReservedValueAt_CurvePlusEvents()
    {
        var scenario = TestScenarios.Opposed(reserved: 0.4) with { Timeline = new Timeline([new ReservedValueChange(0.5, "drop", 1, -0.25)]) };
        Assert.Equal(0.4, scenario.ReservedValueAt(1, 0.4), 12);
        Assert.Equal(0.15, scenario.ReservedValueAt(1, 0.5), 12);
        Assert.Equal(0.4, scenario.ReservedValueAt(0, 1), 12);
    }

    [Fact]
    public void IsAvailable_WithdrawnValue_UnavailableFromItsTime()
    {
        var scenario = TestScenarios.Opposed() with { Timeline = new Timeline([new IssueValueWithdrawn(0.3, "gone", 0, 2)]) };
        Assert.True(scenario.Timeline.IsAvailable(0, 2, 0.29));
        Assert.False(scenario.Timeline.IsAvailable(0, 2, 0.3));
        Assert.True(scenario.Timeline.IsAvailable(0, 1, 1));
        Assert.True(scenario.Accepts(0, [2, 4], 0.2));
        Assert.False(scenario.Accepts(0, [2, 4], 0.5));
    }

    [Fact]
    public void IsPresent_JoinsAndLeaves()
    {
        var timeline = new Timeline([new PartyLeaves(0.5, "leaves", 0), new PartyJoins(0.7, "back", 0), new PartyJoins(0.2, "late", 1)]);
        Assert.True(timeline.IsPresent(0, 0.49));
        Assert.False(timeline.IsPresent(0, 0.5));
        Assert.True(timeline.IsPresent(0, 0.7));
        Assert.False(timeline.IsPresent(1, 0.1));
        Assert.True(timeline.IsPresent(1, 0.2));
        Assert.True(timeline.IsPresent(2, 0));
    }

    [Fact]
    public void FiredIn_HalfOpenInterval()
    {
        var timeline = new Timeline([new Milestone(0, "start"), new Milestone(0.5, "mid"), new Milestone(1, "end")]);
        Assert.Equal(["mid"], timeline.FiredIn(0, 0.5).Select(e => e.Name));
        Assert.Equal(["start"], timeline.FiredIn(-1, 0).Select(e => e.Name));
        Assert.Equal(["end"], timeline.FiredIn(0.5, 1).Select(e => e.Name));
    }

    [Fact]
    public void ScenarioTimeline_EventNamingMissingParty_Throws() =>
        Assert.Throws<ArgumentException>(() => TestScenarios.Opposed() with { Timeline = new Timeline([new PartyLeaves(0.5, "x", 5)]) });
}

public class PartyStakeTests
{
    [Fact]
    public void UtilityOfAgreement_CountsTheStake()
    {
        var party = TestScenarios.Opposed(reserved: 0.5).Parties[0] with { Role = PartyRole.Mediator, Stake = 0.6 };
        double u = party.Profile.Utility.Utility([0, 0]);
        Assert.Equal(0.6 + 0.4 * u, party.UtilityOfAgreement([0, 0]), 12);
        Assert.Equal(0.4 * 0.5, party.UtilityOfNoAgreement(0), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => party with { Stake = -0.1 });
    }
}
