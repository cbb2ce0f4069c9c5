using System.Collections.Immutable;
using System.Text;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Tests.Testing;
using Parley.Tournaments;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;

namespace Parley.Tests.Tournaments;

/// <summary>
/// What a tournament measures and reports, on fixtures that can tell a right figure from a wrong one (issue 20 §7):
/// agreements off the frontier, unequal agreement rates, failures with reserved values, Nash distances, rotated seats,
/// and the seed of each negotiation. Expected figures come from brute force over the outcomes (<see cref="BruteForce"/>)
/// or by hand, never from the code under test.
/// </summary>
public class TournamentMeasureTests
{
    /// <summary>Opposed (20 outcomes) with reserved value <paramref name="reserved"/> for both parties.</summary>
    private static PreparedTournament Tournament(Scenario scenario, Func<object> a, Func<object> b, bool rotate = true, int seed = 7) =>
        new(new TournamentSpec
        {
            Name = "measure", File = "measure.yaml", Text = "", Seed = seed,
            Negotiators = [new NegotiatorSpec { Name = "a", BuiltIn = "scripted" }, new NegotiatorSpec { Name = "b", BuiltIn = "scripted" }],
            Scenarios = [new ScenarioEntry(scenario.Name, scenario.Name + ".yaml")],
            Protocol = new ProtocolSettings { Name = "sao", Rounds = 10 },
            Repetitions = 1, RotateRoles = rotate, SelfPlay = false, Isolation = IsolationMode.Threads, HangGrace = TimeSpan.FromSeconds(5),
        }, [scenario], [a, b]);

    /// <summary>A negotiator that always offers <paramref name="offer"/> and accepts whatever it is offered.</summary>
    private static Func<object> Yielding(Outcome offer) => () => new ScriptedNegotiator("yielding", _ => offer, (_, _) => SaoResponse.Accept);

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    [Fact]
    public void Execute_AgreementOffTheFrontier_DistanceIsToTheNearestFrontierPoint_InEveryRotation()
    {
        var s = TestScenarios.Opposed();
        var rows = BruteForce.Rows(s);
        // Price low and delivery high: party 0 weighs price more, party 1 delivery, so the reverse dominates it.
        var offer = TestScenarios.At(s, 0, 4);
        var u = BruteForce.Vector(rows, (int)offer.Index);
        var frontier = BruteForce.FrontierOutcomes(rows);
        Assert.DoesNotContain((int)offer.Index, frontier);
        double expected = frontier.Min(o => Distance(u, BruteForce.Vector(rows, o)));
        Assert.True(expected > 0.05, $"the fixture's agreement is only {expected} from the frontier");

        var t = Tournament(s, Yielding(offer), Yielding(offer));
        Assert.Equal(4, t.Count); // two seatings × two rotations
        for (int i = 0; i < t.Count; i++)
        {
            var record = NegotiationExecutor.Execute(t, i);
            Assert.Equal(NegotiationStatus.Agreed, record.Status);
            Assert.Equal(expected, record.DistanceToPareto!.Value, 12);
        }
    }

    [Fact]
    public void Execute_DistanceToNash_IsToTheBruteForceNashPoint()
    {
        var s = TestScenarios.Opposed();
        var rows = BruteForce.Rows(s);
        double best = BruteForce.BestNashProduct(rows, [0.0, 0.0])!.Value;
        var nashPoints = Enumerable.Range(0, 20).Select(o => BruteForce.Vector(rows, o))
            .Where(v => Math.Abs(BruteForce.NashProduct(v, [0.0, 0.0])!.Value - best) < 1e-12).ToList();
        var offer = TestScenarios.At(s, 0, 4);
        var u = BruteForce.Vector(rows, (int)offer.Index);
        var t = Tournament(s, Yielding(offer), Yielding(offer));
        for (int i = 0; i < t.Count; i++)
        {
            var record = NegotiationExecutor.Execute(t, i);
            Assert.NotNull(record.DistanceToNash);
            Assert.True(record.DistanceToNash!.Value > 0.05);
            Assert.Contains(nashPoints, p => Math.Abs(Distance(u, p) - record.DistanceToNash.Value) < 1e-12);
        }
    }

    [Fact]
    public void Execute_AgreementOnTheFrontier_DistanceZero()
    {
        var s = TestScenarios.Opposed();
        var rows = BruteForce.Rows(s);
        var onFrontier = new Outcome((UInt128)BruteForce.FrontierOutcomes(rows)[0]);
        var record = NegotiationExecutor.Execute(Tournament(s, Yielding(onFrontier), Yielding(onFrontier)), 0);
        Assert.Equal(0.0, record.DistanceToPareto!.Value, 12);
    }

    [Fact]
    public void Failed_EverySeatGetsItsReservedValue_WelfareIsTheirSum()
    {
        var s = TestScenarios.Opposed(reserved: 0.25, discount: 0.5);
        var t = Tournament(s, Yielding(new Outcome(0)), Yielding(new Outcome(0)));
        var record = NegotiationExecutor.Failed(t, t[0], "Crashed", 1, "worker died", time: 1.0);
        Assert.Equal(NegotiationStatus.Failed, record.Status);
        Assert.Equal([0.25, 0.25], record.UndiscountedUtilities.ToArray());
        Assert.Equal([0.125, 0.125], record.Utilities.ToArray());
        Assert.Equal(0.25, record.Welfare, 12);
        Assert.Equal((1, "Crashed", "worker died"), (record.FailureSeat!.Value, record.FailureKind!, record.FailureReason!));
        // Measured like any other record: (0.25, 0.25) lies inside the frontier.
        Assert.True(record.DistanceToPareto > 0.1);
    }

    [Fact]
    public void Failed_UnequalReservedValues_WelfareIsTheSumNotTheLargest()
    {
        var s = TestScenarios.Opposed();
        s = s with { Parties = s.Parties.SetItem(1, s.Parties[1] with { Profile = s.Parties[1].Profile with { ReservedValue = Parley.Preferences.ReservedValueCurve.Constant(0.3) } }) };
        var t = Tournament(s, Yielding(new Outcome(0)), Yielding(new Outcome(0)), rotate: false);
        var record = NegotiationExecutor.Failed(t, t[0], "Exception", 0, "boom");
        Assert.Equal([0.0, 0.3], record.Utilities.ToArray());
        Assert.Equal(0.3, record.Welfare, 12);
        var both = s with { Parties = s.Parties.SetItem(0, s.Parties[0] with { Profile = s.Parties[0].Profile with { ReservedValue = Parley.Preferences.ReservedValueCurve.Constant(0.2) } }) };
        var t2 = Tournament(both, Yielding(new Outcome(0)), Yielding(new Outcome(0)), rotate: false);
        Assert.Equal(0.5, NegotiationExecutor.Failed(t2, t2[0], "Exception", 0, "boom").Welfare, 12);
    }

    [Fact]
    public void CanRotate_OnlyWithoutChannelsAndWithoutEvents()
    {
        var plain = TestScenarios.Opposed(3);
        var channels = plain with { Channels = new CommunicationGraph(3, [new Channel(0, 2), new Channel(1, 2)]) };
        var events = plain with { Timeline = new Timeline([new Milestone(0.5, "halfway")]) };
        var both = channels with { Timeline = events.Timeline };
        Assert.True(PreparedTournament.CanRotate(plain));
        Assert.False(PreparedTournament.CanRotate(channels));
        Assert.False(PreparedTournament.CanRotate(events));
        Assert.False(PreparedTournament.CanRotate(both));
    }

    [Fact]
    public void Plan_ScenarioWithEvents_RunsInItsOwnSeatingOnly()
    {
        var s = TestScenarios.Opposed() with { Timeline = new Timeline([new Milestone(0.5, "halfway")]) };
        var t = Tournament(s, Yielding(new Outcome(0)), Yielding(new Outcome(0)));
        Assert.Equal(2, t.Count);
        Assert.All(Enumerable.Range(0, t.Count), i => Assert.Equal(0, t[i].Rotation));
    }

    /// <summary>FNV-1a 64 over the UTF-8 text, seeded by XOR with the tournament seed, then the SplitMix64 finaliser: written from the definition.</summary>
    private static int ReferenceMix(int seed, string text)
    {
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        ulong h = offset ^ (ulong)(uint)seed;
        foreach (byte b in Encoding.UTF8.GetBytes(text)) h = unchecked((h ^ b) * prime);
        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        h ^= h >> 31;
        return (int)(h & int.MaxValue);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(11, "Laptop\nboulware\nconceder\n0\n1")]
    [InlineData(-5, "ÉÅ négociation\n")]
    [InlineData(int.MaxValue, "x")]
    public void SeedMixer_MatchesItsDefinition(int seed, string text) => Assert.Equal(ReferenceMix(seed, text), SeedMixer.Mix(seed, text));

    [Fact]
    public void SeedMixer_KnownValues_StableAcrossVersions()
    {
        // Frozen: stored tournaments are resumed with these seeds; a change here changes every rerun.
        Assert.Equal(ReferenceMix(11, "Laptop\nboulware\nconceder\n0\n1"), SeedMixer.Mix(11, "Laptop\nboulware\nconceder\n0\n1"));
        Assert.Equal(KnownSeed, SeedMixer.Mix(11, "Laptop\nboulware\nconceder\n0\n1"));
    }

    private const int KnownSeed = 538677281;

    [Fact]
    public void Plan_SeedOfEachNegotiation_MixesScenarioNegotiatorsRotationAndRepetition()
    {
        var s = TestScenarios.Opposed();
        var t = Tournament(s, Yielding(new Outcome(0)), Yielding(new Outcome(0)), seed: 42);
        for (int i = 0; i < t.Count; i++)
        {
            var p = t[i];
            string text = $"{s.Name}\n{string.Join("", p.Seats.Select(k => (k == 0 ? "a" : "b") + "\n"))}{p.Rotation}\n{p.Repetition}";
            Assert.Equal(ReferenceMix(42, text), p.Seed);
        }
        Assert.Equal(t.Count, Enumerable.Range(0, t.Count).Select(i => t[i].Seed).Distinct().Count());
    }

    private static StoredResult Result(int index, int scenario, NegotiationStatus status, double? pareto, double? nash, params (int Negotiator, double Utility)[] seats) =>
        new(index, scenario, status, seats.Sum(x => x.Utility), pareto, nash, status == NegotiationStatus.Failed ? "Exception" : null,
            status == NegotiationStatus.Failed ? 1 : null, status == NegotiationStatus.Failed ? "boom" : null, seats);

    [Fact]
    public void Report_UnequalRatesOffFrontierAndFailures_HandComputedFigures()
    {
        // A agrees in 3 of its 4 negotiations, B in 3 of 5, C in 0 of 1; distances differ by negotiation; one failure, by C.
        var results = new StoredResults(["A", "B", "C"], ["S1", "S2"],
        [
            Result(0, 0, NegotiationStatus.Agreed, 0.1, 0.3, (0, 0.9), (1, 0.5)),
            Result(1, 0, NegotiationStatus.Agreed, 0.0, 0.2, (1, 0.6), (0, 0.7)),
            Result(2, 1, NegotiationStatus.Agreed, 0.4, 0.5, (0, 0.8), (1, 0.4)),
            Result(3, 1, NegotiationStatus.Deadline, 0.6, 0.7, (0, 0.2), (1, 0.1)),
            Result(4, 1, NegotiationStatus.Failed, null, null, (1, 0.3), (2, 0.2)),
        ]);
        var report = TournamentReport.Build(new StoredTournament(1, "t", "f", "", 6, 5), results);
        var a = report.Leaderboard.Single(r => r.Name == "A");
        var b = report.Leaderboard.Single(r => r.Name == "B");
        var c = report.Leaderboard.Single(r => r.Name == "C");
        Assert.Equal(0.75, a.AgreementRate, 12);
        Assert.Equal(0.6, b.AgreementRate, 12);
        Assert.Equal(0.0, c.AgreementRate, 12);
        Assert.Equal((0.1 + 0.0 + 0.4 + 0.6) / 4, a.MeanDistanceToPareto!.Value, 12);
        Assert.Equal((0.1 + 0.0 + 0.4 + 0.6) / 4, b.MeanDistanceToPareto!.Value, 12); // the failure has no distance
        Assert.Null(c.MeanDistanceToPareto);
        Assert.Equal((0.3 + 0.2 + 0.5 + 0.7) / 4, a.MeanDistanceToNash!.Value, 12);
        Assert.Null(c.MeanDistanceToNash);
        Assert.Equal((1.4 + 1.3 + 1.2 + 0.3) / 4, a.MeanWelfare, 12);
        Assert.Equal((1.4 + 1.3 + 1.2 + 0.3 + 0.5) / 5, b.MeanWelfare, 12);
        Assert.Equal(0.5, c.MeanWelfare, 12);
        Assert.Equal((0, 0, 1), (a.Failures, b.Failures, c.Failures));
        Assert.Equal(["A", "B", "C"], report.Leaderboard.Select(r => r.Name));

        var s1 = report.Scenarios[0];
        var s2 = report.Scenarios[1];
        Assert.Equal((2, 1.0, 0), (s1.Negotiations, s1.AgreementRate, s1.Failures));
        Assert.Equal((3, 1.0 / 3, 1), (s2.Negotiations, s2.AgreementRate, s2.Failures));
        Assert.Equal((1.4 + 1.3) / 2, s1.MeanWelfare, 12);
        Assert.Equal((1.2 + 0.3 + 0.5) / 3, s2.MeanWelfare, 12);
        Assert.Equal(0.05, s1.MeanDistanceToPareto!.Value, 12);
        Assert.Equal(0.5, s2.MeanDistanceToPareto!.Value, 12);
        Assert.Equal(0.25, s1.MeanDistanceToNash!.Value, 12);
        Assert.Equal(0.6, s2.MeanDistanceToNash!.Value, 12);
        Assert.Equal("A", s2.Best);
        Assert.Equal(3, s2.MeanUtilities.Count);
        Assert.Equal(0.5, s2.MeanUtilities[0], 12);
        Assert.Equal((0.4 + 0.1 + 0.3) / 3, s2.MeanUtilities[1], 12);
        Assert.Equal(0.2, s2.MeanUtilities[2], 12);
        Assert.Equal("boom", report.FailureSamples.Single().Reason);
    }
}
