using Parley.Tests.Testing;
using Parley.Analysis;

namespace Parley.Tests.Analysis;

/// <summary>Which frontier points are listed when there are more than the requested number (issue 12 §3).</summary>
public sealed class FrontierListingTests
{
    [Fact]
    public void ListedPositions_SmallFrontier_ListsEveryPoint()
    {
        Assert.Equal([0L, 1, 2, 3], ParetoFrontier.ListedPositions(4, 10, [2]));
    }

    [Fact]
    public void ListedPositions_LargeFrontier_SpreadsEvenlyWithBothExtremes()
    {
        var listed = ParetoFrontier.ListedPositions(1_000_001, 11, []);
        Assert.Equal([0L, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 700_000, 800_000, 900_000, 1_000_000], listed);
    }

    [Fact]
    public void ListedPositions_RequiredPositions_AreListedWithinTheLimit()
    {
        var listed = ParetoFrontier.ListedPositions(1_000_001, 10, [123_457, 999_999, 123_457]);
        Assert.True(listed.Count <= 10);
        Assert.Contains(123_457L, listed);
        Assert.Contains(999_999L, listed);
        Assert.Equal(0L, listed[0]);
        Assert.Equal(1_000_000L, listed[^1]);
        Assert.Equal(listed.Order(), listed);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void ListedPositions_TinyLimits_NeverListMore(int maxPoints, int expected)
    {
        Assert.Equal(expected, ParetoFrontier.ListedPositions(50, maxPoints, [25]).Count);
    }

    [Fact]
    public void Analyze_LargeAdditiveFrontier_ListsAtMostMaxPointsAndCountsAll()
    {
        var scenario = SyntheticScenarios.Additive(issues: 40, values: 10, seed: 5);
        var full = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(MaxPoints: int.MaxValue));
        var limited = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(MaxPoints: 50));

        Assert.False(full.Frontier.Truncated);
        Assert.Equal(full.Frontier.Points.Length, full.Frontier.PointCount);
        Assert.True(limited.Frontier.Truncated);
        Assert.Equal(full.Frontier.PointCount, limited.Frontier.PointCount);
        Assert.Equal(50, limited.Frontier.Points.Length);
        Assert.Equal(full.Frontier.Points[0].Utilities.ToArray(), limited.Frontier.Points[0].Utilities.ToArray());
        Assert.Equal(full.Frontier.Points[^1].Utilities.ToArray(), limited.Frontier.Points[^1].Utilities.ToArray());
        Assert.Equal(full.Nash!.Utilities.ToArray(), limited.Nash!.Utilities.ToArray());
        Assert.Equal(full.KalaiSmorodinsky!.Utilities.ToArray(), limited.KalaiSmorodinsky!.Utilities.ToArray());
        Assert.Equal(full.MaxWelfare!.Utilities.ToArray(), limited.MaxWelfare!.Utilities.ToArray());
        Assert.Contains(limited.Nash, limited.Frontier.Points);
        var listed = limited.Frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet();
        Assert.Subset(full.Frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet(), listed);
    }

    [Fact]
    public void DistanceTo_PointBetweenListedPoints_IsMeasuredAgainstTheWholeFrontier()
    {
        var scenario = SegmentFrontierTests.PriceScenario(values: 5000, discrete: 1, at: 1, seed: 3, heavy: false);
        var report = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(MaxPoints: 3));
        var frontier = report.Frontier;
        Assert.True(frontier.Truncated);

        // A frontier point that is not listed: a frontier outcome halfway between the first two listed ones.
        var complete = FrontierFinder.IssueByIssueComplete(
            (Parley.Preferences.LinearAdditiveUtility)scenario.Parties[0].Profile.Utility,
            (Parley.Preferences.LinearAdditiveUtility)scenario.Parties[1].Profile.Utility, segmentMinValues: 1)!;
        var u = new double[2];
        complete.Utilities(complete.Count / 3 + 1, u);
        Assert.DoesNotContain(frontier.Points, p => p.Utilities[0] == u[0] && p.Utilities[1] == u[1]);

        Assert.Equal(0.0, frontier.DistanceTo(u));
        double nearestListed = frontier.Points.Min(p => Math.Sqrt(Math.Pow(p.Utilities[0] - u[0], 2) + Math.Pow(p.Utilities[1] - u[1], 2)));
        Assert.True(nearestListed > 0);
    }
}
