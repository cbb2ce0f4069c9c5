using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Protocols;
using Parley.Tournaments.Reports;
using Spectre.Console;

namespace Parley.Cli.Output;

/// <summary>Tournament reports as tables, JSON and CSV.</summary>
internal static class ReportOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteTables(IAnsiConsole console, TournamentReport report, bool leaderboardOnly)
    {
        ConsoleLayout.Heading(console, $"[bold]{Markup.Escape(report.Tournament)}[/] — {report.Stored:N0} of {report.Planned:N0} negotiations stored");
        var board = new Table().Title("Leaderboard (mean utility, best first)")
            .AddColumns("#", "Negotiator", "Negotiations", "Mean utility", "± 95% CI", "Agreements", "Dist. Pareto", "Dist. Nash", "Welfare", "Failures");
        int rank = 0;
        foreach (var r in report.Leaderboard)
            board.AddRow((++rank).ToString(Inv), Markup.Escape(r.Name), r.Negotiations.ToString("N0", Inv), F(r.MeanUtility), F(r.Ci95),
                r.AgreementRate.ToString("P1", Inv), F(r.MeanDistanceToPareto), F(r.MeanDistanceToNash), F(r.MeanWelfare), r.Failures.ToString("N0", Inv));
        ConsoleLayout.Write(console, board);
        if (report.Leaderboard.Any(r => r.ModelNegotiations > 0))
        {
            var models = new Table().Title("Opponent models: accuracy at the end of each negotiation (modelled vs true opponent utility over the outcomes)")
                .AddColumns("Negotiator", "Measured", "Pearson", "Kendall τ", "Pareto error");
            foreach (var r in report.Leaderboard.Where(r => r.ModelNegotiations > 0))
                models.AddRow(Markup.Escape(r.Name), r.ModelNegotiations.ToString("N0", Inv), F(r.ModelPearson), F(r.ModelKendall), F(r.ModelParetoError));
            ConsoleLayout.Write(console, models);
        }
        if (leaderboardOnly)
        {
            console.MarkupLine("[grey]Per scenario and pairwise: parley tournament report <db>[/]");
            return;
        }

        var scenarios = new Table().Title("Per scenario").AddColumns("Scenario", "Negotiations", "Agreements", "Welfare", "Dist. Pareto", "Dist. Nash", "Failures", "Best negotiator");
        foreach (var s in report.Scenarios)
            scenarios.AddRow(Markup.Escape(s.Name), s.Negotiations.ToString("N0", Inv), s.AgreementRate.ToString("P1", Inv), F(s.MeanWelfare),
                F(s.MeanDistanceToPareto), F(s.MeanDistanceToNash), s.Failures.ToString("N0", Inv), Markup.Escape(s.Best));
        ConsoleLayout.Write(console, scenarios);

        var pairwise = new Table().Title("Pairwise: share of encounters in which the row negotiator got more utility than the column one (ties count half)").AddColumn("row beats column");
        foreach (var name in report.PairwiseNames) pairwise.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        for (int a = 0; a < report.PairwiseNames.Count; a++)
        {
            var cells = new List<string> { Markup.Escape(report.PairwiseNames[a]) };
            for (int b = 0; b < report.PairwiseNames.Count; b++)
                cells.Add(double.IsNaN(report.WinRate[a, b]) ? "–" : report.WinRate[a, b].ToString("P0", Inv));
            pairwise.AddRow(cells.ToArray());
        }
        ConsoleLayout.Write(console, pairwise);

        if (report.FailureSamples.Count > 0)
        {
            var failures = new Table().Title("Failures (first 10)").AddColumns("Negotiation", "Scenario", "Kind", "Reason");
            foreach (var (index, scenario, kind, reason) in report.FailureSamples)
                failures.AddRow(index.ToString(Inv), Markup.Escape(scenario), Markup.Escape(kind), Markup.Escape(reason));
            ConsoleLayout.Write(console, failures);
        }
    }

    /// <summary>The leaderboard as a JSON array, one object per negotiator (best first), each with its per-scenario means and pairwise win rates.</summary>
    public static void WriteJson(TextWriter writer, TournamentReport report) => JsonOutput.Write(writer, json =>
    {
        json.WriteStartArray();
        for (int i = 0; i < report.Leaderboard.Count; i++)
        {
            var r = report.Leaderboard[i];
            JsonOutput.Pace(json);
            json.WriteStartObject();
            json.WriteString("name", r.Name);
            json.WriteNumber("negotiations", r.Negotiations);
            Number(json, "meanUtility", r.MeanUtility);
            Number(json, "ci95", r.Ci95);
            Number(json, "agreementRate", r.AgreementRate);
            json.WriteNumber("failures", r.Failures);
            Number(json, "distanceToPareto", r.MeanDistanceToPareto);
            Number(json, "distanceToNash", r.MeanDistanceToNash);
            Number(json, "welfare", r.MeanWelfare);
            if (r.ModelNegotiations > 0)
            {
                json.WriteStartObject("opponentModel");
                json.WriteNumber("negotiations", r.ModelNegotiations);
                Number(json, "pearson", r.ModelPearson);
                Number(json, "kendall", r.ModelKendall);
                Number(json, "paretoError", r.ModelParetoError);
                json.WriteEndObject();
            }
            json.WriteStartObject("scenarios");
            foreach (var s in report.Scenarios) Number(json, s.Name, s.MeanUtilities[i]);
            json.WriteEndObject();
            json.WriteStartObject("beats");
            for (int b = 0; b < report.PairwiseNames.Count; b++)
                if (b != i) Number(json, report.PairwiseNames[b], report.WinRate[i, b]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    /// <summary>Writes the leaderboard to <paramref name="file"/>, the per-scenario table to NAME-scenarios.EXT and the pairwise
    /// table to NAME-pairwise.EXT next to it (NAME: the file name without its extension EXT); text cells through <see cref="CsvField"/>.</summary>
    public static void WriteCsv(string file, TournamentReport report)
    {
        var board = new StringBuilder("rank,name,negotiations,mean_utility,ci95,agreement_rate,distance_to_pareto,distance_to_nash,welfare,failures,model_negotiations,model_pearson,model_kendall,model_pareto_error\n");
        int rank = 0;
        foreach (var r in report.Leaderboard)
            board.Append(Inv, $"{++rank},{Csv(r.Name)},{r.Negotiations},{N(r.MeanUtility)},{N(r.Ci95)},{N(r.AgreementRate)},{N(r.MeanDistanceToPareto)},{N(r.MeanDistanceToNash)},{N(r.MeanWelfare)},{r.Failures},{r.ModelNegotiations},{N(r.ModelPearson)},{N(r.ModelKendall)},{N(r.ModelParetoError)}\n");
        File.WriteAllText(file, board.ToString());

        var scenarios = new StringBuilder("scenario,negotiations,agreement_rate,welfare,distance_to_pareto,distance_to_nash,failures,best");
        foreach (var name in report.PairwiseNames) scenarios.Append(',').Append(Csv("u_" + name));
        scenarios.Append('\n');
        foreach (var s in report.Scenarios)
        {
            scenarios.Append(Inv, $"{Csv(s.Name)},{s.Negotiations},{N(s.AgreementRate)},{N(s.MeanWelfare)},{N(s.MeanDistanceToPareto)},{N(s.MeanDistanceToNash)},{s.Failures},{Csv(s.Best)}");
            foreach (double u in s.MeanUtilities) scenarios.Append(',').Append(N(u));
            scenarios.Append('\n');
        }
        File.WriteAllText(Sibling(file, "scenarios"), scenarios.ToString());

        var pairwise = new StringBuilder("row_beats_column");
        foreach (var name in report.PairwiseNames) pairwise.Append(',').Append(Csv(name));
        pairwise.Append('\n');
        for (int a = 0; a < report.PairwiseNames.Count; a++)
        {
            pairwise.Append(Csv(report.PairwiseNames[a]));
            for (int b = 0; b < report.PairwiseNames.Count; b++) pairwise.Append(',').Append(N(report.WinRate[a, b]));
            pairwise.Append('\n');
        }
        File.WriteAllText(Sibling(file, "pairwise"), pairwise.ToString());
    }

    /// <summary>The files <see cref="WriteCsv"/> writes for <paramref name="file"/>: the leaderboard and its two siblings.</summary>
    public static IReadOnlyList<string> CsvFiles(string file) => [file, Sibling(file, "scenarios"), Sibling(file, "pairwise")];

    private static string Sibling(string file, string part)
    {
        string folder = Path.GetDirectoryName(file) ?? "";
        string extension = Path.GetExtension(file) is { Length: > 0 } e ? e : ".csv";
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-{part}{extension}");
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", Inv) : "–";

    private static string N(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", Inv) : "";

    private static string Csv(string s) => CsvField.Format(s);
}
