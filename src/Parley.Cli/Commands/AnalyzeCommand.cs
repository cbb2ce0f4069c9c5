using System.ComponentModel;
using Parley.Analysis;
using Parley.Cli.Output;
using Parley.Protocols;
using Parley.Scenarios;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley analyze</c>.</summary>
public sealed class AnalyzeSettings : ScenarioSettings
{
    [CommandOption("--frontier")]
    [Description("List the Pareto-frontier points (utilities and outcome) in the tables; JSON always lists them.")]
    public bool Frontier { get; init; }

    [CommandOption("--max-points <N>")]
    [Description("Most frontier points listed (default 10000). A larger frontier is listed as N points spread evenly along it, both extremes and the Nash, Kalai–Smorodinsky and max-welfare points included; the count stays exact.")]
    [DefaultValue(AnalysisOptions.DefaultMaxPoints)]
    public int MaxPoints { get; init; } = AnalysisOptions.DefaultMaxPoints;

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the search used on spaces too large to enumerate (ANAC 2014 nonlinear). Default 0.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--effort <FACTOR>")]
    [Description("Relative effort of that search; 1 = default (a few seconds), 0.1 = quick look, 3 = more thorough.")]
    [DefaultValue(1.0)]
    public double Effort { get; init; } = 1.0;

    [CommandOption("--budget <DURATION>")]
    [Description("Time the exact branch-and-bound frontier (hyper-rectangle profiles) may take, e.g. 30s, 500ms, 2m, or 'none'. When it runs out, the best frontier found is shown with a certified gap. Default 30s.")]
    [DefaultValue("30s")]
    public string Budget { get; init; } = "30s";

    [CommandOption("--node-limit <N>")]
    [Description("Also stop the branch and bound after N search nodes (deterministic, unlike a time budget).")]
    public long? NodeLimit { get; init; }

    /// <summary>The parsed <see cref="Budget"/>: null for 'none'.</summary>
    internal TimeSpan? ParsedBudget => Budget.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null
        : DurationText.TryParse(Budget, out var d) ? d : TimeSpan.Zero;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Effort is not (> 0 and <= 100))
            return Spectre.Console.ValidationResult.Error($"--effort must be in (0, 100], got {Effort}");
        if (ParsedBudget is { } budget && budget <= TimeSpan.Zero)
            return Spectre.Console.ValidationResult.Error($"--budget '{Budget}' is not a duration; expected e.g. 30s, 500ms, 2m or none");
        if (MaxPoints < 0)
            return Spectre.Console.ValidationResult.Error($"--max-points must be 0 or more, got {MaxPoints}");
        if (NodeLimit is < 1)
            return Spectre.Console.ValidationResult.Error($"--node-limit must be at least 1, got {NodeLimit}");
        return Spectre.Console.ValidationResult.Success();
    }
}

/// <summary><c>parley analyze</c>: the deal-space analysis of one scenario.</summary>
public sealed class AnalyzeCommand(CliIo io) : Command<AnalyzeSettings>
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.Load(settings.Scenario);
        if (scenario.Space.Issues.FirstOrDefault(i => !i.IsEnumerable) is { } continuous)
            throw new UserErrorException($"{settings.Scenario}: issue '{continuous.Name}' is continuous; give it a discretisation ('steps: N' in YAML, steps=\"N\" in GENIUS XML) to analyse the scenario");
        var published = PublishedFrontier.TryLoad(settings.Scenario);
        var options = new AnalysisOptions(settings.Seed, settings.Effort, settings.MaxPoints) { Budget = settings.ParsedBudget, NodeLimit = settings.NodeLimit };
        var report = ScenarioAnalyzer.Analyze(scenario, options);
        if (published is not null)
            report = report with { PublishedFrontier = PublishedFrontierComparison.Compare(published, report.Frontier.PointsForComparison(), scenario.Principals.Count()) };
        if (settings.Json) AnalysisJson.Write(io.Out, scenario, report);
        else AnalysisTables.Write(io.Console, scenario, report, settings.Frontier);
        return ExitCodes.Ok;
    }
}
