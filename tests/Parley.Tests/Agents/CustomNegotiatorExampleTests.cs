using Parley.Agents.Negotiators;
using Parley.Examples;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class CustomNegotiatorExampleTests
{
    [Fact]
    public void PlayBoulware_EnglandZimbabwe_FinishesWithValidResult()
    {
        var result = MyNegotiators.PlayBoulware(TestPaths.Anac("y2010", "EnglandZimbabwe"));
        Assert.Null(result.Failure);
        Assert.Equal(["Stepper", "Boulware"], result.Negotiators.ToArray());
        Assert.All(result.Utilities, u => Assert.InRange(u, 0.0, 1.0));
        Assert.Equal(NegotiationStatus.Agreed, result.Status);
    }

    [Fact]
    public void SteppingBidding_ConcedesOnlyOnNewOpponentOffers()
    {
        var s = TestScenarios.Opposed();
        var ctx = Contexts.For(s, 0);
        var bidding = new SteppingBidding(0.1);
        bidding.Initialize(ctx, null);
        double start = bidding.Target;
        var state = SaoState.Initial(2).Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, new(5));
        bidding.NextBid(state);
        Assert.Equal(start - 0.1, bidding.Target, 12);
        state = state.Apply(NegotiationAction.Offer, new(0)).Apply(NegotiationAction.Offer, new(5));   // same offer again
        bidding.NextBid(state);
        Assert.Equal(start - 0.1, bidding.Target, 12);
        Assert.True(ctx.Utility(bidding.NextBid(state)) >= bidding.Target);
    }

    [Fact]
    public void FirstCome_AcceptsOnlyAboveThreshold()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [Negotiators.Conceder(), new FirstComeNegotiator()], new SaoOptions { Rounds = 100 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        var accept = r.Transcript[^1];
        Assert.True(accept.Action != NegotiationAction.Accept || accept.Party != 1 || accept.Utilities[1] >= 0.8);
    }

    [Fact]
    public void Docs_QuoteTheExampleVerbatim()
    {
        string Normalise(string text) => text.Replace("\r\n", "\n");
        var source = Normalise(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Parley.Tests", "Agents", "CustomNegotiatorExample.cs")));
        var doc = Normalise(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "negotiators.md")));
        Assert.Contains(source.TrimEnd(), doc);
    }
}
