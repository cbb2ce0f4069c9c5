using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Protocols;

public class AnacScenarioRunTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var s in TestPaths.AllAnacScenarios()) data.Add(s);
        return data;
    }

    [Fact]
    public void AllAnacScenarios_SeventyFourFolders() => Assert.Equal(74, TestPaths.AllAnacScenarios().Count());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_BoulwareVsConceder_FinishesWithValidResult(string folder) =>
        RunAndCheck(folder, [Negotiators.Boulware(), Negotiators.Conceder()], Negotiators.Linear, rounds: 300);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_HardHeadedVsRandom_FinishesWithValidResult(string folder) =>
        RunAndCheck(folder, [Negotiators.HardHeaded(), Negotiators.Random()], Negotiators.Micro, rounds: 200);

    private static void RunAndCheck(string folder, List<INegotiator> negotiators, Func<INegotiator> rest, int rounds)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, folder));
        int n = scenario.Parties.Length;
        while (negotiators.Count < n) negotiators.Add(rest());
        var result = Negotiation.Run(scenario, negotiators, new SaoOptions { Rounds = rounds, Seed = 7, PerTurnBudget = TimeSpan.FromSeconds(30) });

        Assert.Null(result.Failure);
        Assert.Contains(result.Status, new[] { NegotiationStatus.Agreed, NegotiationStatus.Deadline });
        Assert.InRange(result.Rounds, 1, rounds);
        Assert.Equal(n, result.Utilities.Length);
        Assert.All(result.Utilities, u => Assert.InRange(u, 0.0, 1.0));
        if (result.Agreement is { } deal)
        {
            Assert.True(scenario.Space.Contains(deal));
            Assert.Equal(scenario.Space.IssueCount, result.AgreementValues.Length);
            for (int p = 0; p < n; p++)
                Assert.Equal(scenario.Parties[p].Profile.Utility.Utility(deal), result.UndiscountedUtilities[p], 12);
        }
        // Transcript consistency: steps in order, round-robin parties, offers in the space, utilities match.
        var t = result.Transcript;
        Assert.Equal(result.Steps, t.Count);
        for (int i = 0; i < t.Count; i++)
        {
            var e = t[i];
            Assert.Equal(i, e.Step);
            Assert.Equal(i % n, e.Party);
            Assert.Equal(i / n, e.Round);
            Assert.InRange(e.Time, 0.0, 1.0);
            Assert.NotNull(e.Outcome);
            Assert.True(scenario.Space.Contains(e.Outcome!.Value));
            if (i % 7 == 0)
                for (int p = 0; p < n; p++)
                    Assert.Equal(scenario.Parties[p].Profile.Utility.Utility(e.Outcome.Value), e.Utilities[p], 12);
        }
        if (result.Status == NegotiationStatus.Agreed)
        {
            for (int k = 1; k < n; k++) Assert.Equal(NegotiationAction.Accept, t[t.Count - k].Action);
            Assert.Equal(NegotiationAction.Offer, t[t.Count - n].Action);
            Assert.Equal(result.Agreement, t[t.Count - n].Outcome);
        }
    }
}
