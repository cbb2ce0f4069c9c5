using System.ComponentModel;
using Parley.Analysis;
using Parley.Plots;
using Parley.Scenarios;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley plot</c>.</summary>
public sealed class PlotSettings : CommandSettings
{
    [CommandArgument(0, "<input>")]
    [Description("What to plot: a run file (parley negotiate --out run.json), a scenario (GENIUS folder or .yaml file), or a tournament results database (.db, from parley tournament run).")]
    public string Input { get; init; } = "";

    [CommandOption("-o|--out <FILE>")]
    [Description("The picture to write: a .png or .svg file. An existing file is not overwritten unless --force.")]
    public string Out { get; init; } = "";

    [CommandOption("--parties <A,B>")]
    [Description("The two principals on the horizontal and vertical axes. Default: the first two.")]
    public string? Parties { get; init; }

    [CommandOption("--scenario <SCENARIO>")]
    [Description("For a run file: the scenario it was run on, when it is no longer where the run file says.")]
    public string? Scenario { get; init; }

    [CommandOption("--tournament <ID>")]
    [Description("For a results database: which tournament (default the latest).")]
    public long? Tournament { get; init; }

    [CommandOption("--width <PIXELS>")]
    [Description("Width of the picture in pixels. Default 1000 for a scenario or leaderboard, 1800 for a run (two panels).")]
    public int? Width { get; init; }

    [CommandOption("--height <PIXELS>")]
    [Description("Height of the picture in pixels. Default 700.")]
    public int Height { get; init; } = 700;

    [CommandOption("--max-outcomes <N>")]
    [Description("Most outcomes drawn; a larger deal space is drawn as a seeded sample of this many. Default 20000.")]
    public int MaxOutcomes { get; init; } = DealSpaceOptions.DefaultMaxOutcomes;

    [CommandOption("--force")]
    [Description("Overwrite the --out file if it exists.")]
    public bool Force { get; init; }

    [CommandOption("-s|--seed <SEED>")]
    [Description("Seed of the outcome sample and of the frontier search on spaces too large to enumerate. Default 0.")]
    public int Seed { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required: the .png or .svg file to write");
        if (!ChartFile.IsSupported(Out)) return ValidationResult.Error($"--out '{Out}': expected a file name ending in .png or .svg");
        if (OutputPath.ProblemWithFile("--out", Out, Force) is { } problem) return ValidationResult.Error(problem);
        if (Width is < 200 or > 10_000) return ValidationResult.Error($"--width must be between 200 and 10,000 pixels, got {Width}");
        if (Height is < 200 or > 10_000) return ValidationResult.Error($"--height must be between 200 and 10,000 pixels, got {Height}");
        if (MaxOutcomes is < 0 or > 1_000_000) return ValidationResult.Error($"--max-outcomes must be between 0 and 1,000,000, got {MaxOutcomes}");
        if (Parties is not null && Parties.Split(',', StringSplitOptions.TrimEntries) is not [{ Length: > 0 }, { Length: > 0 }])
            return ValidationResult.Error($"--parties '{Parties}': expected two principal names separated by a comma, e.g. --parties A,B");
        return ValidationResult.Success();
    }
}

/// <summary><c>parley plot</c>: draws a run, a scenario's deal space or a tournament leaderboard to PNG or SVG.</summary>
public sealed class PlotCommand(CliIo io) : Command<PlotSettings>
{
    public override int Execute(CommandContext context, PlotSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            string what = PlotInput(settings);
            io.Console.MarkupLineInterpolated($"Wrote {what} to [bold]{settings.Out}[/]");
            return ExitCodes.Ok;
        }
        catch (PlotInputException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    private static string PlotInput(PlotSettings settings)
    {
        string input = settings.Input;
        string ext = Path.GetExtension(input).ToLowerInvariant();
        if (!Directory.Exists(input) && ext == ".json") return PlotRun(settings);
        if (!Directory.Exists(input) && ext is ".db" or ".sqlite" or ".sqlite3") return PlotLeaderboard(settings);
        return PlotScenario(settings);
    }

    private static string PlotLeaderboard(PlotSettings settings)
    {
        if (!File.Exists(settings.Input)) throw new UserErrorException($"{settings.Input}: no such results database");
        TournamentReport report;
        try
        {
            using var store = TournamentStore.OpenSqlite(settings.Input, readOnly: true);
            var stored = (settings.Tournament is { } id ? store.Find(id) : store.Find())
                ?? throw new UserErrorException(settings.Tournament is { } n ? $"{settings.Input}: no tournament {n}" : $"{settings.Input}: holds no tournament yet; run one with 'parley tournament run'");
            report = TournamentReport.Build(stored, store.ReadResults(stored.Id));
        }
        catch (StoreException e)
        {
            throw new UserErrorException(e.Message);
        }
        if (report.Stored == 0) throw new UserErrorException($"{settings.Input}: tournament '{report.Tournament}' has no results yet");
        Save(settings, settings.Width ?? Math.Max(1000, 160 * report.Leaderboard.Count), LeaderboardChart.Build(report));
        return $"the leaderboard of {report.Tournament} ({report.Stored:N0} negotiations)";
    }

    private static string PlotScenario(PlotSettings settings)
    {
        var scenario = ScenarioLoader.Load(settings.Input);
        var space = Space(scenario, settings, reservedAt: 1.0, settings.Input);
        Save(settings, settings.Width ?? 1000, PlaneChart.DealSpace(space));
        return $"the deal space of {scenario.Name}";
    }

    private static string PlotRun(PlotSettings settings)
    {
        var run = RunReader.Read(settings.Input);
        string location = settings.Scenario ?? run.ScenarioLocation
            ?? throw new UserErrorException($"{settings.Input}: the run file does not say where its scenario is; give it with --scenario");
        if (settings.Scenario is null && !Directory.Exists(location) && !File.Exists(location))
            throw new UserErrorException($"{settings.Input}: its scenario '{run.Scenario}' is no longer at '{location}'; give it with --scenario");
        var scenario = ScenarioLoader.Load(location);
        var principals = scenario.Principals.Select(p => p.Name).ToArray();
        if (!run.Parties.All(principals.Contains) || run.Parties.Length != principals.Length)
            throw new UserErrorException($"{settings.Input}: the run's parties ({string.Join(", ", run.Parties)}) are not the principals of {location} ({string.Join(", ", principals)}); give the scenario it was run on with --scenario");
        var space = Space(scenario, settings, run.EndTime, settings.Input);
        ChartPanel[] panels = SequenceChart.Applies(run)
            ? [new ChartPanel(PlaneChart.Run(space, run), 1.5), TimelineChart.StandingOffer(run), new ChartPanel(SequenceChart.Build(run), 1.2)]
            : [new ChartPanel(PlaneChart.Run(space, run), 1.5), TimelineChart.StandingOffer(run)];
        Save(settings, settings.Width ?? (panels.Length == 3 ? 2600 : 1800), panels);
        return $"the run on {run.Scenario} ({run.Entries.Length:N0} transcript entries)";
    }

    private static DealSpace Space(Scenario scenario, PlotSettings settings, double reservedAt, string input)
    {
        var principals = scenario.Principals.Select(p => p.Name).ToList();
        if (principals.Count < 2) throw new UserErrorException($"{input}: the utility plane needs two principals; the scenario has {principals.Count}");
        if (!scenario.Space.IsDiscrete) throw new UserErrorException($"{input}: the outcome space has a continuous real issue; discretise it with 'steps'");
        int x = 0, y = 1;
        if (settings.Parties is { } names)
        {
            var pair = names.Split(',', StringSplitOptions.TrimEntries);
            x = IndexOf(pair[0]);
            y = IndexOf(pair[1]);
            if (x == y) throw new UserErrorException($"--parties '{names}': expected two different principals");
        }
        int IndexOf(string name) => principals.IndexOf(name) is var i and >= 0 ? i
            : throw new UserErrorException($"--parties: '{name}' is not a principal of {scenario.Name}; expected one of: {string.Join(", ", principals)}");
        var analysis = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(settings.Seed));
        return DealSpaceBuilder.Build(scenario, analysis, new DealSpaceOptions(x, y, settings.MaxOutcomes, settings.Seed, reservedAt));
    }

    private static void Save(PlotSettings settings, int width, params ChartPanel[] plots) =>
        OutputPath.Writing(settings.Out, () =>
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
            if (folder is not null) Directory.CreateDirectory(folder);
            ChartFile.Save(settings.Out, width, settings.Height, plots);
            return 0;
        });
}
