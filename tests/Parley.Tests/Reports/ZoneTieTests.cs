using Parley.Preferences;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Tests.Reports;

/// <summary>
/// Packages that tie exactly with an outside option are in the zone of agreement (utility at least the reserved value),
/// whatever the rounding of the floating-point sums (issue 20). The oracle counts the zone in decimal arithmetic, exact
/// for the YAML's decimal weights, scores and reserved values. The Cairo model here is the flat one of before issue 18 (a fixture).
/// </summary>
public class ZoneTieTests
{
    private static readonly Lazy<Scenario> Cairo = new(() => ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Tests", "Reports", "Fixtures", "cairo-2024-flat.yaml")));

    /// <summary>The brief's uncalibrated outside options (13 Feb 0.55 / 0.45, drifting to 0.58 / 0.40 by 10 Mar).</summary>
    private static Scenario Uncalibrated()
    {
        var s = Cairo.Value;
        Party Brief(Party p, double start, double end) => p with
        {
            Profile = p.Profile with { ReservedValue = new ReservedValueCurve([new(0, start), new(1, end)]) },
        };
        return s with { Parties = [Brief(s.Parties[0], 0.55, 0.58), Brief(s.Parties[1], 0.45, 0.40), .. s.Parties.Skip(2)] };
    }

    /// <summary>Packages with no red line crossed, every value available at t, and every principal's exact utility ≥ its reserved value.</summary>
    private static int ExactZoneSize(Scenario scenario, double t, decimal[] reserved) => ExactPackages(scenario, t, reserved, principal: -1).Count;

    /// <summary>Exact utilities (principal order) of the feasible packages every principal other than <paramref name="principal"/> accepts (all, for −1).</summary>
    private static List<decimal[]> ExactPackages(Scenario scenario, double t, decimal[] reserved, int principal)
    {
        var principals = scenario.Principals.ToArray();
        var utilities = principals.Select(p => (LinearAdditiveUtility)p.Profile.Utility).ToArray();
        var space = scenario.Space;
        var values = new int[space.IssueCount];
        var found = new List<decimal[]>();
        for (long o = 0; o < space.Count; o++)
        {
            space.Decode(o, values);
            if (!scenario.Timeline.IsAvailable(values, t)) continue;
            var u = new decimal[principals.Length];
            bool accepted = true;
            for (int k = 0; k < principals.Length && accepted; k++)
            {
                for (int i = 0; i < values.Length; i++)
                    u[k] += (decimal)utilities[k].Weights[i] * (decimal)utilities[k].Evaluators[i].Score(space.Issues[i], values[i]);
                accepted = !principals[k].Profile.RedLines.Crosses(values) && (k == principal || u[k] >= reserved[k]);
            }
            if (accepted) found.Add(u);
        }
        return found;
    }

    [Fact]
    public void Issue20_CairoUncalibratedOn13Feb_ZoneCountsTiesAsExactArithmeticDoes()
    {
        var scenario = Uncalibrated();
        int exact = ExactZoneSize(scenario, 0, [0.55m, 0.45m]);
        Assert.Equal(464, exact);
        var report = ReportBuilder.Build(scenario, new ReportOptions(MediatedRuns: false));
        Assert.Equal(exact, (int)report.Zone.Size);
    }

    [Fact]
    public void Issue20_CairoOn13Feb_HamasFallCountsPackagesTyingWithIsrael()
    {
        // Hamas's outside option must fall to its best utility among the packages Israel accepts (ties included).
        decimal best = ExactPackages(Cairo.Value, 0, [0.66m, 0.56m], principal: 1).Max(u => u[1]);
        Assert.Equal(0.12m, 0.56m - best);
        var report = ReportBuilder.Build(Cairo.Value, new ReportOptions(new DateOnly(2024, 2, 13), MediatedRuns: false));
        Assert.Equal((double)(0.56m - best), report.OutsideOptionFalls[1].Fall!.Value, 9);
    }

    [Fact]
    public void Issue20_CairoFrom7May2024_ZoneCountsTiesAsExactArithmeticDoes()
    {
        // 7 May 2024 (issue 18's arc): the curves' end points plus the [M] Rafah steps (Israel 0.69 − 0.08, Hamas 0.51 − 0.10).
        int exact = ExactZoneSize(Cairo.Value, 1, [0.69m - 0.08m, 0.51m - 0.10m]);
        Assert.Equal(272, exact);
        var report = ReportBuilder.Build(Cairo.Value, new ReportOptions(new DateOnly(2024, 2, 13), MediatedRuns: false));
        var first = report.Sensitivity.First(p => p.ZoneExists);
        Assert.Equal(new DateOnly(2024, 5, 7), first.Date);
        Assert.Equal(exact, (int)first.Size);
    }
}
