using System.Collections.Immutable;
using CsCheck;
using Parley.Agents.Mediators;
using Parley.Agents.Voters;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.SingleText;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Agents;

public class LogrollingMediatorTests
{
    private static NegotiationResult Run(Scenario s, ITextMediator mediator, int rounds = 100, int seed = 1) =>
        Negotiation.Run(s, [.. s.Parties.Select(_ => (IVoter)new SincereVoter())], [mediator], new SingleTextOptions { Rounds = rounds, Seed = seed });

    [Fact]
    public void Run_SincereVoters_AgreeOnAnUndominatedTextWellBeforeTheDeadline()
    {
        var s = TestScenarios.Opposed();
        for (int seed = 0; seed < 10; seed++)
        {
            var r = Run(s, new LogrollingMediator(int.MaxValue), seed: seed);
            Assert.Equal(NegotiationStatus.Agreed, r.Status);
            Assert.True(r.Rounds < 40, $"seed {seed}: {r.Rounds} rounds");
            Assert.Null(DominatingNeighbour(s, r.AgreementValues.ToArray(), maxChanged: 2));
        }
    }

    [Fact]
    public void Run_ClimbEndsBelowAReservedValue_ConcedesToThatPrincipalAndAgrees()
    {
        // Reserved values of 0.6: a climb from a random text often stops where one side gets less; the mediator then offers
        // that side changes it does not lose on, as texts without a basis, until everyone is above its reserved value.
        var s = TestScenarios.Opposed(reserved: 0.6);
        for (int seed = 0; seed < 20; seed++)
        {
            var r = Run(s, new LogrollingMediator(), seed: seed);
            Assert.Equal(NegotiationStatus.Agreed, r.Status);
            for (int p = 0; p < 2; p++) Assert.True(r.Utilities[p] >= 0.6, $"seed {seed}: party {p} gets {r.Utilities[p]}");
        }
    }

    [Fact]
    public void Run_SameSeed_SameTranscript()
    {
        var s = TestScenarios.Opposed(parties: 3);
        var a = Run(s, new LogrollingMediator(), seed: 7);
        var b = Run(s, new LogrollingMediator(), seed: 7);
        var c = Run(s, new LogrollingMediator(), seed: 8);
        Assert.Equal(Csv(s, a), Csv(s, b));
        Assert.NotEqual(Csv(s, a), Csv(s, c));
    }

    [Fact]
    public void Run_ReusedMediator_SameResultAsAFreshOne()
    {
        var s = TestScenarios.Opposed();
        var reused = new LogrollingMediator();
        Run(s, reused, seed: 3);
        Run(TestScenarios.Opposed(parties: 3), reused, seed: 4);
        Assert.Equal(Csv(s, Run(s, new LogrollingMediator(), seed: 5)), Csv(s, Run(s, reused, seed: 5)));
    }

    [Fact]
    public void Constructor_NegativeFailedTrades_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogrollingMediator(-1));

    /// <summary>
    /// On linear additive profiles (no ties), trying every trade, the agreement is a text no change of one issue and no
    /// change of two issues improves for someone without hurting someone else — checked by brute force over those texts.
    /// </summary>
    [Fact]
    public void Run_EveryTradeTried_NoOneOrTwoIssueChangeDominatesTheAgreement()
    {
        Gen.Select(Gen.Int[2, 3], Gen.Int[2, 5], Gen.Int[2, 5], Gen.Int).Sample((parties, issues, values, seed) =>
        {
            var s = Additive(parties, issues, values, seed);
            var r = Run(s, new LogrollingMediator(int.MaxValue), rounds: 2000, seed: seed);
            if (r.Status != NegotiationStatus.Agreed) return false;
            return DominatingNeighbour(s, r.AgreementValues.ToArray(), maxChanged: 2) is null;
        }, iter: 200);
    }

    // An outcome that differs from `deal` on at most `maxChanged` issues and is at least as good for every party and better
    // for one, by the profiles' own utility functions; null when there is none.
    private static int[]? DominatingNeighbour(Scenario s, int[] deal, int maxChanged)
    {
        var utilities = s.Parties.Select(p => p.Profile.Utility).ToArray();
        double[] at = [.. utilities.Select(u => u.Utility(deal))];
        var radices = s.Space.Radices.ToArray();
        var values = new int[radices.Length];
        long count = 1;
        foreach (int r in radices) count *= r;
        for (long o = 0; o < count; o++)
        {
            long rest = o;
            int changed = 0;
            for (int i = 0; i < radices.Length; i++)
            {
                values[i] = (int)(rest % radices[i]);
                rest /= radices[i];
                if (values[i] != deal[i]) changed++;
            }
            if (changed == 0 || changed > maxChanged) continue;
            bool weakly = true, strictly = false;
            for (int p = 0; p < utilities.Length; p++)
            {
                double u = utilities[p].Utility(values);
                if (u < at[p]) weakly = false;
                if (u > at[p]) strictly = true;
            }
            if (weakly && strictly) return values;
        }
        return null;
    }

    // Linear additive parties with continuous random weights and evaluations (no ties), reserved value 0.
    private static Scenario Additive(int parties, int issues, int values, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", [.. Enumerable.Range(0, rng.Next(2, values + 1)).Select(v => $"v{v}")])));
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            var weights = Enumerable.Range(0, issues).Select(_ => rng.NextDouble() / issues).ToArray();
            var evaluators = space.Issues.Select(issue => (IssueEvaluator)new DiscreteEvaluator(
                [.. Enumerable.Range(0, issue.ValueCount).Select(_ => rng.NextDouble())])).ToArray();
            list.Add(new Party($"p{p}", PartyRole.Principal, new Profile(new LinearAdditiveUtility(space, weights, evaluators), ReservedValueCurve.Zero)));
        }
        return new Scenario($"additive-{seed}", space, list.ToImmutable());
    }

    private static string Csv(Scenario s, NegotiationResult r)
    {
        using var w = new StringWriter();
        r.Transcript.WriteCsv(w, s.Space, r.Parties);
        return w.ToString();
    }
}
