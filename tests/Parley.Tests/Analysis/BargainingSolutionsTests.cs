using CsCheck;
using Parley.Analysis;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>Nash, Kalai–Smorodinsky and welfare points against brute force over every outcome.</summary>
public sealed class BargainingSolutionsTests
{
    [Fact]
    public void Analyze_RandomScenarios_NashMaximisesProductOverAllOutcomes()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var rows = BruteForce.Rows(scenario);
            var reserved = Reserved(scenario);
            var report = ScenarioAnalyzer.Analyze(scenario);
            if (BruteForce.BestNashProduct(rows, reserved) is not { } best)
            {
                Assert.Null(report.Nash);
                return;
            }
            Assert.NotNull(report.Nash);
            AssertReaches(scenario, report.Nash);
            Assert.Equal(best, BruteForce.NashProduct(report.Nash.Utilities, reserved)!.Value, 1e-12);
        }, iter: 300);
    }

    [Fact]
    public void Analyze_RandomScenarios_WelfareAndKalaiMatchBruteForce()
    {
        RandomSpaces.AdditiveScenario().Sample(scenario =>
        {
            var rows = BruteForce.Rows(scenario);
            var reserved = Reserved(scenario);
            var report = ScenarioAnalyzer.Analyze(scenario);

            Assert.NotNull(report.MaxWelfare);
            AssertReaches(scenario, report.MaxWelfare);
            Assert.Equal(BruteForce.BestWelfare(rows), BruteForce.Welfare(report.MaxWelfare.Utilities), 1e-12);

            if (BruteForce.BestKalai(rows, reserved) is not { } kalai)
            {
                Assert.Null(report.KalaiSmorodinsky);
                return;
            }
            Assert.NotNull(report.KalaiSmorodinsky);
            AssertReaches(scenario, report.KalaiSmorodinsky);
            Assert.True(BruteForce.IsRational(report.KalaiSmorodinsky.Utilities, reserved));
            Assert.Equal(kalai.Objective, BruteForce.KalaiObjective(report.KalaiSmorodinsky.Utilities, reserved, kalai.Ideal), 1e-12);
        }, iter: 300);
    }

    private static double[] Reserved(Parley.Scenarios.Scenario scenario) =>
        scenario.Parties.Select(p => p.Profile.ReservedValue.At(0)).ToArray();

    /// <summary>The point's outcome really has the point's utilities.</summary>
    private static void AssertReaches(Parley.Scenarios.Scenario scenario, DealPoint point)
    {
        for (int i = 0; i < scenario.Parties.Length; i++)
            Assert.Equal(point.Utilities[i], scenario.Parties[i].Profile.Utility.Utility(point.Values.AsSpan()));
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
