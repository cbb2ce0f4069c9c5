using System.ComponentModel;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Scenarios.GeniusWeb;
using Parley.Scenarios.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings of <c>parley convert</c>.</summary>
public sealed class ConvertSettings : CommandSettings
{
    [CommandArgument(0, "<scenario>")]
    [Description("A GENIUS or GeniusWeb scenario folder, or a Parley .yaml scenario file.")]
    public string Scenario { get; init; } = "";

    [CommandOption("--to <FORMAT>")]
    [Description("Target format: 'genius' (a folder of XML files), 'geniusweb' (a folder of JSON files) or 'yaml' (one Parley YAML file).")]
    public string To { get; init; } = "";

    [CommandOption("-o|--out <PATH>")]
    [Description("Where to write: a folder for genius and geniusweb (created if missing), a file for yaml. Existing files are not overwritten unless --force.")]
    public string Out { get; init; } = "";

    [CommandOption("--force")]
    [Description("Overwrite the --out file, or write into a --out folder that is not empty.")]
    public bool Force { get; init; }

    public override ValidationResult Validate()
    {
        if (To is not ("genius" or "geniusweb" or "yaml")) return ValidationResult.Error($"--to must be 'genius', 'geniusweb' or 'yaml', got '{To}'");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required: where to write the converted scenario");
        // YAML is one file; every other format is a folder of files.
        if ((To == "yaml" ? OutputPath.ProblemWithFile("--out", Out, Force) : OutputPath.ProblemWithFolder("--out", Out)) is { } outProblem)
            return ValidationResult.Error(outProblem);
        return ValidationResult.Success();
    }
}

/// <summary><c>parley convert</c>: writes a scenario as GENIUS XML, GeniusWeb JSON or Parley YAML.</summary>
public sealed class ConvertCommand(CliIo io) : Command<ConvertSettings>
{
    public override int Execute(CommandContext context, ConvertSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.Load(settings.Scenario);
        IReadOnlyList<string> warnings;
        try
        {
            if (settings.To is "genius" or "geniusweb")
            {
                if (Directory.Exists(settings.Out) && Directory.EnumerateFileSystemEntries(settings.Out).Any() && !settings.Force)
                    throw new UserErrorException($"--out '{settings.Out}' is a folder that is not empty; pass --force to write into it");
                warnings = settings.To == "genius"
                    ? OutputPath.Writing(settings.Out, () => GeniusScenarioWriter.WriteFolder(scenario, settings.Out))
                    : OutputPath.Writing(settings.Out, () => GeniusWebScenarioWriter.WriteFolder(scenario, settings.Out));
            }
            else
            {
                if (File.Exists(settings.Out) && !settings.Force)
                    throw new UserErrorException(OutputPath.ExistsMessage("--out", settings.Out));
                if (scenario.Principals.Count() < 2)
                    throw new UserErrorException($"{settings.Scenario}: {scenario.Principals.Count()} principal part{(scenario.Principals.Count() == 1 ? "y" : "ies")}; a Parley YAML scenario needs at least two, so the file written could not be read back");
                warnings = OutputPath.Writing(settings.Out, () => YamlScenarioWriter.WriteFile(scenario, settings.Out));
            }
        }
        catch (NotSupportedException e)
        {
            throw new UserErrorException($"{settings.Scenario}: cannot be written as {settings.To}: {e.Message}");
        }
        foreach (var w in warnings) io.Console.MarkupLineInterpolated($"[yellow]warning:[/] {w}");
        io.Console.MarkupLineInterpolated($"Wrote [bold]{scenario.Name}[/] ({scenario.Parties.Length} parties, {scenario.Space.IssueCount} issues) to {settings.Out}");
        return ExitCodes.Ok;
    }
}
