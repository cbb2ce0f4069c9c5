using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;
using static Parley.Tests.Protocols.ShuttleTests;
using static Parley.Tests.Protocols.SingleTextRuleTests;
using static Parley.Tests.Protocols.SingleTextTests;

namespace Parley.Tests.Protocols;

/// <summary>
/// What replaces a mediator's text that crosses a principal's red line or uses a withdrawn value (<c>TextLimits</c>, issue
/// 20 §7): its basis when that is inside every limit, else the start text — the package inside every limit whose
/// worst-off principal fares best, the first in outcome order among equals, found here by brute force over the profiles —
/// recomputed when an event withdraws one of its values, and found by sampling in spaces too large to scan.
/// </summary>
public class MediatorTextLimitTests
{
    private static SingleTextOptions TextRounds(int rounds) => new() { Rounds = rounds, Seed = 1 };

    /// <summary>Opposed(parties): party 0 refuses deliveries v and w, party 1 refuses price d.</summary>
    private static Scenario WithRedLines(Scenario s)
    {
        var p0 = s.Parties[0] with { Profile = s.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(1, 0), RedLine.OnValue(1, 1)]) } };
        var p1 = s.Parties[1] with { Profile = s.Parties[1].Profile with { RedLines = new RedLines([RedLine.OnValue(0, 3)]) } };
        return s with { Parties = s.Parties.SetItem(0, p0).SetItem(1, p1) };
    }

    /// <summary>Brute force: the first outcome, in index order, inside every principal's red lines and using no withdrawn value, whose worst-off principal fares best.</summary>
    private static Outcome StartText(Scenario s, params (int Issue, int Value)[] withdrawn)
    {
        var rows = BruteForce.Rows(s);
        var values = new int[s.Space.IssueCount];
        int best = -1;
        double bestMin = double.NegativeInfinity;
        for (int o = 0; o < rows[0].Length; o++)
        {
            BruteForce.Decode(s, o, values);
            bool inside = true;
            for (int p = 0; p < s.Parties.Length; p++)
            {
                if (s.Parties[p].Role != PartyRole.Principal) continue;
                foreach (var line in s.Parties[p].Profile.RedLines.Lines)
                    if (line.Covers(values[line.Issue])) inside = false;
            }
            foreach (var (issue, value) in withdrawn) if (values[issue] == value) inside = false;
            if (!inside) continue;
            double min = Enumerable.Range(0, s.Parties.Length).Where(p => s.Parties[p].Role == PartyRole.Principal).Min(p => rows[p][o]);
            if (min > bestMin) (bestMin, best) = (min, o);
        }
        return new Outcome((ulong)best);
    }

    [Fact]
    public void TextCrossingARedLine_WithABasisInsideThem_IsReplacedByTheBasis()
    {
        var s = WithRedLines(TestScenarios.Opposed());
        var crossing = TestScenarios.At(s, 3, 4); // price d: party 1's red line
        var basis = TestScenarios.At(s, 1, 3);
        var voter = new RecordingVoter(TextAnswer.Reject);
        var r = Negotiation.Run(s, [voter, new RecordingVoter(TextAnswer.Reject)], [new ProposingMediator(_ => new TextProposal(crossing, basis))], TextRounds(3));
        Assert.Null(r.Failure);
        Assert.Equal([basis, basis, basis], voter.Texts);
        Assert.Equal([basis, basis, basis], voter.Bases);
    }

    [Theory]
    [InlineData(true)]  // the basis crosses a red line too: the start text is put, against no basis
    [InlineData(false)] // no basis
    public void TextCrossingARedLine_WithoutABasisInsideThem_IsReplacedByTheStartText(bool withBasis)
    {
        var s = WithRedLines(TestScenarios.Opposed());
        var crossing = TestScenarios.At(s, 3, 4);
        Outcome? basis = withBasis ? TestScenarios.At(s, 2, 0) : null; // delivery v: party 0's red line
        var start = StartText(s);
        var voter = new RecordingVoter(TextAnswer.Reject);
        var r = Negotiation.Run(s, [voter, new RecordingVoter(TextAnswer.Reject)], [new ProposingMediator(_ => new TextProposal(crossing, basis))], TextRounds(3));
        Assert.Null(r.Failure);
        Assert.Equal([start, start, start], voter.Texts);
        Assert.Equal([null, null, null], voter.Bases);
    }

    [Fact]
    public void StartText_AValueOfItWithdrawn_IsSearchedAgain()
    {
        var s = WithRedLines(TestScenarios.Opposed());
        var first = StartText(s);
        var values = new int[2];
        BruteForce.Decode(s, (long)first.Index, values);
        // Delivery of the first start text withdrawn at t = 0.45 (round 4 of 10 has begun; rounds 5.. see it).
        s = s with { Timeline = new Timeline([new IssueValueWithdrawn(0.45, "withdrawn", 1, values[1])]) };
        var second = StartText(s, (1, values[1]));
        Assert.NotEqual(first, second);
        var crossing = TestScenarios.At(s, 3, 4);
        var r = Negotiation.Run(s, [new RecordingVoter(TextAnswer.Reject), new RecordingVoter(TextAnswer.Reject)],
            [new ProposingMediator(_ => new TextProposal(crossing))], TextRounds(10));
        Assert.Null(r.Failure);
        var texts = r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Select(e => e.Outcome).ToArray();
        Assert.Equal(Enumerable.Repeat<Outcome?>(first, 5).Concat(Enumerable.Repeat<Outcome?>(second, 5)), texts);
    }

    [Fact]
    public void SpaceTooLargeToScan_TextCrossingRedLines_IsReplacedByASampledTextInsideThem()
    {
        // 150³ = 3,375,000 packages (more than are scanned); each principal refuses the first 10 values of an issue or two.
        const int n = 150;
        var space = new OutcomeSpace(Enumerable.Range(0, 3).Select(i => (Issue)new DiscreteIssue($"i{i}", Enumerable.Range(0, n).Select(v => $"v{v}").ToArray())).ToArray());
        var eval = Enumerable.Range(0, n).Select(v => v / (double)(n - 1)).ToArray();
        var falling = eval.Reverse().ToArray();
        Profile Principal(double[] weights, double[][] evals, params RedLine[] lines) =>
            new(new LinearAdditiveUtility(space, weights, evals.Select(e => (IssueEvaluator)new DiscreteEvaluator(e)).ToArray()), ReservedValueCurve.Constant(0), 1.0)
            { RedLines = new RedLines(lines) };
        var p0 = Principal([0.5, 0.3, 0.2], [eval, falling, eval], new RedLine(0, 0, 9), new RedLine(1, 0, 9));
        var p1 = Principal([0.2, 0.3, 0.5], [falling, eval, falling], new RedLine(2, 0, 9));
        var s = new Scenario("large", space, [new Party("p0", PartyRole.Principal, p0), new Party("p1", PartyRole.Principal, p1)]);
        var crossing = space.Encode([0, 0, 0]);
        var voter = new RecordingVoter(TextAnswer.Reject);
        var r = Negotiation.Run(s, [voter, new RecordingVoter(TextAnswer.Reject)], [new ProposingMediator(_ => new TextProposal(crossing))],
            new SingleTextOptions { Rounds = 2, Seed = 1, PerTurnBudget = TimeSpan.FromMinutes(10) }); // the sample takes a while in a Debug build
        Assert.Null(r.Failure);
        Assert.Equal(2, voter.Texts.Count);
        var values = new int[3];
        foreach (var text in voter.Texts)
        {
            space.Decode(text, values);
            Assert.All(values, v => Assert.InRange(v, 10, n - 1));
        }
    }

    [Fact]
    public void SampledStartText_IsTheProtocolsWork_NotChargedToTheMediatorsTurn()
    {
        // The same 3,375,000 packages: the sampled search for a start text runs inside the mediator's turn, and is
        // recorded as the protocol's own work, which the runner deducts from the turn (a Debug build takes seconds).
        const int n = 150;
        var space = new OutcomeSpace(Enumerable.Range(0, 3).Select(i => (Issue)new DiscreteIssue($"i{i}", Enumerable.Range(0, n).Select(v => $"v{v}").ToArray())).ToArray());
        var eval = Enumerable.Range(0, n).Select(v => v / (double)(n - 1)).ToArray();
        Profile Principal(RedLine line) =>
            new(new LinearAdditiveUtility(space, [0.4, 0.3, 0.3], [.. Enumerable.Repeat((IssueEvaluator)new DiscreteEvaluator(eval), 3)]), ReservedValueCurve.Constant(0), 1.0)
            { RedLines = new RedLines([line]) };
        var s = new Scenario("large", space, [new Party("p0", PartyRole.Principal, Principal(new RedLine(0, 0, 9))), new Party("p1", PartyRole.Principal, Principal(new RedLine(1, 0, 9)))]);
        long before = ProtocolWork.Ticks;
        var r = Negotiation.Run(s, [new RecordingVoter(TextAnswer.Reject), new RecordingVoter(TextAnswer.Reject)],
            [new ProposingMediator(_ => new TextProposal(space.Encode([0, 0, 0])))],
            new SingleTextOptions { Rounds = 2, Seed = 1, PerTurnBudget = TimeSpan.FromSeconds(1) });
        Assert.True(ProtocolWork.Ticks > before, "the start-text search was not recorded as the protocol's work");
        Assert.Null(r.Failure);
    }

    // Shuttle: a mediator's own Propose is guarded the same way (without a basis), and the transcript says so.

    private static Scenario MediatedWithRedLines(int delay = 0) => WithRedLines(Mediated(delay));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Shuttle_ProposalCrossingARedLine_IsReplacedByTheStartText_AndNoted(int delay)
    {
        var s = MediatedWithRedLines(delay);
        var crossing = TestScenarios.At(s, 3, 4);
        var start = StartText(s);
        var mediator = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Propose, 0, crossing) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [new ScriptedParty((_, _) => ShuttleMessage.Pass), new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator],
            new ShuttleOptions { Rounds = 4, Seed = 1 });
        Assert.Null(r.Failure);
        var sent = r.Transcript.Single(e => e.Action == NegotiationAction.Propose);
        Assert.Equal(start, sent.Outcome);
        Assert.Contains("replaced by the start text", sent.Entry.Note);
        if (delay > 0) Assert.Contains("in transit: arrives in round 2", sent.Entry.Note);
        else Assert.DoesNotContain("in transit", sent.Entry.Note);
        if (delay > 0) Assert.Equal(start, r.Transcript.Single(e => e.Action == NegotiationAction.Deliver).Outcome);
    }

    [Fact]
    public void Shuttle_ProposalInsideTheRedLines_IsSentAsItIsWithoutANote()
    {
        var s = MediatedWithRedLines();
        var inside = TestScenarios.At(s, 0, 4);
        Assert.NotEqual(StartText(s), inside);
        var mediator = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Propose, 1, inside) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [new ScriptedParty((_, _) => ShuttleMessage.Pass), new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator],
            new ShuttleOptions { Rounds = 3, Seed = 1 });
        var sent = r.Transcript.Single(e => e.Action == NegotiationAction.Propose);
        Assert.Equal(inside, sent.Outcome);
        Assert.Null(sent.Entry.Note);
    }

    [Fact]
    public void Shuttle_RelayOfAPrincipalsPackage_IsNotReplaced()
    {
        // Only a mediator's own text is guarded: a relay passes on what a principal said, red line or not.
        var s = MediatedWithRedLines();
        var crossing = TestScenarios.At(s, 3, 4);
        var mediator = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Relay, 1, crossing) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [new ScriptedParty((_, _) => ShuttleMessage.Pass), new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator],
            new ShuttleOptions { Rounds = 3, Seed = 1 });
        Assert.Null(r.Failure);
        var sent = r.Transcript.Single(e => e.Action == NegotiationAction.Relay);
        Assert.Equal(crossing, sent.Outcome);
        Assert.Null(sent.Entry.Note);
    }

    [Fact]
    public void Shuttle_ProposalOutsideTheSpace_InAScenarioWithRedLines_InvalidActionOfTheMediator()
    {
        var s = MediatedWithRedLines();
        var mediator = new ScriptedParty((_, _) => new ShuttleMessage(NegotiationAction.Propose, 0, new Outcome(20)));
        var r = Negotiation.Run(s, [new ScriptedParty((_, _) => ShuttleMessage.Pass), new ScriptedParty((_, _) => ShuttleMessage.Pass)], [mediator],
            new ShuttleOptions { Rounds = 3, Seed = 1 });
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(2, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("outside the outcome space", r.Failure.Reason);
    }
}
