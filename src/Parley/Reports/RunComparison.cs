using System.Globalization;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// What an analyst compares across the report's mediated runs: whether and when each reached agreement, whether a
/// ratifier turned down a text the negotiators had accepted, how far the agreement lies from the Nash point, and who
/// conceded what.
/// </summary>
public static class RunComparison
{
    /// <summary>
    /// The Nash package the runs are measured against: the ratified zone's when a principal has a ratifier (a deal must
    /// pass it), else the zone's; null without one. The label says which, and at which date.
    /// </summary>
    public static (ReportPackage? Package, string Label) NashReference(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string when = report.Date is { } d ? $" on {d:yyyy-MM-dd}" : "";
        return report.Ratification is { } rat
            ? (rat.RatifiedNash, $"the Nash point of the ratified zone{when}")
            : (report.Zone.Nash, $"the Nash point of the zone{when}");
    }

    /// <summary>Euclidean distance between the agreement's principal utilities and <see cref="NashReference"/>'s; null without an agreement or a Nash point.</summary>
    public static double? DistanceToNash(ScenarioReport report, MediatedRun run)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Agreement is null || NashReference(report).Package is not { } nash) return null;
        double sum = 0;
        for (int k = 0; k < report.Principals.Length && k < run.Utilities.Length; k++)
        {
            double d = run.Utilities[k] - nash.Utilities[report.Principals[k]];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The date (dated scenarios) or normalised time at which the run ended, in words.</summary>
    public static string When(Scenario scenario, double time)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Timeline.DateOf(time) is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"t = {time:0.000}");
    }

    /// <summary>One run in plain sentences: outcome and when, ratifier refusals, distance to Nash, who conceded what.</summary>
    public static string Summary(ScenarioReport report, MediatedRun run)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        var s = report.Scenario;
        var parts = new List<string>();
        parts.Add(run.Agreement is not null
            ? $"Agreement in round {run.Rounds} ({When(s, run.EndTime)})."
            : run.Outcome.StartsWith("failure", StringComparison.Ordinal) ? $"No agreement: {run.Outcome} (round {run.Rounds})." : $"No agreement after {run.Rounds} rounds ({When(s, run.EndTime)}).");
        if (!run.Refusals.IsEmpty)
        {
            var first = run.Refusals[0];
            var who = run.Refusals.Select(r => $"{r.Ratifier} ({s.Parties[r.Party].Name})").Distinct().ToList();
            string subject = who.Count == 1 ? $"The {who[0]}" : $"The ratifiers ({string.Join(", ", who)})";
            parts.Add(run.Refusals.Length == 1
                ? $"{subject} turned down a text the negotiators had all accepted, in round {first.Round} ({When(s, first.Time)})."
                : $"{subject} turned down {run.Refusals.Length} texts the negotiators had all accepted, the first in round {first.Round} ({When(s, first.Time)}), the last in round {run.Refusals[^1].Round} ({When(s, run.Refusals[^1].Time)}).");
        }
        else if (s.Parties.Any(p => p.Ratifier is not null)) parts.Add("No ratifier turned down a text.");
        if (DistanceToNash(report, run) is { } distance) parts.Add(F($"Distance to {NashReference(report).Label}: {distance:0.000}."));
        else if (run.Agreement is not null) parts.Add($"No Nash point to compare with ({NashReference(report).Label} does not exist).");
        var moves = run.Concessions.Where(c => c.First is not null && c.Last is not null)
            .Select(c => Math.Abs(c.Conceded!.Value) < 5e-4
                ? F($"{s.Parties[c.Party].Name} {c.First:0.000}, unchanged")
                : F($"{s.Parties[c.Party].Name} {c.First:0.000} → {c.Last:0.000} ({(c.Conceded > 0 ? "conceded" : "gained")} {Math.Abs(c.Conceded!.Value):0.000})")).ToList();
        if (moves.Count > 0)
            parts.Add($"From the {(run.Protocol == "single-text" ? "first text" : "first offers")} to the {(run.Agreement is not null ? "agreement" : "last text on the table")}: {string.Join("; ", moves)}.");
        if (!run.IssueChanges.IsEmpty)
            parts.Add($"Changed: {string.Join("; ", run.IssueChanges.Select(c => $"{s.Space.Issues[c.Issue].Name} {s.Space.Issues[c.Issue].FormatValue(c.From)} → {s.Space.Issues[c.Issue].FormatValue(c.To)}"))}.");
        return string.Join(" ", parts);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
