using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Analysis;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Tests.Testing;
using Xunit.Abstractions;

namespace Parley.Tests.Agents;

public class NashSeekingMediatorTests(ITestOutputHelper output)
{
    private static NegotiationResult Run(Scenario scenario, string mediator, int seed, int rounds = 100) =>
        NamedNegotiation.Run(scenario, "single-text", ["boulware-classic", "conceder-classic"], [mediator], seed, rounds: rounds);

    private static List<string> Proposals(NegotiationResult r, int count) =>
        r.Transcript.Where(e => e.Action == NegotiationAction.Propose).Take(count).Select(e => $"{e.Outcome}").ToList();

    [Fact]
    public void SmallScenario_ProposalsDifferFromHillClimberInTheFirstRounds()
    {
        var s = TestScenarios.Opposed();
        for (int seed = 0; seed < 5; seed++)
        {
            var hill = Proposals(Run(s, "hillclimber", seed), 6);
            var nash = Proposals(Run(s, "nash", seed), 6);
            // Both start from the same seeded text; the Nash seeker's first change already follows the objections.
            // Opposed has two issues, so the shuffled order and the directed one can meet on the first change.
            Assert.Equal(hill[0], nash[0]);
            int first = Enumerable.Range(0, hill.Count).FirstOrDefault(i => hill[i] != nash[i], -1);
            output.WriteLine($"seed {seed}: first difference at proposal {first}");
            Assert.InRange(first, 1, 2); // measured: the third text (index 2) for seeds 0-4
        }
    }

    /// <summary>
    /// Every bilateral ANAC scenario of the shared set up to 400,000 outcomes (49; the 2014 nonlinear ones excepted),
    /// Boulware and Conceder voters, 100 rounds, seeds 0–4: the Nash seeker's agreements are on average closer to the
    /// Nash point's utilities than the hill climber's. Measured: over each mediator's agreements, hill climber 170/245
    /// agreements at mean distance 0.1539, Nash seeker 130/245 at 0.1303; over the 117 runs where both agree, 0.1526
    /// against 0.1290 (the Nash seeker closer in 52, farther in 41). Seeds 3–7 gave 0.1666 against 0.1417 and 0.1502
    /// against 0.1277. The Nash seeker agrees less often (it keeps moving the text toward whoever rejects it).
    /// </summary>
    [Fact]
    public void AnacBilateral_AgreementsCloserToNashThanHillClimber()
    {
        double hillSum = 0, nashSum = 0;
        int hillCount = 0, nashCount = 0, pairs = 0, closer = 0, farther = 0;
        double pairH = 0, pairN = 0;
        foreach (var scenario in TestPaths.AllAnacScenarios().Where(f => !f.StartsWith("y2014", StringComparison.Ordinal))
                     .Select(f => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, f)))
                     .Where(sc => sc.Parties.Length == 2 && sc.Space.IsEnumerable && sc.Space.Count <= 400_000))
        {
            var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(0));
            double h = 0, n = 0; int hc = 0, nc = 0;
            for (int seed = 0; seed < 5; seed++)
            {
                var hr = Run(scenario, "hillclimber", seed);
                if (hr.HasAgreement) { h += NegotiationQuality.Measure(hr, analysis.Frontier, analysis.Nash).DistanceToNash!.Value; hc++; }
                var nr = Run(scenario, "nash", seed);
                if (nr.HasAgreement) { n += NegotiationQuality.Measure(nr, analysis.Frontier, analysis.Nash).DistanceToNash!.Value; nc++; }
                if (hr.HasAgreement && nr.HasAgreement)
                {
                    double dh = NegotiationQuality.Measure(hr, analysis.Frontier, analysis.Nash).DistanceToNash!.Value;
                    double dn = NegotiationQuality.Measure(nr, analysis.Frontier, analysis.Nash).DistanceToNash!.Value;
                    pairs++; pairH += dh; pairN += dn; if (dn < dh - 1e-9) closer++; else if (dn > dh + 1e-9) farther++;
                }
            }
            output.WriteLine($"{scenario.Name}: hill {hc} {(hc > 0 ? h / hc : double.NaN):0.000}  nash {nc} {(nc > 0 ? n / nc : double.NaN):0.000}");
            hillSum += h; nashSum += n; hillCount += hc; nashCount += nc;
        }
        output.WriteLine($"all: hill {hillCount} {hillSum / hillCount:0.0000}  nash {nashCount} {nashSum / nashCount:0.0000}");
        output.WriteLine($"paired {pairs}: hill {pairH / pairs:0.0000} nash {pairN / pairs:0.0000} closer {closer} farther {farther}");
        Assert.True(nashSum / nashCount < hillSum / hillCount, "mean over each mediator's agreements");
        Assert.True(pairN < pairH, "mean over the runs where both agree");
    }

    [Fact]
    public void SteadyState_AllocatesOnlyTheHistoryIndexBeyondTheHillClimber()
    {
        var s = TestScenarios.Opposed();
        long Growth(string mediator)
        {
            long Allocated(int rounds)
            {
                NamedNegotiation.Run(s, "single-text", ["hardliner"], [mediator], 1, rounds: rounds); // warm up
                long before = GC.GetAllocatedBytesForCurrentThread();
                var r = NamedNegotiation.Run(s, "single-text", ["hardliner"], [mediator], 1, rounds: rounds);
                long after = GC.GetAllocatedBytesForCurrentThread();
                Assert.Equal(NegotiationStatus.Deadline, r.Status);
                return after - before;
            }
            return Allocated(1000) - Allocated(100);
        }
        long hill = Growth("hillclimber"), nash = Growth("nash");
        output.WriteLine($"900 more rounds allocate: hill climber {hill} B, Nash seeker {nash} B");
        // The Nash seeker reads the objections from its view of the history, whose index of visible entries (4 bytes per
        // entry, 4 entries a round here, in doubling arrays) grows with the transcript; the hill climber never reads it.
        // Measured: 758,936 B against 787,680 B (32 B a round more). Nothing else may grow with the rounds.
        Assert.InRange(nash, 0, hill + 900 * 4 * sizeof(int) * 2 + 1024);
    }
}
