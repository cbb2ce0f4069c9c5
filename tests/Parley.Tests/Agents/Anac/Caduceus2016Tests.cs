using System.Collections.Immutable;
using Parley.Agents.Anac.Y2016;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Anac;

/// <summary>
/// The Caduceus team's own agent (Caduceus's expert of score 1): the Nash-product and counter-offer parts, the floor of
/// 0.75 and the acceptance margin, on a two-issue space small enough to check by hand.
/// </summary>
public class Caduceus2016Tests
{
    private const int Rounds = 1000;

    // Issue A (a0, a1, a2) weight 0.3, evaluations 0.2, 0.6, 1; issue B (b0, b1) weight 0.7, evaluations 0.4, 1.
    // Outcome index = a + 3b (issue A varies fastest, as GENIUS's BidIterator). Utilities: (a0,b0) = 0.34,
    // (a0,b1) = 0.76 [3], (a1,b1) = 0.88 [4], (a2,b1) = 1 [5], (a1,b0) = 0.46, (a2,b0) = 0.58.
    private static Scenario Scenario()
    {
        var space = new OutcomeSpace([new DiscreteIssue("A", ["a0", "a1", "a2"]), new DiscreteIssue("B", ["b0", "b1"])]);
        var mine = new LinearAdditiveUtility(space, [0.3, 0.7], [new DiscreteEvaluator([0.2, 0.6, 1.0]), new DiscreteEvaluator([0.4, 1.0])]);
        var theirs = new LinearAdditiveUtility(space, [0.5, 0.5], [new DiscreteEvaluator([1.0, 0.5, 0.0]), new DiscreteEvaluator([1.0, 0.0])]);
        return new Scenario("caduceus2016", space,
        [
            new Party("me", PartyRole.Principal, new Profile(mine, ReservedValueCurve.Zero)),
            new Party("them", PartyRole.Principal, new Profile(theirs, ReservedValueCurve.Zero)),
        ]);
    }

    private static (NegotiationResult Result, List<(int Round, Outcome Bid)> Offers) Run(long opponentOffer)
    {
        var opponent = new Testing.ScriptedNegotiator("scripted", _ => new Outcome((UInt128)opponentOffer), (_, _) => SaoResponse.Reject);
        var result = Negotiation.Run(Scenario(), [new Caduceus2016(), opponent], new SaoOptions { Rounds = Rounds, Seed = 7, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        var offers = result.Transcript.Where(e => e.Party == 0 && e.Action == NegotiationAction.Offer).Select(e => (e.Round, e.Outcome!.Value)).ToList();
        return (result, offers);
    }

    private static double GeniusTime(int round) => (round + 1) / (double)(Rounds + 1);

    [Fact]
    public void CounterOffer_TowardsTheNashBid_IsTheOutcomeNearestTheConcessionPoint()
    {
        // The opponent always offers (a0,b0): its profile values only a0 and b0, so every party values the first
        // outcome above zero and it is the Nash bid. Points (own normalised space, sum 10): best (a2,b1) = (2.5, 7.5),
        // Nash (a0,b0) = (10/7, 60/7), so the original's unit vector is (−1, 1) and the concession point (2.5 − t, 7.5 + t).
        // (a1,b1) = (5/3, 25/3) is the nearest while 2.5 − t > (10/7 + 5/3)/2, i.e. t < 20/21; it is worth 0.88 ≥ 0.75.
        // After that the first outcome is nearest, worth 0.34 < 0.75: a random bid worth at least 0.75 instead.
        // (a0,b0) is never worth 0.2 more than its bid, so it never accepts.
        var (result, offers) = Run(0);
        Assert.NotEqual(NegotiationStatus.Agreed, result.Status);
        foreach (var (round, bid) in offers)
        {
            double t = GeniusTime(round);
            if (round + 1 < 830.83) Assert.Equal(new Outcome(5), bid);            // best-offer phase: 0.83 of 1001 rounds
            else if (t < 20.0 / 21 - 1e-3) Assert.Equal(new Outcome(4), bid);     // the counter-offer (a1,b1)
            else if (t > 20.0 / 21 + 1e-3) Assert.Contains(bid, new[] { new Outcome(3), new Outcome(4), new Outcome(5) });
        }
        var late = offers.Where(o => GeniusTime(o.Round) > 20.0 / 21 + 1e-3).Select(o => o.Bid).Distinct().ToList();
        Assert.True(late.Count >= 2, "the random bids above the floor vary");
    }

    [Fact]
    public void NoNashBid_NotPlayingNice_AcceptsAnOfferWorthMoreThanItsBidPlusTwoTenths()
    {
        // The opponent always offers (a2,b1): its profile gives the first outcome zero, so there is no Nash bid; the
        // counter-offer from the best bid has no direction (NaN) and is the first outcome, worth 0.34 < 0.75, so it bids
        // a random outcome worth at least 0.75: (a2,b1), (a1,b1) or (a0,b1). It accepts (a2,b1), worth 1, in the first
        // turn after the best-offer phase whose draw is (a0,b1) (1 > 0.76 + 0.2), never with (a1,b1) (1 < 0.88 + 0.2).
        var (result, offers) = Run(5);
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        var last = result.Transcript[^1];
        Assert.Equal(0, last.Party);
        Assert.Equal(NegotiationAction.Accept, last.Action);
        Assert.Equal(new Outcome(5), result.Agreement);
        Assert.True(last.Round + 1 >= 831, $"accepted in round {last.Round}, within the best-offer phase");
        Assert.All(offers.Where(o => o.Round + 1 >= 831), o => Assert.Contains(o.Bid, new[] { new Outcome(4), new Outcome(5) }));
    }

    [Theory]
    [InlineData(0.0, 100.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 50.0)]
    [InlineData(0.3, 69.88)]
    [InlineData(0.9, 10.72)]
    [InlineData(831.0 / 1001, 17.532)]
    [InlineData(1.0 / 3, 66.556)]
    public void RoundValue_IsTwoTSquaredMinus101TPlus100_RoundedUpToThreeDecimals(double t, double expected)
    {
        // Expected values printed by the original's DecimalFormat("#.###", CEILING) under Java 17.
        Assert.Equal(expected, Caduceus2016.RoundValue(t));
    }

    [Fact]
    public void Caduceus_HasAllFiveExperts()
    {
        var caduceus = new Caduceus();
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2011/Laptop"));
        var result = Negotiation.Run(scenario, [caduceus, NegotiatorRegistry.Create("boulware")], new SaoOptions { Rounds = Rounds, Seed = 1, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        Assert.Equal(["parsagent", "randomdance", "kawaii", "atlas3", "caduceus2016"], caduceus.Experts);
    }
}
