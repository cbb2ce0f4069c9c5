using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Voters;
using Parley.Analysis;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.SingleText;
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
    [Theory]
    [InlineData("hillclimber", 0.68, 0.065)]
    [InlineData("nash", 0.55, 0.055)]
    [InlineData("staked", 0.63, 0.045)]
    public void Mediator_BilateralAnac_AgreesOnTheFrontier(string mediator, double minAgreementRate, double p90Bound) =>
        AnacQuality.AssertOnTheFrontier(output, mediator, (scenario, seed) => NamedNegotiation.Run(scenario, "single-text", ["boulware-classic", "conceder-classic"], [mediator], seed, rounds: 100),
            minAgreementRate, p90Bound);

    /// <summary>
    /// The comparison with NegMAS's single-text mechanisms (issue 7): voters that know what NegMAS's know (their utility
    /// and reserved value: <see cref="SincereVoter"/>), 100 rounds, seeds 0–2. Measured: 144/147 agreements, median 0,
    /// 90th percentile 0.082; the bounds leave a small margin.
    /// </summary>
    [Fact]
    public void Logrolling_SincereVotersBilateralAnac_MedianOnTheFrontier() =>
        AnacQuality.AssertOnTheFrontier(output, "logrolling, sincere voters", RunSincere, 0.93, 0.09);

    /// <summary>The three-party y2015 Dinner scenario (1,200 outcomes), seeds 0–19: NegMAS's veto mechanism reaches a median distance of 0.06 with three parties.</summary>
    [Fact]
    public void Logrolling_SincereVotersThreePartyDinner_MedianWithinNegMAS()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2015", "group2-dinner"));
        Assert.Equal(3, scenario.Parties.Length);
        var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(0));
        var distances = new List<double>();
        for (int seed = 0; seed < 20; seed++)
        {
            var r = RunSincere(scenario, seed);
            Assert.True(r.HasAgreement, $"seed {seed}: {r.Status}");
            distances.Add(NegotiationQuality.Measure(r, analysis.Frontier, analysis.Nash).DistanceToPareto);
        }
        distances.Sort();
        output.WriteLine($"dinner: median distance {distances[10]:0.0000}, worst {distances[^1]:0.0000}");
        Assert.InRange(distances[10], 0.0, 0.06);
    }

    private static NegotiationResult RunSincere(Scenario scenario, int seed) =>
        Negotiation.Run(scenario, [.. scenario.Parties.Select(_ => (IVoter)new SincereVoter())], [new LogrollingMediator()],
            new SingleTextOptions { Rounds = 100, Seed = seed });
}
