using Parley.Agents.Anac.Y2015;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents.Anac;

/// <summary>ParsAgent's parts: its target, its bids (best bid with one issue varied, the mutual-issue bid), its acceptance.</summary>
public class ParsAgentTests
{
    private const int Rounds = 1000;

    private static Scenario Load(string name) => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));

    [Theory]
    [InlineData("y2010/EnglandZimbabwe", 0.15)] // undiscounted
    [InlineData("y2011/IS_BT_Acquisition", 0.2)] // discounted
    public void Target_UndefinedBeforeTheFirstOffer_ThenBoulwareWithFloor(string name, double e)
    {
        var scenario = Load(name);
        Assert.Equal(e == 0.2, scenario.Parties[0].Profile.DiscountFactor < 1);
        var agent = new ParsAgent();
        var result = Negotiation.Run(scenario, [agent, NegotiatorRegistry.Create("conceder")], new SaoOptions { Rounds = Rounds, Seed = 3, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        double delta = 1.0 / (Rounds + 1);
        foreach (double t in new[] { delta, 0.3, 0.8, 0.9, 0.95, 1.0 })
            Assert.Equal(Math.Max(0.7, 1 - Math.Pow(t - delta, 1 / e)), agent.Target(t), 12);
        var fresh = new ParsAgent();
        fresh.Initialize(Contexts.For(scenario, 0, Rounds));
        Assert.True(double.IsNaN(fresh.Target(0.5)));
    }

    [Theory]
    [InlineData("y2010/EnglandZimbabwe")]
    [InlineData("y2011/Laptop")]
    [InlineData("y2011/Grocery")]
    public void Bilateral_OffersTheBestBidWithOneIssueVaried_OrTheFirstValues_AcceptsAboveTheTarget(string name)
    {
        var scenario = Load(name);
        foreach (var (opponent, seat) in new[] { ("conceder", 0), ("boulware", 1), ("parsagent", 0) })
        {
            var parties = seat == 0
                ? new[] { new ParsAgent(), NegotiatorRegistry.Create(opponent) }
                : [NegotiatorRegistry.Create(opponent), new ParsAgent()];
            var result = Negotiation.Run(scenario, parties, new SaoOptions { Rounds = Rounds, Seed = 5, PerTurnBudget = TimeSpan.FromSeconds(30) });
            Assert.Null(result.Failure);
            var utility = scenario.Parties[seat].Profile.Utility;
            var space = utility.Space;
            var best = new int[space.IssueCount];
            space.Decode(SortedOutcomeSpace.For(UtilityIndex.For(utility)).FirstBest, best);
            var values = new int[space.IssueCount];
            int offers = 0;
            foreach (var e in result.Transcript.Where(e => e.Party == seat))
            {
                if (e.Action == NegotiationAction.Accept)
                {
                    Assert.True(e.Utilities[seat] > 0.7, $"{name}: accepted {e.Utilities[seat]}");
                    continue;
                }
                Assert.Equal(NegotiationAction.Offer, e.Action);
                offers++;
                space.Decode(e.Outcome!.Value, values);
                int changed = Enumerable.Range(0, values.Length).Count(i => values[i] != best[i]);
                Assert.True(changed <= 1 || values.All(v => v == 0), $"{name} vs {opponent}: offer {string.Join(",", values)}, best {string.Join(",", best)}");
            }
            Assert.True(offers > 0);
        }
    }

    [Fact]
    public void ThreeParties_ModelsBothOpponents_AndAgreesWithTwoConceders()
    {
        var scenario = Load("y2015/group2-dinner");
        var result = Negotiation.Run(scenario, [NegotiatorRegistry.Create("conceder"), new ParsAgent(), NegotiatorRegistry.Create("conceder")],
            new SaoOptions { Rounds = Rounds, Seed = 2, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.True(result.UndiscountedUtilities[1] > 0.7);
    }
}
