using Parley.Outcomes;
using Parley.Protocols;
using Parley.Protocols.Sao;

namespace Parley.Tests.Protocols;

public class SaoStateTests
{
    [Fact]
    public void Initial_TwoParties_PartyZeroMovesFirstWithNoOffer()
    {
        var s = SaoState.Initial(2);
        Assert.Equal(0, s.Turn);
        Assert.Null(s.StandingOffer);
        Assert.Equal(-1, s.Proposer);
        Assert.Equal(NegotiationStatus.Running, s.Status);
    }

    [Fact]
    public void Initial_OneParty_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => SaoState.Initial(1));

    [Fact]
    public void Apply_OfferThenAccept_Bilateral_Agrees()
    {
        var s = SaoState.Initial(2).Apply(NegotiationAction.Offer, new Outcome(7));
        Assert.Equal(1, s.Turn);
        Assert.Equal(0, s.Proposer);
        var done = s.Apply(NegotiationAction.Accept);
        Assert.Equal(NegotiationStatus.Agreed, done.Status);
        Assert.Equal(new Outcome(7), done.StandingOffer);
    }

    [Fact]
    public void Apply_ThreeParties_NeedsTwoAcceptancesAndCounterOfferRestartsCount()
    {
        var s = SaoState.Initial(3).Apply(NegotiationAction.Offer, new Outcome(1)).Apply(NegotiationAction.Accept);
        Assert.Equal(NegotiationStatus.Running, s.Status);
        Assert.Equal(1, s.Acceptances);
        s = s.Apply(NegotiationAction.Offer, new Outcome(2));       // party 2 counters
        Assert.Equal(0, s.Acceptances);
        Assert.Equal(2, s.Proposer);
        s = s.Apply(NegotiationAction.Accept).Apply(NegotiationAction.Accept); // parties 0 and 1 accept
        Assert.Equal(NegotiationStatus.Agreed, s.Status);
        Assert.Equal(new Outcome(2), s.StandingOffer);
    }

    [Fact]
    public void Apply_AcceptWithoutOffer_Throws() =>
        Assert.Throws<InvalidOperationException>(() => SaoState.Initial(2).Apply(NegotiationAction.Accept));

    [Fact]
    public void Apply_AfterEnd_Throws() =>
        Assert.Throws<InvalidOperationException>(() => SaoState.Initial(2).Apply(NegotiationAction.WalkAway).Apply(NegotiationAction.Offer, new Outcome(0)));

    [Fact]
    public void Apply_IsPure_OriginalUnchanged()
    {
        var s = SaoState.Initial(2);
        _ = s.Apply(NegotiationAction.Offer, new Outcome(3));
        Assert.Equal(SaoState.Initial(2), s);
    }
}
