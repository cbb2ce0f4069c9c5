using CsCheck;
using Parley.Analysis;

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
        Gen.Int[0, 4].Array[2, 40].SelectMany(x => Gen.Int[0, 4].Array[x.Length].Select(y => (x, y))).Sample(pair =>
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
}
