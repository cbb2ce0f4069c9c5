using System.Collections.Immutable;
using CsCheck;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>The seeded local search used on spaces too large to enumerate.</summary>
public sealed class ParetoSearchTests
{
    /// <summary>Random hyper-rectangle utilities over small integer issues (enumerable, so the exact frontier is known).</summary>
    private static Scenario Nonlinear(int parties, int issues, int values, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(i => new IntegerIssue($"i{i}", 1, values)));
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            var rects = Enumerable.Range(0, rng.Next(1, 12)).Select(_ =>
            {
                var bounds = Enumerable.Range(0, issues).Where(_ => rng.Next(2) == 0).Select(i =>
                {
                    int lo = rng.Next(values), hi = rng.Next(lo, values);
                    return new IssueBound(i, lo, hi);
                }).ToImmutableArray();
                return new HyperRectangle(bounds, rng.Next(1, 10) * 10);
            }).ToArray();
            var utility = new HyperRectangleUtility(space, rects, rects.Sum(r => r.Utility) * 0.8);
            list.Add(new Party($"p{p}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Zero)));
        }
        return new Scenario($"nonlinear-{seed}", space, list.ToImmutable());
    }

    private static ParetoFrontier Search(Scenario scenario, int seed, double effort = 0.1) =>
        FrontierFinder.Search(scenario.Space, scenario.Parties.Select(p => p.Profile.Utility).ToArray(), new AnalysisOptions(seed, effort));

    [Fact]
    public void Search_RandomNonlinearSpaces_PointsAreRealNonDominatedOutcomes()
    {
        Gen.Select(Gen.Int[2, 3], Gen.Int[1, 4], Gen.Int[2, 5], Gen.Int).Sample((parties, issues, values, seed) =>
        {
            var scenario = Nonlinear(parties, issues, values, seed);
            var frontier = Search(scenario, seed);
            Assert.False(frontier.Exact);
            Assert.NotEmpty(frontier.Points);
            foreach (var p in frontier.Points)
            {
                foreach (var q in frontier.Points) Assert.False(BruteForce.Dominates(q.Utilities, p.Utilities));
                for (int k = 0; k < parties; k++)
                    Assert.Equal(p.Utilities[k], scenario.Parties[k].Profile.Utility.Utility(p.Values.AsSpan()));
            }
        }, iter: 50);
    }

    [Fact]
    public void Search_SmallNonlinearSpaces_FindsTheExactFrontier()
    {
        // Each start tries every value of every issue, so on spaces this small the archive sees the whole frontier.
        Gen.Select(Gen.Int[2, 3], Gen.Int[1, 3], Gen.Int[2, 4], Gen.Int).Sample((parties, issues, values, seed) =>
        {
            var scenario = Nonlinear(parties, issues, values, seed);
            var exact = FrontierFinder.Enumerated(RandomSpaces.Matrix(scenario), scenario.Space);
            var found = Search(scenario, seed);
            Assert.Equal(exact.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet(),
                found.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet());
        }, iter: 50);
    }

    [Fact]
    public void Search_SameSeed_IsDeterministic()
    {
        var scenario = Nonlinear(2, 8, 10, 5);
        var first = Search(scenario, 42, 0.2);
        var second = Search(scenario, 42, 0.2);
        Assert.Equal(first.Points.Select(p => BruteForce.Key(p.Utilities) + ":" + string.Join(",", p.Values)),
            second.Points.Select(p => BruteForce.Key(p.Utilities) + ":" + string.Join(",", p.Values)));
    }

    [Fact]
    public void Search_Anac2014ThirtyIssues_IsDeterministicPerSeed()
    {
        var scenario = Anac2014Domains.Load("30issues");
        var a = Search(scenario, 3, 0.25);
        var b = Search(scenario, 3, 0.25);
        Assert.False(a.Exact);
        Assert.Equal(a.Points.Select(p => string.Join(",", p.Values)), b.Points.Select(p => string.Join(",", p.Values)));
    }

    [Fact]
    public void Offer_BilateralStaircase_KeepsOnlyNonDominated()
    {
        var archive = new ParetoArchive(2);
        Assert.True(archive.Offer([0.5, 0.5], [0]));
        Assert.False(archive.Offer([0.5, 0.5], [1]));
        Assert.False(archive.Offer([0.4, 0.5], [2]));
        Assert.True(archive.Offer([0.9, 0.1], [3]));
        Assert.True(archive.Offer([0.5, 0.6], [4]));
        Assert.True(archive.Offer([1.0, 0.1], [5]));
        Assert.Equal(["1,0.1", "0.5,0.6"], archive.Snapshot().Select(e => BruteForce.Key(e.Utilities)));
        Assert.Equal([4], archive.Snapshot()[1].Values);
    }
    [Fact]
    public void Offer_FullArchive_TakesOnlyCandidatesThatEvict()
    {
        var archive = new ParetoArchive(3, capacity: 2);
        Assert.True(archive.Offer([1.0, 0.0, 0.0], [0]));
        Assert.True(archive.Offer([0.0, 1.0, 0.0], [1]));
        Assert.False(archive.Offer([0.0, 0.0, 1.0], [2]));
        Assert.True(archive.Offer([1.0, 0.5, 0.0], [3]));
        Assert.Equal(2, archive.Count);
        Assert.Equal([3], archive.Snapshot()[0].Values);
    }
}
