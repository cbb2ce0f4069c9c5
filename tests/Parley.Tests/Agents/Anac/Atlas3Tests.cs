using Parley.Agents.Anac.Y2015;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents.Anac;

/// <summary>Atlas3's parts: the game-matrix threshold, the popular bid list, the bid search and the final offer phase.</summary>
public class Atlas3Tests
{
    private const int Rounds = 1000;

    private static (NegotiationResult Result, Atlas3 Agent) Run(string scenarioName, INegotiator opponent, int seed = 1)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, scenarioName));
        var atlas = new Atlas3();
        var result = Negotiation.Run(scenario, [atlas, opponent], new SaoOptions { Rounds = Rounds, Seed = seed, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        return (result, atlas);
    }

    [Fact]
    public void Threshold_NothingOfferedYet_IsOneMinusTime()
    {
        // BOU = 0 and no reserved value or discount: A11 = A21 = 0, A12 = 1, A22 = 1/2, so q = 1 and E = 0.
        var fresh = new Atlas3();
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2010/EnglandZimbabwe"));
        fresh.Initialize(Contexts.For(scenario, 0, Rounds));
        foreach (double t in new[] { 0.0, 0.25, 0.5, 0.9, 1.0 })
            Assert.Equal(1.0 - t, fresh.Threshold(t, 2), 12);
    }

    [Fact]
    public void Threshold_AfterOffers_FollowsTheGameMatrixOfTheBestOfferedUtility()
    {
        var (result, atlas) = Run("y2010/EnglandZimbabwe", NegotiatorRegistry.Create("conceder"));
        double bou = result.Transcript.Where(e => e.Party == 1 && e.Action == NegotiationAction.Offer).Max(e => e.Utilities[0]);
        Assert.Equal(bou, atlas.BestOfferedUtility, 12);
        // Undiscounted, rv = 0: A11 = 0, A12 = 1, A21 = C, A22 = (C + 1)/2; q = (1 − C)/(1 + C); E = qC + (1 − q)(C + 1)/2.
        double c = bou, q = (1 - c) / (1 + c), e = q * c + (1 - q) * (c + 1) / 2;
        foreach (double t in new[] { 0.1, 0.5, 0.95 })
            Assert.Equal(e + (1 - e) * (1 - t), atlas.Threshold(t, 2), 12);
    }

    [Fact]
    public void PopularBids_Bilateral_AreTheOpponentsDistinctOffersBestFirst()
    {
        var (result, atlas) = Run("y2010/EnglandZimbabwe", NegotiatorRegistry.Create("boulware"));
        var offers = result.Transcript.Where(e => e.Party == 1 && e.Action == NegotiationAction.Offer).Select(e => e.Outcome!.Value).ToList();
        var distinct = offers.Distinct().ToHashSet();
        Assert.Subset(distinct, atlas.PopularBids.ToHashSet());
        Assert.True(atlas.PopularBids.Count >= distinct.Count - 1); // all but possibly the last, made after Atlas3's last turn
        var index = Parley.Preferences.UtilityIndex.For(GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2010/EnglandZimbabwe")).Parties[0].Profile.Utility);
        var utilities = atlas.PopularBids.Select(index.Utility).ToList();
        Assert.Equal(utilities.OrderByDescending(u => u), utilities);
    }

    [Fact]
    public void Offers_BeforeTheFinalPhase_NeverBelowOneMinusTime()
    {
        // Undiscounted, the threshold E + (1 − E)(1 − t) is at least 1 − t, and every search result is at or above it.
        var (result, _) = Run("y2010/EnglandZimbabwe", NegotiatorRegistry.Create("conceder"));
        foreach (var e in result.Transcript.Where(e => e.Party == 0 && e.Action == NegotiationAction.Offer))
            Assert.True(e.Utilities[0] >= 1.0 - (e.Round + 1.0) / (Rounds + 1) - 1e-9, $"round {e.Round}: {e.Utilities[0]}");
    }

    [Fact]
    public void FinalOfferPhase_AgainstAHardliner_AcceptsItsOnlyBidAtTheEnd()
    {
        // The hardliner offers one bid: the popular list holds it alone, so the final phase is Atlas3's last two turns,
        // where the popular bid is not better than the offer on the table and the offer is accepted. Undiscounted, the
        // threshold never falls to that bid's utility C before (it tends to E = qC + (1 − q)(C + 1)/2 > C).
        var (result, _) = Run("y2010/EnglandZimbabwe", NegotiatorRegistry.Create("hardliner"));
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        var last = result.Transcript[^1];
        Assert.Equal(0, last.Party);
        Assert.Equal(NegotiationAction.Accept, last.Action);
        Assert.True(last.Round >= Rounds - 2, $"accepted in round {last.Round}");
    }

    [Fact]
    public void SameSeed_SameTranscript_OtherSeed_SearchDiffers()
    {
        string Hash(NegotiationResult r) => string.Join(";", r.Transcript.Select(e => $"{e.Party}{e.Action}{e.Outcome}"));
        Assert.Equal(Hash(Run("y2010/ItexvsCypress", NegotiatorRegistry.Create("boulware"), 3).Result), Hash(Run("y2010/ItexvsCypress", NegotiatorRegistry.Create("boulware"), 3).Result));
        Assert.NotEqual(Hash(Run("y2010/ItexvsCypress", NegotiatorRegistry.Create("boulware"), 3).Result), Hash(Run("y2010/ItexvsCypress", NegotiatorRegistry.Create("boulware"), 4).Result));
    }

    [Theory]
    [InlineData("y2010/ItexvsCypress")]
    [InlineData("y2011/Grocery")]
    public void LinearScenario_RelativeUtilitySearchNeverFails_SoNoAnnealingPerTurn(string scenarioName)
    {
        // The start-up annealing finds the best bid, from which the relative-utility search meets every threshold; were
        // it to fail, every later turn would anneal (about 9 200 evaluations), as the original does.
        foreach (var opponent in new[] { "boulware", "conceder" })
            Assert.False(Run(scenarioName, NegotiatorRegistry.Create(opponent)).Agent.SearchesByAnnealing);
    }
}
