using System.Globalization;
using Parley.Agents.Negotiators;
using Parley.Analysis;
using Parley.Cli.Commands;
using Parley.Outcomes;
using Parley.Protocols;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Output;

/// <summary>The human-readable <c>parley negotiate</c> output.</summary>
internal static class NegotiationTables
{
    private const int Shown = 3;

    private static string ProtocolTitle(string protocol) => protocol switch
    {
        "sao" => "stacked alternating offers",
        "single-text" => "single negotiating text",
        "shuttle" => "shuttle mediation",
        _ => protocol,
    };

    public static void Write(IAnsiConsole console, Scenario scenario, Scenario loaded, NegotiationResult result, QualityMeasures? quality, SessionOptions options)
    {
        var space = scenario.Space;
        string deadline = string.Join(" or ", new[]
        {
            options.Rounds is { } r ? $"{r:N0} rounds" : null,
            options.TimeLimit is { } t ? $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : null,
        }.Where(x => x is not null));
        ConsoleLayout.Heading(console, $"[bold]{Markup.Escape(scenario.Name)}[/] — {ProtocolTitle(result.Protocol)}, deadline {deadline}, seed {options.Seed}");
        var mediators = loaded.Parties.Where(p => p.Role == PartyRole.Mediator && !result.Parties.Contains(p.Name)).Select(p => p.Name).ToList();
        if (mediators.Count > 0)
            console.MarkupLineInterpolated($"[grey]Mediators not seated in this protocol: {string.Join(", ", mediators)}[/]");

        int n = result.Transcript.Count;
        var offers = new Table().Title($"Transcript ({n:N0} actions; first and last {Shown})").AddColumns("Round", "t", "Party", "Action");
        foreach (var name in result.Parties) offers.AddColumn(new TableColumn("U " + Markup.Escape(name)).RightAligned());
        offers.AddColumn("Outcome (values in issue order)");
        var indices = n <= 2 * Shown ? Enumerable.Range(0, n) : Enumerable.Range(0, Shown).Concat(Enumerable.Range(n - Shown, Shown));
        int previous = -1;
        Span<int> values = space.IssueCount <= OutcomeSpace.StackallocLimit ? stackalloc int[space.IssueCount] : new int[space.IssueCount];
        foreach (int i in indices)
        {
            if (previous >= 0 && i != previous + 1) offers.AddRow(Enumerable.Repeat("…", 5 + result.Parties.Length).ToArray());
            previous = i;
            var e = result.Transcript[i];
            string action = e.Entry.To >= 0 ? $"{e.Action} → {result.Parties[e.Entry.To]}" : e.Action.ToString();
            if (e.Entry.Note is { } note) action += $" ({note})";
            var cells = new List<string> { (e.Round + 1).ToString(CultureInfo.InvariantCulture), e.Time.ToString("0.000", CultureInfo.InvariantCulture),
                e.Party >= 0 ? Markup.Escape(result.Parties[e.Party]) : "—", Markup.Escape(action) };
            foreach (double u in e.Utilities) cells.Add(double.IsFinite(u) ? F(u) : "–");
            if (e.Outcome is { } o)
            {
                space.Decode(o, values);
                cells.Add(Markup.Escape(IssueText.CompactOutcome(space, values, ConsoleLayout.IsPlain(console) ? int.MaxValue : 40)));
            }
            else cells.Add("");
            offers.AddRow(cells.ToArray());
        }
        ConsoleLayout.Write(console, offers);

        string status = result.Status switch
        {
            NegotiationStatus.Agreed => $"[green]agreement[/] in round {result.Rounds} (t = {result.EndTime.ToString("0.000", CultureInfo.InvariantCulture)})",
            NegotiationStatus.Deadline => "[yellow]no agreement[/]: deadline reached",
            NegotiationStatus.WalkedAway => $"[yellow]no agreement[/]: {Markup.Escape(result.Parties[result.WalkedAwayBy])} walked away in round {result.Rounds}",
            NegotiationStatus.Failed => $"[red]failed[/]: {Markup.Escape(result.Failure!.PartyName)} — {Markup.Escape(result.Failure.Kind.ToString())}: {Markup.Escape(result.Failure.Reason)}",
            NegotiationStatus.Ended when result.RejectedByRatifier is { } ratifier => $"[yellow]no agreement[/]: the negotiators agreed, but {Markup.Escape(ratifier)} rejected it at ratification",
            NegotiationStatus.Ended => "[yellow]no agreement[/]: the table broke up (a party left)",
            _ => result.Status.ToString(),
        };
        console.MarkupLine($"Result: {status}");
        if (result.HasAgreement)
        {
            var agreement = new Table().Title("Agreement").AddColumns("Issue", "Value");
            for (int i = 0; i < space.IssueCount; i++)
                agreement.AddRow(Markup.Escape(space.Issues[i].Name), Markup.Escape(space.Issues[i].FormatValue(result.AgreementValues[i])));
            ConsoleLayout.Write(console, agreement);
        }

        var parties = new Table().Title("Parties").AddColumns("Party", "Role", "Negotiator")
            .AddColumn(new TableColumn("Utility").RightAligned()).AddColumn(new TableColumn("Undiscounted").RightAligned())
            .AddColumn(new TableColumn("Reserved value").RightAligned());
        for (int p = 0; p < result.Parties.Length; p++)
            parties.AddRow(Markup.Escape(result.Parties[p]), result.IsPrincipal(p) ? "principal" : $"mediator (α = {scenario.Parties[p].Stake.ToString("0.##", CultureInfo.InvariantCulture)})",
                Markup.Escape(result.Negotiators[p]), F(result.Utilities[p]), F(result.UndiscountedUtilities[p]), F(scenario.ReservedValueAt(p, result.EndTime)));
        ConsoleLayout.Write(console, parties);

        var measures = new Table().Title("Quality").AddColumns("Measure", "Value");
        measures.AddRow("Rounds", result.Rounds.ToString("N0", CultureInfo.InvariantCulture));
        measures.AddRow("Social welfare (Σ principals' utilities)", F(result.SocialWelfare));
        if (quality is { } q)
        {
            measures.AddRow("Distance to Pareto frontier", double.IsFinite(q.DistanceToPareto) ? F(q.DistanceToPareto) : "–");
            measures.AddRow("Distance to Nash point", q.DistanceToNash is { } d ? F(d) : "– (no individually rational outcome)");
        }
        measures.AddRow("Wall time", $"{result.Elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms");
        ConsoleLayout.Write(console, measures);
    }

    public static void WriteThroughput(IAnsiConsole console, Scenario scenario, string agents, ThroughputStats s)
    {
        ConsoleLayout.Heading(console, $"[bold]{Markup.Escape(scenario.Name)}[/] — {Markup.Escape(agents)}, {s.Negotiations:N0} negotiations");
        var table = new Table().AddColumns("Measure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Negotiations per second", s.NegotiationsPerSecond.ToString("N1", CultureInfo.InvariantCulture));
        table.AddRow("Rounds per second", s.RoundsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Median per negotiation", $"{s.MedianMicroseconds.ToString("N1", CultureInfo.InvariantCulture)} µs");
        table.AddRow("Rounds in all", s.Rounds.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Agreements", $"{s.Agreements:N0} ({100.0 * s.Agreements / s.Negotiations:0.#}%)");
        table.AddRow("Failures", s.Failures.ToString("N0", CultureInfo.InvariantCulture));
        for (int p = 0; p < s.MeanUtilities.Length; p++) table.AddRow($"Mean utility, {Markup.Escape(scenario.Parties[p].Name)}", F(s.MeanUtilities[p]));
        if (s.MeanDistanceToPareto is { } d) table.AddRow("Mean distance to Pareto frontier", F(d));
        ConsoleLayout.Write(console, table);
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
