using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

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
    public void Apply_Offer_ChangesExactlyTheOfferFields()
    {
        var s = SaoState.Initial(3).Apply(NegotiationAction.Offer, new Outcome(1)).Apply(NegotiationAction.Accept) with { Time = 0.4 };
        var next = s.Apply(NegotiationAction.Offer, new Outcome(5));
        // Party 2 counters: the offer, proposer, acceptance count and step change; time, party count and status do not.
        Assert.Equal(s with { StandingOffer = new Outcome(5), Proposer = 2, Acceptances = 0, Step = 3 }, next);
    }

    [Fact]
    public void Apply_Accept_ChangesOnlyAcceptancesAndStep()
    {
        var s = SaoState.Initial(3).Apply(NegotiationAction.Offer, new Outcome(4)) with { Time = 0.25 };
        Assert.Equal(s with { Acceptances = 1, Step = 2 }, s.Apply(NegotiationAction.Accept));
    }

    [Theory]
    [InlineData(NegotiationAction.WalkAway, NegotiationStatus.WalkedAway)]
    [InlineData(NegotiationAction.Fail, NegotiationStatus.Failed)]
    public void Apply_Ending_ChangesOnlyStatusAndStep(NegotiationAction action, NegotiationStatus status)
    {
        var s = SaoState.Initial(2).Apply(NegotiationAction.Offer, new Outcome(2)) with { Time = 0.5 };
        Assert.Equal(s with { Status = status, Step = 2 }, s.Apply(action));
    }

    [Fact]
    public void Apply_SameStateTwice_GivesEqualStates()
    {
        // The next state depends on the state and the action only: no hidden counter, clock or shared buffer.
        var s = SaoState.Initial(2).Apply(NegotiationAction.Offer, new Outcome(3));
        var copy = s;
        Assert.Equal(s.Apply(NegotiationAction.Offer, new Outcome(6)), copy.Apply(NegotiationAction.Offer, new Outcome(6)));
        Assert.Equal(s.Apply(NegotiationAction.Accept), s.Apply(NegotiationAction.Accept));
    }

    [Fact]
    public void Expire_Running_EndsAtTheDeadlineWithoutTakingATurn()
    {
        var s = SaoState.Initial(2).Apply(NegotiationAction.Offer, new Outcome(2)) with { Time = 1.0 };
        Assert.Equal(s with { Status = NegotiationStatus.Deadline }, s.Expire());
        Assert.Throws<InvalidOperationException>(() => s.Expire().Expire());
    }
}
