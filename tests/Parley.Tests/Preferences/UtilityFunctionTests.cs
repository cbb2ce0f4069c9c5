using System.Collections.Immutable;
using CsCheck;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Tests.Preferences;

public class UtilityFunctionTests
{
    private static readonly OutcomeSpace Space = new([
        new DiscreteIssue("colour", ["red", "green", "blue"]),
        new IntegerIssue("days", 10, 14),
    ]);

    [Fact]
    public void DiscreteEvaluator_DividesByLargestEvaluation_NotMinMax()
    {
        var e = new DiscreteEvaluator([2, 4, 8]);
        Assert.Equal(0.25, e.Score(Space.Issues[0], 0));
        Assert.Equal(1.0, e.Score(Space.Issues[0], 2));
        Assert.Equal(0.0, new DiscreteEvaluator([0, 0, 0.000001]).Score(Space.Issues[0], 2));
    }

    [Fact]
    public void LinearIntegerEvaluator_UsesProfileBoundsAndClamps()
    {
        var e = new LinearIntegerEvaluator(Slope: 0.5, Offset: -0.25, LowerBound: 10, UpperBound: 14);
        Assert.Equal(0.0, e.Score(Space.Issues[1], 0));
        Assert.Equal(0.25, e.Score(Space.Issues[1], 1));
        Assert.Equal(1.0, e.Score(Space.Issues[1], 4));
    }

    [Fact]
    public void LinearAdditive_WeightsNotRescaled_AndCappedAtOne()
    {
        var u = new LinearAdditiveUtility(Space, [0.8, 0.8], [new DiscreteEvaluator([1, 2, 4]), new LinearIntegerEvaluator(0.25, 0, 10, 14)]);
        Assert.Equal(0.8 * 0.25 + 0.8 * 0.5, u.Utility([0, 2]), 15);
        Assert.Equal(1.0, u.Utility([2, 4]));
        Assert.Equal(1.6, u.WeightSum, 12);
    }

    [Fact]
    public void EvaluateAll_EqualsPointwiseUtility_OnRandomAdditiveSpaces() =>
        Gen.Int[1, 6].Array[1, 5].SelectMany(r => Gen.Double[0, 1].Array[r.Sum() + r.Length].Select(x => (r, x))).Sample(t =>
        {
            var (radices, random) = t;
            var space = new OutcomeSpace(radices.Select((n, i) => new DiscreteIssue($"i{i}", Enumerable.Range(0, n).Select(v => $"v{v}").ToArray())));
            int k = 0;
            var weights = radices.Select(_ => random[k++]).ToArray();
            var evaluators = radices.Select(n => (IssueEvaluator)new DiscreteEvaluator(Enumerable.Range(0, n).Select(_ => random[k++]).ToArray())).ToArray();
            var u = new LinearAdditiveUtility(space, weights, evaluators);
            var all = new double[space.Count];
            u.EvaluateAll(all);
            var values = new int[radices.Length];
            for (long o = 0; o < space.Count; o++)
            {
                space.Decode(o, values);
                Assert.Equal(u.Utility(values), all[o], 14);
            }
        });

    [Fact]
    public void HyperRectangle_SumsContainingRectanglesOverMaxUtility_Capped()
    {
        var space = new OutcomeSpace([new IntegerIssue("a", 0, 9), new IntegerIssue("b", 0, 9)]);
        var u = new HyperRectangleUtility(space, [
            new HyperRectangle([new IssueBound(0, 2, 5)], 30),
            new HyperRectangle([new IssueBound(0, 0, 3), new IssueBound(1, 7, 9)], 50),
        ], maxUtility: 60);
        Assert.Equal(0.0, u.Utility([9, 9]));
        Assert.Equal(0.5, u.Utility([4, 0]));
        Assert.Equal(50.0 / 60, u.Utility([1, 8]), 15);
        Assert.Equal(1.0, u.Utility([3, 8]));
        var all = new double[100];
        u.EvaluateAll(all);
        Assert.Equal(u.Utility([3, 8]), all[3 + 10 * 8]);
    }

    [Fact]
    public void Profile_DiscountsUtilityAndReservedValueAsGenius()
    {
        var u = new LinearAdditiveUtility(Space, [1, 0], [new DiscreteEvaluator([1, 1, 1]), new LinearIntegerEvaluator(0, 0, 10, 14)]);
        var p = new Profile(u, ReservedValueCurve.Constant(0.4), DiscountFactor: 0.5);
        Assert.Equal(0.8 * Math.Pow(0.5, 0.5), p.Discount(0.8, 0.5), 15);
        Assert.Equal(0.4 * 0.5, p.ReservedAt(1.0), 15);
        Assert.Equal(0.4 * 0.5, p.ReservedAt(7.0), 15);
        Assert.Equal(1.0, Profile.NormaliseDiscount(0));
        Assert.Equal(1.0, Profile.NormaliseDiscount(1.5));
    }

    [Fact]
    public void ReservedValueCurve_IsPiecewiseLinearAndFlatOutside()
    {
        var c = new ReservedValueCurve([new(0.2, 0.5), new(0.6, 0.3), new(1.0, 0.7)]);
        Assert.Equal(0.5, c.At(0));
        Assert.Equal(0.4, c.At(0.4), 12);
        Assert.Equal(0.5, c.At(0.8), 12);
        Assert.Equal(0.7, c.At(1));
        Assert.False(c.IsConstant);
        Assert.Throws<ArgumentException>(() => new ReservedValueCurve(ImmutableArray<ReservedValuePoint>.Empty));
    }
}
