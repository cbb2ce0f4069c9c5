using System.Globalization;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The findings <see cref="Robustness"/> follows, keyed as in <see cref="RobustnessFinding.Finding"/>: the zone at the
/// report's point, the order of the top three sticking points, the first point of the timeline with a zone, and each
/// named package's answers. <see cref="Of"/> computes only these (one utility evaluation of the space, the zone and the
/// relaxed zones at the point, the timeline up to its first zone, the packages' verdicts), with the same calculations
/// as <see cref="ReportBuilder.Build"/>; <see cref="FromReport"/> reads them off a whole report.
/// </summary>
internal static class RobustnessFindings
{
    /// <summary>Sticking points named in the <c>stickingPoints</c> finding.</summary>
    private const int TopStickingPoints = 3;

    /// <summary>The findings of <paramref name="scenario"/> at the options' point, without building a report.</summary>
    public static Dictionary<string, string> Of(Scenario scenario, ReportOptions options)
    {
        var (t, _) = ReportBuilder.PointOf(scenario, options);
        var calc = new ZoneCalculator(scenario);
        var zone = calc.Zone(t, solutions: false);
        var sticking = ReportBuilder.StickingPoints(scenario, calc, zone, t);
        string? first = null;
        foreach (double time in ReportBuilder.SensitivityTimes(scenario.Timeline))
        {
            // The zone at the report's own point is already known.
            bool exists = time == t ? zone.Exists : calc.Zone(time, solutions: false).Exists;
            if (exists) { first = When(scenario.Timeline.DateOf(time), time); break; }
        }
        var findings = Basic(scenario, zone.Exists, sticking.Select(p => p.Issue), first);
        if (Ratification.Of(scenario, t, calc) is { } ratification) findings["ratifiedZone"] = RatifiedZone(ratification);
        foreach (var package in scenario.Packages)
            Add(findings, scenario, ReportBuilder.Verdict(scenario, calc, package, t));
        return findings;
    }

    /// <summary>The same findings, read off a whole report (what <see cref="Of"/> must equal).</summary>
    public static Dictionary<string, string> FromReport(ScenarioReport report)
    {
        var first = report.Sensitivity.FirstOrDefault(p => p.ZoneExists);
        var findings = Basic(report.Scenario, report.Zone.Exists, report.StickingPoints.Select(p => p.Issue), first is null ? null : When(first.Date, first.Time));
        if (report.Ratification is { } ratification) findings["ratifiedZone"] = RatifiedZone(ratification);
        foreach (var verdict in report.Packages) Add(findings, report.Scenario, verdict);
        return findings;
    }

    private static Dictionary<string, string> Basic(Scenario s, bool zone, IEnumerable<int> stickingIssues, string? firstZone) => new()
    {
        ["zone"] = zone ? "exists" : "none",
        ["stickingPoints"] = string.Join(" > ", stickingIssues.Take(TopStickingPoints).Select(i => s.Space.Issues[i].Name)),
        ["firstZone"] = firstZone ?? "never",
    };

    // Whether a package of the zone passes every ratifier (the ratified zone), with the blocking ratifier when none does.
    private static string RatifiedZone(RatificationReport r) =>
        r.RatifiedZoneSize > 0 ? "exists" : r.RejectedByRatifiers > 0 ? "none (a ratifier blocks the negotiators' zone)" : "none";

    private static string When(DateOnly? date, double time) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? time.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string> findings, Scenario s, PackageVerdict verdict) =>
        findings[$"package:{verdict.Package.Name}"] = string.Join(", ", verdict.Answers.Select(a => $"{s.Parties[a.Party].Name} {(a.Accepts ? "accepts" : "rejects")}"));
}
