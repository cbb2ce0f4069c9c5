using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Boa;

/// <summary>GENIUS's outcome-space lookups on Parley's utility index, checked against brute force over every outcome.</summary>
public class SortedOutcomeSpaceTests
{
    public static TheoryData<string> Scenarios() => new() { "y2011/Grocery", "y2011/Laptop", "y2010/EnglandZimbabwe", "y2011/IS_BT_Acquisition" };

    private static (SortedOutcomeSpace Space, UtilityIndex Index, Outcome[] All) Load(string name)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        var index = UtilityIndex.For(scenario.Parties[0].Profile.Utility);
        var all = Enumerable.Range(0, index.Count).Select(i => new Outcome((UInt128)i)).ToArray();
        return (SortedOutcomeSpace.For(index), index, all);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Positions_AreEveryOutcomeOnceByDescendingUtility(string name)
    {
        var (space, index, all) = Load(name);
        var outcomes = Enumerable.Range(0, space.Count).Select(space.OutcomeAt).ToArray();
        Assert.Equal(all.Length, outcomes.Distinct().Count());
        for (int p = 1; p < space.Count; p++) Assert.True(space.UtilityAt(p - 1) >= space.UtilityAt(p));
        Assert.All(Enumerable.Range(0, space.Count), p => Assert.Equal(index.Utility(space.OutcomeAt(p)), space.UtilityAt(p)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void FirstNearUtility_IsTheLowestIndexAmongTheNearest(string name)
    {
        var (space, index, all) = Load(name);
        for (double x = -0.05; x <= 1.05; x += 0.0137)
        {
            double best = all.Min(o => Math.Abs(index.Utility(o) - x));
            var expected = all.First(o => Math.Abs(index.Utility(o) - x) == best);
            Assert.Equal(expected, space.FirstNearUtility(x));
        }
        Assert.Equal(all.First(o => index.Utility(o) == index.MaxUtility), space.FirstBest);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void NearUtility_UtilityOfAnOutcome_ReturnsAnOutcomeOfThatUtility(string name)
    {
        // GENIUS's bisection does not always find the nearest outcome, but an exact hit is returned at once.
        var (space, index, _) = Load(name);
        for (int p = 0; p < space.Count; p += Math.Max(1, space.Count / 50))
            Assert.Equal(space.UtilityAt(p), index.Utility(space.NearUtility(space.UtilityAt(p))));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void OutcomesStrictlyBetween_IsTheBruteForceFilterInIndexOrder(string name)
    {
        var (space, index, all) = Load(name);
        var found = new List<Outcome>();
        foreach (var (lo, hi) in new[] { (0.5, 0.7), (0.8, 0.8), (0.0, 1.0), (0.9, 1.2) })
        {
            space.OutcomesStrictlyBetween(lo, hi, found);
            Assert.Equal(all.Where(o => index.Utility(o) > lo && index.Utility(o) < hi), found);
        }
    }

    [Fact]
    public void JavaOrder_MatchesJava()
    {
        Assert.Equal(0, JavaOrder.StringHash(""));
        Assert.Equal(99162322, JavaOrder.StringHash("hello")); // "hello".hashCode() in Java
        // java.util.HashMap of "b", "a", "c" iterates a (hash 97, bucket 1), b (98, 2), c (99, 3).
        Assert.Equal([1, 0, 2], JavaOrder.HashMapPositions(["b", "a", "c"]));
        // "Aa" and "BB" share the hash 2112: same bucket, insertion order.
        Assert.Equal([0, 1], JavaOrder.HashMapPositions(["BB", "Aa"]));
    }
}
