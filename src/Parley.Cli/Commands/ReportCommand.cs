using System.ComponentModel;
using System.Globalization;
using Parley.Cli.Output;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley report</c>.</summary>
public sealed class ReportSettings : ScenarioSettings
{
    [CommandOption("--at <DATE>")]
    [Description("The date to report on (YYYY-MM-DD, within the scenario's dates), or a normalised time in [[0, 1]]. Default: the start.")]
    public string? At { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Write the report to FILE: .md for Markdown, .html for a self-contained web page, .json for the JSON document. An existing file is not overwritten unless --force.")]
    public string? Out { get; init; }

    [CommandOption("--force")]
    [Description("Overwrite the --out file if it exists.")]
    public bool Force { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the mediated runs. Default 0.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--no-runs")]
    [Description("Skip the mediated runs (the rest of the report is exact analysis).")]
    public bool NoRuns { get; init; }

    [CommandOption("--robustness")]
    [Description("Vary every number the scenario marks as an assumption ({value, range, source}) over its range, one at a time and jointly (seeded by --seed), and say which findings hold.")]
    public bool Robustness { get; init; }

    public override ValidationResult Validate()
    {
        if (At is { } at && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !(double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && t is >= 0 and <= 1))
            return ValidationResult.Error($"--at: '{at}' is neither a date (YYYY-MM-DD) nor a normalised time in [0, 1]");
        if (Out is { } o && Path.GetExtension(o).ToLowerInvariant() is not (".md" or ".html" or ".htm" or ".json"))
            return ValidationResult.Error($"--out: '{o}' must end in .md, .html or .json");
        if (Out is not null && OutputPath.ProblemWithFile("--out", Out, Force) is { } outProblem) return ValidationResult.Error(outProblem);
        return ValidationResult.Success();
    }
}

/// <summary><c>parley report</c>: the analyst's report on a scenario at one date.</summary>
public sealed class ReportCommand(CliIo io) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.Load(settings.Scenario);
        DateOnly? date = null;
        double time = 0;
        if (settings.At is { } at)
        {
            if (DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else time = double.Parse(at, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        ScenarioReport report;
        try
        {
            report = ReportBuilder.Build(scenario, new ReportOptions(date, time, settings.Seed, !settings.NoRuns));
            if (settings.Robustness) report = report with { Robustness = Parley.Reports.Robustness.Of(scenario, new ReportOptions(date, time, settings.Seed, !settings.NoRuns), seed: settings.Seed) };
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"{settings.Scenario}: {e.Message}");
        }
        if (settings.Out is { } file)
        {
            string ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext == ".json") OutputPath.WriteFile(file, writer => ReportJson.Write(writer, report));
            else
            {
                var document = ReportDocument.From(report);
                OutputPath.WriteFile(file, writer => writer.Write(ext == ".md" ? document.ToMarkdown() : document.WithCharts(report).ToHtml()));
            }
            if (!settings.Json) io.Console.MarkupLineInterpolated($"Report written to {file}");
        }
        if (settings.Json) ReportJson.Write(io.Out, report);
        else if (settings.Out is null) io.Out.Write(ReportDocument.From(report).ToMarkdown());
        return ExitCodes.Ok;
    }
}
