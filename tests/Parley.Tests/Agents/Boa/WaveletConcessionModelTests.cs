using CsCheck;
using Parley.Agents.Boa;

namespace Parley.Tests.Agents.Boa;

/// <summary>
/// The parts of TheFawkes's concession model: a refitted spline (which keeps the previous fit's elimination) gives
/// exactly what a fresh spline gives, and the wavelet transform keeps the energy of a signal (its filters are
/// orthonormal to the precision of their published coefficients).
/// </summary>
public class WaveletConcessionModelTests
{
    [Fact]
    public void Spline_RefittedAsTheFawkesDoes_EqualsAFreshFit()
    {
        var random = new Random(5);
        var reused = new SmoothingCubicSpline();
        foreach (int n in new[] { 2, 3, 5, 9, 10, 40, 41, 7, 120, 121, 3 })
        {
            // TheFawkes's nodes: 0 … n − 1, then a stray (0, 0).
            var x = new double[n + 1];
            var y = new double[n + 1];
            for (int i = 0; i < n; i++) { x[i] = i; y[i] = random.NextDouble(); }
            reused.Fit(x, y, WaveletConcessionModel.Smoothing);
            var fresh = new SmoothingCubicSpline();
            fresh.Fit(x, y, WaveletConcessionModel.Smoothing);
            for (double z = 0; z <= n + 12; z += 0.5)
                Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.Value(z)), BitConverter.DoubleToInt64Bits(reused.Value(z)));
        }
    }

    [Fact]
    public void GrowingTransform_EqualsTheWholeTransform_AfterEveryGrowth()
    {
        var random = new Random(11);
        var growing = new GrowingDaubechiesTransform();
        foreach (int total in new[] { 300, 37, 1030 })
        {
            growing.Reset();
            var signal = new List<double>();
            while (signal.Count < total)
            {
                // As χ grows: one value, sometimes after a run of zeros (indices no offer fell on).
                int zeros = random.Next(4) == 0 ? random.Next(1, 5) : 0;
                for (int z = 0; z < zeros; z++) signal.Add(0);
                signal.Add(random.NextDouble());
                var expected = signal.ToArray();
                DaubechiesWavelet.Forward(expected, new double[expected.Length]);
                var actual = new double[signal.Count];
                growing.Forward(signal.ToArray(), actual);
                for (int k = 0; k < expected.Length; k++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(actual[k]));
            }
        }
    }

    [Fact]
    public void Spline_WithLittleSmoothing_FollowsAStraightLine()
    {
        var spline = new SmoothingCubicSpline();
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        spline.Fit(x, y, 0.999999);
        for (int i = 0; i < x.Length; i++) Assert.Equal(y[i], spline.Value(x[i]), 6);
        Assert.Equal(0.35, spline.Value(2.5), 6);
    }

    [Fact]
    public void Wavelet_KeepsTheSignalsEnergy()
    {
        var random = new Random(3);
        var data = new double[64];
        for (int i = 0; i < data.Length; i++) data[i] = random.NextDouble();
        double before = data.Sum(d => d * d);
        DaubechiesWavelet.Forward(data, new double[data.Length]);
        Assert.InRange(data.Sum(d => d * d) / before, 0.999, 1.001); // the published coefficients have eight digits
    }

    [Fact]
    public void Model_EqualsTheStepForStepPort_AfterEveryOffer()
    {
        // Offers as TheFawkes sees them: one per round of a round deadline (factor = the rounds), or at any time of a
        // time limit (factor = 100 per second, so χ has runs of zeros); utilities that are sometimes 0, 1 or repeated.
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            bool rounds = random.Next(2) == 0;
            double factor = rounds ? random.Next(2, 1200) : 100 * (0.05 + 20 * random.NextDouble());
            var fast = new WaveletConcessionModel(factor);
            var reference = new ReferenceConcessionModel(factor);
            double time = 0, utility = random.NextDouble();
            int offers = random.Next(1, 300);
            for (int k = 0; k < offers && time <= 1; k++)
            {
                if (rounds) time = (k + random.Next(2)) / factor * (random.Next(10) == 0 ? 2 : 1);
                else time += random.NextDouble() * (random.Next(4) == 0 ? 0.02 : 0.004);
                utility = random.Next(6) switch { 0 => 0, 1 => 1, 2 => utility, _ => random.NextDouble() };
                fast.Observe(utility, time);
                reference.Observe(utility, time);
                AssertSame(reference.MaxTimeGap, fast.MaxTimeGap);
                AssertSame(reference.RatioDeviation, fast.RatioDeviation);
                Assert.Equal(reference.Ratio.Length, fast.Ratio.Length);
                for (int i = 0; i < fast.Ratio.Length; i++) AssertSame(reference.Ratio[i], fast.Ratio[i]);
                if (k == 0) continue;
                double window = fast.TimeWindow;
                for (int j = 0; j <= 10; j++) AssertSame(reference.EstimatedUtility(time + j * window), fast.EstimatedUtility(time + j * window));
                for (double z = -1; z <= 3; z += 0.25) AssertSame(reference.Alpha.Value(z), fast.Alpha.Value(z));
            }
        }, iter: 60);
    }

    private static void AssertSame(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));

    [Fact]
    public void Model_TracksTheLargestGapAndTheOldestOfferPerIndex()
    {
        var model = new WaveletConcessionModel(11);
        model.Observe(0.2, 1 / 11.0);
        model.Observe(0.3, 2 / 11.0);
        model.Observe(0.4, 4 / 11.0);
        Assert.Equal(4 / 11.0 - 2 / 11.0, model.MaxTimeGap);
        Assert.Equal(Math.Min(0.1, model.MaxTimeGap), model.TimeWindow);
        Assert.Equal(0.4, model.Chi[4]);
        Assert.Equal(0, model.Chi[3]);
        Assert.InRange(model.EstimatedUtility(0.5), 0, double.PositiveInfinity);
    }
}
