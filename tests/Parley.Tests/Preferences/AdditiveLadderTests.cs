using CsCheck;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Tests.Preferences;

public class AdditiveLadderTests
{
    /// <summary>A random additive utility with continuous scores (no grid), weights possibly summing past 1.</summary>
    private static LinearAdditiveUtility RandomUtility(int issues, int maxValues, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", Enumerable.Range(0, rng.Next(1, maxValues + 1)).Select(v => $"v{v}").ToArray())));
        var weights = Enumerable.Range(0, issues).Select(_ => rng.NextDouble() * 2.0 / issues).ToArray();
        var evaluators = space.Issues.Select(issue => (IssueEvaluator)new DiscreteEvaluator(
            Enumerable.Range(0, issue.ValueCount).Select(_ => rng.NextDouble()).ToArray())).ToArray();
        return new LinearAdditiveUtility(space, weights, evaluators);
    }

    /// <summary>Every achievable utility, by walking the whole (small) space independently of the library's evaluation.</summary>
    private static List<double> AllUtilities(LinearAdditiveUtility f)
    {
        var space = f.Space;
        var all = new List<double>();
        var values = new int[space.IssueCount];
        while (true)
        {
            double sum = 0;
            for (int i = 0; i < values.Length; i++) sum += f.Weights[i] * f.Evaluators[i].Score(space.Issues[i], values[i]);
            all.Add(Math.Min(1.0, sum));
            int k = 0;
            for (; k < values.Length; k++)
            {
                if (++values[k] < space.Radices[k]) break;
                values[k] = 0;
            }
            if (k == values.Length) return all;
        }
    }

    [Fact]
    public void Build_AnyGrid_EveryAchievableUtilityHasALadderOutcomeWithinTheResolution()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 7], Gen.Int, Gen.Int[16, 4096]).Sample((issues, values, seed, cells) =>
        {
            var f = RandomUtility(issues, values, seed);
            var ladder = AdditiveLadder.Build(f, cells);
            for (int r = 0; r < ladder.Outcomes.Length; r++)
            {
                Assert.True(f.Space.Contains(ladder.Outcomes[r]));
                Assert.Equal(f.Utility(ladder.Outcomes[r]), ladder.Utilities[r]);
                if (r > 0) Assert.True(ladder.Utilities[r - 1] <= ladder.Utilities[r]);
            }
            var sorted = ladder.Utilities;
            foreach (double u in AllUtilities(f))
            {
                int at = Array.BinarySearch(sorted, u);
                if (at < 0) at = ~at;
                double nearest = double.PositiveInfinity;
                if (at < sorted.Length) nearest = Math.Min(nearest, Math.Abs(sorted[at] - u));
                if (at > 0) nearest = Math.Min(nearest, Math.Abs(sorted[at - 1] - u));
                Assert.True(nearest <= ladder.Resolution + 1e-12, $"utility {u} is {nearest} from the ladder; resolution {ladder.Resolution}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Build_FineGridOnASmallSpace_HoldsEveryDistinctUtility()
    {
        var f = RandomUtility(4, 5, 42);
        var ladder = AdditiveLadder.Build(f);
        var distinct = AllUtilities(f).Distinct().Order().ToArray();
        // Random continuous scores on four issues: cells of 2^-18 of the range separate every distinct sum.
        Assert.Equal(distinct.Length, ladder.Utilities.Length);
        for (int i = 0; i < distinct.Length; i++) Assert.Equal(distinct[i], ladder.Utilities[i], 12);
    }

    [Fact]
    public void Build_ConstantUtility_IsOneOutcome()
    {
        var space = new OutcomeSpace([new DiscreteIssue("a", ["x", "y"]), new DiscreteIssue("b", ["p", "q", "r"])]);
        var f = new LinearAdditiveUtility(space, [0.5, 0.5], [new DiscreteEvaluator([1.0, 1.0]), new DiscreteEvaluator([0.2, 0.2, 0.2])]);
        var ladder = AdditiveLadder.Build(f);
        Assert.Single(ladder.Outcomes);
        Assert.Equal(f.Utility(space.Encode([1, 2])), ladder.Utilities[0]);
        Assert.Equal(0, ladder.Resolution);
    }
}

public class WideIssueTests
{
    /// <summary>A price issue of <paramref name="max"/> + 1 values, rising for the seller, with a small discrete issue beside it.</summary>
    private static LinearAdditiveUtility Seller(long max)
    {
        var space = new OutcomeSpace([new IntegerIssue("price", 0, max), new DiscreteIssue("extras", ["none", "some", "all"])]);
        return new LinearAdditiveUtility(space, [0.8, 0.2],
            [new LinearIntegerEvaluator(1.0 / max, 0, 0, max), new DiscreteEvaluator([0.2, 0.5, 1.0])]);
    }

    [Fact]
    public void WideLinearIssue_IsScoredOnTheFly_WithTheSameUtilities()
    {
        var f = Seller(300_000_000);
        Assert.False(f.IsTabulated(0));
        Assert.True(f.IsTabulated(1));
        Assert.Equal(0.8 * (123_456_789 / 300_000_000.0) + 0.2 * 0.5, f.Utility([123_456_789, 1]), 12);
        Assert.Equal((0.0, 0.8), f.ScoreRange(0));
    }

    [Fact]
    public void Ladder_WideLinearIssue_CoversEveryUtilityWithinTheResolution()
    {
        var f = Seller(3_000_000);
        Assert.False(f.IsTabulated(0));
        var ladder = AdditiveLadder.Build(f, 4096);
        Assert.True(ladder.Resolution <= 3.0 / 4096);
        var sorted = ladder.Utilities;
        for (int r = 1; r < sorted.Length; r++) Assert.True(sorted[r - 1] <= sorted[r]);
        for (long price = 0; price <= 3_000_000; price += 997)
        {
            for (int extra = 0; extra < 3; extra++)
            {
                double u = Math.Min(1.0, 0.8 * price / 3_000_000.0 + 0.2 * new[] { 0.2, 0.5, 1.0 }[extra]);
                int at = Array.BinarySearch(sorted, u);
                if (at < 0) at = ~at;
                double nearest = Math.Min(at < sorted.Length ? Math.Abs(sorted[at] - u) : double.MaxValue, at > 0 ? Math.Abs(sorted[at - 1] - u) : double.MaxValue);
                Assert.True(nearest <= ladder.Resolution, $"{u}: {nearest} > {ladder.Resolution}");
            }
        }
        foreach (var o in ladder.Outcomes) Assert.True(f.Space.Contains(o));
    }
}
