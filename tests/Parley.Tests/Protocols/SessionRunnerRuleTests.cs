using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Agents.Voters;
using Parley.Parties;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;
using static Parley.Tests.Protocols.ShuttleTests;
using static Parley.Tests.Protocols.SingleTextTests;

namespace Parley.Tests.Protocols;

/// <summary>
/// Rules of the generic session loop that every protocol relies on, each pinned so that a one-token change to
/// <c>SessionRunner</c> fails a test (issue 20 §7): the mediator's utility with and without an agreement, withdrawn
/// values, join and leave events, and a move made in another party's name.
/// </summary>
public class SessionRunnerRuleTests
{
    /// <summary>Opposed(3) with party 2 a mediator of stake <paramref name="stake"/>, reserved value 0.3 and discount 0.5.</summary>
    private static Scenario StakedDiscountedMediator(double stake)
    {
        var s = TestScenarios.Opposed(3);
        var mediator = s.Parties[2];
        var profile = new Profile(mediator.Profile.Utility, ReservedValueCurve.Constant(0.3), 0.5);
        return s with { Parties = s.Parties.SetItem(2, mediator with { Name = "mediator", Role = PartyRole.Mediator, Profile = profile, Stake = stake }) };
    }

    [Fact]
    public void Run_MediatorWithStake_AgreementGivesAlphaPlusRestTimesOwnUtility_BothDiscountedAndNot()
    {
        var s = StakedDiscountedMediator(0.4);
        var deal = TestScenarios.At(s, 2, 2);
        var accept = new ScriptedVoter(_ => new TextVote(TextAnswer.Accept));
        var r = Negotiation.Run(s, [accept, new ScriptedVoter(_ => new TextVote(TextAnswer.Accept))], [new FixedMediator(deal)], new SingleTextOptions { Rounds = 4 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        double own = s.Parties[2].Profile.Utility.Utility(deal);
        double t = r.EndTime;
        Assert.True(t > 0, "the agreement must come after t = 0 for the discount to show");
        Assert.Equal(0.4 + 0.6 * own, r.UndiscountedUtilities[2], 12);
        Assert.Equal(0.4 + 0.6 * own * Math.Pow(0.5, t), r.Utilities[2], 12);
    }

    [Fact]
    public void Run_MediatorWithStake_NoAgreementGivesRestTimesReservedValue_BothDiscountedAndNot()
    {
        var s = StakedDiscountedMediator(0.4);
        var reject = new ScriptedVoter(_ => new TextVote(TextAnswer.Reject));
        var r = Negotiation.Run(s, [reject, new ScriptedVoter(_ => new TextVote(TextAnswer.Reject))], [new FixedMediator(new Outcome(3))], new SingleTextOptions { Rounds = 4 });
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Equal(1.0, r.EndTime);
        Assert.Equal(0.6 * 0.3, r.UndiscountedUtilities[2], 12);
        Assert.Equal(0.6 * 0.3 * 0.5, r.Utilities[2], 12);
        // The principals get their reserved values (0), untouched by any stake.
        Assert.Equal([0.0, 0.0], r.Utilities.Take(2).ToArray());
    }

    /// <summary>Party 0 offers <paramref name="values"/> on <paramref name="s"/> (no red lines): the runner must fail it for using a withdrawn value.</summary>
    private static NegotiationResult OffererOfWithdrawnValueFails(Scenario s, params int[] values)
    {
        var withdrawn = TestScenarios.At(s, values);
        var r = Negotiation.Run(s, [new ScriptedNegotiator("a", _ => withdrawn), new ScriptedNegotiator("b")], new SaoOptions { Rounds = 5 });
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("withdrawn", r.Failure.Reason);
        return r;
    }

    [Fact]
    public void Run_OfferUsingAValueWithdrawnByAnEvent_InvalidActionOfTheOfferer() =>
        // No red lines anywhere: only the withdrawal event makes the runner check limits.
        OffererOfWithdrawnValueFails(TestScenarios.Opposed() with { Timeline = new Timeline([new IssueValueWithdrawn(0.0, "a withdrawn", 0, 0)]) }, 0, 2);

    [Fact]
    public void Run_TwoWithdrawalEvents_BothEnforced_AndEventAndFailureEntriesAddressNoOne()
    {
        // Two withdrawals and no red line: the limits must stay on after the second one (a toggle would switch them off).
        var s = TestScenarios.Opposed() with
        {
            Timeline = new Timeline([new IssueValueWithdrawn(0.0, "a withdrawn", 0, 0), new IssueValueWithdrawn(0.0, "another withdrawn", 0, 1)]),
        };
        var r = OffererOfWithdrawnValueFails(s, 1, 2);
        // Events and the failure are announced to everyone: they are addressed to no party (To = -1).
        var announced = r.Transcript.Where(e => e.Action is NegotiationAction.Event or NegotiationAction.Fail).ToArray();
        Assert.Equal([NegotiationAction.Event, NegotiationAction.Event, NegotiationAction.Fail], announced.Select(e => e.Action).ToArray());
        Assert.All(announced, e => Assert.Equal(-1, e.Entry.To));
    }

    [Fact]
    public void Run_AcceptingAnOfferWithAWithdrawnValue_InvalidActionOfTheAcceptor()
    {
        // Three parties, two rounds (t = turn / 6). Party 0 offers at t = 0, party 1 accepts at t = 1/6; the value goes at
        // t = 0.3, so party 2's acceptance at t = 1/3 is refused.
        var s = TestScenarios.Opposed(3) with { Timeline = new Timeline([new IssueValueWithdrawn(0.3, "a withdrawn", 0, 0)]) };
        var offer = TestScenarios.At(s, 0, 2);
        var a = new ScriptedNegotiator("a", _ => offer);
        var b = new ScriptedNegotiator("b", _ => offer, (_, _) => SaoResponse.Accept);
        var c = new ScriptedNegotiator("c", _ => offer, (_, _) => SaoResponse.Accept);
        var r = Negotiation.Run(s, [a, b, c], new SaoOptions { Rounds = 2 });
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(2, r.Failure!.Party);
        Assert.StartsWith("accepted", r.Failure.Reason);
        Assert.Contains("withdrawn", r.Failure.Reason);
    }

    [Fact]
    public void Run_PartyJoinsAndLeaves_IsAskedToMoveOnlyWhilePresent()
    {
        // Shuttle with two mediators, four turns a round over ten rounds (t = turn / 40): mediator 2 (turns 2, 6, 10, 14, …)
        // leaves at t = 14/40, mediator 3 (turns 3, 7, …, 23, …) joins at t = 23/40: both exactly on one of their turns.
        var s = TestScenarios.Opposed(4);
        var parties = s.Parties
            .SetItem(2, s.Parties[2] with { Name = "m2", Role = PartyRole.Mediator })
            .SetItem(3, s.Parties[3] with { Name = "m3", Role = PartyRole.Mediator });
        s = new Scenario(s.Name, s.Space, parties) { Timeline = new Timeline([new PartyLeaves(14 / 40.0, "m2 leaves", 2), new PartyJoins(23 / 40.0, "m3 joins", 3)]) };
        var m2Times = new List<double>();
        var m3Times = new List<double>();
        var m2 = new ScriptedParty((st, _) => { m2Times.Add(st.Time); return ShuttleMessage.Pass; });
        var m3 = new ScriptedParty((st, _) => { m3Times.Add(st.Time); return ShuttleMessage.Pass; });
        var pass = (IShuttleParty)new ScriptedParty((_, _) => ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [pass, new ScriptedParty((_, _) => ShuttleMessage.Pass)], [m2, m3], new ShuttleOptions { Rounds = 10 });
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        // Asked on every turn while present, and on none after leaving or before joining (the event's own turn included).
        Assert.Equal([2 / 40.0, 6 / 40.0, 10 / 40.0], m2Times);
        Assert.Equal([23 / 40.0, 27 / 40.0, 31 / 40.0, 35 / 40.0, 39 / 40.0], m3Times);
        // Both events are listed, attributed to the party concerned.
        var events = r.Transcript.Where(e => e.Action == NegotiationAction.Event).Select(e => e.Party).ToArray();
        Assert.Equal([2, 3], events);
    }

    [Fact]
    public void Run_MoveMadeInAnotherPartysName_InvalidActionOfTheMover()
    {
        var s = TestScenarios.Opposed();
        var negotiators = new INegotiator[] { new ScriptedNegotiator("a", _ => new Outcome(1)), new ScriptedNegotiator("b", _ => new Outcome(2)) };
        // Party 1 signs its moves with party 0's index.
        var protocol = new InterceptedSao(new SaoProtocol(negotiators, s.Space), (SaoProtocol inner, ref SaoState state, in SessionClock clock) =>
        {
            var move = inner.Ask(ref state, clock);
            return move.Actor == 1 ? move with { Actor = 0 } : move;
        });
        var r = new SessionRunner<InterceptedSao, SaoState>(s, protocol, ["a", "b"], new SaoOptions { Rounds = 5 }, TimeProvider.System).Run();
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(1, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Equal("answered for party 0", r.Failure.Reason);
        // Party 0's own offer stands in the transcript; the impostor's move does not.
        Assert.Single(r.Transcript, e => e.Action == NegotiationAction.Offer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_ProtocolsOwnWorkInATurn_IsNotChargedToTheMover(bool recordedAsProtocolWork)
    {
        // The protocol spends 1.5 s of its own in the first turn; the mover's budget is 0.5 s. Recorded as the protocol's
        // work, it is deducted and the negotiation runs on; not recorded, the mover overran its budget.
        var s = TestScenarios.Opposed();
        var negotiators = new INegotiator[] { new ScriptedNegotiator("a", _ => new Outcome(1)), new ScriptedNegotiator("b", _ => new Outcome(2)) };
        var protocol = new InterceptedSao(new SaoProtocol(negotiators, s.Space), (SaoProtocol inner, ref SaoState state, in SessionClock clock) =>
        {
            if (clock.Turn == 0)
            {
                long began = System.Diagnostics.Stopwatch.GetTimestamp();
                Thread.Sleep(1500);
                if (recordedAsProtocolWork) ProtocolWork.Since(began);
            }
            return inner.Ask(ref state, clock);
        });
        var r = new SessionRunner<InterceptedSao, SaoState>(s, protocol, ["a", "b"], new SaoOptions { Rounds = 3, PerTurnBudget = TimeSpan.FromMilliseconds(500) }, TimeProvider.System).Run();
        if (recordedAsProtocolWork)
        {
            Assert.Null(r.Failure);
            Assert.Equal(NegotiationStatus.Deadline, r.Status);
        }
        else
        {
            Assert.Equal(FailureKind.TimeBudgetExceeded, r.Failure!.Kind);
            Assert.Equal(0, r.Failure.Party);
        }
    }

    /// <summary>How <see cref="InterceptedSao"/> asks: through <paramref name="inner"/>, changing what it likes.</summary>
    private delegate Move AskThrough(SaoProtocol inner, ref SaoState state, in SessionClock clock);

    /// <summary>SAOP, except that each turn is asked through <c>ask</c>.</summary>
    private readonly struct InterceptedSao(SaoProtocol inner, AskThrough ask) : IProtocol<SaoState>
    {
        public string Name => inner.Name;
        public int TurnsPerRound => inner.TurnsPerRound;
        public bool Emits => inner.Emits;
        public bool EmitsAfterStepsOnly => inner.EmitsAfterStepsOnly;
        public SaoState Initial => inner.Initial;
        public void InitializeParty(int party, NegotiatorContext context) => inner.InitializeParty(party, context);
        public bool IsOver(in SaoState state) => inner.IsOver(state);
        public NegotiationStatus Status(in SaoState state) => inner.Status(state);
        public Outcome? Agreement(in SaoState state) => inner.Agreement(state);
        public bool TryEmit(in SaoState state, in SessionClock clock, out Move move) => inner.TryEmit(state, clock, out move);
        public int Mover(in SaoState state) => inner.Mover(state);
        public Move Ask(ref SaoState state, in SessionClock clock) => ask(inner, ref state, clock);
        public string? Check(in SaoState state, in Move move) => inner.Check(state, move);
        public void Step(ref SaoState state, in Move move, in SessionClock clock) => inner.Step(ref state, move, clock);
        public SaoState End(in SaoState state, NegotiationStatus status) => inner.End(state, status);
        public SaoState Leave(in SaoState state, int party) => inner.Leave(state, party);
    }
}
