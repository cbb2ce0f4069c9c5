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
        Assert.Equal(f.Utility(mid), index.Utility(mid));
        Assert.InRange(index.Utility(mid), 0.5 * index.MaxUtility, 0.5 * index.MaxUtility + 0.1);
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
