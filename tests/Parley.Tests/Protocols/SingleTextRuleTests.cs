using Parley.Agents;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;
using static Parley.Tests.Protocols.SingleTextTests;

namespace Parley.Tests.Protocols;

/// <summary>
/// Single-text rules pinned so that a one-token change in <c>SingleTextProtocol</c> fails a test (issue 20 §7, mutation
/// testing): what a mediator's text and a principal's answer may name, how a mediator's leaving moves the turn, and the
/// rounds in which the mediator has no text to put.
/// </summary>
public class SingleTextRuleTests
{
    private static SingleTextOptions TextRounds(int rounds) => new() { Rounds = rounds, Seed = 1 };

    private static IVoter Rejecting() => new ScriptedVoter(_ => new TextVote(TextAnswer.Reject));

    [Fact]
    public void TextWithABasisOutsideTheSpace_InvalidActionOfTheMediator()
    {
        var s = TestScenarios.Opposed();
        var mediator = new ProposingMediator(_ => new TextProposal(TestScenarios.At(s, 1, 1), new Outcome(20)));
        var r = Negotiation.Run(s, [Rejecting(), Rejecting()], [mediator], TextRounds(5));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(2, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("basis", r.Failure.Reason);
    }

    [Fact]
    public void TextWithABasisInsideTheSpace_VotersSeeTextAndBasis()
    {
        var s = TestScenarios.Opposed();
        var text = TestScenarios.At(s, 1, 1);
        var basis = TestScenarios.At(s, 2, 3);
        var mediator = new ProposingMediator(_ => new TextProposal(text, basis));
        var voter = new RecordingVoter(TextAnswer.Reject);
        var r = Negotiation.Run(s, [voter, Rejecting()], [mediator], TextRounds(3));
        Assert.Null(r.Failure);
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Equal([text, text, text], voter.Texts);
        Assert.Equal([basis, basis, basis], voter.Bases);
    }

    [Fact]
    public void ObjectionToAnIssueTheSpaceDoesNotHave_InvalidActionOfTheVoter()
    {
        var s = TestScenarios.Opposed(); // two issues: bits 0 and 1
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Reject, 0b100)), Rejecting()],
            [new FixedMediator(TestScenarios.At(s, 1, 1))], TextRounds(5));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("issue the space does not have", r.Failure.Reason);
    }

    [Fact]
    public void ObjectionsToEveryIssueOfTheSpace_AreRecordedForTheMediators()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Veto, 0b11)), new ScriptedVoter(_ => new TextVote(TextAnswer.Reject, 0b10))],
            [new FixedMediator(TestScenarios.At(s, 1, 1))], TextRounds(2));
        Assert.Null(r.Failure);
        var answers = r.Transcript.Where(e => e.Party is 0 or 1).ToList();
        Assert.Equal(4, answers.Count);
        Assert.All(answers.Where(e => e.Party == 0), e => Assert.Equal(0b11UL, e.Entry.Issues));
        Assert.All(answers.Where(e => e.Party == 1), e => Assert.Equal(0b10UL, e.Entry.Issues));
    }

    [Fact]
    public void AnswerThatIsNoKnownVote_FailsNamingIt()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [Rejecting(), new ScriptedVoter(_ => new TextVote((TextAnswer)9))],
            [new FixedMediator(TestScenarios.At(s, 1, 1))], TextRounds(5));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(1, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("unknown vote 9", r.Failure.Reason);
    }

    [Fact]
    public void AcceptRejectAndVeto_AreRecordedWithoutANote()
    {
        var s = TestScenarios.Opposed(3);
        var r = Negotiation.Run(s,
            [new ScriptedVoter(_ => new TextVote(TextAnswer.Accept)), new ScriptedVoter(_ => new TextVote(TextAnswer.Reject)), new ScriptedVoter(_ => new TextVote(TextAnswer.Veto))],
            [new FixedMediator(TestScenarios.At(s, 1, 1))], TextRounds(2));
        Assert.Null(r.Failure);
        var answers = r.Transcript.Where(e => e.Party is 0 or 1 or 2).ToList();
        Assert.Equal([NegotiationAction.Accept, NegotiationAction.Reject, NegotiationAction.Veto, NegotiationAction.Accept, NegotiationAction.Reject, NegotiationAction.Veto],
            answers.Select(e => e.Action));
        Assert.All(answers, e => Assert.Null(e.Entry.Note));
    }

    /// <summary>Four mediators (parties 2..5) over 8 rounds of 3 turns; one leaves at <paramref name="leavesAt"/>.</summary>
    [Theory]
    // Mediator 5 leaves in round 1, whose text is mediator 3's: 3 still puts it, then 4, then 2 again.
    [InlineData(5, 2.5 / 24, new[] { 2, 3, 4, 2, 3, 4, 2, 3 })]
    // Mediator 4 leaves at the start of round 2, before putting its text: mediator 5 puts round 2's.
    [InlineData(4, 0.25, new[] { 2, 3, 5, 2, 3, 5, 2, 3 })]
    // Mediator 4 leaves in round 2 after putting its text: the round ends as it is, and mediator 5 puts round 3's.
    [InlineData(4, 6.5 / 24, new[] { 2, 3, 4, 5, 2, 3, 5, 2 })]
    public void MediatorLeaves_TheTurnGoesOnInTableOrderAmongThosePresent(int leaver, double leavesAt, int[] expected)
    {
        var seated = Seating.WithMediators(TestScenarios.Opposed(), 4) with { Timeline = new Timeline([new PartyLeaves(leavesAt, "leaves", leaver)]) };
        var r = Negotiation.Run(seated, [Rejecting(), Rejecting()],
            [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2)), new FixedMediator(new Outcome(3)), new FixedMediator(new Outcome(4))], TextRounds(8));
        Assert.Null(r.Failure);
        Assert.Equal(expected, r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party));
    }

    [Fact]
    public void EveryMediatorLeaves_NegotiationEnds()
    {
        var seated = Seating.WithMediators(TestScenarios.Opposed(), 2) with
        {
            Timeline = new Timeline([new PartyLeaves(0.25, "first leaves", 2), new PartyLeaves(0.5, "second leaves", 3)]),
        };
        var r = Negotiation.Run(seated, [Rejecting(), Rejecting()], [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2))], TextRounds(8));
        Assert.Equal(NegotiationStatus.Ended, r.Status);
        Assert.InRange(r.EndTime, 0.5, 0.55);
        Assert.Equal([2, 3, 3, 3], r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party));
    }

    [Fact]
    public void NoPackageInsideEveryRedLine_EachRoundIsStillTalliedAndNoVoterIsAskedAboutAText()
    {
        // Party 0 refuses deliveries v and w, party 1 refuses x, y and z: the mediator has no text to put in any round.
        var s = TestScenarios.Opposed();
        var p0 = s.Parties[0] with { Profile = s.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 0), RedLine.OnValue(1, 1)]) } };
        var p1 = s.Parties[1] with { Profile = s.Parties[1].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 2), RedLine.OnValue(1, 3), RedLine.OnValue(1, 4)]) } };
        s = s with { Parties = [p0, p1] };
        var voter = new RecordingVoter(TextAnswer.Accept);
        var mediator = new ProposingMediator(_ => new TextProposal(TestScenarios.At(s, 0, 0)));
        var r = Negotiation.Run(s, [voter, new RecordingVoter(TextAnswer.Accept)], [mediator], TextRounds(5));
        Assert.Null(r.Failure);
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Equal(5, r.Rounds);
        Assert.Equal(5, mediator.Calls);
        Assert.Empty(voter.Texts);
        var tallies = r.Transcript.Where(e => e.Action == NegotiationAction.Tally).ToList();
        Assert.Equal([0, 1, 2, 3, 4], tallies.Select(t => t.Round));
        Assert.All(tallies, t => Assert.Equal((0UL, 0UL), (t.Entry.Accepts, t.Entry.Rejects)));
    }

    internal sealed class ProposingMediator(Func<SingleTextState, TextProposal> propose) : ITextMediator
    {
        public string Name => "proposing";
        public int Calls { get; private set; }
        public void Initialize(NegotiatorContext context) { }

        public TextProposal Propose(in SingleTextState state)
        {
            Calls++;
            return propose(state);
        }
    }

    /// <summary>Answers every text the same way and records each text and basis it was asked about, with the time.</summary>
    internal sealed class RecordingVoter(TextAnswer answer) : IVoter
    {
        public string Name => "recording";
        public List<Outcome> Texts { get; } = [];
        public List<Outcome?> Bases { get; } = [];
        public List<double> Times { get; } = [];
        public void Initialize(NegotiatorContext context) { }

        public TextVote Vote(in SingleTextState state, Outcome text)
        {
            Texts.Add(text);
            Bases.Add(state.Basis);
            Times.Add(state.Time);
            return new(answer);
        }
    }
}
