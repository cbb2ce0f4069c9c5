using Parley.Agents.Anac.Y2011;
using Parley.Agents.Anac.Y2012;
using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Genius;

/// <summary>Gahboninho's and CUHKAgent's parts beyond what the GENIUS round robins show: their opponent models, the walk-away.</summary>
public class GahboninhoCuhkAgentTests
{
    private static readonly Lazy<Scenario> TenIssues = new(() => Read("y2014/10issues"));

    private static Scenario Read(string name) => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));

    private static NegotiationResult Run(Scenario scenario, INegotiator a, INegotiator b, int seed = 1) =>
        Negotiation.Run(scenario, [a, b], new SaoOptions { Rounds = 1000, Seed = seed });

    private static double Kendall(Scenario scenario, IOpponentModel model, int party)
    {
        var opponent = UtilityIndex.For(scenario.Parties[party].Profile.Utility);
        var outcomes = OpponentModelAccuracy.Sample(scenario.Space);
        return OpponentModelAccuracy.Measure([.. outcomes.Select(o => model.PredictUtility(party, o))], [.. outcomes.Select(opponent.Utility)], []).Kendall ?? double.NaN;
    }

    [Fact]
    public void Gahboninho_BuildsItsBidMapOnTheFirstOffer_AndItsModelLearnsTheOpponent()
    {
        var scenario = Read("y2010/EnglandZimbabwe");
        var agent = new Gahboninho();
        var result = Run(scenario, agent, NegotiatorRegistry.Create("conceder"));
        Assert.Null(result.Failure);
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        // The bid map holds the outcomes at least as good, issue by issue, as the opponent's first offer: fewer than all.
        Assert.InRange(agent.BidMapCount, 2, (int)scenario.Space.Count - 1);
        Assert.InRange(agent.Noise, 0.0, 1.0);
        var model = Assert.IsType<GahboninhoOpponentModel>(agent.OpponentModel);
        Assert.True(model.Estimate(1).Offers > 10);
        Assert.Equal(1.0, model.Estimate(1).Weights.ToArray().Sum(), 9);
        Assert.True(Kendall(scenario, model, 1) > 0, "Kendall τ not above 0");
    }

    [Fact]
    public void GahboninhoEstimate_SteadyIssueWeighsMost_FirstChoiceValuedMost()
    {
        var scenario = Read("y2011/Laptop");
        var space = scenario.Space;
        var estimate = new GahboninhoEstimate(space);
        Assert.Equal(0.0, estimate.Utility(space.Encode([0, 0, 0])));
        // The opponent keeps issue 0 at value 1 and varies the others.
        int[][] offers = [[1, 0, 0], [1, 1, 2], [1, 2, 1], [1, 0, 2], [1, 1, 0]];
        foreach (var o in offers) estimate.Observe(space.Encode(o));
        estimate.Observe(space.Encode(offers[0])); // a repeat teaches nothing
        Assert.Equal(offers.Length, estimate.Offers);
        var w = estimate.Weights;
        Assert.True(w[0] > w[1] && w[0] > w[2], string.Join(", ", w.ToArray()));
        Assert.Equal(1.0, estimate.ValueUtility(0, 1));
        Assert.Equal(0.0, estimate.ValueUtility(0, 0));
    }

    [Fact]
    public void CuhkAgent_ItsModelLearnsTheOpponent_AndItsThresholdConcedesUnderDiscounting()
    {
        var scenario = Read("y2011/Grocery"); // discount factor 0.81
        var agent = new CuhkAgent();
        var result = Run(scenario, agent, NegotiatorRegistry.Create("boulware"));
        Assert.Null(result.Failure);
        var model = Assert.IsType<CuhkOpponentModel>(agent.OpponentModel);
        Assert.True(model.Estimate(1).DistinctOffers > 10);
        Assert.True(Kendall(scenario, model, 1) > 0, "Kendall τ not above 0");
        Assert.True(agent.UtilityThreshold < 0.95, $"threshold {agent.UtilityThreshold}");
        Assert.InRange(agent.ConcedeToDiscountingFactor, 0.08, 1.0);
    }

    [Fact]
    public void CuhkAgent_ReservedValueAboveItsBids_EndsTheNegotiation()
    {
        var scenario = Read("y2011/Laptop");
        var high = scenario with { Parties = [scenario.Parties[0] with { Profile = scenario.Parties[0].Profile with { ReservedValue = ReservedValueCurve.Constant(1.0) } }, scenario.Parties[1]] };
        var result = Run(high, new CuhkAgent(), NegotiatorRegistry.Create("boulware"));
        Assert.Equal(NegotiationStatus.WalkedAway, result.Status);
        Assert.Equal(0, result.WalkedAwayBy);
        // With the reserved value of the file (0) it negotiates to an agreement.
        Assert.Equal(NegotiationStatus.Agreed, Run(scenario, new CuhkAgent(), NegotiatorRegistry.Create("boulware")).Status);
    }

    /// <summary>
    /// A space of 10^10 outcomes with a non-linear utility (ANAC 2014): CUHKAgent bands a random sample of 20 001 bids, as
    /// the original does over 20 000 outcomes; Gahboninho's bid map stops at its limit.
    /// </summary>
    [Theory]
    [InlineData("gahboninho")]
    [InlineData("cuhkagent")]
    public void HugeNonLinearSpace_Runs(string agent)
    {
        var scenario = TenIssues.Value; // read once: its utility index (a search over 10^10 outcomes) is built once
        var result = Negotiation.Run(scenario, [NegotiatorRegistry.Create(agent), NegotiatorRegistry.Create("conceder")],
            new SaoOptions { Rounds = 100, Seed = 2, PerTurnBudget = TimeSpan.FromSeconds(60) });
        Assert.Null(result.Failure);
        Assert.Contains(result.Status, new[] { NegotiationStatus.Agreed, NegotiationStatus.Deadline });
    }

    [Fact]
    public void CuhkOpponentBidHistory_ConcessionDegreeAndBidChoice()
    {
        var space = Read("y2011/Laptop").Space;
        var history = new CuhkOpponentBidHistory(space);
        Assert.Equal(0.0, history.ConcessionDegree());
        var a = space.Encode([0, 0, 0]);
        var b = space.Encode([1, 1, 1]);
        for (int i = 0; i < 4; i++) history.Observe(a);
        history.Observe(b);
        Assert.Equal(2, history.DistinctOffers);
        Assert.Equal(0.04, history.ConcessionDegree(), 12); // (2 distinct / 10)²
        Assert.Equal(3 * 4, history.Frequency(a));
        // The opponent's favourite values win (up to the 5 % random exploration).
        var random = new Random(3);
        int chosenA = Enumerable.Range(0, 200).Count(_ => history.ChooseBid([b, a, space.Encode([2, 2, 2])], random) == a);
        Assert.InRange(chosenA, 180, 200);
        Assert.Equal(1.0, history.Utility(a));
    }
}
