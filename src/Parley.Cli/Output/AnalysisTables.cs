using System.Globalization;
using Parley.Analysis;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Output;

/// <summary>The human-readable <c>parley analyze</c> output: Spectre tables.</summary>
internal static class AnalysisTables
{
    public static void Write(IAnsiConsole console, Scenario scenario, AnalysisReport report, bool listFrontier)
    {
        var space = scenario.Space;
        ConsoleLayout.Heading(console, $"[bold]{Markup.Escape(scenario.Name)}[/]");
        if (scenario.Description is { } d) console.WriteLine(d);
        foreach (var w in scenario.Warnings) console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");

        var issues = new Table().Title("Issues").AddColumns("Issue", "Type", "Values", "Domain");
        foreach (var issue in space.Issues)
            issues.AddRow(Markup.Escape(issue.Name), IssueText.Kind(issue), IssueText.Count(issue.Cardinality), Markup.Escape(IssueText.Domain(issue)));
        ConsoleLayout.Write(console, issues);
        console.MarkupLineInterpolated($"Outcomes: [bold]{IssueText.Count(report.OutcomeCount)}[/]");

        var parties = new Table().Title("Parties").AddColumns("Party", "Role", "Reserved value", "Discount factor", "Source");
        foreach (var p in scenario.Parties)
        {
            var rv = p.Profile.ReservedValue;
            string reserved = rv.IsConstant
                ? F(rv.Initial)
                : string.Join(" → ", rv.Points.Select(x => $"{F(x.Value)} @t={x.Time.ToString("0.##", CultureInfo.InvariantCulture)}"));
            parties.AddRow(Markup.Escape(p.Name), p.Role == PartyRole.Mediator ? "mediator" : "principal", reserved,
                F(p.Profile.DiscountFactor), Markup.Escape(Shorten(p.Source)));
        }
        ConsoleLayout.Write(console, parties);
        foreach (var p in scenario.Parties.Where(p => !p.Profile.RedLines.IsEmpty))
            console.MarkupLineInterpolated($"Red lines of {p.Name} (packages crossing them are left out of the analysis): {string.Join("; ", p.Profile.RedLines.Lines.Select(l => IssueText.RedLine(scenario.Space, l)))}");

        string exact = report.Frontier.Exact ? "exact"
            : report.Frontier.Gap is { } gap ? $"not proven complete (budget ran out): gap {gap.ToString("0.0000", CultureInfo.InvariantCulture)}, no missing point beats these by more"
            : "approximate (not proven complete)";
        string ties = report.Frontier.OutcomesOnFrontier is { } n && n != report.Frontier.PointCount ? $", {n:N0} outcomes incl. ties" : "";
        string count = report.Frontier.PointCount.ToString("N0", CultureInfo.InvariantCulture);
        console.MarkupLineInterpolated($"Pareto frontier: [bold]{count}[/] points{ties} — {exact}, by {report.Method}");
        if (report.PublishedFrontier is { } pf)
            console.MarkupLineInterpolated($"Published frontier ({Path.GetFileName(pf.File)}, {pf.PublishedPoints:N0} points): Parley's frontier strictly dominates [bold]{pf.Dominated:N0}[/], matches [bold]{pf.Matched:N0}[/], misses [bold]{pf.Missed:N0}[/] (tolerance {pf.Tolerance:G3})");
        var principals = scenario.Principals.Select(p => p.Name).ToList();
        if (listFrontier && report.Frontier.Points.Length > 0)
        {
            var frontier = new Table().Title("Pareto frontier").AddColumn("#");
            foreach (var name in principals) frontier.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
            frontier.AddColumn("Outcome (values in issue order)");
            int k = 0;
            foreach (var point in report.Frontier.Points)
            {
                var cells = new List<string> { (++k).ToString(CultureInfo.InvariantCulture) };
                cells.AddRange(point.Utilities.Select(F));
                cells.Add(Markup.Escape(IssueText.CompactOutcome(space, point.Values.AsSpan(), 70)));
                frontier.AddRow(cells.ToArray());
            }
            ConsoleLayout.Write(console, frontier);
            if (report.Frontier.Truncated)
                console.MarkupLineInterpolated($"Listed {report.Frontier.Points.Length:N0} of {count} points, spread evenly along the frontier (--max-points).");
        }

        var solutions = new Table().Title("Bargaining solutions").AddColumn("");
        var named = new (string Name, DealPoint? Point)[] { ("Nash", report.Nash), ("Kalai–Smorodinsky", report.KalaiSmorodinsky), ("Max welfare", report.MaxWelfare) };
        foreach (var (name, _) in named) solutions.AddColumn(new TableColumn(name));
        for (int p = 0; p < principals.Count; p++)
            solutions.AddRow([$"U {Markup.Escape(principals[p])}", .. named.Select(x => x.Point is { } d ? F(d.Utilities[p]) : "–")]);
        solutions.AddRow(["Σ U", .. named.Select(x => x.Point is { } d ? F(d.Utilities.Sum()) : "–")]);
        solutions.AddEmptyRow();
        for (int i = 0; i < space.IssueCount; i++)
            solutions.AddRow([Markup.Escape(space.Issues[i].Name), .. named.Select(x => x.Point is { } d ? Markup.Escape(space.Issues[i].FormatValue(d.Values[i])) : "")]);
        ConsoleLayout.Write(console, solutions);
        if (report.Nash is null) console.MarkupLine("[yellow]No outcome gives every party at least its reserved value: no Nash or Kalai–Smorodinsky point.[/]");

        var timings = new Table().Title("Wall time").AddColumns("Step", "ms");
        foreach (var t in report.Timings) timings.AddRow(t.Step, t.Elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture));
        ConsoleLayout.Write(console, timings);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..59].TrimEnd() + "…";

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
