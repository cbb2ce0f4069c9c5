using System.Runtime.CompilerServices;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Protocols;

public class NegotiationTests
{
    private static SaoOptions Rounds(int r, int seed = 0) => new() { Rounds = r, Seed = seed };

    [Fact]
    public void Run_BothReject_TurnsAlternateFromPartyZero()
    {
        var s = TestScenarios.Opposed();
        var a = new ScriptedNegotiator("a", _ => new Outcome(1));
        var b = new ScriptedNegotiator("b", _ => new Outcome(2));
        var result = Negotiation.Run(s, [a, b], Rounds(3));

        Assert.Equal(["propose@0", "respond@2:2", "propose@2", "respond@4:2", "propose@4"], a.Calls);
        Assert.Equal(["respond@1:1", "propose@1", "respond@3:1", "propose@3", "respond@5:1", "propose@5"], b.Calls);
        Assert.Equal(6, result.Transcript.Count);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(i % 2, result.Transcript[i].Party);
            Assert.Equal(NegotiationAction.Offer, result.Transcript[i].Action);
            Assert.Equal(i / 2, result.Transcript[i].Round);
        }
    }

    [Fact]
    public void Run_RoundDeadline_NoAgreementGivesReservedValuesAtEnd()
    {
        var s = TestScenarios.Opposed(reserved: 0.25);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), new ScriptedNegotiator("b")], Rounds(4));
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
        Assert.Null(result.Agreement);
        Assert.True(result.AgreementValues.IsEmpty);
        Assert.Equal(4, result.Rounds);
        Assert.Equal(8, result.Steps);
        Assert.Equal(1.0, result.EndTime);
        Assert.Equal([0.25, 0.25], result.Utilities.ToArray());
        Assert.Null(result.Failure);
    }

    [Fact]
    public void Run_Rounds_NormalisedTimeIsStepOverTotalTurns()
    {
        var s = TestScenarios.Opposed();
        var a = new ScriptedNegotiator("a");
        var b = new ScriptedNegotiator("b");
        var result = Negotiation.Run(s, [a, b], Rounds(5));
        for (int i = 0; i < result.Transcript.Count; i++) Assert.Equal(i / 10.0, result.Transcript[i].Time, 12);
        Assert.All(b.States, st => Assert.Equal(st.Step / 10.0, st.Time, 12));
    }

    [Fact]
    public void Run_Accept_AgreementWithUtilitiesOfEachParty()
    {
        var s = TestScenarios.Opposed();
        var deal = TestScenarios.At(s, 2, 3);
        var a = new ScriptedNegotiator("a", _ => deal);
        var b = new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept);
        var result = Negotiation.Run(s, [a, b], Rounds(10));

        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.Equal(deal, result.Agreement);
        Assert.Equal([2, 3], result.AgreementValues.ToArray());
        Assert.Equal(1, result.Rounds);
        for (int p = 0; p < 2; p++)
        {
            double u = s.Parties[p].Profile.Utility.Utility(deal);
            Assert.Equal(u, result.Utilities[p], 12);
            Assert.Equal(u, result.Transcript[1].Utilities[p], 12);
        }
        Assert.Equal(NegotiationAction.Accept, result.Transcript[1].Action);
        Assert.Equal(deal, result.Transcript[1].Outcome);
        Assert.Equal(result.Utilities[0] + result.Utilities[1], result.SocialWelfare, 12);
    }

    [Fact]
    public void Run_Multilateral_AgreementNeedsEveryOtherPartyInTurn()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var x = TestScenarios.At(s, 1, 1);
        var y = TestScenarios.At(s, 2, 2);
        // Party 0 offers x; party 1 accepts; party 2 counters with y; parties 0 and 1 accept y.
        var a = new ScriptedNegotiator("a", _ => x, (_, _) => SaoResponse.Accept);
        var b = new ScriptedNegotiator("b", _ => x, (_, _) => SaoResponse.Accept);
        var c = new ScriptedNegotiator("c", _ => y, (_, o) => o == y ? SaoResponse.Accept : SaoResponse.Reject);
        var result = Negotiation.Run(s, [a, b, c], Rounds(10));

        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.Equal(y, result.Agreement);
        Assert.Equal(5, result.Transcript.Count);
        Assert.Equal([NegotiationAction.Offer, NegotiationAction.Accept, NegotiationAction.Offer, NegotiationAction.Accept, NegotiationAction.Accept],
            result.Transcript.Select(e => e.Action));
        Assert.Equal([0, 1, 2, 0, 1], result.Transcript.Select(e => e.Party));
        Assert.Equal(2, result.Rounds);
    }

    [Fact]
    public void Run_Multilateral_OneAcceptanceIsNotEnough()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var a = new ScriptedNegotiator("a", _ => new Outcome(4));
        var b = new ScriptedNegotiator("b", respond: (_, _) => SaoResponse.Accept);
        var c = new ScriptedNegotiator("c", _ => new Outcome(5));
        var result = Negotiation.Run(s, [a, b, c], Rounds(2));
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
        Assert.Null(result.Agreement);
    }

    [Fact]
    public void Run_WalkAway_EndsWithReservedValues()
    {
        var s = TestScenarios.Opposed(reserved: 0.4);
        var b = new ScriptedNegotiator("b", respond: (st, _) => st.Round == 2 ? SaoResponse.WalkAway : SaoResponse.Reject);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], Rounds(10));
        Assert.Equal(NegotiationStatus.WalkedAway, result.Status);
        Assert.Equal(1, result.WalkedAwayBy);
        Assert.Equal(NegotiationAction.WalkAway, result.Transcript[^1].Action);
        Assert.Equal(5, result.Transcript[^1].Step);
        Assert.Equal([0.4, 0.4], result.Utilities.ToArray());
        Assert.Equal(3, result.Rounds);
    }

    /// <summary>The opposed scenario with every reserved value rising linearly from 0 at t = 0 to 0.8 at t = 1.</summary>
    private static Parley.Scenarios.Scenario WithRisingReserve()
    {
        var s = TestScenarios.Opposed();
        var curve = new Parley.Preferences.ReservedValueCurve([new(0, 0.0), new(1, 0.8)]);
        return s with { Parties = [.. s.Parties.Select(p => p with { Profile = p.Profile with { ReservedValue = curve } })] };
    }

    [Fact]
    public void Run_RoundDeadline_MovingReservedValue_GivesItsValueAtTheEnd()
    {
        var result = Negotiation.Run(WithRisingReserve(), [new ScriptedNegotiator("a"), new ScriptedNegotiator("b")], Rounds(4));
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
        Assert.Equal([0.8, 0.8], result.Utilities.ToArray());
    }

    [Fact]
    public void Run_WalkAway_MovingReservedValue_GivesItsValueWhenTheTalksEnded()
    {
        var b = new ScriptedNegotiator("b", respond: (st, _) => st.Round == 2 ? SaoResponse.WalkAway : SaoResponse.Reject);
        var result = Negotiation.Run(WithRisingReserve(), [new ScriptedNegotiator("a"), b], Rounds(10));
        Assert.Equal(0.25, result.EndTime, 12);           // step 5 of 20
        Assert.Equal(0.2, result.Utilities[0], 12);        // 0.8 × 0.25
        Assert.Equal(0.2, result.Utilities[1], 12);
    }

    [Fact]
    public void Run_TurnTakingExactlyTheBudget_DoesNotFail()
    {
        var s = TestScenarios.Opposed();
        var clock = new FakeTimeProvider();
        var b = new ScriptedNegotiator("b", st =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return new Outcome(0);
        });
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], new SaoOptions { Rounds = 3, PerTurnBudget = TimeSpan.FromSeconds(1) }, clock);
        Assert.Null(result.Failure);
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
    }

    [Fact]
    public void Run_EachPartyGetsItsOwnDerivedSeed()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var negotiators = new[] { new ScriptedNegotiator("a"), new ScriptedNegotiator("b"), new ScriptedNegotiator("c") };
        Negotiation.Run(s, negotiators, Rounds(1, seed: 42));
        var seeds = negotiators.Select(n => n.Context!.Seed).ToArray();
        Assert.Equal(3, seeds.Distinct().Count());
        for (int i = 0; i < 3; i++) Assert.Equal(Negotiation.DeriveSeed(42, i), seeds[i]);
    }

    [Fact]
    public void Run_Discounted_AgreementDiscountedAtAgreementTime()
    {
        var s = TestScenarios.Opposed(discount: 0.5);
        var deal = TestScenarios.At(s, 3, 0);
        var b = new ScriptedNegotiator("b", respond: (st, _) => st.Step == 5 ? SaoResponse.Accept : SaoResponse.Reject);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => deal), b], Rounds(10));
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.Equal(0.25, result.EndTime, 12);
        for (int p = 0; p < 2; p++)
        {
            double u = s.Parties[p].Profile.Utility.Utility(deal);
            Assert.Equal(u * Math.Pow(0.5, 0.25), result.Utilities[p], 12);
            Assert.Equal(u, result.UndiscountedUtilities[p], 12);
        }
    }

    [Fact]
    public void Run_Discounted_NoAgreementDiscountsReservedValueAtDeadline()
    {
        var s = TestScenarios.Opposed(discount: 0.8, reserved: 0.5);
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), new ScriptedNegotiator("b")], Rounds(3));
        Assert.Equal([0.4, 0.4], result.Utilities.Select(u => Math.Round(u, 12)));
    }

    [Fact]
    public void Run_NegotiatorThrows_FailureAttributedAndRecorded()
    {
        var s = TestScenarios.Opposed();
        var b = new ScriptedNegotiator("b", st => throw new InvalidOperationException("boom"));
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], Rounds(10));
        Assert.Equal(NegotiationStatus.Failed, result.Status);
        Assert.NotNull(result.Failure);
        Assert.Equal(1, result.Failure!.Party);
        Assert.Equal("party1", result.Failure.PartyName);
        Assert.Equal(FailureKind.Exception, result.Failure.Kind);
        Assert.Contains("boom", result.Failure.Reason);
        Assert.Equal(NegotiationAction.Fail, result.Transcript[^1].Action);
        Assert.Equal([0.0, 0.0], result.Utilities.ToArray());

        // The process carries on: the next negotiation runs normally.
        var next = Negotiation.Run(s, [Negotiators.Conceder(), Negotiators.Conceder()], Rounds(10));
        Assert.Equal(NegotiationStatus.Agreed, next.Status);
    }

    [Fact]
    public void Run_OutcomeOutsideSpace_FailsWithReason()
    {
        var s = TestScenarios.Opposed();
        var a = new ScriptedNegotiator("a", _ => new Outcome(20));
        var result = Negotiation.Run(s, [a, new ScriptedNegotiator("b")], Rounds(10));
        Assert.Equal(NegotiationStatus.Failed, result.Status);
        Assert.Equal(0, result.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, result.Failure.Kind);
        Assert.Contains("outside", result.Failure.Reason);
        Assert.Null(result.Transcript[^1].Outcome);
        Assert.True(double.IsNaN(result.Transcript[^1].Utilities[0]));
    }

    [Fact]
    public void Run_TurnOverBudget_FailsWithTimeBudgetExceeded()
    {
        var s = TestScenarios.Opposed();
        var clock = new FakeTimeProvider();
        var b = new ScriptedNegotiator("b", st =>
        {
            if (st.Round == 3) clock.Advance(TimeSpan.FromSeconds(2));
            return new Outcome(0);
        });
        var options = new SaoOptions { Rounds = 10, PerTurnBudget = TimeSpan.FromSeconds(1) };
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], options, clock);
        Assert.Equal(NegotiationStatus.Failed, result.Status);
        Assert.Equal(1, result.Failure!.Party);
        Assert.Equal(FailureKind.TimeBudgetExceeded, result.Failure.Kind);
        Assert.Equal(7, result.Transcript[^1].Step);
    }

    [Theory]
    [InlineData(150)]   // timed on the millisecond tick count (no time limit, budget of at least 100 ms)
    [InlineData(20)]    // timed on the precise timestamp
    public void Run_SystemClock_TurnOverBudgetFailsWhicheverClockTimesIt(int budgetMs)
    {
        var s = TestScenarios.Opposed();
        var b = new ScriptedNegotiator("b", st =>
        {
            if (st.Round == 2) Thread.Sleep(budgetMs * 3);
            return new Outcome(0);
        });
        var options = new SaoOptions { Rounds = 10, PerTurnBudget = TimeSpan.FromMilliseconds(budgetMs) };
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a"), b], options);
        Assert.Equal(FailureKind.TimeBudgetExceeded, result.Failure!.Kind);
        Assert.Equal(1, result.Failure.Party);
        Assert.Equal(5, result.Transcript[^1].Step);
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(budgetMs * 3), $"elapsed {result.Elapsed}");
    }

    [Fact]
    public void Run_InitializeThrows_FailsBeforeFirstTurn()
    {
        var s = TestScenarios.Opposed();
        var result = Negotiation.Run(s, [new ThrowingOnInit(), new ScriptedNegotiator("b")], Rounds(10));
        Assert.Equal(NegotiationStatus.Failed, result.Status);
        Assert.Equal(0, result.Failure!.Party);
        Assert.Single(result.Transcript);
    }

    [Fact]
    public void Run_TimeLimitOnly_TimeIsElapsedOverLimitAndDeadlineEnds()
    {
        var s = TestScenarios.Opposed();
        var clock = new FakeTimeProvider();
        Outcome Slow(SaoState _)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            return new Outcome(3);
        }
        var a = new ScriptedNegotiator("a", Slow);
        var b = new ScriptedNegotiator("b", Slow);
        var options = new SaoOptions { TimeLimit = TimeSpan.FromMilliseconds(100) };
        var result = Negotiation.Run(s, [a, b], options, clock);
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
        Assert.Equal(10, result.Steps);
        for (int i = 0; i < result.Transcript.Count; i++) Assert.Equal(i / 10.0, result.Transcript[i].Time, 9);
    }

    [Fact]
    public void Run_ContextHoldsOnlyOwnProfile()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var negotiators = new[] { new ScriptedNegotiator("a"), new ScriptedNegotiator("b"), new ScriptedNegotiator("c") };
        Negotiation.Run(s, negotiators, Rounds(1));
        for (int p = 0; p < 3; p++)
        {
            Assert.Same(s.Parties[p].Profile, negotiators[p].Context!.Profile);
            Assert.Equal(p, negotiators[p].Context!.PartyIndex);
            Assert.Equal(3, negotiators[p].Context!.PartyCount);
        }
        Assert.NotEqual(negotiators[0].Context!.Seed, negotiators[1].Context!.Seed);
    }

    [Fact]
    public void Run_WrongNegotiatorCount_Throws() =>
        Assert.Throws<ArgumentException>(() => Negotiation.Run(TestScenarios.Opposed(), [Negotiators.Linear()], Rounds(5)));

    [Fact]
    public void Run_SameInstanceTwice_Throws()
    {
        var boulware = Negotiators.Boulware();
        Assert.Throws<ArgumentException>(() => Negotiation.Run(TestScenarios.Opposed(), [boulware, boulware], Rounds(5)));
    }

    [Theory]
    [InlineData("random", "hardheaded")]
    [InlineData("micro", "titfortat")]
    [InlineData("random", "random")]
    public void Run_SameSeed_IdenticalTranscriptBytes(string first, string second)
    {
        var s = TestScenarios.Opposed(parties: 2);
        string Csv(int seed)
        {
            var r = Negotiation.Run(s, [NegotiatorRegistry.Create(first), NegotiatorRegistry.Create(second)], Rounds(50, seed));
            var w = new StringWriter();
            r.Transcript.WriteCsv(w, s.Space, r.Parties);
            return w.ToString();
        }
        Assert.Equal(Csv(42), Csv(42));
    }

    [Fact]
    public void Run_DifferentSeeds_RandomNegotiatorsDiffer()
    {
        var s = TestScenarios.Opposed();
        string Offers(int seed)
        {
            var r = Negotiation.Run(s, [Negotiators.Random(), Negotiators.Hardliner()], Rounds(30, seed));
            return string.Join(",", r.Transcript.Select(e => e.Outcome?.ToString() ?? "-"));
        }
        Assert.NotEqual(Offers(1), Offers(2));
    }

    [Fact]
    public void Run_SteadyState_AllocatesOnlyTheTranscriptArrays()
    {
        var s = TestScenarios.Opposed();
        long Allocated(int rounds)
        {
            var negotiators = new INegotiator[] { Negotiators.Hardliner(), Negotiators.Boulware() };
            Negotiation.Run(s, negotiators, Rounds(rounds)); // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            var result = Negotiation.Run(s, negotiators, Rounds(rounds));
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(NegotiationStatus.Deadline, result.Status);
            return after - before;
        }
        long small = Allocated(100), large = Allocated(1000);
        // Per turn the transcript stores time, kind, party, round, outcome and one utility per party (SAOP is public and
        // unaddressed, so no other column is allocated).
        long transcriptBytesPerRound = 2 * (sizeof(double) + sizeof(byte) + 2 * sizeof(int) + Unsafe.SizeOf<Outcome>() + 2 * sizeof(double));
        Assert.InRange(large - small, 0, 900 * transcriptBytesPerRound + 512);
    }

    private sealed class ThrowingOnInit : INegotiator
    {
        public string Name => "throws";
        public void Initialize(NegotiatorContext context) => throw new NotSupportedException("no");
        public Outcome Propose(in SaoState state) => default;
        public SaoResponse Respond(in SaoState state, Outcome offer) => SaoResponse.Reject;
    }
}

public class NegotiationDeadlineTests
{
    [Fact]
    public void Run_RoundsAndTimeLimit_TimeLimitEndsButTimeFollowsRounds()
    {
        var s = TestScenarios.Opposed();
        var clock = new FakeTimeProvider();
        Outcome Slow(SaoState _)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            return new Outcome(3);
        }
        var options = new SaoOptions { Rounds = 100, TimeLimit = TimeSpan.FromMilliseconds(50) };
        var result = Negotiation.Run(s, [new ScriptedNegotiator("a", Slow), new ScriptedNegotiator("b", Slow)], options, clock);
        Assert.Equal(NegotiationStatus.Deadline, result.Status);
        Assert.Equal(5, result.Steps);
        Assert.Equal(3, result.Rounds);
        Assert.Equal(1.0, result.EndTime);
        for (int i = 0; i < result.Transcript.Count; i++) Assert.Equal(i / 200.0, result.Transcript[i].Time, 12);
    }
}
