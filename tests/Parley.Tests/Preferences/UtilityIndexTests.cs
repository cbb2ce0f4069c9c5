using Parley.Preferences;
using Parley.Scenarios.Genius;
using Parley.Tests.Testing;

namespace Parley.Tests.Preferences;

public class UtilityIndexTests
{
    [Fact]
    public void Exact_RanksEveryOutcomeAndAnswersLikeBruteForce()
    {
        var s = TestScenarios.Opposed();
        var f = s.Parties[1].Profile.Utility;
        var index = UtilityIndex.For(f);
        Assert.True(index.IsExact);
        Assert.Equal(20, index.Count);
        for (int r = 1; r < index.Count; r++) Assert.True(index.UtilityAt(r - 1) <= index.UtilityAt(r));
        var u = new double[20];
        f.EvaluateAll(u);
        Assert.Equal(u.Max(), index.MaxUtility);
        Assert.Equal(u.Min(), index.MinUtility);
        for (double x = -0.1; x <= 1.1; x += 0.01)
        {
            double atLeast = u.Where(v => v >= x).DefaultIfEmpty(u.Max()).Min();
            Assert.Equal(atLeast, index.Utility(index.AtLeast(x)));
            double closest = u.OrderBy(v => Math.Abs(v - x)).First();
            Assert.Equal(Math.Abs(closest - x), Math.Abs(index.Utility(index.Closest(x)) - x), 12);
        }
        for (int o = 0; o < 20; o++) Assert.Equal(u[o], index.Utility((Parley.Outcomes.Outcome)o));
    }

    [Fact]
    public void For_SameFunction_SameInstance()
    {
        var f = TestScenarios.Opposed().Parties[0].Profile.Utility;
        Assert.Same(UtilityIndex.For(f), UtilityIndex.For(f));
    }

    [Fact]
    public void RandomAtLeast_StaysAboveThreshold()
    {
        var index = UtilityIndex.For(TestScenarios.Opposed().Parties[0].Profile.Utility);
        var random = new Random(3);
        for (int i = 0; i < 100; i++) Assert.True(index.Utility(index.RandomAtLeast(random, 0.7)) >= 0.7);
    }

    [Fact]
    public void Search_Anac2014ThirtyIssues_FindsHighAndMiddleUtilitiesWithoutEnumerating()
    {
        var s = GeniusScenarioReader.ReadFolder(TestPaths.Anac("y2014", "30issues"));
        var f = s.Parties[0].Profile.Utility;
        var index = UtilityIndex.For(f);
        Assert.False(index.IsExact);
        Assert.True(index.Count > 1000);
        Assert.True(index.MaxUtility > 0.7, $"max found {index.MaxUtility}");
        var mid = index.AtLeast(0.5 * index.MaxUtility);
        Assert.True(s.Space.Contains(mid));
        Assert.InRange(ConstraintUtility((HyperRectangleUtility)f, mid), 0.5 * index.MaxUtility, 0.5 * index.MaxUtility + 0.1);
        AssertRanksHoldTrueUtilities(index, (HyperRectangleUtility)f);
    }

    [Fact]
    public void SearchedPool_ConstraintDomain_RanksHoldEachOutcomesTrueUtilityInOrder()
    {
        var f = (HyperRectangleUtility)HugeScenarios.Constraint(issues: 12, rectangles: 40, seed: 7).Parties[0].Profile.Utility;
        var index = UtilityIndex.For(f);
        Assert.Equal(UtilityIndexKind.SearchedPool, index.Kind);
        Assert.True(index.Count > 100, $"{index.Count} outcomes pooled");
        AssertRanksHoldTrueUtilities(index, f);
        var pooled = Enumerable.Range(0, index.Count).Select(r => ConstraintUtility(f, index.OutcomeAt(r))).ToArray();
        for (double x = index.MinUtility - 0.05; x <= index.MaxUtility + 0.05; x += 0.01)
        {
            // AtLeast answers from the pool: the pooled outcome of lowest true utility ≥ x (the best when none is).
            double expected = pooled.Where(u => u >= x).DefaultIfEmpty(pooled.Max()).Min();
            Assert.Equal(expected, ConstraintUtility(f, index.AtLeast(x)), 12);
        }
    }

    /// <summary>Every rank's stored utility is the true utility of the rank's outcome (evaluated here, independently of the
    /// library), and ranks are in non-decreasing utility.</summary>
    private static void AssertRanksHoldTrueUtilities(UtilityIndex index, HyperRectangleUtility f)
    {
        for (int r = 0; r < index.Count; r++)
        {
            Assert.Equal(ConstraintUtility(f, index.OutcomeAt(r)), index.UtilityAt(r), 12);
            if (r > 0) Assert.True(index.UtilityAt(r - 1) <= index.UtilityAt(r), $"ranks {r - 1} and {r} out of order");
        }
    }

    /// <summary>The ANAC 2014 constraint utility written out: Σ utility of the rectangles containing the outcome, divided by
    /// the maximum, capped at 1.</summary>
    private static double ConstraintUtility(HyperRectangleUtility f, Parley.Outcomes.Outcome outcome)
    {
        var values = new int[f.Space.IssueCount];
        f.Space.Decode(outcome, values);
        double sum = f.Rectangles.Where(rect => rect.Bounds.All(b => values[b.Issue] >= b.MinIndex && values[b.Issue] <= b.MaxIndex)).Sum(rect => rect.Utility);
        return Math.Min(1.0, sum / f.MaxUtility);
    }
}

public class UtilityIndexHintTests
{
    [Fact]
    public void RankAtLeastWithHint_AgreesWithBinarySearchForAnyHint()
    {
        var index = UtilityIndex.For(Parley.Scenarios.Genius.GeniusScenarioReader.ReadFolder(TestPaths.Anac("y2010", "EnglandZimbabwe")).Parties[0].Profile.Utility);
        var random = new Random(11);
        for (int i = 0; i < 20_000; i++)
        {
            double x = random.NextDouble() * 1.2 - 0.1;
            if (i % 5 == 0) x = index.UtilityAt(random.Next(index.Count)); // exact ties
            int hint = random.Next(-2, index.Count + 2);
            Assert.Equal(index.RankAtLeast(x), index.RankAtLeast(x, hint));
        }
    }
}
