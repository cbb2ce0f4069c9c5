using Parley.Agents;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

/// <summary>MiCRO as a single-text voter: its acceptance rule decides, one step down its ranking per new distinct text.</summary>
public class MicroVoterTests
{
    private static (MicroNegotiator Voter, NegotiatorContext Context) Voter(Parley.Scenarios.Scenario s, int party = 0)
    {
        var voter = new MicroNegotiator();
        var context = Contexts.For(s, party);
        voter.Initialize(context);
        return (voter, context);
    }

    private static TextAnswer Answer(MicroNegotiator voter, Outcome text, Outcome? basis = null) =>
        voter.Vote(new SingleTextState { Time = 0.5, Text = text, Basis = basis }, text).Answer;

    [Fact]
    public void Vote_DistinctTexts_ConcedesOneRankPerText()
    {
        var s = TestScenarios.Opposed();
        var index = Voter(s).Context.Index;
        int best = index.Count - 1;
        // A target strictly worse than the outcome ranked just above it, so ties cannot blur the step.
        int j = 3;
        while (index.UtilityAt(best - j) >= index.UtilityAt(best - j + 1)) j++;
        var target = index.OutcomeAt(best - j);
        foreach (int others in new[] { j - 1, j })
        {
            var (voter, _) = Voter(s);
            // Distinct texts it dislikes (its worst outcomes) before the target: one step down its ranking for each.
            for (int k = 0; k < others; k++) Assert.Equal(TextAnswer.Reject, Answer(voter, index.OutcomeAt(k)));
            Assert.Equal(others >= j ? TextAnswer.Accept : TextAnswer.Reject, Answer(voter, target));
        }
    }

    [Fact]
    public void Vote_RepeatedText_DoesNotConcede()
    {
        var s = TestScenarios.Opposed();
        var (voter, context) = Voter(s);
        var index = context.Index;
        // The same text again and again is one offer received: MiCRO proposes at most two outcomes (m ≤ n) and stops there.
        int rank = index.Count - 3;
        while (index.UtilityAt(rank) >= index.UtilityAt(index.Count - 2)) rank--;
        var low = index.OutcomeAt(rank);
        for (int i = 0; i < 10; i++) Assert.Equal(TextAnswer.Reject, Answer(voter, low));
    }

    [Fact]
    public void Vote_WorseThanBasis_VetoesNamingObjections()
    {
        var s = TestScenarios.Opposed();
        var (voter, _) = Voter(s);
        var text = TestScenarios.At(s, 0, 0);
        var vote = voter.Vote(new SingleTextState { Time = 0.5, Text = text, Basis = TestScenarios.At(s, 3, 4) }, text);
        Assert.Equal(TextAnswer.Veto, vote.Answer);
        Assert.NotEqual(0UL, vote.Objections);
    }

    [Fact]
    public void Vote_BelowReservedValue_NeverAccepts()
    {
        var s = TestScenarios.Opposed(reserved: 0.7);
        var (voter, context) = Voter(s);
        var index = context.Index;
        for (int r = 0; r < index.Count; r++)
        {
            var text = index.OutcomeAt(r);
            var answer = Answer(voter, text);
            if (index.UtilityAt(r) < 0.7) Assert.NotEqual(TextAnswer.Accept, answer);
        }
    }

    [Fact]
    public void Run_MicroVoters_AgreeUnderAHillClimber()
    {
        var r = NamedNegotiation.Run(TestScenarios.Opposed(), "single-text", ["micro", "micro"], ["hillclimber"], seed: 2, rounds: 100);
        Assert.Null(r.Failure);
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        Assert.Equal(new[] { "MiCRO", "MiCRO", "HillClimber" }, r.Negotiators.ToArray());
    }
}
