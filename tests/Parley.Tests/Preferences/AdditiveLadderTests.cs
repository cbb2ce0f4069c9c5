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
