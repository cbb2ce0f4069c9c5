using System.ComponentModel;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Settings shared by every command that reads a scenario.</summary>
public class ScenarioSettings : CommandSettings
{
    [CommandArgument(0, "<scenario>")]
    [Description("A GENIUS scenario folder (one domain .xml plus one profile .xml per party), a GeniusWeb folder (a domain .json plus one profile .json per party) or a Parley .yaml scenario file.")]
    public string Scenario { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of tables.")]
    public bool Json { get; init; }
}
