using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Boa;

/// <summary>The BOA parts composed into a negotiator: a GENIUS acceptance condition and opponent model in a <see cref="ComposedNegotiator"/>.</summary>
public class BoaCompositionTests
{
    [Fact]
    public void AsStrategy_WithoutHistory_DecidesOnTheOfferAlone()
    {
        var next = AcceptanceCondition.Next().AsStrategy();
        Assert.True(next.ShouldAccept(new AcceptanceInput(0.5, 3, 0.7, 0.7, 0)));
        Assert.False(next.ShouldAccept(new AcceptanceInput(0.5, 3, 0.69, 0.7, 0)));
        Assert.False(AcceptanceCondition.Const(0.7).AsStrategy().ShouldAccept(new AcceptanceInput(0.5, 3, 0.7, 1, 0)));
        Assert.Equal("AC_CombiMaxInWindow(t=0.9)", AcceptanceCondition.CombiMaxInWindow(0.9).AsStrategy().ToString());
    }

    [Fact]
    public void AsStrategy_MaxInWindow_ComparesWithTheBestRecentOffer()
    {
        var history = new BidHistory();
        history.Add(new BidDetails(default, 0.6, 0.91));
        history.Add(new BidDetails(default, 0.5, 0.95));
        var maxW = AcceptanceCondition.CombiMaxInWindow(0.9).AsStrategy();
        // At t = 0.96 the window is (0.92, 0.96]: only the 0.5 offer (t = 0.95) is in it, so 0.5 is as good as waiting gets.
        Assert.True(maxW.ShouldAccept(new AcceptanceInput(0.96, 10, 0.5, 0.9, 0, history)));
        // At t = 0.95 the window is (0.9, 0.95]: the 0.6 offer (t = 0.91) is in it, so 0.5 is not enough.
        Assert.False(maxW.ShouldAccept(new AcceptanceInput(0.95, 10, 0.5, 0.9, 0, history)));
    }

    [Fact]
    public void ComposedNegotiator_WithBoaParts_NegotiatesAndModelsTheOpponent()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2010/EnglandZimbabwe"));
        var model = new ScalableBayesianModel();
        var boa = new ComposedNegotiator("boa", new TimeDependentBidding(0.2), AcceptanceCondition.CombiMaxInWindow(0.98).AsStrategy(), model);
        var result = Negotiation.Run(scenario, [boa, Negotiators.Conceder()], new SaoOptions { Rounds = 200, Seed = 1 });
        Assert.Null(result.Failure);
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
        Assert.True(model.Estimate(1).Offers > 5);
        Assert.Same(model, ((IHasOpponentModel)boa).OpponentModel);
    }
}
