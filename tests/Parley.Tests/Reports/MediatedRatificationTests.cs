using Parley.Agents;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Reports;

/// <summary>
/// Issue 18 §5: where the model has a zone that passes the ratifiers, the report's mediators can find it. The mediated
/// protocols ask the ratifiers each time every principal's negotiators accept; a refusal is announced with the issues the
/// ratifier objects to and the mediators move the text toward that side.
/// </summary>
public class MediatedRatificationTests
{
    // P's cabinet cares only about X and needs X ≥ 6 (0.111·X ≥ 0.6); Q wants X low and Y = a. Between the negotiators
    // (reserved 0.3 each) most packages are acceptable; the cabinet and Q accept only X = 6..9 with Y = a, or X = 6..8 with
    // Y = b (P needs 0.3 too): a small ratified zone inside a large one. The mediator M (stake 0.5) wants X low and Y = b.
    private const string Yaml = """
        name: small ratified zone
        issues:
          - {name: X, type: integer, min: 0, max: 9}
          - {name: Y, type: discrete, values: [a, b, c]}
        parties:
          - name: P
            reservedValue: 0.3
            utility:
              weights: {X: 0.6, Y: 0.4}
              issues:
                X: {slope: 0.111, offset: 0}
                Y: {values: {a: 0, b: 0.5, c: 1}}
            ratifier:
              name: cabinet
              source: test
              reservedValue: 0.6
              utility:
                weights: {X: 1, Y: 0}
                issues:
                  X: {slope: 0.111, offset: 0}
                  Y: {values: {a: 1, b: 1, c: 1}}
          - name: Q
            reservedValue: 0.3
            utility:
              weights: {X: 0.5, Y: 0.5}
              issues:
                X: {slope: -0.111, offset: 1}
                Y: {values: {a: 1, b: 0.5, c: 0}}
          - name: M
            role: mediator
            stake: 0.5
            reservedValue: 0.2
            utility:
              weights: {X: 0.5, Y: 0.5}
              issues:
                X: {slope: -0.111, offset: 1}
                Y: {values: {a: 0, b: 1, c: 0.5}}
        """;

    private static Scenario Small() => YamlScenarioReader.Read("small.yaml", Yaml);

    [Fact]
    public void SmallScenario_TheRatifiedZoneIsSmallerThanTheNegotiatorsZone()
    {
        var report = ReportBuilder.Build(Small(), new ReportOptions(MediatedRuns: false));
        Assert.True(report.Zone.Size > report.Ratification!.RatifiedZoneSize);
        Assert.True(report.Ratification.RatifiedZoneSize > 0);
        Assert.True(report.Ratification.RejectedByRatifiers > 0);
    }

    /// <summary>
    /// Every run of the report's comparison on the small scenario. Measured over seeds 0–9 (200 rounds, conceder voters):
    /// ratified agreements for the staked mediator in 8, the Nash seeker in 7, the hill climber in 3 (it reacts only to a
    /// ratifier's refusal, not to a text one side keeps rejecting), shuttle with bridging in 10 of 10 with either kind of
    /// principal; with seeds 3 and 9 every mediator reaches one. Every agreement passes the cabinet and both principals.
    /// </summary>
    [Fact]
    public void SmallScenario_EveryMediatorOfTheComparison_ReachesARatifiedAgreement()
    {
        var s = Small();
        var agreed = new Dictionary<string, int>();
        for (int seed = 0; seed < 10; seed++)
        {
            var runs = MediatedRuns.Run(s, seed);
            foreach (var run in runs.Where(r => r.Protocol != "sao"))
            {
                string key = run.Seating;
                agreed[key] = agreed.GetValueOrDefault(key) + (run.Agreement is null ? 0 : 1);
                if (run.Agreement is not { } agreement) continue;
                var values = agreement.AsSpan();
                Assert.True(s.Ratifies(0, values, run.EndTime), $"{run.Seating}: the agreement must pass the cabinet");
                Assert.True(s.Accepts(0, values, run.EndTime) && s.Accepts(1, values, run.EndTime));
            }
            if (seed == 3) Assert.All(runs, r => Assert.True(r.Agreement is not null, $"seed 3, {r.Seating}: {r.Outcome}"));
        }
        Assert.Equal(5, agreed.Count);
        Assert.All(agreed, kv => Assert.True(kv.Value >= 3, $"{kv.Key}: {kv.Value} of 10"));
        Assert.True(agreed.Single(kv => kv.Key.EndsWith("nash", StringComparison.Ordinal)).Value >= 6);
    }

    [Fact]
    public void SmallScenario_ARefusalIsAnnounced_WithTheRatifiersObjections_AndTheTalksGoOn()
    {
        var s = Small();
        foreach (var (protocol, negotiator, mediator) in new[] { ("single-text", "conceder-classic", "hillclimber"), ("shuttle", "conceder", "bridging") })
        {
            var r = NamedNegotiation.Run(s, protocol, [negotiator, negotiator], [mediator], seed: 0, rounds: 200);
            var refusals = r.Transcript.Where(e => e.Action == NegotiationAction.Reject && e.Entry.Note is { } n && n.StartsWith("ratification: cabinet", StringComparison.Ordinal)).ToList();
            if (refusals.Count == 0) continue; // the negotiators reached a ratified text straight away
            Assert.All(refusals, e => Assert.Equal(1UL, e.Entry.Issues & 1UL)); // X, the only issue the cabinet cares about
            Assert.Contains(r.Transcript, e => e.Step > refusals[0].Step && e.Action is NegotiationAction.Propose or NegotiationAction.Offer or NegotiationAction.Relay);
        }
    }

    [Fact]
    public void SmallScenario_TheSameSeedGivesTheSameRuns()
    {
        var a = MediatedRuns.Run(Small(), 5);
        var b = MediatedRuns.Run(Small(), 5);
        Assert.Equal(a.Select(r => (r.Outcome, r.Rounds, r.Agreement is { } x ? string.Join(",", x) : "")), b.Select(r => (r.Outcome, r.Rounds, r.Agreement is { } x ? string.Join(",", x) : "")));
    }

    /// <summary>
    /// Cairo from 7 May 2024 on has 4,088 ratified packages in a zone of 199,198. Measured with the report's runs (whole arc,
    /// 200 rounds): seeds 1 and 2 give the Nash-seeking single-text mediator a ratified agreement (rounds 192 and 141);
    /// the test pins seed 2.
    /// </summary>
    [Fact]
    public void Cairo_AMediatorReachesARatifiedAgreement_AfterTheRatifiedZoneOpens()
    {
        var s = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        var runs = MediatedRuns.Run(s, 2, [new MediatedRuns.Spec("single-text", ["conceder-classic"], ["nash"])]);
        var run = Assert.Single(runs);
        Assert.True(run.Agreement is not null, run.Note);
        var values = run.Agreement!.Value.AsSpan();
        int israel = s.Parties.IndexOf(s.Parties.Single(p => p.Name == "Israel"));
        Assert.True(s.Ratifies(israel, values, run.EndTime));
        Assert.True(s.Timeline.DateOf(run.EndTime) >= new DateOnly(2024, 5, 7));
        var report = ReportBuilder.Build(s, new ReportOptions(new DateOnly(2024, 5, 7), MediatedRuns: false)) with { MediatedRuns = runs };
        Assert.NotNull(RunComparison.DistanceToNash(report, run));
        Assert.Contains("Agreement in round", RunComparison.Summary(report, run), StringComparison.Ordinal);
    }
    /// <summary>
    /// Issue 18 §5: the hill climber (the scenario's mediators seated with their stakes) moves a text that splits the
    /// principals toward the side that rejects it, as the staked and Nash-seeking mediators do, and the shuttle's
    /// principals never again accept or offer a package no better for them than one their ratifier refused (and concede
    /// the issues it objected to last). Measured with seeds 0–9 (whole arc, 200 rounds): the hill climber reaches a
    /// ratified agreement in all ten, the shuttle with conceder principals in five (seeds 0, 1, 2, 4, 6), with
    /// least-important-first principals in three (seeds 3, 4, 5); the test pins seed 2, and seed 4 for the latter.
    /// </summary>
    [Fact]
    public void Cairo_TheHillClimberAndTheShuttle_ReachARatifiedAgreement_AfterTheRatifiedZoneOpens()
    {
        var s = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        int israel = s.Parties.IndexOf(s.Parties.Single(p => p.Name == "Israel"));
        var runs = MediatedRuns.Run(s, 2, [new MediatedRuns.Spec("single-text", ["conceder-classic"], ["hillclimber"]), new MediatedRuns.Spec("shuttle", ["conceder"], ["bridging"])])
            .AddRange(MediatedRuns.Run(s, 4, [new MediatedRuns.Spec("shuttle", ["leastimportantfirst"], ["bridging"])]));
        Assert.Equal(3, runs.Length);
        foreach (var run in runs)
        {
            Assert.True(run.Agreement is not null, run.Note);
            var values = run.Agreement!.Value.AsSpan();
            Assert.True(s.Ratifies(israel, values, run.EndTime));
            foreach (var p in s.Principals) Assert.False(p.Profile.RedLines.Crosses(values), p.Name);
            Assert.True(s.Timeline.DateOf(run.EndTime) >= new DateOnly(2024, 5, 7));
        }
        // The shuttle's agreement came after the cabinet had turned down at least one package both sides committed to.
        Assert.NotEmpty(runs[1].Refusals);
        Assert.NotEmpty(runs[2].Refusals);
    }
}
