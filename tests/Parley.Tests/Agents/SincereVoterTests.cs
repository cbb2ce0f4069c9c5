using Parley.Agents.Voters;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class SincereVoterTests
{
    // Opposed: party 0 prefers high value indices on both issues (price weighs 0.6), so (3, 4) is its best outcome.
    private static SincereVoter VoterFor(Parley.Scenarios.Scenario scenario, int party)
    {
        var voter = new SincereVoter();
        voter.Initialize(Contexts.For(scenario, party));
        return voter;
    }

    private static TextAnswer Answer(SincereVoter voter, Outcome text, Outcome? basis) =>
        voter.Vote(new SingleTextState { Time = 0.5, Text = text, Basis = basis }, text).Answer;

    [Fact]
    public void Vote_ChangeWorseThanBasis_Vetoes()
    {
        var s = TestScenarios.Opposed();
        Assert.Equal(TextAnswer.Veto, Answer(VoterFor(s, 0), TestScenarios.At(s, 1, 2), TestScenarios.At(s, 2, 2)));
    }

    [Fact]
    public void Vote_ChangeNoWorseThanBasis_RejectsAsNotYetTheDeal()
    {
        var s = TestScenarios.Opposed();
        var voter = VoterFor(s, 0);
        Assert.Equal(TextAnswer.Reject, Answer(voter, TestScenarios.At(s, 3, 4), TestScenarios.At(s, 2, 2)));
        Assert.Equal(TextAnswer.Reject, Answer(voter, TestScenarios.At(s, 2, 2), null));
    }

    [Fact]
    public void Vote_TextPutUnchanged_AcceptsAtLeastReservedValueElseVetoes()
    {
        var s = TestScenarios.Opposed(reserved: 0.5);
        var voter = VoterFor(s, 0);
        var good = TestScenarios.At(s, 3, 3);
        var poor = TestScenarios.At(s, 0, 1);
        Assert.True(s.Parties[0].Profile.Utility.Utility(good) >= 0.5 && s.Parties[0].Profile.Utility.Utility(poor) < 0.5);
        Assert.Equal(TextAnswer.Accept, Answer(voter, good, good));
        Assert.Equal(TextAnswer.Veto, Answer(voter, poor, poor));
        Assert.Equal(TextAnswer.Veto, Answer(voter, poor, null));
    }

    [Fact]
    public void Vote_NamesNoObjections()
    {
        var s = TestScenarios.Opposed();
        var text = TestScenarios.At(s, 0, 0);
        Assert.Equal(0UL, VoterFor(s, 0).Vote(new SingleTextState { Text = text, Basis = TestScenarios.At(s, 3, 3) }, text).Objections);
    }
}
