using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Scenarios;
using Parley.Tests.Testing;
using static Parley.Tests.Protocols.ShuttleTests;

namespace Parley.Tests.Protocols;

/// <summary>
/// Shuttle rules pinned so that a one-token change in <c>ShuttleProtocol</c> fails a test (issue 20 §7, mutation testing):
/// which messages each role may send, to whom, with what package and issues, which messages commit a principal, and
/// delivery on a delayed channel.
/// </summary>
public class ShuttleRuleTests
{
    private static ShuttleOptions Rounds(int rounds) => new() { Rounds = rounds, Seed = 1 };

    private static ScriptedParty Silent() => new((_, _) => ShuttleMessage.Pass);

    /// <summary>Mediated(): principals 0 and 1, mediator 2; party <paramref name="sender"/> sends <paramref name="message"/> in round 0, everyone else passes.</summary>
    private static NegotiationResult SendOnce(int sender, ShuttleMessage message, int rounds = 3, Scenario? scenario = null)
    {
        var parties = Enumerable.Range(0, 3).Select(p => p == sender
            ? new ScriptedParty((st, _) => st.Round == 0 ? message : ShuttleMessage.Pass)
            : Silent()).ToArray();
        return Negotiation.Run(scenario ?? Mediated(), [parties[0], parties[1]], [parties[2]], Rounds(rounds));
    }

    public static TheoryData<int, NegotiationAction, bool> Kinds() => new()
    {
        { 0, NegotiationAction.Offer, true }, { 0, NegotiationAction.Concede, true }, { 0, NegotiationAction.Object, true },
        { 0, NegotiationAction.Accept, true }, { 0, NegotiationAction.Reject, true },
        { 0, NegotiationAction.Relay, false }, { 0, NegotiationAction.Propose, false },
        { 2, NegotiationAction.Relay, true }, { 2, NegotiationAction.Propose, true }, { 2, NegotiationAction.Object, true },
        { 2, NegotiationAction.Offer, false }, { 2, NegotiationAction.Concede, false }, { 2, NegotiationAction.Accept, false },
        { 2, NegotiationAction.Reject, false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MessageKind_AllowedForTheSendersRoleOnly(int sender, NegotiationAction kind, bool allowed)
    {
        int to = sender == 2 ? 0 : 2;
        var r = SendOnce(sender, new ShuttleMessage(kind, to, new Outcome(3)));
        if (allowed)
        {
            Assert.Null(r.Failure);
            Assert.Single(r.Transcript, e => e.Action == kind && e.Party == sender && e.Entry.To == to);
        }
        else
        {
            Assert.Equal(NegotiationStatus.Failed, r.Status);
            Assert.Equal(sender, r.Failure!.Party);
            Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
            Assert.Contains("may not send", r.Failure.Reason);
        }
    }

    [Fact]
    public void MessageToAMediatorWhoLeft_InvalidActionOfTheSender()
    {
        // Three rounds of three turns; the mediator leaves at t = 0.3 (round 0 is over), principal 0 writes to it in round 1.
        var s = Mediated() with { Timeline = new Timeline([new PartyLeaves(0.3, "mediator leaves", 2)]) };
        var sender = new ScriptedParty((st, _) => st.Round == 1 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(3)) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [sender, Silent()], [Silent()], Rounds(3));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("has left the table", r.Failure.Reason);
    }

    [Fact]
    public void MediatorLeaves_NegotiationGoesOnWithoutIt()
    {
        var s = Mediated() with { Timeline = new Timeline([new PartyLeaves(0.3, "mediator leaves", 2)]) };
        var r = Negotiation.Run(s, [Silent(), Silent()], [Silent()], Rounds(3));
        Assert.Null(r.Failure);
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
    }

    [Theory]
    [InlineData(20L)]
    [InlineData(null)]
    public void PackageOutsideTheSpaceOrNone_InvalidActionOfTheSender(long? package)
    {
        var r = SendOnce(0, new ShuttleMessage(NegotiationAction.Object, 2, package is { } p ? new Outcome((ulong)p) : null));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Equal(FailureKind.InvalidAction, r.Failure.Kind);
        Assert.Contains("outside the outcome space", r.Failure.Reason);
    }

    [Fact]
    public void IssueTheSpaceDoesNotHave_InvalidActionOfTheSender()
    {
        var r = SendOnce(0, new ShuttleMessage(NegotiationAction.Concede, 2, new Outcome(3), 0b100));
        Assert.Equal(NegotiationStatus.Failed, r.Status);
        Assert.Equal(0, r.Failure!.Party);
        Assert.Contains("issue the space does not have", r.Failure.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void IssuesOfTheSpace_AreSentAndDeliveredWithTheMessage(int delay)
    {
        var r = SendOnce(0, new ShuttleMessage(NegotiationAction.Concede, 2, new Outcome(3), 0b11), rounds: 4, scenario: Mediated(delay));
        Assert.Null(r.Failure);
        Assert.Equal(0b11UL, r.Transcript.Single(e => e.Action == NegotiationAction.Concede).Entry.Issues);
        if (delay > 0) Assert.Equal(0b11UL, r.Transcript.Single(e => e.Action == NegotiationAction.Deliver).Entry.Issues);
    }

    [Theory]
    [InlineData(NegotiationAction.Offer, true)]
    [InlineData(NegotiationAction.Concede, true)]
    [InlineData(NegotiationAction.Accept, true)]
    [InlineData(NegotiationAction.Reject, false)]
    [InlineData(NegotiationAction.Object, false)]
    public void SecondPrincipalAnswersTheFirstsOffer_OnlyOfferConcedeAndAcceptCommit(NegotiationAction answer, bool agreed)
    {
        var s = Mediated();
        var deal = new Outcome(11);
        var a = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, deal) : ShuttleMessage.Pass);
        var b = new ScriptedParty((st, _) => st.Round == 1 ? new ShuttleMessage(answer, 2, deal) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [a, b], [Silent()], Rounds(4));
        Assert.Null(r.Failure);
        Assert.Equal(agreed ? NegotiationStatus.Agreed : NegotiationStatus.Deadline, r.Status);
        Assert.Equal(agreed ? deal : null, r.Agreement);
    }

    [Fact]
    public void PrincipalsCommittedToDifferentPackages_NoAgreement()
    {
        var s = Mediated();
        var a = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome(11)) : ShuttleMessage.Pass);
        var b = new ScriptedParty((st, _) => st.Round == 0 ? new ShuttleMessage(NegotiationAction.Accept, 2, new Outcome(12)) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [a, b], [Silent()], Rounds(3));
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Null(r.Agreement);
    }

    [Fact]
    public void DelayedChannel_MessagesSentInSuccessiveRounds_ArriveInOrderEachAfterTheDelay()
    {
        var s = Mediated(delay: 2);
        var sender = new ScriptedParty((st, _) => st.Round < 2 ? new ShuttleMessage(NegotiationAction.Offer, 2, new Outcome((ulong)(5 + st.Round))) : ShuttleMessage.Pass);
        var r = Negotiation.Run(s, [sender, Silent()], [Silent()], Rounds(6));
        Assert.Null(r.Failure);
        var delivered = r.Transcript.Where(e => e.Action == NegotiationAction.Deliver).ToList();
        Assert.Equal([(2, new Outcome(5)), (3, new Outcome(6))], delivered.Select(e => (e.Round, e.Outcome!.Value)));
        Assert.All(delivered, e => Assert.Equal(Audience.Of(2), e.Entry.Recipients));
    }
}
