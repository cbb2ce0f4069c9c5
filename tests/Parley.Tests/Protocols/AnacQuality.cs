using Parley.Analysis;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Xunit.Abstractions;

namespace Parley.Tests.Protocols;

/// <summary>How far a protocol's agreements lie from the Pareto frontier on the shared bilateral ANAC scenarios.</summary>
internal static class AnacQuality
{
    // The 2014 folders are nonlinear 10^10–10^30 spaces without an exact frontier to measure against.
    public static IEnumerable<Scenario> BilateralAnac() =>
        TestPaths.AllAnacScenarios().Where(f => !f.StartsWith("y2014", StringComparison.Ordinal))
            .Select(f => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, f)))
            .Where(s => s.Parties.Length == 2 && s.Space.IsEnumerable && s.Space.Count <= 400_000);

    /// <summary>
    /// Runs <paramref name="run"/> on every bilateral ANAC scenario with seeds 0–2 and asserts the agreement rate, the
    /// median distance to the exact frontier (at most <paramref name="medianBound"/>) and its 90th percentile; every
    /// agreement at distance 0 is also checked against a brute-force scan of the space (dominated by no outcome).
    /// </summary>
    public static void AssertOnTheFrontier(ITestOutputHelper output, string what, Func<Scenario, int, NegotiationResult> run,
        double minAgreementRate, double p90Bound, double medianBound = 0)
    {
        var distances = new List<double>();
        int runs = 0, undominated = 0;
        foreach (var scenario in BilateralAnac())
        {
            var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(0));
            for (int seed = 0; seed < 3; seed++)
            {
                var r = run(scenario, seed);
                runs++;
                Assert.Null(r.Failure);
                if (!r.HasAgreement) continue;
                double d = NegotiationQuality.Measure(r, analysis.Frontier, analysis.Nash).DistanceToPareto;
                distances.Add(d);
                if (d == 0 && !Dominated(scenario, r.AgreementValues.ToArray())) undominated++;
            }
        }
        distances.Sort();
        double median = distances[distances.Count / 2], p90 = distances[(int)(distances.Count * 0.9)];
        output.WriteLine($"{what}: {distances.Count}/{runs} agreements, median distance {median:0.0000}, p90 {p90:0.0000}, worst {distances[^1]:0.0000}");
        Assert.True(distances.Count >= minAgreementRate * runs, $"{distances.Count}/{runs} agreements");
        if (medianBound == 0) Assert.Equal(0.0, median, 9);
        else Assert.InRange(median, 0.0, medianBound);
        Assert.InRange(p90, 0.0, p90Bound);
        Assert.Equal(distances.Count(d => d == 0), undominated);
    }

    private static bool Dominated(Scenario scenario, int[] deal)
    {
        var space = scenario.Space;
        var u0 = scenario.Parties[0].Profile.Utility;
        var u1 = scenario.Parties[1].Profile.Utility;
        double a = u0.Utility(deal), b = u1.Utility(deal);
        var values = new int[space.IssueCount];
        for (long o = 0; o < space.Count; o++)
        {
            double x = u0.Utility(values), y = u1.Utility(values);
            if (x >= a && y >= b && (x > a || y > b)) return true;
            for (int i = 0; i < values.Length; i++)
            {
                if (++values[i] < space.Radices[i]) break;
                values[i] = 0;
            }
        }
        return false;
    }
}
