using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class TimeDependentBiddingTests
{
    [Theory]
    [InlineData(0.2, 0.0, 1.0)]
    [InlineData(0.2, 0.5, 1.0 - 0.03125)]   // 0.5^(1/0.2) = 0.5^5
    [InlineData(1.0, 0.5, 0.5)]
    [InlineData(2.0, 0.25, 0.5)]            // 0.25^(1/2) = 0.5
    [InlineData(2.0, 1.0, 0.0)]
    [InlineData(0.0, 0.9, 1.0)]             // hardliner
    [InlineData(0.0, 1.0, 1.0)]             // hardliner, even at the deadline
    public void Target_ConcessionCurve_MatchesFaratinFormula(double e, double t, double expected) =>
        Assert.Equal(expected, TimeDependentBidding.Target(t, e, 0.0, 1.0), 12);

    [Fact]
    public void Target_MinAndMax_ScaleTheCurve() =>
        Assert.Equal(0.3 + 0.6 * 0.5, TimeDependentBidding.Target(0.5, 1.0, 0.3, 0.9), 12);

    [Fact]
    public void Target_BoulwareAboveLinearAboveConceder_InTheMiddle()
    {
        for (double t = 0.05; t < 1.0; t += 0.05)
        {
            double b = TimeDependentBidding.Target(t, 0.2, 0, 1), l = TimeDependentBidding.Target(t, 1, 0, 1), c = TimeDependentBidding.Target(t, 2, 0, 1);
            Assert.True(b > l && l > c, $"t={t}: {b} {l} {c}");
        }
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void NextBid_IsTheLowestOutcomeAtOrAboveTarget(double e)
    {
        var s = TestScenarios.Opposed(reserved: 0.1);
        var ctx = Contexts.For(s, 0);
        var bidding = new TimeDependentBidding(e);
        bidding.Initialize(ctx, null);
        var u = new double[s.Space.Count];
        s.Parties[0].Profile.Utility.EvaluateAll(u);
        for (double t = 0; t <= 1.0; t += 0.1)
        {
            double target = bidding.TargetUtility(t);
            double got = ctx.Utility(bidding.NextBid(Contexts.At(t)));
            double expected = u.Where(x => x >= target).DefaultIfEmpty(u.Max()).Min();
            Assert.Equal(expected, got, 12);
            Assert.True(got >= 0.1);
        }
    }

    [Fact]
    public void Range_ReservedValueIsTheFloor()
    {
        var s = TestScenarios.Opposed(reserved: 0.6);
        var (min, max) = TimeDependentBidding.Range(Contexts.For(s, 0), 0);
        Assert.Equal(0.6, min);
        Assert.Equal(1.0, max, 12);
    }

    [Fact]
    public void NextBid_TargetRoundsAboveTheBestUtility_OffersTheBest()
    {
        // Best utility 0.45 and reserved value 0.15: at t = 0 the target 0.15 + (0.45 − 0.15) rounds to 0.45000000000000007.
        var space = new OutcomeSpace([new DiscreteIssue("deal", ["no", "yes"])]);
        var utility = new LinearAdditiveUtility(space, [0.45], [new DiscreteEvaluator([0.0, 1.0])]);
        var party = new Party("seller", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(0.15)));
        var scenario = new Scenario("rounding", space, [party, party with { Name = "buyer" }]);
        var ctx = Contexts.For(scenario, 0);
        var bidding = new TimeDependentBidding(1.0);
        bidding.Initialize(ctx, null);
        Assert.True(bidding.TargetUtility(0) > ctx.Index.MaxUtility);
        Assert.Equal(ctx.Index.Best, bidding.NextBid(Contexts.At(0)));
    }

    [Fact]
    public void Constructor_NegativeExponent_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDependentBidding(-1));
}
