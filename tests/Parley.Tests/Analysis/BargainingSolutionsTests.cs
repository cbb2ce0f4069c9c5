using CsCheck;
using Parley.Analysis;

namespace Parley.Tests.Analysis;

/// <summary>Nash, Kalai–Smorodinsky and welfare points against brute force over every outcome.</summary>
public sealed class BargainingSolutionsTests
{
    [Fact]
    public void Analyze_RandomScenarios_NashMaximisesProductOverAllOutcomes()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var rows = BruteForce.Rows(RandomSpaces.Matrix(scenario));
            var report = ScenarioAnalyzer.Analyze(scenario);
            var r = report.ReservedValues.AsSpan();
            double best = 0;
            for (int o = 0; o < rows[0].Length; o++)
                if (BargainingSolutions.NashProduct(BruteForce.Vector(rows, o), r) is { } product) best = Math.Max(best, product);

            if (best == 0)
            {
                Assert.Null(report.Nash);
                return;
            }
            Assert.NotNull(report.Nash);
            Assert.Equal(best, BargainingSolutions.NashProduct(report.Nash.Utilities.AsSpan(), r)!.Value, 1e-12);
        }, iter: 300);
    }

    [Fact]
    public void Analyze_RandomScenarios_WelfareAndKalaiMatchBruteForce()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var rows = BruteForce.Rows(RandomSpaces.Matrix(scenario));
            var report = ScenarioAnalyzer.Analyze(scenario);
            var r = report.ReservedValues.ToArray();
            var all = Enumerable.Range(0, rows[0].Length)
                .Select(o => new DealPoint([.. BruteForce.Vector(rows, o)], []))
                .ToArray();

            double welfare = all.Max(p => BargainingSolutions.Welfare(p.Utilities.AsSpan()));
            Assert.Equal(welfare, BargainingSolutions.Welfare(report.MaxWelfare!.Utilities.AsSpan()), 1e-12);

            var rational = all.Where(p => BargainingSolutions.NashProduct(p.Utilities.AsSpan(), r) is not null).ToArray();
            if (rational.Length == 0)
            {
                Assert.Null(report.KalaiSmorodinsky);
                return;
            }
            var ideal = BargainingSolutions.Ideal(all, r)!;
            double ks = rational.Max(p => BargainingSolutions.KalaiSmorodinskyObjective(p.Utilities.AsSpan(), r, ideal));
            Assert.Equal(ks, BargainingSolutions.KalaiSmorodinskyObjective(report.KalaiSmorodinsky!.Utilities.AsSpan(), r, ideal), 1e-12);
        }, iter: 300);
    }

    [Fact]
    public void Nash_NoGainForSomeParty_IsNull()
    {
        DealPoint[] points = [new([1.0, 0.5], []), new([0.5, 1.0], [])];
        Assert.Null(BargainingSolutions.Nash(points, [0.5, 1.0]));
        Assert.Null(BargainingSolutions.Nash(points, [0.9, 0.9]));
    }

    [Fact]
    public void KalaiSmorodinsky_SymmetricPoints_PicksTheBalancedOne()
    {
        DealPoint[] points = [new([1.0, 0.0], []), new([0.6, 0.6], []), new([0.0, 1.0], [])];
        Assert.Equal([0.6, 0.6], BargainingSolutions.KalaiSmorodinsky(points, [0.0, 0.0])!.Utilities.ToArray());
    }

    [Fact]
    public void MaxWelfare_NoPoints_IsNull()
    {
        Assert.Null(BargainingSolutions.MaxWelfare([]));
    }
}
