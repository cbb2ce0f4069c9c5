using CsCheck;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>The issue-by-issue frontier of two linear additive parties against enumeration.</summary>
public sealed class AdditiveFrontierTests
{
    [Fact]
    public void IssueByIssue_RandomBilateralAdditive_EqualsBruteForce()
    {
        // Heavy weights (summing past 1) make the cap at 1 matter.
        RandomSpaces.AdditiveScenario(2, 2).Sample(scenario =>
        {
            var a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
            var b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
            var frontier = FrontierFinder.IssueByIssue(a, b);
            var (expected, _) = BruteForce.Frontier(BruteForce.Rows(RandomSpaces.Matrix(scenario)));

            Assert.True(frontier.Exact);
            Assert.Equal(expected.Count, frontier.Points.Length);
            Assert.Equal(expected, frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet());
            foreach (var point in frontier.Points)
            {
                Assert.Equal(point.Utilities[0], a.Utility(point.Values.AsSpan()));
                Assert.Equal(point.Utilities[1], b.Utility(point.Values.AsSpan()));
            }
            for (int k = 1; k < frontier.Points.Length; k++) Assert.True(frontier.Points[k - 1].Utilities[0] > frontier.Points[k].Utilities[0]);
        }, iter: 500);
    }

    [Fact]
    public void IssueByIssue_LargerRandomSpaces_EqualsEnumeration()
    {
        Gen.Select(Gen.Int[5, 8], Gen.Int[3, 7], Gen.Int, Gen.Bool).Sample((issues, values, seed, heavy) =>
        {
            var scenario = RandomSpaces.Additive(2, issues, values, seed, heavy);
            var a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
            var b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
            var exact = FrontierFinder.Enumerated(RandomSpaces.Matrix(scenario), scenario.Space);
            var combined = FrontierFinder.IssueByIssue(a, b);
            Assert.Equal(exact.Points.Select(p => BruteForce.Key(p.Utilities)), combined.Points.Select(p => BruteForce.Key(p.Utilities)));
        }, iter: 20);
    }

    [Fact]
    public void IssueByIssue_ManyValuesAndCoarseTies_EqualsBruteForce()
    {
        // Up to 30 values per issue (wide heaps in the merge) on a coarse grid (equal sums across shifted copies).
        Gen.Select(Gen.Int[1, 3], Gen.Int[2, 30], Gen.Int, Gen.Bool).Sample((issues, values, seed, heavy) =>
        {
            var scenario = RandomSpaces.Additive(2, issues, values, seed, heavy);
            var a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
            var b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
            var frontier = FrontierFinder.IssueByIssue(a, b);
            var (expected, _) = BruteForce.Frontier(BruteForce.Rows(RandomSpaces.Matrix(scenario)));

            Assert.Equal(expected.Count, frontier.Points.Length);
            Assert.Equal(expected, frontier.Points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet());
            Assert.Equal(frontier.Points.Length, frontier.PointCount);
            foreach (var point in frontier.Points)
            {
                Assert.Equal(point.Utilities[0], a.Utility(point.Values.AsSpan()));
                Assert.Equal(point.Utilities[1], b.Utility(point.Values.AsSpan()));
            }
        }, iter: 300);
    }

    [Fact]
    public void IssueByIssue_ListedSubset_RebuildsTheSameOutcomesAsTheFullListing()
    {
        var scenario = SyntheticScenarios.Additive(issues: 60, values: 8, seed: 11);
        var a = (LinearAdditiveUtility)scenario.Parties[0].Profile.Utility;
        var b = (LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
        var full = FrontierFinder.IssueByIssue(a, b);
        var some = FrontierFinder.IssueByIssue(a, b, maxPoints: 37);

        Assert.Equal(37, some.Points.Length);
        Assert.Equal(full.PointCount, some.PointCount);
        var byUtilities = full.Points.ToDictionary(p => BruteForce.Key(p.Utilities), p => string.Join(",", p.Values));
        foreach (var point in some.Points) Assert.Equal(byUtilities[BruteForce.Key(point.Utilities)], string.Join(",", point.Values));
    }

    [Fact]
    public void Analyze_HugeAdditiveSpace_UsesIssueByIssueAndStaysConsistent()
    {
        var scenario = SyntheticScenarios.Additive(issues: 30, values: 10, seed: 7);
        var report = ScenarioAnalyzer.Analyze(scenario);

        Assert.Equal(ScenarioAnalyzer.IssueByIssue, report.Method);
        Assert.Equal(System.Numerics.BigInteger.Pow(10, 30), report.OutcomeCount);
        Assert.True(report.Frontier.Exact);
        Assert.Null(report.Frontier.OutcomesOnFrontier);
        var points = report.Frontier.Points;
        Assert.NotEmpty(points);
        for (int k = 1; k < points.Length; k++)
        {
            Assert.True(points[k - 1].Utilities[0] > points[k].Utilities[0]);
            Assert.True(points[k - 1].Utilities[1] < points[k].Utilities[1]);
        }
        foreach (var point in points.Where((_, k) => k % 97 == 0))
            for (int p = 0; p < 2; p++)
                Assert.Equal(point.Utilities[p], scenario.Parties[p].Profile.Utility.Utility(point.Values.AsSpan()));
        Assert.NotNull(report.Nash);
        Assert.NotNull(report.KalaiSmorodinsky);
        Assert.NotNull(report.MaxWelfare);
    }

    [Fact]
    public void Staircase_TiesAndDuplicates_KeepsOneSmallestIndexPerVectorAndCountsTies()
    {
        double[] a = [0.5, 0.5, 1.0, 0.2, 1.0];
        double[] b = [0.5, 0.5, 0.1, 0.9, 0.1];
        var filter = new Staircase();
        filter.FilterUnordered(a, b, [4, 3, 2, 1, 0]);
        Assert.Equal([2L, 0L, 3L], filter.Ids.ToArray());
        Assert.Equal([2L, 2L, 1L], filter.Ties.ToArray());
        Assert.Equal([1.0, 0.5, 0.2], filter.U0.ToArray());
        Assert.Equal([0.1, 0.5, 0.9], filter.U1.ToArray());
    }

    [Fact]
    public void Compute_SingleIssue_IsThatIssuesFrontier()
    {
        var space = new OutcomeSpace([new IntegerIssue("x", 0, 4)]);
        var a = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(0.25, 0, 0, 4)]);
        var b = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(-0.25, 1, 0, 4)]);
        var frontier = AdditiveFrontier.Compute(a, b)!;
        Assert.Equal(5, frontier.Count);
        Assert.Equal([4, 3, 2, 1, 0], Enumerable.Range(0, 5).Select(k => frontier.Values(k)[0]));
    }
    [Fact]
    public void TryIssueByIssue_PurelyOpposedIssues_GivesUpAndAnalyzeSearches()
    {
        // a + b is the same for every outcome, so every outcome with a distinct a is on the frontier.
        var space = new OutcomeSpace(Enumerable.Range(0, 20).Select(i => new IntegerIssue($"i{i}", 0, 9)));
        var weights = Enumerable.Range(0, 20).Select(i => 1.0 / (20 + i * 0.013)).ToArray();
        var a = new LinearAdditiveUtility(space, weights, Enumerable.Range(0, 20).Select(_ => (IssueEvaluator)new LinearIntegerEvaluator(1 / 9.0, 0, 0, 9)));
        var b = new LinearAdditiveUtility(space, weights, Enumerable.Range(0, 20).Select(_ => (IssueEvaluator)new LinearIntegerEvaluator(-1 / 9.0, 1, 0, 9)));

        Assert.Null(FrontierFinder.TryIssueByIssue(a, b, maxCandidates: 100_000));

        var scenario = new Parley.Scenarios.Scenario("opposed", space, [
            new("a", Parley.Scenarios.PartyRole.Principal, new Profile(a, ReservedValueCurve.Zero)),
            new("b", Parley.Scenarios.PartyRole.Principal, new Profile(b, ReservedValueCurve.Zero))]);
        var report = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(SearchEffort: 0.02));
        Assert.Equal(ScenarioAnalyzer.LocalSearch, report.Method);
        Assert.False(report.Frontier.Exact);
    }
}
