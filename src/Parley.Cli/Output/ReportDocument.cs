using System.Globalization;
using System.Net;
using System.Text;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli.Output;

/// <summary>
/// The human-readable <c>parley report</c>: one list of sections (headings, paragraphs, tables) rendered as Markdown or
/// as a self-contained HTML page, so both formats say the same thing.
/// </summary>
internal sealed class ReportDocument
{
    private abstract record Block;
    private sealed record Heading(string Text) : Block;
    private sealed record Paragraph(string Text) : Block;
    private sealed record Bullets(IReadOnlyList<string> Items) : Block;
    private sealed record Table(string[] Header, List<string[]> Rows) : Block;
    private sealed record Figure(string Caption, string DataUri) : Block;

    private readonly List<Block> _blocks = [];
    private readonly string _title;

    private ReportDocument(string title) => _title = title;

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Gap(double x) => double.IsFinite(x) ? x.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";

    public static ReportDocument From(ScenarioReport r)
    {
        var s = r.Scenario;
        string when = ReportBuilder.PointLabel(r);
        var doc = new ReportDocument($"{s.Name}: analyst report, {when}");
        if (s.Description is { } desc) doc._blocks.Add(new Paragraph(desc));
        doc._blocks.Add(new Paragraph($"Normalised time t = {r.Time.ToString("R", CultureInfo.InvariantCulture)}. Reserved values (outside options) then: " +
            string.Join(", ", r.Principals.Select((p, k) => $"{s.Parties[p].Name} {F(r.Reserved[k])}")) + "."));

        doc._blocks.Add(new Heading("Findings"));
        doc._blocks.Add(new Bullets(r.Findings));

        doc._blocks.Add(new Heading("Zone of agreement"));
        doc._blocks.Add(new Paragraph(r.Zone.Exists
            ? $"A zone of agreement exists: {r.Zone.Size} package(s) cross no principal's red line, use only values still available, and give every principal at least its reserved value."
            : $"No zone of agreement: no package both stays inside every principal's red lines and gives every principal at least its reserved value. Gap to the nearest zone: {Gap(r.Zone.Gap)} (every principal would have to fall by {F(-r.Zone.Gap)})."));
        var packages = new List<(string, ReportPackage?)> { ("Nash", r.Zone.Nash), ("Max welfare", r.Zone.MaxWelfare) };
        packages.AddRange(r.Zone.MediatorFavourites.Select(f => ($"{s.Parties[f.Party].Name}'s favourite (α = {F(s.Parties[f.Party].Stake)})", (ReportPackage?)f.Package)));
        if (!r.Zone.Exists) packages.Add(("Closest to a zone", r.Zone.Closest));
        var shown = packages.Where(p => p.Item2 is not null).ToList();
        if (shown.Count > 0)
        {
            var table = new Table(["", .. shown.Select(p => p.Item1)], []);
            for (int i = 0; i < s.Space.IssueCount; i++)
                table.Rows.Add([s.Space.Issues[i].Name, .. shown.Select(p => s.Space.Issues[i].FormatValue(p.Item2!.Values[i]))]);
            for (int p = 0; p < s.Parties.Length; p++)
                table.Rows.Add([$"utility: {s.Parties[p].Name}", .. shown.Select(x => F(x.Item2!.Utilities[p]))]);
            doc._blocks.Add(table);
        }

        doc._blocks.Add(new Heading("Sticking points"));
        doc._blocks.Add(new Paragraph("Found by relaxing each issue in turn: its red lines are lifted and each principal is scored as if it got its own best value there. The gap closed is how much the best package's worst margin over the outside options rises; issues are ranked by it."));
        if (r.StickingPoints.IsEmpty) doc._blocks.Add(new Paragraph("No issue's relaxation changes the gap."));
        else
        {
            var table = new Table(["rank", "issue", "gap closed", "gap if relaxed", "zone opens", "packages then", "red lines of"], []);
            int rank = 1;
            foreach (var p in r.StickingPoints)
                table.Rows.Add([(rank++).ToString(CultureInfo.InvariantCulture), s.Space.Issues[p.Issue].Name, F(p.GapClosed), Gap(p.GapIfRelaxed),
                    p.ZoneOpens ? "yes" : "no", p.SizeIfRelaxed.ToString(CultureInfo.InvariantCulture), string.Join(", ", p.RedLinesOf.Select(q => s.Parties[q].Name))]);
            doc._blocks.Add(table);
        }

        if (!r.WhatItWouldTake.IsEmpty)
        {
            doc._blocks.Add(new Heading("What it would take"));
            doc._blocks.Add(new Paragraph("For each issue, the worst value each principal can accept there given the best it can get on every other issue (red lines, rules and withdrawn values honoured); \"(no value)\" when no value of the issue lets it reach its outside option."));
            var take = new Table(["issue", .. r.Principals.Select(p => s.Parties[p].Name)], []);
            for (int i = 0; i < s.Space.IssueCount; i++)
                take.Rows.Add([s.Space.Issues[i].Name, .. r.Principals.Select(p => r.WhatItWouldTake.FirstOrDefault(l => l.Party == p && l.Issue == i) is { WorstAcceptable: { } v } ? s.Space.Issues[i].FormatValue(v) : "(no value)")]);
            doc._blocks.Add(take);
        }

        if (r.Ratification is { } rat)
        {
            doc._blocks.Add(new Heading("Ratification"));
            doc._blocks.Add(new Paragraph($"Each side's win-set: the feasible packages its ratifier would approve. Of the zone's {r.Zone.Size} package(s), {rat.RatifiedZoneSize} are approved by every ratifier and {rat.RejectedByRatifiers} are accepted by the negotiators but rejected by a ratifier."));
            var sets = new Table(["principal", "ratifier", "reserved value", "win-set", "zone packages it alone rejects"], []);
            foreach (var w in rat.WinSets)
                sets.Rows.Add([s.Parties[w.Party].Name, w.Ratifier, F(w.Reserved), w.Size.ToString(CultureInfo.InvariantCulture),
                    rat.Blocking.First(b => b.Party == w.Party).Rejects.ToString(CultureInfo.InvariantCulture)]);
            doc._blocks.Add(sets);
        }

        if (r.Sequencing is { } seq)
        {
            var phases = s.Phasing!.Structure;
            doc._blocks.Add(new Heading("Sequencing"));
            doc._blocks.Add(new Paragraph($"What deferring a question does to the zone. With every question settled now: {seq.SettledNow.Size} package(s) (gap {Gap(seq.SettledNow.Gap)}). Each deferral below is allowed alone, every other question settled now."));
            var options = new Table(["issue", "deferred", "zone opens", "packages", "gap", "best package (Nash)"], []);
            foreach (var o in seq.Options)
                options.Rows.Add([phases.Issues[o.Issue].Issue.Name, o.DeferredTo == SequencingOption.LaterRound ? "to a later round" : $"from {o.DeferredTo}",
                    o.OpensZone ? "yes" : "no", o.Size.ToString(CultureInfo.InvariantCulture), Gap(o.Gap),
                    o.Best is { } b ? string.Join(" | ", phases.ByPhase(b.Values.AsSpan()).Select(p => $"{p.Phase}: {string.Join(", ", p.Values.Select(v => v.Value))}")) : ""]);
            doc._blocks.Add(options);
            if (!seq.Moves.IsEmpty)
            {
                doc._blocks.Add(new Paragraph("Moving a question settled once for the whole deal into the phases: one value until a phase, another from it on (every other question settled now; both values must be inside every limit). A per-phase issue already takes a value in each phase in every zone."));
                var moves = new Table(["issue", "changes in", "zone opens", "packages", "gap", "values (best, or closest)"], []);
                foreach (var m in seq.Moves)
                {
                    var issue = phases.Issues[m.Issue].Issue;
                    moves.Rows.Add([issue.Name, phases.Phases[m.Phase].Name, m.OpensZone ? "yes" : "no", m.Size.ToString(CultureInfo.InvariantCulture), Gap(m.Gap),
                        m.Before >= 0 ? $"{issue.FormatValue(m.Before)}, then {issue.FormatValue(m.After)}" : ""]);
                }
                doc._blocks.Add(moves);
            }
            var structures = new Table(["phase structure", "packages", "gap"], []);
            foreach (var z in seq.Structures) structures.Rows.Add([z.Name, z.Size.ToString(CultureInfo.InvariantCulture), Gap(z.Gap)]);
            doc._blocks.Add(structures);
            foreach (string reason in seq.Reasons) doc._blocks.Add(new Paragraph(reason));
        }

        doc._blocks.Add(new Heading("Named packages"));
        if (r.Packages.IsEmpty) doc._blocks.Add(new Paragraph("The scenario names no packages."));
        foreach (var v in r.Packages)
        {
            string dated = v.Package.Date is { } pd ? $" ({pd.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})" : "";
            doc._blocks.Add(new Paragraph($"**{v.Package.Name}**{dated}: " + string.Join("; ", Enumerable.Range(0, s.Space.IssueCount)
                .Select(i => $"{s.Space.Issues[i].Name} = {s.Space.Issues[i].FormatValue(v.Package.Values[i])}")) + (v.Package.Source is { } src ? $". Source: {src}" : "")));
            var table = new Table(["principal", "utility", "reserved", "margin", "answer"], []);
            foreach (var a in v.Answers)
            {
                string why = a.Accepts ? "accepts" : "rejects" + string.Concat(a.RedLinesCrossed.Select(l => $"; red line: {IssueText.RedLine(s.Space, l)}"))
                    + string.Concat(a.RulesBroken.Select(rule => $"; rule: {rule.Describe(s.Space)}"))
                    + string.Concat(a.UnavailableIssues.Select(i => $"; {s.Space.Issues[i].Name} no longer available")) + (a.Margin < 0 ? $"; {F(-a.Margin)} short" : "");
                table.Rows.Add([s.Parties[a.Party].Name, F(a.Utility), F(a.Reserved), Gap(a.Margin), why]);
            }
            foreach (var (party, u) in v.MediatorUtilities) table.Rows.Add([$"{s.Parties[party].Name} (mediator)", F(u), "", "", ""]);
            doc._blocks.Add(table);
        }

        doc._blocks.Add(new Heading("Sensitivity along the timeline"));
        var sens = new Table(["date", "t", .. r.Principals.Select(p => $"reserved: {s.Parties[p].Name}"), "zone", "packages", "gap",
            .. r.Principals.Select(p => $"fall needed: {s.Parties[p].Name}"), "events"], []);
        foreach (var p in r.Sensitivity)
            sens.Rows.Add([p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", F(p.Time), .. p.Reserved.Select(F),
                p.ZoneExists ? "yes" : "no", p.Size.ToString(CultureInfo.InvariantCulture), Gap(p.Gap),
                .. p.Falls.Select(f => f is { } x ? F(x) : "none suffices"), string.Join("; ", p.Events)]);
        doc._blocks.Add(sens);
        doc._blocks.Add(new Paragraph("\"Fall needed\": how far each principal's outside option alone would have to fall, the others' held, for a zone of agreement to open that day. At the report's date:"));
        var falls = new Table(["principal", "reserved value", "fall needed"], []);
        foreach (var f in r.OutsideOptionFalls)
            falls.Rows.Add([s.Parties[f.Party].Name, F(f.Reserved), f.Fall is { } x ? F(x) : "no fall alone suffices"]);
        doc._blocks.Add(falls);

        doc._blocks.Add(new Heading("Mediated runs"));
        if (r.MediatedRuns.IsEmpty) doc._blocks.Add(new Paragraph("Not run (--no-runs)."));
        else
        {
            var runs = new Table(["protocol", "seating", "seed", "outcome", "rounds", .. r.Principals.Select(p => s.Parties[p].Name), "note"], []);
            foreach (var run in r.MediatedRuns)
                runs.Rows.Add([run.Protocol, run.Seating, run.Seed.ToString(CultureInfo.InvariantCulture), run.Outcome, run.Rounds.ToString(CultureInfo.InvariantCulture),
                    .. run.Utilities.Take(r.Principals.Length).Select(F), run.Note ?? ""]);
            doc._blocks.Add(runs);
            doc._blocks.Add(new Paragraph($"Comparison of the runs. Distances are to {RunComparison.NashReference(r).Label} (Euclidean, over the principals' utilities); \"conceded\" is each principal's utility for the first text it was asked about (single text) or its own first offer, minus its utility at the end."));
            doc._blocks.Add(new Bullets([.. r.MediatedRuns.Select(run => $"{run.Protocol} ({run.Seating}): {RunComparison.Summary(r, run)}")]));
        }
        if (!r.Robustness.IsEmpty)
        {
            doc._blocks.Add(new Heading("What rests on assumptions"));
            doc._blocks.Add(new Paragraph("Each finding with every marked assumption varied over its range (one at a time over a 5-point grid, then jointly by seeded sampling). \"Input\": an assumption was calibrated to produce the finding, so it is not a finding of the model. \"Depends on\": each assumption whose variation alone changes the finding, with the range of its values around the scenario's over which the finding still holds; \"holds over\" repeats it for the first."));
            int mediators = s.Assumptions.Count(a => Robustness.IsMediators(s, a));
            if (mediators > 0)
                doc._blocks.Add(new Paragraph(r.Robustness.Any(f => f.Finding.StartsWith("run:", StringComparison.Ordinal))
                    ? $"{mediators} of the {s.Assumptions.Length} assumptions are the mediators' numbers. No finding but the mediated runs' reads them, so they are varied for the runs (\"run:\"), with the report's seed: each mediator's stake alone at both ends of its range, then every mediator number together ({Robustness.RunSamples} seeded samples). The principals' and ratifiers' numbers are held for the runs (each of their variations would need every run again)."
                    : $"{mediators} of the {s.Assumptions.Length} assumptions are the mediators' numbers. No finding above reads them (they enter only the mediated runs; a report with runs varies them for the runs' outcomes)."));
            var robust = new Table(["finding", "value", "holds", "input", "depends on", "holds over"], []);
            foreach (var f in r.Robustness)
                robust.Rows.Add([f.Finding, f.Value, f.Holds ? "yes" : "no", f.Input ? "yes (calibrated)" : "no",
                    f.DependsOn.IsEmpty ? "no assumption changes it" : string.Join("; ", f.DependsOn.Select((d, k) => k < f.Ranges.Length && f.Ranges[k] is { } dr ? $"{d} ({F(dr.Low)} – {F(dr.High)})" : d)),
                    f.Range is { } range ? $"{F(range.Low)} – {F(range.High)}" : ""]);
            doc._blocks.Add(robust);
        }
        if (s.Parties.Any(p => p.Source is not null))
            doc._blocks.Add(new Paragraph("The scenario models reported positions; see its file for the source of every position and which values are modelling choices. The report analyses that model: it is not a forecast."));
        return doc;
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(_title).AppendLine();
        foreach (var b in _blocks)
        {
            switch (b)
            {
                case Heading h: sb.Append("## ").AppendLine(h.Text); break;
                case Paragraph p: sb.AppendLine(p.Text); break;
                case Bullets l: foreach (var item in l.Items) sb.Append("- ").AppendLine(item); break;
                case Table t:
                    sb.Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).AppendLine(" |");
                    sb.Append('|').AppendJoin("", t.Header.Select(_ => "---|")).AppendLine();
                    foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
                    break;
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// Adds the charts (deal space at the report's date, outside options over the timeline) before the zone section, as
    /// embedded images: for the HTML page (the Markdown leaves them out).
    /// </summary>
    public ReportDocument WithCharts(ScenarioReport r)
    {
        var figures = new List<Block> { new Heading("Charts") };
        if (Parley.Plots.ReportCharts.DealSpace(r) is { } space)
            figures.Add(new Figure("The deal space at the report's date: each principal's utility for the named packages, the zone's Nash and maximum-welfare packages (and the ratified zone's Nash), the mediated runs' agreements, and each principal's outside option (dashed).", space));
        if (Parley.Plots.ReportCharts.OutsideOptions(r) is { } timeline)
            figures.Add(new Figure("Each principal's outside option along the timeline, and the zone's gap (the best package's smallest margin over the outside options: a zone exists where it is at or above 0).", timeline));
        if (figures.Count == 1) return this;
        int at = _blocks.FindIndex(b => b is Heading h && h.Text == "Zone of agreement");
        _blocks.InsertRange(at < 0 ? _blocks.Count : at, figures);
        return this;
    }

    public string ToHtml()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string Bold(string s) => System.Text.RegularExpressions.Regex.Replace(E(s), @"\*\*(.+?)\*\*", "<strong>$1</strong>");
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(E(_title)).AppendLine("</title>")
            .AppendLine("<style>body{font-family:system-ui,sans-serif;max-width:75em;margin:2em auto;padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f3f3f3}img{max-width:100%}figure{margin:1em 0}</style>")
            .AppendLine("</head><body>")
            .Append("<h1>").Append(E(_title)).AppendLine("</h1>");
        foreach (var b in _blocks)
        {
            switch (b)
            {
                case Heading h: sb.Append("<h2>").Append(E(h.Text)).AppendLine("</h2>"); break;
                case Paragraph p: sb.Append("<p>").Append(Bold(p.Text)).AppendLine("</p>"); break;
                case Figure f:
                    sb.Append("<figure><img alt=\"").Append(E(f.Caption)).Append("\" src=\"").Append(f.DataUri).Append("\"><figcaption>").Append(E(f.Caption)).AppendLine("</figcaption></figure>");
                    break;
                case Bullets l:
                    sb.AppendLine("<ul>");
                    foreach (var item in l.Items) sb.Append("<li>").Append(E(item)).AppendLine("</li>");
                    sb.AppendLine("</ul>");
                    break;
                case Table t:
                    sb.Append("<table><thead><tr>").AppendJoin("", t.Header.Select(x => $"<th>{E(x)}</th>")).AppendLine("</tr></thead><tbody>");
                    foreach (var row in t.Rows) sb.Append("<tr>").AppendJoin("", row.Select(x => $"<td>{E(x)}</td>")).AppendLine("</tr>");
                    sb.AppendLine("</tbody></table>");
                    break;
            }
        }
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }
}
