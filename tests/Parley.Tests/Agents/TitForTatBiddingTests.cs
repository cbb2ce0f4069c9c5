using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class TitForTatBiddingTests
{
    [Fact]
    public void NextBid_MirrorsOpponentConcessionInOwnUtility()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var tft = new TitForTatBidding();
        tft.Initialize(ctx, null);
        Assert.Equal(ctx.Index.MaxUtility, ctx.Utility(tft.NextBid(Contexts.At(0))), 12);

        var worst = TestScenarios.At(s, 0, 0);    // opponent's first offer: worth little to party 0
        var better = TestScenarios.At(s, 2, 1);   // a later, better offer
        var state = SaoState.Initial(2).Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, worst);
        double first = ctx.Utility(worst), later = ctx.Utility(better);
        Assert.Equal(ctx.Index.MaxUtility, ctx.Utility(tft.NextBid(state)), 12); // no concession yet
        state = state.Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, better);
        var bid = tft.NextBid(state);
        double expectedTarget = ctx.Index.MaxUtility - (later - first);
        Assert.Equal(expectedTarget, tft.TargetUtility, 12);
        Assert.Equal(ctx.Utility(ctx.Index.AtLeast(expectedTarget)), ctx.Utility(bid), 12);
    }

    [Fact]
    public void NextBid_OpponentGetsWorse_DoesNotConcede()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var tft = new TitForTatBidding();
        tft.Initialize(ctx, null);
        var state = SaoState.Initial(2).Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, TestScenarios.At(s, 3, 4));
        tft.NextBid(state);
        state = state.Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, TestScenarios.At(s, 0, 0));
        tft.NextBid(state);
        Assert.Equal(ctx.Index.MaxUtility, tft.TargetUtility, 12);
    }
}
