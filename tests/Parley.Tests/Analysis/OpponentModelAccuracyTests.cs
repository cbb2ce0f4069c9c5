using CsCheck;
using Parley.Analysis;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

public class OpponentModelAccuracyTests
{
    private static readonly double[] Own = [1.0, 0.8, 0.6, 0.4, 0.2, 0.0, 0.5];
    private static readonly double[] Opponent = [0.0, 0.3, 0.5, 0.7, 0.9, 1.0, 0.2];

    [Fact]
    public void Measure_PerfectModel_CorrelatesFullyAndFindsTheFrontier()
    {
        var a = OpponentModelAccuracy.Measure(Opponent, Opponent, Own);
        Assert.Equal(1.0, a.Pearson!.Value, 12);
        Assert.Equal(1.0, a.Kendall!.Value, 12);
        Assert.Equal(0.0, a.ParetoError!.Value, 12);
    }

    [Fact]
    public void Measure_MonotoneButNonlinearModel_KendallOneFrontierExactPearsonBelowOne()
    {
        var squashed = Opponent.Select(u => u * u * u).ToArray();
        var a = OpponentModelAccuracy.Measure(squashed, Opponent, Own);
        Assert.Equal(1.0, a.Kendall!.Value, 12);
        Assert.True(a.Pearson < 1.0);
        Assert.Equal(0.0, a.ParetoError!.Value, 12);
    }

    [Fact]
    public void Measure_ReversedModel_CorrelatesNegativelyAndMissesTheFrontier()
    {
        var reversed = Opponent.Select(u => 1 - u).ToArray();
        var a = OpponentModelAccuracy.Measure(reversed, Opponent, Own);
        Assert.Equal(-1.0, a.Pearson!.Value, 12);
        Assert.Equal(-1.0, a.Kendall!.Value, 12);
        // Estimated frontier: own-best outcome only (the model says the opponent agrees), true point (1, 0); the true
        // frontier is the six points on the line and (0.5, 0.2) is dominated.
        Assert.True(a.ParetoError > 0.1);
    }

    [Fact]
    public void Measure_ConstantModel_HasNoCorrelation()
    {
        var a = OpponentModelAccuracy.Measure(Enumerable.Repeat(0.5, Own.Length).ToArray(), Opponent, Own);
        Assert.Null(a.Pearson);
        Assert.Null(a.Kendall);
        Assert.NotNull(a.ParetoError);
        Assert.Null(OpponentModelAccuracy.Measure(Opponent, Opponent, []).ParetoError);
    }

    [Fact]
    public void KendallTauB_MatchesThePairCountDefinition() =>
        Gen.Int[0, 4].Array[2, 200].SelectMany(x => Gen.Int[0, 4].Array[x.Length].Select(y => (x, y))).Sample(pair =>
        {
            var (x, y) = pair;
            long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
            for (int i = 0; i < x.Length; i++)
                for (int j = i + 1; j < x.Length; j++)
                {
                    int dx = Math.Sign(x[i] - x[j]), dy = Math.Sign(y[i] - y[j]);
                    if (dx == 0) tiesX++;
                    if (dy == 0) tiesY++;
                    if (dx * dy > 0) concordant++;
                    else if (dx * dy < 0) discordant++;
                }
            long pairs = (long)x.Length * (x.Length - 1) / 2;
            double denominator = Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
            double? expected = denominator > 0 ? (concordant - discordant) / denominator : null;
            var actual = OpponentModelAccuracy.KendallTauB(x.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray());
            if (expected is null) Assert.Null(actual);
            else Assert.Equal(expected.Value, actual!.Value, 12);
        });

    [Fact]
    public void Sample_LargeSpace_IsEvenlySpacedAndBounded()
    {
        var space = new Parley.Outcomes.OutcomeSpace(Enumerable.Range(0, 6).Select(i => new Parley.Outcomes.IntegerIssue($"i{i}", 0, 9)));
        var sample = OpponentModelAccuracy.Sample(space);
        Assert.Equal(OpponentModelAccuracy.MaxOutcomes, sample.Length);
        Assert.Equal(sample.Length, sample.Distinct().Count());
        Assert.Equal(0, (long)sample[0].Index);
        Assert.Equal(100, (long)sample[1].Index);
    }

    [Fact]
    public void PearsonOf_MatchesTheTextbookFormula() =>
        Gen.Double[0, 1].Array[2, 40].SelectMany(x => Gen.Double[0, 1].Array[x.Length].Select(y => (x, y))).Sample(pair =>
        {
            var (x, y) = pair;
            int n = x.Length;
            double sx = x.Sum(), sy = y.Sum(), sxy = x.Zip(y, (a, b) => a * b).Sum(), sxx = x.Sum(a => a * a), syy = y.Sum(b => b * b);
            double vx = n * sxx - sx * sx, vy = n * syy - sy * sy;
            if (vx < 1e-6 || vy < 1e-6) return; // (almost) constant: the two formulas round differently
            double expected = (n * sxy - sx * sy) / Math.Sqrt(vx * vy);
            Assert.Equal(expected, OpponentModelAccuracy.PearsonOf(x, y)!.Value, 9);
        });

    [Fact]
    public void PearsonOf_TwoOutcomes_IsPlusOrMinusOne_OneOutcomeOrOverflow_IsNull()
    {
        Assert.Equal(1.0, OpponentModelAccuracy.PearsonOf([0.2, 0.7], [0.1, 0.3])!.Value, 12);
        Assert.Equal(-1.0, OpponentModelAccuracy.PearsonOf([0.2, 0.7], [0.3, 0.1])!.Value, 12);
        Assert.Null(OpponentModelAccuracy.PearsonOf([0.2], [0.1]));
        // Products beyond the double range: no correlation rather than NaN.
        Assert.Null(OpponentModelAccuracy.PearsonOf([0, 1e200, -1e200], [0, 1e200, -1e200]));
    }

    [Fact]
    public void KendallTauB_TwoOutcomes_IsPlusOrMinusOne_NaNOnEitherSide_IsNull()
    {
        Assert.Equal(1.0, OpponentModelAccuracy.KendallTauB([0.2, 0.7], [0.1, 0.3])!.Value, 12);
        Assert.Equal(-1.0, OpponentModelAccuracy.KendallTauB([0.2, 0.7], [0.3, 0.1])!.Value, 12);
        Assert.Null(OpponentModelAccuracy.KendallTauB([0.2], [0.1]));
        Assert.Null(OpponentModelAccuracy.KendallTauB([0.2, double.NaN, 0.5], [0.1, 0.2, 0.3]));
        Assert.Null(OpponentModelAccuracy.KendallTauB([0.2, 0.4, 0.5], [0.1, 0.2, double.NaN]));
    }

    [Fact]
    public void Measure_UtilitiesOfUnequalLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => OpponentModelAccuracy.Measure([0.1, 0.2], [0.1], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => OpponentModelAccuracy.Measure([0.1, 0.2], [0.1, 0.2], [0.1]));
        var noOwn = OpponentModelAccuracy.Measure([0.1, 0.2], [0.3, 0.4], []);
        Assert.Equal(1.0, noOwn.Pearson!.Value, 12);
        Assert.Null(noOwn.ParetoError);
    }

    /// <summary>Brute force: the distinct true points (own, actual) of the outcomes no other outcome dominates under (own, b).</summary>
    private static List<(double, double)> FrontierByDefinition(double[] own, double[] b, double[] actual)
    {
        var kept = new HashSet<(double, double)>();
        for (int i = 0; i < own.Length; i++)
        {
            if (!double.IsFinite(b[i])) continue;
            bool dominated = false;
            for (int j = 0; j < own.Length; j++)
                if (double.IsFinite(b[j]) && BruteForce.Dominates([own[j], b[j]], [own[i], b[i]])) dominated = true;
            if (!dominated) kept.Add((own[i], actual[i]));
        }
        return [.. kept];
    }

    private static double MeanNearest(List<(double A, double B)> from, List<(double A, double B)> to) =>
        from.Average(p => to.Min(q => Math.Sqrt((p.A - q.A) * (p.A - q.A) + (p.B - q.B) * (p.B - q.B))));

    [Fact]
    public void ParetoError_MatchesTheDefinitionByBruteForce() =>
        // Coarse levels make ties in own utility and in either opponent utility common.
        Gen.Int[1, 30].SelectMany(n => Gen.Select(Gen.Int[0, 4].Array[n], Gen.Int[0, 4].Array[n], Gen.Int[0, 4].Array[n])).Sample((own, actual, modelled) =>
        {
            double[] o = [.. own.Select(v => v / 4.0)], a = [.. actual.Select(v => v / 4.0)], m = [.. modelled.Select(v => v / 4.0)];
            var truth = FrontierByDefinition(o, a, a);
            var estimate = FrontierByDefinition(o, m, a);
            double expected = (MeanNearest(truth, estimate) + MeanNearest(estimate, truth)) / 2;
            Assert.Equal(expected, OpponentModelAccuracy.Measure(m, a, o).ParetoError!.Value, 12);
        });

    [Fact]
    public void ParetoError_OutcomesTheModelCannotRate_AreLeftOutOfTheEstimate_NoneRatedIsNull()
    {
        // The model rates outcome 0 (own 1, true 0) NaN: the estimated frontier is outcomes 1..5 at their true points.
        double[] model = [double.NaN, .. Opponent[1..]];
        var truth = FrontierByDefinition(Own, Opponent, Opponent);
        var estimate = FrontierByDefinition(Own, model, Opponent);
        Assert.DoesNotContain((1.0, 0.0), estimate);
        double expected = (MeanNearest(truth, estimate) + MeanNearest(estimate, truth)) / 2;
        Assert.Equal(expected, OpponentModelAccuracy.Measure(model, Opponent, Own).ParetoError!.Value, 12);
        Assert.Null(OpponentModelAccuracy.Measure(Enumerable.Repeat(double.NaN, Own.Length).ToArray(), Opponent, Own).ParetoError);
    }

    [Fact]
    public void FrontierPoints_ByRunsOfOwnUtility_AreTheSortedScansPointsInItsOrder_OrLeaveItTheTie() =>
        // Coarse levels (and the odd NaN) make every kind of tie common.
        Gen.Int[1, 60].SelectMany(n => Gen.Select(Gen.Int[0, 5].Array[n], Gen.Int[0, 4].Array[n], Gen.Int[0, 5].Array[n])).Sample((own, actual, model) =>
        {
            double[] o = [.. own.Select(v => v == 5 ? double.NaN : v / 4.0)], a = [.. actual.Select(v => v / 4.0)], b = [.. model.Select(v => v == 5 ? double.NaN : v / 4.0)];
            var byRuns = OpponentModelAccuracy.FrontierPoints(OpponentModelAccuracy.FiniteDescending(o), o, b, a);
            var bySort = OpponentModelAccuracy.FrontierPointsBySort(o, b, o, a);
            if (byRuns is not null) Assert.Equal(bySort, byRuns);
            Assert.NotNull(OpponentModelAccuracy.FrontierPoints(OpponentModelAccuracy.FiniteDescending(o), o, a, a));
        });

    [Fact]
    public void Reference_MeasuresAsMeasureDoes() =>
        Gen.Int[1, 60].SelectMany(n => Gen.Select(Gen.Int[0, 4].Array[n], Gen.Int[0, 4].Array[n], Gen.Int[0, 5].Array[n])).Sample((own, opponent, model) =>
        {
            double[] o = [.. own.Select(v => v / 4.0)], a = [.. opponent.Select(v => v / 4.0)], m = [.. model.Select(v => v == 5 ? double.NaN : v / 4.0)];
            var reference = OpponentModelReference.Of([], [o, a]);
            Assert.Equal(OpponentModelAccuracy.Measure(m, a, o), reference.Measure(0, 1, m));
            Assert.Equal(OpponentModelAccuracy.Measure(o, o, a), reference.Measure(1, 0, o));
            var three = OpponentModelReference.Of([], [o, a, m]);
            Assert.Equal(OpponentModelAccuracy.Measure(m, a, []), three.Measure(0, 1, m));
        });
}
