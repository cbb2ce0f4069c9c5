using Parley.Analysis;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Xunit.Abstractions;

namespace Parley.Tests.Protocols;

/// <summary>
/// How close the single-text mediators bring the principals to the Pareto frontier on the shared ANAC scenarios
/// (Boulware and Conceder voters, 100 rounds as in NegMAS's 100-step comparison, seeds 0–2). The bounds are the measured
/// values with a small margin, so a change that makes the mediators worse is seen.
/// </summary>
public class SingleTextQualityTests(ITestOutputHelper output)
{
    // The 2014 folders are nonlinear 10^10–10^30 spaces without an exact frontier to measure against.
    private static IEnumerable<Scenario> BilateralAnac() =>
        TestPaths.AllAnacScenarios().Where(f => !f.StartsWith("y2014", StringComparison.Ordinal))
            .Select(f => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, f)))
            .Where(s => s.Parties.Length == 2 && s.Space.IsEnumerable && s.Space.Count <= 400_000);

    [Theory]
    [InlineData("hillclimber", 0.68, 0.065)]
    [InlineData("nash", 0.50, 0.03)]
    [InlineData("staked", 0.63, 0.045)]
    public void Mediator_BilateralAnac_AgreesOnTheFrontier(string mediator, double minAgreementRate, double p90Bound)
    {
        var distances = new List<double>();
        int runs = 0, undominated = 0;
        foreach (var scenario in BilateralAnac())
        {
            var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(0));
            for (int seed = 0; seed < 3; seed++)
            {
                var r = Negotiation.Run(scenario, "single-text", ["boulware", "conceder"], [mediator], seed, rounds: 100);
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
        output.WriteLine($"{mediator}: {distances.Count}/{runs} agreements, median distance {median:0.0000}, p90 {p90:0.0000}");
        Assert.True(distances.Count >= minAgreementRate * runs, $"{distances.Count}/{runs} agreements");
        Assert.Equal(0.0, median, 9);
        Assert.InRange(p90, 0.0, p90Bound);
        // Independent of the analyser: every agreement at distance 0 is dominated by no outcome of the space.
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
