using System.Globalization;
using Parley.Agents.Boa;

namespace Parley.Tests.Agents.Boa;

/// <summary>
/// The Gaussian-process regression (Matérn 3/2 + noise, Bayesian Monte Carlo over the hyperparameters) against gp4j
/// itself: <c>genius/GaussianProcessGoldenRecorder.java</c> ran GENIUS's gp4j (IAMhaggler2011's priors and covariance)
/// on four data sets of 1, 4, 12 and 35 points at the slot centres (i + 0.5)/36 and recorded the mixture's mean and
/// variance at t = 0, 0.01, …, 1 (<c>genius/gaussianprocess.csv</c>).
/// </summary>
public class GaussianProcessRegressionTests
{
    private static readonly double[][] Sets =
    [
        [0.31],
        [0.31, 0.35, 0.36, 0.42],
        [0.2, 0.22, 0.21, 0.25, 0.3, 0.28, 0.33, 0.35, 0.4, 0.38, 0.45, 0.5],
        [0.6, 0.6, 0.61, 0.6, 0.62, 0.63, 0.63, 0.65, 0.64, 0.66, 0.7, 0.69, 0.71, 0.72, 0.74, 0.73, 0.75, 0.78, 0.8, 0.79, 0.81, 0.83, 0.82, 0.85, 0.86, 0.88, 0.87, 0.9, 0.9, 0.91, 0.92, 0.93, 0.95, 0.94, 0.96],
    ];

    private static GaussianProcessRegression Regression(int gridSize) => new(
        new HyperparameterPrior(11, 0.252, 0.5), new HyperparameterPrior(11, 0.166, 0.5), new HyperparameterPrior(1, 0.01, 1.0),
        [.. Enumerable.Range(0, gridSize).Select(i => (i + 0.5) / 36)], [.. Enumerable.Range(0, 101).Select(i => i / 100.0)]);

    [Theory]
    [InlineData(36)] // the data on a prefix of a larger grid (IAMhaggler's use)
    [InlineData(0)]  // the grid is exactly the data's inputs
    public void Predict_MeanAndVarianceAsGp4j(int gridSize)
    {
        var golden = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Tests", "Agents", "Boa", "genius", "gaussianprocess.csv"))
            .Skip(1).Select(l => l.Split(',')).GroupBy(f => int.Parse(f[0], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(Sets.Length, golden.Count);
        for (int s = 0; s < Sets.Length; s++)
        {
            var regression = Regression(gridSize == 0 ? Sets[s].Length : gridSize);
            Assert.Equal(121, regression.SampleCount);
            var workspace = regression.CreateWorkspace();
            regression.Fit(Sets[s], workspace);
            Assert.Equal(1.0, workspace.Weights.Sum(), 12);
            var mean = new double[101];
            var variance = new double[101];
            regression.Predict(workspace, 0, mean, variance);
            foreach (var f in golden[s])
            {
                int j = int.Parse(f[1], CultureInfo.InvariantCulture);
                double m = double.Parse(f[2], CultureInfo.InvariantCulture), v = double.Parse(f[3], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(mean[j] - m) <= 1e-9, $"set {s}, t = {j / 100.0}: mean {mean[j]}, gp4j {m}");
                Assert.True(Math.Abs(variance[j] - v) <= 1e-9 * Math.Max(1, Math.Abs(v)), $"set {s}, t = {j / 100.0}: variance {variance[j]}, gp4j {v}");
            }
        }
    }

    [Fact]
    public void Predict_FromLaterTestPoint_MatchesTheFullPrediction()
    {
        var regression = Regression(36);
        var workspace = regression.CreateWorkspace();
        regression.Fit(Sets[2], workspace);
        var fullMean = new double[101];
        var fullVariance = new double[101];
        regression.Predict(workspace, 0, fullMean, fullVariance);
        var mean = new double[101];
        var variance = new double[101];
        regression.Predict(workspace, 40, mean, variance);
        Assert.All(Enumerable.Range(0, 40), j => Assert.Equal(0.0, mean[j]));
        Assert.Equal(fullMean[40..], mean[40..]);
        Assert.Equal(fullVariance[40..], variance[40..]);
    }
}

/// <summary>The tabulated error function against Math.NET's.</summary>
public class ErrorFunctionTests
{
    [Fact]
    public void Erf_WithinOneInTenToTheEleven_ClampedBeyondSix()
    {
        for (double x = -7; x <= 7; x += 0.000737)
            Assert.True(Math.Abs(ErrorFunction.Erf(x) - MathNet.Numerics.SpecialFunctions.Erf(x)) < 1e-11, $"erf({x})");
        Assert.Equal(1.0, ErrorFunction.Erf(6.0));
        Assert.Equal(-1.0, ErrorFunction.Erf(double.NegativeInfinity));
        Assert.True(double.IsNaN(ErrorFunction.Erf(double.NaN)));
    }
}

/// <summary>The batched error function against the scalar one, bit for bit.</summary>
public class ErrorFunctionBatchTests
{
    [Fact]
    public void ErfOfSpan_EqualsScalarErfBitForBit()
    {
        var random = new Random(7);
        var x = new double[10_003];
        for (int i = 0; i < x.Length; i++) x[i] = (random.NextDouble() - 0.5) * 16;
        x[5] = 6.0; x[6] = -6.0; x[7] = double.NaN; x[8] = double.PositiveInfinity; x[9] = -5.999999; x[10] = 0; x[11] = -0.0;
        var batch = new double[x.Length];
        ErrorFunction.Erf(x, batch);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(ErrorFunction.Erf(x[i])), BitConverter.DoubleToInt64Bits(batch[i]));
    }
}

/// <summary>The back substitution four samples per vector against the one-sample-at-a-time path, bit for bit.</summary>
public class GaussianProcessBackSubstitutionTests
{
    [Fact]
    public void FitByFours_EqualsFitPerSample_BitForBit()
    {
        var regression = new GaussianProcessRegression(
            new HyperparameterPrior(11, 0.252, 0.5), new HyperparameterPrior(11, 0.166, 0.5), new HyperparameterPrior(1, 0.01, 1.0),
            [.. Enumerable.Range(0, 36).Select(i => (i + 0.5) / 36)], [.. Enumerable.Range(0, 101).Select(i => i / 100.0)]);
        var byFours = regression.CreateWorkspace();
        var perSample = regression.CreateWorkspace();
        var random = new Random(5);
        for (int set = 0; set < 6; set++)
        {
            double level = random.NextDouble(), slope = random.NextDouble() * 0.02 - 0.005, noise = random.NextDouble() * 0.1;
            var y = Enumerable.Range(0, 36).Select(i => level + slope * i + noise * (random.NextDouble() - 0.5)).ToArray();
            for (int k = 1; k <= 36; k++) // growing data, as IAMhaggler2011 fits it (k ≥ 9 takes Dot's vector path)
            {
                try { regression.Fit(y.AsSpan(0, k), byFours, byFours: true); }
                catch (NotSupportedException) { return; } // this machine's Vector.Sum order differs: only the per-sample path runs
                regression.Fit(y.AsSpan(0, k), perSample, byFours: false);
                var m1 = new double[101]; var v1 = new double[101]; var m2 = new double[101]; var v2 = new double[101];
                regression.Predict(byFours, k * 100 / 36, m1, v1);
                regression.Predict(perSample, k * 100 / 36, m2, v2);
                Assert.Equal(perSample.Weights.Select(BitConverter.DoubleToInt64Bits), byFours.Weights.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(m2.Select(BitConverter.DoubleToInt64Bits), m1.Select(BitConverter.DoubleToInt64Bits));
                Assert.Equal(v2.Select(BitConverter.DoubleToInt64Bits), v1.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }
}
