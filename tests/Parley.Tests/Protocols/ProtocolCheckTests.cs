using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Agents.Voters;
using Parley.Parties;
using Parley.Outcomes;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;
using static Parley.Tests.Protocols.ShuttleTests;
using static Parley.Tests.Protocols.SingleTextTests;

namespace Parley.Tests.Protocols;

/// <summary>
/// What the shuttle and single-text protocols refuse, each attributed to the party that did it: messages its role may
/// not send, to a party that left, about a package or issue outside the space; texts, bases and objections outside the
/// space. And a mediator that leaves on its own turn hands that turn to the next.
/// </summary>
public class ProtocolCheckTests
{
    private static NegotiationResult Shuttle(Scenario s, IShuttleParty p0, IShuttleParty p1, IShuttleParty mediator, int rounds = 10) =>
        Negotiation.Run(s, [p0, p1], [mediator], new ShuttleOptions { Rounds = rounds, Seed = 1 });

    private static ScriptedParty Silent() => new((_, _) => ShuttleMessage.Pass);

    private static void AssertRefused(NegotiationResult r, int party, string reason)
    {
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(party, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains(reason, r.Failure.Reason);
    }

    [Theory]
    [InlineData(NegotiationAction.Relay)]
    [InlineData(NegotiationAction.Propose)]
    [InlineData(NegotiationAction.Veto)]
    public void Shuttle_PrincipalSendsAMediatorsKindOfMessage_Refused(NegotiationAction kind)
    {
        var r = Shuttle(Mediated(), new ScriptedParty((_, _) => new ShuttleMessage(kind, 2, new Outcome(1))), Silent(), Silent());
        AssertRefused(r, 0, "which a principal may not send");
    }

    [Theory]
    [InlineData(NegotiationAction.Offer)]
    [InlineData(NegotiationAction.Accept)]
    [InlineData(NegotiationAction.Concede)]
    [InlineData(NegotiationAction.Reject)]
    public void Shuttle_MediatorSendsAPrincipalsKindOfMessage_Refused(NegotiationAction kind)
    {
        var r = Shuttle(Mediated(), Silent(), Silent(), new ScriptedParty((_, _) => new ShuttleMessage(kind, 0, new Outcome(1))));
        AssertRefused(r, 2, "which a mediator may not send");
    }

    [Theory]
    [InlineData(NegotiationAction.Offer)]
    [InlineData(NegotiationAction.Concede)]
    [InlineData(NegotiationAction.Object)]
    [InlineData(NegotiationAction.Accept)]
    [InlineData(NegotiationAction.Reject)]
    public void Shuttle_PrincipalsKindsOfMessage_Allowed(NegotiationAction kind)
    {
        var r = Shuttle(Mediated(), new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(kind, 2, new Outcome(1)) : ShuttleMessage.Pass), Silent(), Silent(), rounds: 2);
        Assert.Null(r.Failure);
        Assert.Single(r.Transcript, e => e.Action == kind && e.Party == 0);
    }

    [Theory]
    [InlineData(NegotiationAction.Relay)]
    [InlineData(NegotiationAction.Propose)]
    [InlineData(NegotiationAction.Object)]
    public void Shuttle_MediatorsKindsOfMessage_Allowed(NegotiationAction kind)
    {
        var r = Shuttle(Mediated(), Silent(), Silent(), new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(kind, 1, new Outcome(1)) : ShuttleMessage.Pass), rounds: 2);
        Assert.Null(r.Failure);
        Assert.Single(r.Transcript, e => e.Action == kind && e.Party == 2);
    }

    [Fact]
    public void Shuttle_MessageToAMediatorThatLeft_Refused()
    {
        // Three turns a round over ten rounds (t = turn / 30): the mediator leaves at t = 0.1, before party 0's turn 3.
        var s = Mediated() with { Timeline = new Timeline([new PartyLeaves(3 / 30.0, "mediator leaves", 2)]) };
        var r = Shuttle(s, new ScriptedParty((st, _) => st.Round == 1 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(1)) : ShuttleMessage.Pass), Silent(), Silent());
        AssertRefused(r, 0, "who has left the table");
    }

    [Fact]
    public void Shuttle_PrincipalLeaves_NegotiationEndsWithoutAgreement()
    {
        var s = Mediated() with { Timeline = new Timeline([new PartyLeaves(0.5, "party1 leaves", 1)]) };
        var r = Shuttle(s, Silent(), Silent(), Silent());
        Assert.Equal(NegotiationStatus.Ended, r.Status);
        Assert.Null(r.Agreement);
        Assert.Equal(0.5, r.EndTime, 12);
    }

    [Theory]
    [InlineData(20)] // one past the last of 4 × 5 outcomes
    [InlineData(1000)]
    public void Shuttle_PackageOutsideTheSpace_Refused(int package)
    {
        var r = Shuttle(Mediated(), new ScriptedParty((_, _) => new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome((UInt128)package))), Silent(), Silent());
        AssertRefused(r, 0, "outside the outcome space");
    }

    [Fact]
    public void Shuttle_LastPackageOfTheSpace_Allowed()
    {
        var r = Shuttle(Mediated(), new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(19)) : ShuttleMessage.Pass), Silent(), Silent(), rounds: 2);
        Assert.Null(r.Failure);
    }

    [Theory]
    [InlineData(0b100UL, false)] // issue 2 of a two-issue space
    [InlineData(0b11UL, true)]
    [InlineData(0b10UL, true)]
    public void Shuttle_ConcessionNamingIssues_OnlyIssuesOfTheSpace(ulong issues, bool allowed)
    {
        var r = Shuttle(Mediated(), new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Concede, 2, new Outcome(1), issues) : ShuttleMessage.Pass), Silent(), Silent(), rounds: 2);
        if (allowed) Assert.Null(r.Failure);
        else AssertRefused(r, 0, "named an issue the space does not have");
    }

    private static NegotiationResult Text(ITextMediator mediator, IVoter v0, IVoter v1, int rounds = 3) =>
        Negotiation.Run(TestScenarios.Opposed(), [v0, v1], [mediator], new SingleTextOptions { Rounds = rounds, Seed = 1 });

    private static ScriptedVoter Rejecting(ulong objections = 0) => new(_ => new TextVote(TextAnswer.Reject, objections));

    [Fact]
    public void SingleText_BasisOutsideTheSpace_RefusedAsTheMediators()
    {
        var r = Text(new BasisMediator(new Outcome(3), new Outcome(20)), Rejecting(), Rejecting());
        AssertRefused(r, 2, "named basis 20 outside the outcome space");
    }

    [Fact]
    public void SingleText_BasisInsideTheSpace_Allowed()
    {
        var r = Text(new BasisMediator(new Outcome(3), new Outcome(19)), Rejecting(), Rejecting());
        Assert.Null(r.Failure);
        Assert.All(r.Transcript.Where(e => e.Action == NegotiationAction.Propose), e => Assert.Equal(new Outcome(3), e.Outcome));
    }

    [Theory]
    [InlineData(0b100UL, false)]
    [InlineData(0b11UL, true)]
    public void SingleText_ObjectionsToIssuesOutsideTheSpace_RefusedAsTheVoters(ulong objections, bool allowed)
    {
        var r = Text(new FixedMediator(new Outcome(3)), Rejecting(), Rejecting(objections));
        if (allowed)
        {
            Assert.Null(r.Failure);
            Assert.Contains(r.Transcript, e => e.Party == 1 && e.Entry.Issues == objections);
        }
        else AssertRefused(r, 1, "objected to an issue the space does not have");
    }

    [Fact]
    public void SingleText_MediatorLeavesOnItsOwnTurn_TheNextOneProposes()
    {
        // Four mediators (2..5), two principals: three turns a round over eight rounds (t = turn / 24). Mediator 3 would put
        // the text of round 1 (t = 3/24) and leaves just then.
        var seated = Seating.WithMediators(TestScenarios.Opposed(), 4) with { Timeline = new Timeline([new PartyLeaves(3 / 24.0, "m3 leaves", 3)]) };
        var r = Negotiation.Run(seated, [Rejecting(), Rejecting()],
            [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2)), new FixedMediator(new Outcome(3)), new FixedMediator(new Outcome(4))],
            new SingleTextOptions { Rounds = 8, Seed = 1 });
        var proposers = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party).ToArray();
        Assert.Equal([2, 4, 5, 2, 4, 5, 2, 4], proposers);
    }

    [Fact]
    public void SingleText_EveryMediatorLeaves_NegotiationEnds()
    {
        var seated = Seating.WithMediators(TestScenarios.Opposed(), 2) with
        {
            Timeline = new Timeline([new PartyLeaves(0.25, "m2 leaves", 2), new PartyLeaves(0.5, "m3 leaves", 3)]),
        };
        var r = Negotiation.Run(seated, [Rejecting(), Rejecting()], [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2))],
            new SingleTextOptions { Rounds = 8, Seed = 1 });
        Assert.Equal(NegotiationStatus.Ended, r.Status);
        Assert.Equal(0.5, r.EndTime, 12);
    }

    private sealed class BasisMediator(Outcome text, Outcome basis) : ITextMediator
    {
        public string Name => "basis";
        public void Initialize(NegotiatorContext context) { }
        public TextProposal Propose(in SingleTextState state) => new(text, basis);
    }
}
