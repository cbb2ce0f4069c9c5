using Parley.Agents.Anac.Y2011;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Anac;

/// <summary>IAMhaggler2011's parts: its slot data, its first bid, its target, its acceptance.</summary>
public class IAMhaggler2011Tests
{
    private const int Rounds = 1000;

    [Theory]
    [InlineData("y2010/EnglandZimbabwe")]
    [InlineData("y2011/Grocery")]
    public void SlotData_IsTheOpponentsBestOfferPerFinishedSlot_WithoutItsFirstOffer(string name)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        var agent = new IAMhaggler2011();
        var result = Negotiation.Run(scenario, [NegotiatorRegistry.Create("boulware"), agent], new SaoOptions { Rounds = Rounds, Seed = 4, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        var index = UtilityIndex.For(scenario.Parties[1].Profile.Utility);
        // The opponent's offers IAMhaggler answered (all but the first), by GENIUS time of IAMhaggler's turn (round r: (r + 1)/(R + 1)).
        var answered = result.Transcript.Where(e => e.Party == 0 && e.Action == NegotiationAction.Offer).Skip(1)
            .Select(e => (Slot: (int)Math.Floor((e.Round + 1) / (double)(Rounds + 1) * 36), Utility: index.Utility(e.Outcome!.Value))).ToList();
        int slots = agent.SlotTimes.Count;
        Assert.True(slots > 10, $"only {slots} slots");
        for (int s = 0; s < slots; s++)
        {
            Assert.Equal((s + 0.5) / 36, agent.SlotTimes[s], 15);
            Assert.Equal(answered.Where(a => a.Slot == s).Max(a => a.Utility), agent.SlotUtilities[s], 15);
        }
        Assert.All(agent.PredictedVariances[100..].ToArray(), v => Assert.True(v > 0));
    }

    [Fact]
    public void FirstBid_IsTheBestBid_AndAcceptsOnlyBy102PercentRules()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2011/Laptop"));
        var result = Negotiation.Run(scenario, [new IAMhaggler2011(), NegotiatorRegistry.Create("conceder")], new SaoOptions { Rounds = Rounds, Seed = 1, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        var index = UtilityIndex.For(scenario.Parties[0].Profile.Utility);
        var first = result.Transcript.First(e => e.Party == 0);
        Assert.Equal(SortedOutcomeSpace.For(index).FirstBest, first.Outcome!.Value);
        var accept = result.Transcript.LastOrDefault(e => e.Party == 0 && e.Action == NegotiationAction.Accept);
        if (accept.Outcome is { } accepted)
        {
            double lastBid = index.Utility(result.Transcript.Last(e => e.Party == 0 && e.Action == NegotiationAction.Offer).Outcome!.Value);
            double u = index.Utility(accepted);
            Assert.True(u * 1.02 >= Math.Min(lastBid, 0.9) - 1e-12 || u * 1.02 >= 0.9, $"accepted {u}, last bid {lastBid}");
        }
    }

    [Fact]
    public void AgainstAHardliner_FitsEveryFinishedSlot_AndConcedesTowardsItsOffer()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2010/EnglandZimbabwe"));
        var agent = new IAMhaggler2011();
        var result = Negotiation.Run(scenario, [NegotiatorRegistry.Create("hardliner"), agent], new SaoOptions { Rounds = 720, Seed = 1, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        int lastTurnRound = result.Transcript.Last(e => e.Party == 1).Round;
        Assert.Equal((int)Math.Floor((lastTurnRound + 1) / 721.0 * 36), agent.SlotTimes.Count); // a data point per finished slot
        Assert.All(agent.SlotUtilities, u => Assert.Equal(agent.SlotUtilities[0], u)); // the hardliner never moves
        Assert.InRange(agent.LastTarget, 0.0, 1.0);
    }
}
