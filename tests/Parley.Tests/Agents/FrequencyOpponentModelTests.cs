using Parley.Agents.Negotiators;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class FrequencyOpponentModelTests
{
    [Fact]
    public void Observe_IssueHeldConstant_GainsWeightAndItsValueIsPreferred()
    {
        var s = TestScenarios.Opposed();
        var model = new FrequencyOpponentModel();
        model.Initialize(Contexts.For(s, 0));
        Assert.Equal(0.5, model.PredictUtility(TestScenarios.At(s, 0, 0)));
        // Party 1 always asks for price "a" (value 0) and varies delivery.
        for (int i = 0; i < 5; i++) model.Observe(1, TestScenarios.At(s, 0, i), i / 10.0);

        Assert.Equal(5, model.OffersSeen(1));
        var w = model.IssueWeights(1);
        Assert.True(w[0] > w[1]);
        Assert.Equal(1.0, w[0] + w[1], 12);
        Assert.True(model.PredictUtility(1, TestScenarios.At(s, 0, 2)) > model.PredictUtility(1, TestScenarios.At(s, 3, 2)));
        Assert.Equal(model.PredictUtility(1, TestScenarios.At(s, 0, 0)), model.PredictUtility(TestScenarios.At(s, 0, 0)), 12);
        Assert.InRange(model.PredictUtility(1, TestScenarios.At(s, 0, 4)), 0.0, 1.0);
    }

    [Fact]
    public void Predict_BeforeAnyOffer_IsOneHalf()
    {
        var s = TestScenarios.Opposed();
        var model = new FrequencyOpponentModel();
        model.Initialize(Contexts.For(s, 0));
        Assert.Equal(0.5, model.PredictUtility(1, TestScenarios.At(s, 2, 3)));
        Assert.Equal(0.5, model.PredictUtility(TestScenarios.At(s, 2, 3)));
    }

    [Fact]
    public void Observe_OwnPartyIndex_Throws()
    {
        var s = TestScenarios.Opposed();
        var model = new FrequencyOpponentModel();
        model.Initialize(Contexts.For(s, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Observe(0, new(0), 0));
    }

    [Fact]
    public void Initialize_ResetsLearning()
    {
        var s = TestScenarios.Opposed();
        var model = new FrequencyOpponentModel();
        model.Initialize(Contexts.For(s, 0));
        model.Observe(1, new(3), 0);
        model.Initialize(Contexts.For(s, 0));
        Assert.Equal(0, model.OffersSeen(1));
    }
}

public class ModelGuidedBiddingTests
{
    [Fact]
    public void NextBid_PicksWhatTheOpponentLikesWithinTheBand()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var model = new FrequencyOpponentModel();
        model.Initialize(ctx);
        for (int i = 0; i < 4; i++) model.Observe(1, TestScenarios.At(s, i, 0), 0);  // party 1 insists on delivery "v"
        var bidding = new ModelGuidedBidding(exponent: 1.0, band: 0.5);
        bidding.Initialize(ctx, model);
        var state = Contexts.At(0.5);
        var bid = bidding.NextBid(state);
        double target = TimeDependentBidding.Target(0.5, 1.0, TimeDependentBidding.Range(ctx, 0).Min, TimeDependentBidding.Range(ctx, 0).Max);
        Assert.InRange(ctx.Utility(bid), target, target + 0.5);
        var values = new int[2];
        s.Space.Decode(bid, values);
        Assert.Equal(0, values[1]);
    }

    [Fact]
    public void NextBid_WithoutModel_BestOfTheBand()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var bidding = new ModelGuidedBidding(exponent: 1.0, band: 0.2);
        bidding.Initialize(ctx, null);
        var (min, max) = TimeDependentBidding.Range(ctx, 0);
        double target = TimeDependentBidding.Target(0.5, 1.0, min, max);
        double u = ctx.Utility(bidding.NextBid(Contexts.At(0.5)));
        Assert.InRange(u, target, target + 0.2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NextBid_WholeBandExamined_IsTheBandsBestPredictedTiesToHigherOwnUtility(int seed)
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var model = new FrequencyOpponentModel();
        model.Initialize(ctx);
        var random = new Random(seed);
        for (int i = 0; i < 5; i++) model.Observe(1, TestScenarios.At(s, random.Next(4), random.Next(5)), 0);
        const double band = 0.3;
        var bidding = new ModelGuidedBidding(exponent: 1.0, band: band, maxCandidates: 1000);
        bidding.Initialize(ctx, model);
        var all = Enumerable.Range(0, (int)s.Space.Count).Select(o => s.Space.Encode([o % 4, o / 4])).ToList();
        for (int k = 0; k <= 10; k++)
        {
            double t = k / 10.0;
            var (min, max) = TimeDependentBidding.Range(ctx, t);
            double target = TimeDependentBidding.Target(t, 1.0, min, max);
            var inBand = all.Where(o => ctx.Utility(o) >= target && ctx.Utility(o) < target + band).ToList();
            var bid = bidding.NextBid(Contexts.At(t));
            if (inBand.Count == 0)
            {
                // Nothing in the band: the lowest outcome at or above the target (the best when none is).
                double fallback = all.Select(ctx.Utility).Where(x => x >= target).DefaultIfEmpty(ctx.Index.MaxUtility).Min();
                Assert.Equal(fallback, ctx.Utility(bid), 12);
                continue;
            }
            var expected = inBand.OrderByDescending(o => model.PredictUtility(o)).ThenByDescending(ctx.Utility).First();
            Assert.Equal(model.PredictUtility(expected), model.PredictUtility(bid), 12);
            Assert.Equal(ctx.Utility(expected), ctx.Utility(bid), 12);
        }
    }

    [Fact]
    public void NextBid_WithoutModel_IsTheBandsHighestOwnUtility()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var bidding = new ModelGuidedBidding(exponent: 1.0, band: 0.2);
        bidding.Initialize(ctx, null);
        var u = new double[s.Space.Count];
        s.Parties[0].Profile.Utility.EvaluateAll(u);
        for (int k = 0; k <= 10; k++)
        {
            double t = k / 10.0;
            var (min, max) = TimeDependentBidding.Range(ctx, t);
            double target = TimeDependentBidding.Target(t, 1.0, min, max);
            double expected = u.Where(x => x >= target && x < target + 0.2).DefaultIfEmpty(u.Max()).Max();
            Assert.Equal(expected, ctx.Utility(bidding.NextBid(Contexts.At(t))), 12);
        }
    }
}
