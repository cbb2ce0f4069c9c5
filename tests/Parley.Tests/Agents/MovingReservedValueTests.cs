using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

/// <summary>Issue 12 §8: a reserved value that moves with time (the point of the YAML format) is the floor of every
/// negotiator at that time, not its value at t = 0 — for time-dependent bidding, model-guided bidding, tit-for-tat and
/// MiCRO alike.</summary>
public class MovingReservedValueTests
{
    /// <summary>Rises from 0 at t = 0 to 0.9 at t = 1.</summary>
    private static readonly ReservedValueCurve Rising = new([new(0, 0.0), new(1, 0.9)]);

    /// <summary>Falls from 0.9 at t = 0 to 0 at t = 0.5, and stays there.</summary>
    private static readonly ReservedValueCurve Falling = new([new(0, 0.9), new(0.5, 0.0)]);

    private static Scenario WithReserved(ReservedValueCurve curve, int party = 0)
    {
        var s = TestScenarios.Opposed();
        var parties = s.Parties.SetItem(party, s.Parties[party] with { Profile = s.Parties[party].Profile with { ReservedValue = curve } });
        return s with { Parties = parties };
    }

    /// <summary>Party 0's utilities of every outcome, straight from the utility function.</summary>
    private static double[] Utilities(Scenario s)
    {
        var u = new double[s.Space.Count];
        s.Parties[0].Profile.Utility.EvaluateAll(u);
        return u;
    }

    /// <summary>The Faratin target written out from the paper, with P_min(t) = max(reserved value at t, worst utility).</summary>
    private static double ExpectedTarget(double[] u, double reserved, double t, double e)
    {
        double max = u.Max(), min = Math.Min(max, Math.Max(reserved, u.Min()));
        return min + (max - min) * (1 - Math.Pow(t, 1 / e));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void TimeDependent_RisingReservedValue_BidsFollowTheCurveAndNeverGoBelowIt(double e)
    {
        var s = WithReserved(Rising);
        var ctx = Contexts.For(s, 0);
        var bidding = new TimeDependentBidding(e);
        bidding.Initialize(ctx, null);
        var u = Utilities(s);
        for (int k = 0; k <= 20; k++)
        {
            double t = k / 20.0, reserved = Rising.At(t);
            double target = ExpectedTarget(u, reserved, t, e);
            Assert.Equal(target, bidding.TargetUtility(t), 12);
            double got = ctx.Utility(bidding.NextBid(Contexts.At(t)));
            Assert.Equal(u.Where(x => x >= target - 1e-12).DefaultIfEmpty(u.Max()).Min(), got, 12);
            Assert.True(got >= Math.Min(reserved, u.Max()), $"e={e} t={t}: bid {got} below the reserved value {reserved}");
        }
    }

    [Fact]
    public void TimeDependent_FallingReservedValue_ConcedesBelowTheInitialValue()
    {
        var s = WithReserved(Falling);
        var ctx = Contexts.For(s, 0);
        var bidding = new TimeDependentBidding(1.0);
        bidding.Initialize(ctx, null);
        double late = ctx.Utility(bidding.NextBid(Contexts.At(0.8)));
        Assert.True(late < 0.9, $"at t = 0.8 the reserved value is 0 but the bid is still worth {late}");
        Assert.Equal(ExpectedTarget(Utilities(s), 0.0, 0.8, 1.0), bidding.TargetUtility(0.8), 12);
    }

    [Fact]
    public void ModelGuided_RisingReservedValue_NeverBidsBelowIt()
    {
        var s = WithReserved(Rising);
        var ctx = Contexts.For(s, 0);
        var bidding = new ModelGuidedBidding(2.0, 0.05, 10);
        bidding.Initialize(ctx, null);
        for (int k = 0; k <= 20; k++)
        {
            double t = k / 20.0;
            double got = ctx.Utility(bidding.NextBid(Contexts.At(t)));
            Assert.True(got >= Math.Min(Rising.At(t), ctx.Index.MaxUtility), $"t={t}: bid {got} below the reserved value {Rising.At(t)}");
        }
    }

    [Fact]
    public void Random_RisingReservedValue_NeverBidsBelowIt()
    {
        var s = WithReserved(Rising);
        var ctx = Contexts.For(s, 0);
        var bidding = new RandomBidding();
        bidding.Initialize(ctx, null);
        var seen = new HashSet<double>();
        for (int k = 0; k <= 200; k++)
        {
            double t = k / 200.0;
            double got = ctx.Utility(bidding.NextBid(Contexts.At(t)));
            seen.Add(got);
            Assert.True(got >= Math.Min(Rising.At(t), ctx.Index.MaxUtility), $"t={t}: bid {got} below the reserved value {Rising.At(t)}");
        }
        Assert.True(seen.Count > 3, "the bids should vary");
    }

    [Fact]
    public void TitForTat_RisingReservedValue_ConcessionStopsAtTheCurrentReservedValue()
    {
        var s = WithReserved(Rising);
        var ctx = Contexts.For(s, 0);
        var tft = new TitForTatBidding();
        tft.Initialize(ctx, null);
        // The opponent concedes all the way: from party 0's worst outcome to its best, so tit-for-tat would concede fully.
        var worst = ctx.Index.OutcomeAt(0);
        var best = ctx.Index.OutcomeAt(ctx.Index.Count - 1);
        var state = SaoState.Initial(2).Apply(NegotiationAction.Offer, best).Apply(NegotiationAction.Offer, worst);
        tft.NextBid(state with { Time = 0.1 });
        state = state.Apply(NegotiationAction.Offer, best).Apply(NegotiationAction.Offer, best) with { Time = 0.8 };
        double got = ctx.Utility(tft.NextBid(state));
        Assert.Equal(Rising.At(0.8), tft.TargetUtility, 12);
        Assert.True(got >= Rising.At(0.8), $"bid {got} below the reserved value {Rising.At(0.8)} at t = 0.8");
    }

    /// <summary>An opponent that makes a new offer every round (so MiCRO may concede every round), cycling through
    /// party 0's <paramref name="worst"/> worst outcomes, and never accepts.</summary>
    private static ScriptedNegotiator Cycling(int worst)
    {
        var ranking = UtilityIndex.For(TestScenarios.Opposed().Parties[0].Profile.Utility);
        return new ScriptedNegotiator("cycling", propose: state => ranking.OutcomeAt(state.Round % worst));
    }

    /// <summary>Runs MiCRO (party 0, with <paramref name="curve"/>) against <paramref name="opponent"/> and returns MiCRO's offers as
    /// (time, own utility) with the agreement, if any.</summary>
    private static (List<(double Time, double Utility)> Offers, NegotiationResult Result) RunMicro(ReservedValueCurve curve, INegotiator opponent, int rounds)
    {
        var s = WithReserved(curve);
        var result = Negotiation.Run(s, [Negotiators.Micro(), opponent], new SaoOptions { Rounds = rounds, Seed = 3 });
        var offers = new List<(double, double)>();
        foreach (var entry in result.Transcript)
            if (entry.Party == 0 && entry.Action == NegotiationAction.Offer && entry.Outcome is { } o)
                offers.Add((entry.Time, s.Parties[0].Profile.Utility.Utility(o)));
        return (offers, result);
    }

    [Fact]
    public void Micro_RisingReservedValue_NeverProposesBelowIt()
    {
        // Rises steeply: MiCRO concedes a few ranks early on, then its outside option overtakes those earlier proposals.
        var steep = new ReservedValueCurve([new(0, 0.0), new(0.25, 0.9)]);
        var (offers, result) = RunMicro(steep, Cycling(4), rounds: 60);
        Assert.False(result.HasAgreement);
        Assert.Contains(offers, o => o.Time < 0.1 && o.Utility < 0.9); // it did concede before the curve rose
        foreach (var (time, utility) in offers)
            Assert.True(utility >= steep.At(time) - 1e-12, $"MiCRO offered {utility} at t = {time}, reserved value {steep.At(time)}");
    }

    [Fact]
    public void Micro_FallingReservedValue_ConcedesBelowTheInitialValue()
    {
        var (offers, result) = RunMicro(Falling, Cycling(8), rounds: 40);
        Assert.False(result.HasAgreement);
        Assert.Contains(offers, o => o.Time > 0.5 && o.Utility < 0.9);
        foreach (var (time, utility) in offers)
            Assert.True(utility >= Falling.At(time) - 1e-12, $"MiCRO offered {utility} at t = {time}, reserved value {Falling.At(time)}");
    }
}
