using CsCheck;
using Parley.Analysis;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>Property tests of the exact frontier on enumerated spaces against the quadratic definition.</summary>
public sealed class FrontierPropertyTests
{
    [Fact]
    public void Enumerated_RandomAdditiveSpaces_EqualsBruteForce()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var matrix = RandomSpaces.Matrix(scenario);
            var rows = BruteForce.Rows(matrix);
            var frontier = FrontierFinder.Enumerated(matrix, scenario.Space);
            var (expected, outcomes) = BruteForce.Frontier(rows);

            Assert.True(frontier.Exact);
            Assert.Equal(expected.Count, frontier.Points.Length);
            Assert.Equal(expected, frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet());
            Assert.Equal(outcomes, frontier.OutcomesOnFrontier);
        }, iter: 300);
    }

    [Fact]
    public void Enumerated_RandomAdditiveSpaces_PointsMutuallyNonDominatedAndSorted()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var points = FrontierFinder.Enumerated(RandomSpaces.Matrix(scenario), scenario.Space).Points;
            foreach (var p in points)
                foreach (var q in points)
                    Assert.False(BruteForce.Dominates(q.Utilities, p.Utilities));
            for (int k = 1; k < points.Length; k++) Assert.True(points[k - 1].Utilities[0] >= points[k].Utilities[0]);
        }, iter: 200);
    }

    [Fact]
    public void Enumerated_RandomAdditiveSpaces_EveryOutcomeWeaklyDominated()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var matrix = RandomSpaces.Matrix(scenario);
            var rows = BruteForce.Rows(matrix);
            var points = FrontierFinder.Enumerated(matrix, scenario.Space).Points;
            for (int o = 0; o < matrix.OutcomeCount; o++)
            {
                var v = BruteForce.Vector(rows, o);
                Assert.Contains(points, p => BruteForce.WeaklyDominates(p.Utilities, v));
            }
        }, iter: 200);
    }

    [Fact]
    public void Enumerated_RandomAdditiveSpaces_PointOutcomesReachTheirUtilities()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            foreach (var point in FrontierFinder.Enumerated(RandomSpaces.Matrix(scenario), scenario.Space).Points)
                for (int p = 0; p < scenario.Parties.Length; p++)
                    Assert.Equal(point.Utilities[p], scenario.Parties[p].Profile.Utility.Utility(point.Values.AsSpan()));
        }, iter: 100);
    }

    [Fact]
    public void Compute_GridRowsPastTheSampleSize_EqualsBruteForce()
    {
        // Over 4096 outcomes the multilateral frontier pre-filters with a sample skyline; over 8 the bilateral one buckets.
        Gen.Select(Gen.Int[2, 4], Gen.Int[4097, 6000], Gen.Int[2, 12], Gen.Int).Sample((parties, n, levels, seed) =>
        {
            var rows = RandomSpaces.GridRows(parties, n, levels, seed);
            var actual = parties == 2 ? BilateralFrontier.Compute(rows[0], rows[1]) : MultilateralFrontier.Compute(rows);
            var (expected, outcomes) = BruteForce.Frontier(rows);
            Assert.Equal(expected, actual.Vectors.Select(BruteForce.Key).ToHashSet());
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(outcomes, actual.OutcomesOnFrontier);
        }, iter: 10);
    }

    [Theory]
    [InlineData(2, 150_000, 1000, 1)]
    [InlineData(2, 400_000, 7, 2)]
    [InlineData(3, 200_000, 50, 3)]
    public void Compute_LargeParallelInput_EqualsBruteForce(int parties, int n, int levels, int seed)
    {
        var rows = RandomSpaces.GridRows(parties, n, levels, seed);
        var fast = parties == 2 ? BilateralFrontier.Compute(rows[0], rows[1]) : MultilateralFrontier.Compute(rows);
        var (expected, outcomes) = SortedBruteForce.Frontier(rows);
        Assert.Equal(expected.Count, fast.Count);
        Assert.Equal(expected, fast.Vectors.Select(BruteForce.Key).ToHashSet());
        Assert.Equal(outcomes, fast.OutcomesOnFrontier);
        // Each point's outcome reaches the point.
        for (int i = 0; i < fast.Count; i++) Assert.Equal(BruteForce.Key(fast.Vector(i)), BruteForce.Key(BruteForce.Vector(rows, (int)fast.Outcomes[i])));
    }
    [Fact]
    public void Compute_ConstantFirstUtility_KeepsTheBestSecondWithItsTies()
    {
        double[] u0 = Enumerable.Repeat(0.5, 10_000).ToArray();
        double[] u1 = Enumerable.Range(0, 10_000).Select(i => (i % 100) / 100.0).ToArray();
        var frontier = BilateralFrontier.Compute(u0, u1);
        Assert.Equal(1, frontier.Count);
        Assert.Equal([0.5, 0.99], frontier.Vector(0));
        Assert.Equal(99, frontier.Outcomes[0]);
        Assert.Equal(100, frontier.OutcomesOnFrontier);
    }

    [Fact]
    public void Compute_NegativeUtilities_EqualsBruteForce()
    {
        var rows = RandomSpaces.GridRows(2, 3000, 20, seed: 8).Select(r => r.Select(x => x - 0.7).ToArray()).ToArray();
        var (expected, outcomes) = BruteForce.Frontier(rows);
        var actual = BilateralFrontier.Compute(rows[0], rows[1]);
        Assert.Equal(expected, actual.Vectors.Select(BruteForce.Key).ToHashSet());
        Assert.Equal(outcomes, actual.OutcomesOnFrontier);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Compute_SingleOutcome_IsItsOwnFrontier(int parties)
    {
        var rows = Enumerable.Range(0, parties).Select(p => new[] { p / 10.0 }).ToArray();
        var frontier = parties == 2 ? BilateralFrontier.Compute(rows[0], rows[1]) : MultilateralFrontier.Compute(rows);
        Assert.Equal(1, frontier.Count);
        Assert.Equal(1, frontier.OutcomesOnFrontier);
        Assert.Equal(0, frontier.Outcomes[0]);
    }

    [Fact]
    public void Compute_OnePartyPastTheSampleSize_KeepsTheMaximumWithTies()
    {
        var rows = RandomSpaces.GridRows(1, 9000, 30, seed: 4);
        var frontier = MultilateralFrontier.Compute(rows);
        Assert.Equal(1, frontier.Count);
        Assert.Equal(rows[0].Count(x => x == 1.0), frontier.OutcomesOnFrontier);
    }
}
