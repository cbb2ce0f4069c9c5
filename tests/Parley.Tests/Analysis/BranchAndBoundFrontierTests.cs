using System.Numerics;
using Parley.Tests.Testing;
using CsCheck;
using Parley.Analysis;
using Parley.Scenarios;
using Xunit.Abstractions;

namespace Parley.Tests.Analysis;

/// <summary>The exact branch-and-bound frontier of hyper-rectangle (ANAC 2014) and mixed profiles.</summary>
public sealed class BranchAndBoundFrontierTests(ITestOutputHelper output)
{
    private static UtilityFunctionList Utilities(Scenario scenario) => new(scenario.Principals.Select(p => p.Profile.Utility).ToArray());

    /// <summary>The principals' utilities, in party order.</summary>
    private sealed record UtilityFunctionList(Parley.Preferences.UtilityFunction[] Items);

    private static ParetoFrontier Solve(Scenario scenario, AnalysisOptions? options = null) =>
        FrontierFinder.BranchAndBound(scenario.Space, Utilities(scenario).Items, options ?? new AnalysisOptions())
        ?? throw new InvalidOperationException("branch and bound refused the scenario");

    /// <summary>Brute force: every outcome's utilities straight from the utility functions (not a utility matrix), O(N²) dominance.</summary>
    private static HashSet<string> BruteForceFrontier(Scenario scenario) =>
        BruteForce.Frontier(BruteForce.Rows(scenario)).Vectors;

    private static HashSet<string> Keys(ParetoFrontier frontier) => frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet();

    [Fact]
    public void BranchAndBound_SmallRandomConstraintProfiles_EqualsBruteForce()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[2, 5], Gen.Int[1, 8], Gen.Int, Gen.Bool).Sample((issues, values, rectangles, seed, penalties) =>
        {
            var scenario = ConstraintScenarios.Generate(issues, values, 1, rectangles, seed, penalties: penalties);
            var frontier = Solve(scenario);
            Assert.True(frontier.Exact);
            Assert.Equal(0, frontier.Gap);
            Assert.Equal(BruteForceFrontier(scenario), Keys(frontier));
        }, iter: 200);
    }

    [Fact]
    public void BranchAndBound_SmallRandomMixedProfiles_EqualsBruteForce()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[2, 5], Gen.Int[1, 8], Gen.Int).Sample((issues, values, rectangles, seed) =>
        {
            var scenario = ConstraintScenarios.Generate(issues, values, 1, rectangles, seed, additiveParties: 1);
            Assert.Equal(BruteForceFrontier(scenario), Keys(Solve(scenario)));
        }, iter: 150);
    }

    [Fact]
    public void BranchAndBound_SmallRandomThreeParties_EqualsBruteForce()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[2, 4], Gen.Int[1, 6], Gen.Int, Gen.Int[0, 1]).Sample((issues, values, rectangles, seed, additive) =>
        {
            var scenario = ConstraintScenarios.Generate(issues, values, 1, rectangles, seed, parties: 3, additiveParties: additive);
            Assert.Equal(BruteForceFrontier(scenario), Keys(Solve(scenario)));
        }, iter: 100);
    }

    [Fact]
    public void BranchAndBound_WitnessOutcomes_ReachTheirUtilities()
    {
        var scenario = ConstraintScenarios.Generate(12, 10, 20, 30, seed: 7);
        var utilities = Utilities(scenario).Items;
        var frontier = Solve(scenario);
        Assert.True(frontier.Exact);
        foreach (var p in frontier.Points)
            for (int k = 0; k < 2; k++) Assert.Equal(utilities[k].Utility(p.Values.AsSpan()), p.Utilities[k]);
    }

    [Fact]
    public void BranchAndBound_TinyNodeBudget_GapBoundsWhatWasMissed()
    {
        var scenario = ConstraintScenarios.Generate(14, 10, 25, 35, seed: 3);
        var model = ClassedModel.TryBuild(scenario.Space, Utilities(scenario).Items)!;
        var exact = BranchAndBoundFrontier.Run(model, new FrontierBudget(null, null, TimeProvider.System));
        Assert.True(exact.Complete);
        var norms = model.Norm;
        bool sawIncomplete = false;
        foreach (long limit in new long[] { 1, 10, 100, 1000 })
        {
            var partial = BranchAndBoundFrontier.Run(model, new FrontierBudget(null, limit, TimeProvider.System));
            if (partial.Complete) continue;
            sawIncomplete = true;
            Assert.True(partial.Gap >= 0);
            // Every exact point is within the gap (in utility) of some reported point, for both parties at once.
            double worst = exact.Points.Max(q => partial.Points.Min(p =>
                Enumerable.Range(0, 2).Max(k => (q.Scores[k] - p.Scores[k]) / norms[k])));
            output.WriteLine($"node limit {limit}: {partial.Points.Count}/{exact.Points.Count} points, gap {partial.Gap:0.0000}, largest miss {worst:0.0000}");
            Assert.True(worst <= partial.Gap + 1e-12, $"missed by {worst}, gap {partial.Gap}");
        }
        Assert.True(sawIncomplete);
    }

    [Fact]
    public void BranchAndBound_InterruptedInsideHullSegment_GapUsesTheSegmentsBoxCorner()
    {
        // Issue x (4 classes, scores 0) and y (3 classes: A scores 10, 0, 4; B scores 0, 10, 4); a rectangle adds 1 to A
        // when x is class 0 and y class 2. Seeded with (10, 0) and (0, 10), the search is stopped below the root: the
        // unexplored subtree x = 0 holds (5, 4), under its hull segment (10, 0)–(0, 10) yet 0.4 beyond the archive. Only
        // the segment's box corner (10, 10) bounds it; the segment's end points alone (gap 0) would not.
        var model = new ClassedModel(2,
            ClassOf: [[0, 1, 2, 3], [0, 1, 2]],
            Representatives: [[0, 1, 2, 3], [0, 1, 2]],
            Unary: [[[0, 0, 0, 0], [10, 0, 4]], [[0, 0, 0, 0], [0, 10, 4]]],
            Terms: [new ClassedModel.Term(0, 1, [0, 1], [[true, false, false, false], [false, false, true]])],
            Norm: [10, 10], Integral: [true, true]);
        var partial = BranchAndBoundFrontier.Run(model, new FrontierBudget(null, 1, TimeProvider.System), [[0, 1]]);
        Assert.False(partial.Complete);
        Assert.Equal([(0.0, 10.0), (10.0, 0.0)], partial.Points.Select(p => (p.Scores[0], p.Scores[1])).Order());
        double miss = partial.Points.Min(p => Math.Max((5 - p.Scores[0]) / 10, (4 - p.Scores[1]) / 10));
        Assert.Equal(0.4, miss, 12);
        Assert.True(partial.Gap >= miss, $"gap {partial.Gap} does not cover the unexplored point (5, 4), missed by {miss}");
        Assert.Equal(1, partial.Gap, 12);

        var exact = BranchAndBoundFrontier.Run(model, new FrontierBudget(null, null, TimeProvider.System), [[0, 1]]);
        Assert.True(exact.Complete);
        Assert.Contains(exact.Points, p => p.Scores[0] == 5 && p.Scores[1] == 4);
    }

    [Fact]
    public void BranchAndBound_TinyTimeBudget_ReportsNotExactWithGap()
    {
        var scenario = ConstraintScenarios.Generate(20, 10, 40, 50, seed: 11);
        var frontier = Solve(scenario, new AnalysisOptions { NodeLimit = 5 });
        Assert.False(frontier.Exact);
        Assert.NotNull(frontier.Gap);
        Assert.True(frontier.Gap >= 0);
        Assert.NotEmpty(frontier.Points);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BranchAndBound_GeneratedFortyIssueSiblings_Exact(int seed)
    {
        var scenario = ConstraintScenarios.Anac2014Sibling(seed);
        Assert.Equal(BigInteger.Pow(10, 40), scenario.Space.Cardinality);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var frontier = Solve(scenario, new AnalysisOptions { Budget = TimeSpan.FromMinutes(5) });
        output.WriteLine($"sibling40-{seed}: {frontier.Points.Length} points in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(frontier.Exact);
        var utilities = Utilities(scenario).Items;
        foreach (var p in frontier.Points)
            for (int k = 0; k < 2; k++) Assert.Equal(utilities[k].Utility(p.Values.AsSpan()), p.Utilities[k]);
    }

    [Fact]
    public void BranchAndBound_ThreePartiesMediumSpace_EqualsBruteForce()
    {
        foreach (int seed in new[] { 1, 2 })
        {
            var scenario = ConstraintScenarios.Generate(6, 6, 12, 16, seed, parties: 3);
            var (expected, _) = SortedBruteForce.Frontier(BruteForce.Rows(scenario));
            var frontier = Solve(scenario);
            Assert.True(frontier.Exact);
            Assert.Equal(expected, Keys(frontier));
        }
    }

    [Fact]
    public void Generator_SameSeed_SameScenario()
    {
        static string Describe(Scenario s) => string.Join(";", s.Principals.Select(p =>
        {
            var h = (Parley.Preferences.HyperRectangleUtility)p.Profile.Utility;
            return h.MaxUtility + ":" + string.Join(",", h.Rectangles.Select(r => r.Utility + "@" + string.Join("/", r.Bounds)));
        }));
        Assert.Equal(Describe(ConstraintScenarios.Anac2014Sibling(5)), Describe(ConstraintScenarios.Anac2014Sibling(5)));
        Assert.NotEqual(Describe(ConstraintScenarios.Anac2014Sibling(5)), Describe(ConstraintScenarios.Anac2014Sibling(6)));
        var rectangles = ConstraintScenarios.Anac2014Sibling(5).Principals.Select(p => ((Parley.Preferences.HyperRectangleUtility)p.Profile.Utility).Rectangles).ToList();
        Assert.All(rectangles, r => Assert.InRange(r.Length, 60, 80));
        Assert.All(rectangles.SelectMany(r => r), r => Assert.InRange(r.Bounds.Length, 1, 4));
    }

    [Theory]
    [InlineData("10issues")]
    [InlineData("10issuesDiscountedwithRV")]
    [InlineData("30issues")]
    public void BranchAndBound_Anac2014_ExactAndDominatesPublishedFrontier(string name)
    {
        var scenario = Anac2014Domains.Load(name);
        var utilities = Utilities(scenario).Items;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var frontier = Solve(scenario, new AnalysisOptions { Budget = TimeSpan.FromMinutes(5) });
        output.WriteLine($"{name}: {frontier.Points.Length} points in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(frontier.Exact);
        Assert.Equal(0, frontier.Gap);
        foreach (var published in Anac2014Domains.PublishedFrontier(name))
            Assert.Contains(frontier.Points, p => p.Utilities[0] >= published[0] - 1e-6 && p.Utilities[1] >= published[1] - 1e-6);
        foreach (var p in frontier.Points)
            for (int k = 0; k < 2; k++) Assert.Equal(utilities[k].Utility(p.Values.AsSpan()), p.Utilities[k]);
    }
}
