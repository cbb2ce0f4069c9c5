using Parley.Agents.Negotiators;


namespace Parley.Tests.Agents;

public class AcceptanceStrategyTests
{
    private static AcceptanceInput In(double offer, double next, double t = 0.5) => new(t, 3, offer, next, 0);

    [Theory]
    [InlineData(0.7, 0.7, true)]
    [InlineData(0.71, 0.7, true)]
    [InlineData(0.69, 0.7, false)]
    public void Next_AcceptsWhenOfferAtLeastNextBid(double offer, double next, bool expected) =>
        Assert.Equal(expected, AcceptanceStrategy.Next().ShouldAccept(In(offer, next)));

    [Fact]
    public void Next_AlphaBeta_ScalesOffer()
    {
        Assert.True(AcceptanceStrategy.Next(1.0, 0.1).ShouldAccept(In(0.6, 0.7)));
        Assert.False(AcceptanceStrategy.Next(0.5, 0.0).ShouldAccept(In(0.9, 0.5)));
    }

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.79, false)]
    public void Constant_AcceptsAtOrAboveAlpha(double offer, bool expected) =>
        Assert.Equal(expected, AcceptanceStrategy.Constant(0.8).ShouldAccept(In(offer, 1.0)));

    [Theory]
    [InlineData(0.95, true)]
    [InlineData(0.94, false)]
    public void Time_AcceptsAnythingAfterT(double t, bool expected) =>
        Assert.Equal(expected, AcceptanceStrategy.Time(0.95).ShouldAccept(In(0.0, 1.0, t)));

    [Fact]
    public void AnyAndAll_CombineParts()
    {
        var any = AcceptanceStrategy.Constant(0.9).Or(AcceptanceStrategy.Time(0.9));
        var all = AcceptanceStrategy.Constant(0.5).And(AcceptanceStrategy.Time(0.9));
        Assert.True(any.ShouldAccept(In(0.1, 1, 0.95)));
        Assert.True(any.ShouldAccept(In(0.95, 1, 0.1)));
        Assert.False(any.ShouldAccept(In(0.5, 1, 0.5)));
        Assert.True(all.ShouldAccept(In(0.6, 1, 0.95)));
        Assert.False(all.ShouldAccept(In(0.4, 1, 0.95)));
        Assert.False(all.ShouldAccept(In(0.6, 1, 0.5)));
    }

    [Fact]
    public void Combi_NextOrLateAndGoodEnough()
    {
        var combi = AcceptanceStrategy.Combi(0.9, 0.6);
        Assert.True(combi.ShouldAccept(In(0.8, 0.8, 0.1)));   // AC_next
        Assert.True(combi.ShouldAccept(In(0.65, 0.8, 0.95))); // late and ≥ α
        Assert.False(combi.ShouldAccept(In(0.55, 0.8, 0.95)));
        Assert.False(combi.ShouldAccept(In(0.65, 0.8, 0.5)));
    }

    [Fact]
    public void Any_Empty_Throws() => Assert.Throws<ArgumentException>(() => AcceptanceStrategy.Any());
}
