using Parley.Agents;
using Xunit.Abstractions;

namespace Parley.Tests.Protocols;

/// <summary>
/// How close the bridging mediator brings shuttle principals to the Pareto frontier on the shared bilateral ANAC
/// scenarios (200 rounds, seeds 0–2, 147 negotiations per pair). Measured: Boulware–Conceder 134/147 agreements, median 0,
/// 90th percentile 0.077, worst 0.20; least-important-first pair 128/147, median 0, p90 0.071; linear pair 137/147,
/// median 0.018, p90 0.128. The bounds leave a small margin, so a change that makes the mediator worse is seen.
/// </summary>
public class ShuttleQualityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("boulware", "conceder", 0.88, 0.085, 0.0)]
    [InlineData("leastimportantfirst", "leastimportantfirst", 0.84, 0.08, 0.0)]
    [InlineData("linear", "linear", 0.9, 0.14, 0.025)]
    public void Bridging_BilateralAnac_AgreementsNearTheFrontier(string first, string second, double minAgreementRate, double p90Bound, double medianBound) =>
        AnacQuality.AssertOnTheFrontier(output, $"bridging, {first}–{second}",
            (scenario, seed) => NamedNegotiation.Run(scenario, "shuttle", [first, second], ["bridging"], seed, rounds: 200),
            minAgreementRate, p90Bound, medianBound);
}
