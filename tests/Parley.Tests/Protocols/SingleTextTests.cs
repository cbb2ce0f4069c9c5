using System.Collections.Immutable;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Protocols;

public class SingleTextTests
{
    private static SingleTextOptions Rounds(int rounds, int seed = 1) => new() { Rounds = rounds, Seed = seed };

    private static IVoter[] Voters(params string[] names) => names.Select(n => (IVoter)NegotiatorRegistry.Create(n)).ToArray();

    [Fact]
    public void Run_NoMediatorInScenario_SeatsNeutralMediatorAndAgrees()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, Voters("conceder", "conceder"), [new HillClimbingMediator()], Rounds(100));
        Assert.Equal("single-text", r.Protocol);
        Assert.Equal(new[] { "party0", "party1", "Mediator" }, r.Parties.ToArray());
        Assert.Equal(new[] { PartyRole.Principal, PartyRole.Principal, PartyRole.Mediator }, r.Roles.ToArray());
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        // The agreement is the last text, accepted by both principals in the round it was put.
        var texts = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).ToList();
        Assert.Equal(r.Agreement, texts[^1].Outcome);
        var lastRound = r.Transcript.Where(e => e.Round == texts[^1].Round && e.Party is 0 or 1).ToList();
        Assert.All(lastRound, e => Assert.Equal(NegotiationAction.Accept, e.Action));
        var tally = r.Transcript.Last();
        Assert.Equal(NegotiationAction.Tally, tally.Action);
        Assert.Equal(Audience.Of(0) | Audience.Of(1), tally.Entry.Accepts);
    }

    [Fact]
    public void Run_VoterNeverAccepts_DeadlineWithoutAgreement()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Reject)), (IVoter)Negotiators.Conceder()], [new HillClimbingMediator()], Rounds(30));
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Null(r.Agreement);
        Assert.True(r.AgreementValues.IsEmpty);
        Assert.Equal(30, r.Rounds);
        Assert.Equal(s.Parties[0].Profile.ReservedValue.At(1), r.Utilities[0]);
    }

    [Fact]
    public void Run_AnswersAreSeenByMediatorsOnly()
    {
        var s = TestScenarios.Opposed();
        var spy = new ScriptedVoter(_ => new TextVote(TextAnswer.Reject));
        var r = Negotiation.Run(s, [spy, (IVoter)Negotiators.Linear()], [new HillClimbingMediator()], Rounds(10));
        var seen = spy.Context!.History;
        int others = 0;
        for (int i = 0; i < seen.Count; i++)
        {
            var e = seen[i];
            Assert.False(e.Party == 1 && e.Action is NegotiationAction.Accept or NegotiationAction.Reject or NegotiationAction.Veto,
                $"party 0 saw party 1's answer {e}");
            if (e.Party != 0) others++;
        }
        Assert.True(others > 0);
        var answers = r.Transcript.Where(e => e.Party == 1 && e.Action is NegotiationAction.Accept or NegotiationAction.Reject or NegotiationAction.Veto).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, e => Assert.Equal(Audience.Of(2), e.Entry.Recipients));
    }

    [Fact]
    public void Run_MediatorThrows_FailureAttributedToMediator()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, Voters("linear", "linear"), [new ThrowingMediator()], Rounds(10));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(2, r.Failure!.Party);
        Assert.Equal("Mediator", r.Failure.PartyName);
        Assert.Equal(FailureKind.Exception, r.Failure.Kind);
        Assert.Equal(NegotiationAction.Fail, r.Transcript.Last().Action);
    }

    [Fact]
    public void Run_TextOutsideSpace_InvalidActionOfMediator()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, Voters("linear", "linear"), [new FixedMediator(new Outcome(20))], Rounds(10));
        Assert.Equal(FailureKind.InvalidAction, r.Failure!.Kind);
        Assert.Equal(2, r.Failure.Party);
    }

    [Fact]
    public void Run_SameSeed_SameTranscript_OtherSeedDiffers()
    {
        var s = TestScenarios.Opposed();
        string Csv(int seed)
        {
            var r = Negotiation.Run(s, Voters("boulware", "conceder"), [new HillClimbingMediator(), new NashSeekingMediator()], Rounds(200, seed));
            var w = new StringWriter();
            r.Transcript.WriteCsv(w, Seating.WithMediators(s, 2).Space, r.Parties);
            return w.ToString();
        }
        Assert.Equal(Csv(3), Csv(3));
        Assert.NotEqual(Csv(3), Csv(4));
    }

    [Fact]
    public void Run_TwoMediators_TakeTurns()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, Voters("hardliner", "hardliner"), [new HillClimbingMediator(), new HillClimbingMediator()], Rounds(6));
        var proposers = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party).ToArray();
        Assert.Equal([2, 3, 2, 3, 2, 3], proposers);
    }

    [Fact]
    public void Vote_ComposedNegotiator_VetoesTextWorseThanBasis()
    {
        var s = TestScenarios.Opposed();
        var voter = Negotiators.Linear();
        voter.Initialize(Contexts.For(s, 0));
        var good = TestScenarios.At(s, 3, 4);
        var bad = TestScenarios.At(s, 0, 0);
        var state = new SingleTextState { Time = 0.5, Basis = good };
        Assert.Equal(TextAnswer.Veto, voter.Vote(state, bad).Answer);
        Assert.Equal(TextAnswer.Accept, voter.Vote(state with { Time = 0.99 }, good).Answer);
        var reject = voter.Vote(new SingleTextState { Time = 0.0 }, bad);
        Assert.Equal(TextAnswer.Reject, reject.Answer);
        Assert.Equal(0b11UL, reject.Objections); // both issues cost it; price (weight 0.6) and delivery
    }

    internal sealed class ScriptedVoter(Func<Outcome, TextVote> vote) : IVoter
    {
        public string Name => "scripted";
        public NegotiatorContext? Context { get; private set; }
        public void Initialize(NegotiatorContext context) => Context = context;
        public TextVote Vote(in SingleTextState state, Outcome text) => vote(text);
    }

    internal sealed class ThrowingMediator : ITextMediator
    {
        public string Name => "throws";
        public void Initialize(NegotiatorContext context) { }
        public TextProposal Propose(in SingleTextState state) => throw new InvalidOperationException("no text");
    }

    internal sealed class FixedMediator(Outcome text) : ITextMediator
    {
        public string Name => "fixed";
        public void Initialize(NegotiatorContext context) { }
        public TextProposal Propose(in SingleTextState state) => new(text);
    }
}
