using CsCheck;
using Parley.Preferences;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Tests.Analysis;

namespace Parley.Tests.Reports;

/// <summary>The report's zone computations against brute force on small random scenarios.</summary>
public class ReportBuilderTests
{
    private static Scenario WithRedLinesAndEvent(Scenario scenario, int seed)
    {
        var rng = new Random(seed);
        var parties = scenario.Parties.Select(p =>
        {
            int issue = rng.Next(scenario.Space.IssueCount);
            var lines = rng.Next(2) == 0 ? RedLines.None : new RedLines([RedLine.OnValue(issue, rng.Next(scenario.Space.Issues[issue].ValueCount))]);
            return p with { Profile = p.Profile with { RedLines = lines } };
        }).ToArray();
        return scenario with
        {
            Parties = [.. parties],
            Timeline = new Timeline([new ReservedValueChange(0.5, "drop", 0, -0.2), new IssueValueWithdrawn(0.7, "gone", 0, 0)]),
        };
    }

    /// <summary>Independent oracle: decode every outcome, check red lines, availability and reserved values directly.</summary>
    private static (long Size, double Gap, double NashProduct) BruteZone(Scenario s, double t, int relaxed = -1)
    {
        var space = s.Space;
        var values = new int[space.IssueCount];
        long size = 0;
        double gap = double.NegativeInfinity, nash = double.NegativeInfinity;
        var principals = Enumerable.Range(0, s.Parties.Length).Where(p => s.Parties[p].Role == PartyRole.Principal).ToArray();
        for (long o = 0; o < space.Count; o++)
        {
            space.Decode(o, values);
            if (relaxed >= 0 && values[relaxed] != FirstAvailable(s, relaxed, t)) continue;
            bool withdrawn = s.Timeline.Events.OfType<IssueValueWithdrawn>().Any(w => w.Time <= t && values[w.Issue] == w.Value);
            bool crosses = principals.Any(p => s.Parties[p].Profile.RedLines.Lines.Any(l => l.Issue != relaxed && values[l.Issue] >= l.FirstValue && values[l.Issue] <= l.LastValue));
            if (withdrawn || crosses) continue;
            double min = double.PositiveInfinity, product = 1;
            foreach (int p in principals)
            {
                double u = relaxed < 0 ? s.Parties[p].Profile.Utility.Utility(values) : BestOver(s, p, values, relaxed, t);
                double r = s.Parties[p].Profile.ReservedValue.At(t) + s.Timeline.Events.OfType<ReservedValueChange>().Where(c => c.Party == p && c.Time <= t).Sum(c => c.Change);
                min = Math.Min(min, u - r);
                product *= u - r;
            }
            gap = Math.Max(gap, min);
            if (min < -1e-12) continue; // a tie with the reserved value counts, within the documented 1e-12 (docs/report.md)
            size++;
            nash = Math.Max(nash, product);
        }
        return (size, gap, nash);
    }

    private static int FirstAvailable(Scenario s, int issue, double t) =>
        Enumerable.Range(0, s.Space.Issues[issue].ValueCount).First(v => !s.Timeline.Events.OfType<IssueValueWithdrawn>().Any(w => w.Time <= t && w.Issue == issue && w.Value == v));

    private static double BestOver(Scenario s, int p, int[] values, int issue, double t)
    {
        var copy = (int[])values.Clone();
        double best = double.NegativeInfinity;
        for (int v = 0; v < s.Space.Issues[issue].ValueCount; v++)
        {
            if (s.Timeline.Events.OfType<IssueValueWithdrawn>().Any(w => w.Time <= t && w.Issue == issue && w.Value == v)) continue;
            copy[issue] = v;
            best = Math.Max(best, s.Parties[p].Profile.Utility.Utility(copy));
        }
        return best;
    }

    [Fact]
    public void Build_RandomScenarios_ZoneSizeGapAndStickingPointsMatchBruteForce()
    {
        Gen.Select(RandomSpaces.AdditiveScenario(2, 3), Gen.Int, Gen.Double[0, 1]).Sample((scenario, seed, t) =>
        {
            var s = WithRedLinesAndEvent(scenario, seed);
            if (s.Timeline.Events.OfType<IssueValueWithdrawn>().Any(w => w.Time <= t) && s.Space.Issues[0].ValueCount == 1) return;
            var report = ReportBuilder.Build(s, new ReportOptions(Time: t, MediatedRuns: false));
            var (size, gap, nashProduct) = BruteZone(s, t);
            Assert.Equal(size, (long)report.Zone.Size);
            if (double.IsFinite(gap)) Assert.Equal(gap, report.Zone.Gap, 9);
            Assert.Equal(size > 0, report.Zone.Nash is not null);
            foreach (var point in report.StickingPoints)
            {
                var (relaxedSize, relaxedGap, _) = BruteZone(s, t, point.Issue);
                Assert.Equal(relaxedSize, (long)point.SizeIfRelaxed);
                Assert.Equal(relaxedGap, point.GapIfRelaxed, 9);
            }
            for (int k = 1; k < report.StickingPoints.Length; k++) Assert.True(report.StickingPoints[k - 1].GapClosed >= report.StickingPoints[k].GapClosed);
            if (report.Zone.Nash is { } nash)
            {
                // Nash maximises the product of gains over the zone (brute force over outcomes).
                double product = report.Principals.Select((q, k) => nash.Utilities[q] - report.Reserved[k]).Aggregate(1.0, (a, b) => a * b);
                Assert.Equal(nashProduct, product, 9);
            }
        }, iter: 150);
    }

    [Fact]
    public void Build_DateOutsideTheTimeline_Throws()
    {
        var s = RandomSpaces.Additive(2, 2, 3, 1, false) with { Timeline = new Timeline([], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 11)) };
        Assert.Throws<ArgumentException>(() => ReportBuilder.Build(s, new ReportOptions(new DateOnly(2024, 2, 1), MediatedRuns: false)));
        var r = ReportBuilder.Build(s, new ReportOptions(new DateOnly(2024, 1, 6), MediatedRuns: false));
        Assert.Equal(0.5, r.Time);
        Assert.Equal(11, r.Sensitivity.Length);
    }

    [Fact]
    public void Build_UndatedScenarioWithADate_Throws() =>
        Assert.Throws<ArgumentException>(() => ReportBuilder.Build(RandomSpaces.Additive(2, 2, 3, 1, false), new ReportOptions(new DateOnly(2024, 2, 1))));
}
