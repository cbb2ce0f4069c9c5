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
/// Rules of the shuttle and single-text protocols pinned so that a one-token change fails a test (issue 20 §7): delivery
/// on channels without delay, the bound check on addressees, how answers are tallied, the round counter the parties
/// see, and the mediators' turn order.
/// </summary>
public class MediatedProtocolRuleTests
{
    private static ShuttleOptions ShuttleRounds(int rounds) => new() { Rounds = rounds, Seed = 1 };

    private static SingleTextOptions TextRounds(int rounds) => new() { Rounds = rounds, Seed = 1 };

    [Fact]
    public void Shuttle_ChannelWithoutDelay_MessageSeenAtOnceAndNeverInTransit()
    {
        var s = Mediated(delay: 0);
        var sender = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(7)) : ShuttleMessage.Pass);
        var mediator = new ScriptedParty((_, _) => ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [sender, new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator], ShuttleRounds(3));
        var sent = r.Transcript.Single(e => e.Action == NegotiationAction.Offer);
        Assert.Equal(Audience.Of(2), sent.Entry.Recipients);
        Assert.Null(sent.Entry.Note);
        Assert.DoesNotContain(r.Transcript, e => e.Action == NegotiationAction.Deliver);
        // The mediator moves after party 0 in round 0 and already sees the offer.
        Assert.Equal([1, 1, 1], mediator.VisibleCounts);
    }

    [Theory]
    [InlineData(3)] // one past the last party
    [InlineData(-1)]
    [InlineData(64)]
    public void Shuttle_MessageToPartyNotAtTheTable_InvalidActionOfTheSender(int to)
    {
        var s = Mediated();
        var sender = new ScriptedParty((_, _) => new ShuttleMessage(NegotiationAction.Offer, to, new Outcome(3)));
        var r = Negotiation.Run(s, [sender, new ScriptedParty((_, _) => ShuttleMessage.Pass)], [new ScriptedParty((_, _) => ShuttleMessage.Pass)], ShuttleRounds(3));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("not at the table", r.Failure.Reason);
    }

    [Fact]
    public void Shuttle_MessageToTheLastParty_IsAllowed()
    {
        var s = Mediated();
        var sender = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(3)) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [sender, new ScriptedParty((_, _) => ShuttleMessage.Pass)], [new ScriptedParty((_, _) => ShuttleMessage.Pass)], ShuttleRounds(3));
        Assert.Null(r.Failure);
        Assert.Single(r.Transcript, e => e.Action == NegotiationAction.Offer && e.Entry.To == 2);
    }

    [Fact]
    public void SingleText_Tally_RejectsListRejectionsAndVetoesTogether()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Reject)), new ScriptedVoter(_ => new TextVote(TextAnswer.Veto))],
            [new FixedMediator(new Outcome(5))], TextRounds(2));
        var tallies = r.Transcript.Where(e => e.Action == NegotiationAction.Tally).ToList();
        Assert.Equal(2, tallies.Count);
        Assert.All(tallies, t =>
        {
            Assert.Equal(Audience.Of(0) | Audience.Of(1), t.Entry.Rejects);
            Assert.Equal(0UL, t.Entry.Accepts);
        });
    }

    [Fact]
    public void SingleText_Tally_OneAcceptsOneVetoes_Separated()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Accept)), new ScriptedVoter(_ => new TextVote(TextAnswer.Veto))],
            [new FixedMediator(new Outcome(5))], TextRounds(1));
        var tally = r.Transcript.Single(e => e.Action == NegotiationAction.Tally);
        Assert.Equal(Audience.Of(0), tally.Entry.Accepts);
        Assert.Equal(Audience.Of(1), tally.Entry.Rejects);
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
    }

    [Fact]
    public void SingleText_RoundsSeenByTheMediatorAndVoters_CountUpFromZero()
    {
        var s = TestScenarios.Opposed();
        var mediator = new RecordingMediator(new Outcome(5));
        var voter = new RoundVoter();
        Negotiation.Run(s, [voter, new ScriptedVoter(_ => new TextVote(TextAnswer.Reject))], [mediator], TextRounds(4));
        Assert.Equal([0, 1, 2, 3], mediator.Rounds);
        Assert.Equal([0, 1, 2, 3], voter.Rounds);
        Assert.Equal([0.0, 0.25, 0.5, 0.75], mediator.Times.Select(t => Math.Round(t, 12)));
    }

    [Fact]
    public void SingleText_ThreeMediators_TakeTurnsInTableOrder()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [new ScriptedVoter(_ => new TextVote(TextAnswer.Reject)), new ScriptedVoter(_ => new TextVote(TextAnswer.Reject))],
            [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2)), new FixedMediator(new Outcome(3))], TextRounds(7));
        var proposers = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party).ToArray();
        Assert.Equal([2, 3, 4, 2, 3, 4, 2], proposers);
    }

    [Fact]
    public void SingleText_MediatorLeaves_OthersKeepTheirOrder()
    {
        // Four mediators (2..5); mediator 3 leaves at t = 0.25 (round 2 of 8): the rest rotate 2, 4, 5.
        var seated = Seating.WithMediators(TestScenarios.Opposed(), 4);
        seated = seated with { Timeline = new Timeline([new PartyLeaves(0.25, "m3 leaves", 3)]) };
        var r = Negotiation.Run(seated, [new ScriptedVoter(_ => new TextVote(TextAnswer.Reject)), new ScriptedVoter(_ => new TextVote(TextAnswer.Reject))],
            [new FixedMediator(new Outcome(1)), new FixedMediator(new Outcome(2)), new FixedMediator(new Outcome(3)), new FixedMediator(new Outcome(4))], TextRounds(8));
        var proposers = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Party).ToArray();
        Assert.Equal([2, 3, 4, 5, 2, 4, 5, 2], proposers);
    }

    private sealed class RecordingMediator(Outcome text) : ITextMediator
    {
        public string Name => "recording";
        public List<int> Rounds { get; } = [];
        public List<double> Times { get; } = [];
        public void Initialize(NegotiatorContext context) { }

        public TextProposal Propose(in SingleTextState state)
        {
            Rounds.Add(state.Round);
            Times.Add(state.Time);
            return new(text);
        }
    }

    private sealed class RoundVoter : IVoter
    {
        public string Name => "rounds";
        public List<int> Rounds { get; } = [];
        public void Initialize(NegotiatorContext context) { }

        public TextVote Vote(in SingleTextState state, Outcome text)
        {
            Rounds.Add(state.Round);
            return new(TextAnswer.Reject);
        }
    }
}
