using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

/// <summary>Every built-in negotiator plays by the protocol: no failures, valid offers, rational acceptances.</summary>
public class NegotiatorConformanceTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in NegotiatorRegistry.Available)
        foreach (var b in NegotiatorRegistry.Available)
            data.Add(a.Name, b.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Run_EveryPair_ValidAndIndividuallyRational(string first, string second)
    {
        var s = TestScenarios.Opposed(reserved: 0.2);
        var result = Negotiation.Run(s, [NegotiatorRegistry.Create(first), NegotiatorRegistry.Create(second)], new SaoOptions { Rounds = 60, Seed = 5, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(result.Failure);
        Assert.All(result.Utilities, u => Assert.InRange(u, 0.0, 1.0));
        foreach (var e in result.Transcript)
            if (e.Action == NegotiationAction.Accept && KeepsToReservedValue(e.Party == 0 ? first : second)) Assert.True(e.Utilities[e.Party] >= 0.2);
        if (result.Status != NegotiationStatus.Agreed || (KeepsToReservedValue(first) && KeepsToReservedValue(second)))
            Assert.All(result.Utilities, u => Assert.InRange(u, 0.2, 1.0));
    }

    /// <summary>
    /// The GENIUS-faithful agents do as their originals do: GENIUS's time-dependent parties, AgentK, HardHeaded,
    /// Gahboninho, IAMhaggler2011 and ParsAgent never look at the reserved value (HardHeaded's floor is a fixed 0.585),
    /// so they may accept less.
    /// </summary>
    private static bool KeepsToReservedValue(string name) =>
        name is not ("boulware" or "linear" or "conceder" or "agentk" or "hardheaded" or "agentlg" or "gahboninho" or "iamhaggler2011" or "parsagent");

    [Theory]
    [InlineData("boulware")]
    [InlineData("conceder")]
    [InlineData("hardheaded")]
    [InlineData("titfortat")]
    [InlineData("micro")]
    [InlineData("random")]
    [InlineData("ponpokoagent")]
    [InlineData("atlas3")]
    [InlineData("parsagent")]
    [InlineData("agreeableagent2018")]
    public void Run_ThreeParties_ValidAndReusableInstances(string name)
    {
        var s = TestScenarios.Opposed(parties: 3);
        var negotiators = new[] { NegotiatorRegistry.Create(name), Negotiators.Linear(), Negotiators.Conceder() };
        var first = Negotiation.Run(s, negotiators, new SaoOptions { Rounds = 100, Seed = 3, PerTurnBudget = TimeSpan.FromSeconds(30) });
        var again = Negotiation.Run(s, negotiators, new SaoOptions { Rounds = 100, Seed = 3, PerTurnBudget = TimeSpan.FromSeconds(30) });
        Assert.Null(first.Failure);
        Assert.Equal(first.Agreement, again.Agreement);
        Assert.Equal(first.Steps, again.Steps);
    }

    [Fact]
    public void Run_ConcederVsConceder_AgreesEarlierThanBoulwareVsBoulware()
    {
        var s = TestScenarios.Opposed();
        var soft = Negotiation.Run(s, [Negotiators.Conceder(), Negotiators.Conceder()], new SaoOptions { Rounds = 200 });
        var hard = Negotiation.Run(s, [Negotiators.Boulware(), Negotiators.Boulware()], new SaoOptions { Rounds = 200 });
        Assert.Equal(NegotiationStatus.Agreed, soft.Status);
        Assert.Equal(NegotiationStatus.Agreed, hard.Status);
        Assert.True(soft.Steps < hard.Steps, $"{soft.Steps} vs {hard.Steps}");
    }

    [Fact]
    public void Run_HardlinerVsHardliner_NoAgreement()
    {
        var s = TestScenarios.Opposed();
        var r = Negotiation.Run(s, [Negotiators.Hardliner(), Negotiators.Hardliner()], new SaoOptions { Rounds = 50 });
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
    }

    [Fact]
    public void Run_NiceAcceptsFirstOfferAboveReserve()
    {
        var s = TestScenarios.Opposed(reserved: 0.0);
        var r = Negotiation.Run(s, [Negotiators.Hardliner(), Negotiators.Nice()], new SaoOptions { Rounds = 50 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        Assert.Equal(2, r.Steps);
    }

    [Fact]
    public void Micro_OpponentRepeatsOneOffer_ProposesItsTwoBestThenOnlyRepeats()
    {
        var s = TestScenarios.Opposed();
        var ranking = Parley.Preferences.UtilityIndex.For(s.Parties[0].Profile.Utility);
        var best = ranking.OutcomeAt(ranking.Count - 1);
        var second = ranking.OutcomeAt(ranking.Count - 2);
        // One offer, repeated, that MiCRO never accepts (its worst outcome).
        var stubborn = new ScriptedNegotiator("stubborn", _ => ranking.OutcomeAt(0));
        var r = Negotiation.Run(s, [Negotiators.Micro(), stubborn], new SaoOptions { Rounds = 20 });
        var offers = r.Transcript.Where(e => e.Party == 0 && e.Action == NegotiationAction.Offer).Select(e => e.Outcome!.Value).ToList();
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Equal(20, offers.Count);
        Assert.Equal(best, offers[0]);
        Assert.Equal(second, offers[1]);
        Assert.All(offers.Skip(2), o => Assert.True(o == best || o == second, $"{o} is a new proposal"));
        Assert.Contains(best, offers.Skip(2));   // repeats are drawn from every earlier proposal, the best included
        Assert.Contains(second, offers.Skip(2));
    }

    [Fact]
    public void Micro_FirstOfferIsItsBestOutcome_AcceptsAtOnce()
    {
        // Worth exactly what MiCRO would propose next: AC "at least", not "more than".
        var s = TestScenarios.Opposed();
        var ranking = Parley.Preferences.UtilityIndex.For(s.Parties[1].Profile.Utility);
        var opener = new ScriptedNegotiator("opener", _ => ranking.Best);
        var r = Negotiation.Run(s, [opener, Negotiators.Micro()], new SaoOptions { Rounds = 10 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        Assert.Equal(2, r.Steps);
    }

    [Fact]
    public void Micro_OfferWorthExactlyItsReservedValue_IsAccepted()
    {
        // Reserved value 1 = MiCRO's best utility: its best outcome is worth exactly the reserve, and acceptable.
        var s = TestScenarios.Opposed(reserved: 1.0);
        var ranking = Parley.Preferences.UtilityIndex.For(s.Parties[1].Profile.Utility);
        Assert.Equal(1.0, ranking.MaxUtility, 15);
        var opener = new ScriptedNegotiator("opener", _ => ranking.Best);
        var r = Negotiation.Run(s, [opener, Negotiators.Micro()], new SaoOptions { Rounds = 10 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
    }

    [Fact]
    public void Composed_OfferWorthExactlyItsReservedValue_IsAccepted()
    {
        // Nice accepts anything not below its reserved value; here the opener's offer is worth exactly that.
        var s = TestScenarios.Opposed();
        var offer = TestScenarios.At(s, 3, 4);
        double worth = s.Parties[1].Profile.Utility.Utility(offer);
        var party = s.Parties[1];
        s = s with { Parties = s.Parties.SetItem(1, party with { Profile = party.Profile with { ReservedValue = Parley.Preferences.ReservedValueCurve.Constant(worth) } }) };
        var r = Negotiation.Run(s, [new ScriptedNegotiator("opener", _ => offer), Negotiators.Nice()], new SaoOptions { Rounds = 10 });
        Assert.Equal(NegotiationStatus.Agreed, r.Status);
        Assert.Equal(2, r.Steps);
    }

    [Fact]
    public void Micro_OpponentMakesANewOfferEachRound_ConcedesOneRankEachRound()
    {
        var s = TestScenarios.Opposed();
        var ranking = Parley.Preferences.UtilityIndex.For(s.Parties[0].Profile.Utility);
        // A new offer every round, each among MiCRO's eight worst outcomes, so it is never worth accepting.
        var varied = new ScriptedNegotiator("varied", state => ranking.OutcomeAt(state.Round % 8));
        var r = Negotiation.Run(s, [Negotiators.Micro(), varied], new SaoOptions { Rounds = 8 });
        var offers = r.Transcript.Where(e => e.Party == 0 && e.Action == NegotiationAction.Offer).Select(e => e.Outcome!.Value).ToList();
        Assert.Equal(NegotiationStatus.Deadline, r.Status);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => ranking.OutcomeAt(ranking.Count - 1 - k)), offers);
    }
}
