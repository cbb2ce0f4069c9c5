using System.ComponentModel;
using Parley.Agents.Negotiators;
using Parley.Tournaments;
using Parley.Tournaments.Running;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands.Tournament;

/// <summary>Settings of the hidden <c>parley tournament worker</c>.</summary>
public sealed class TournamentWorkerSettings : CommandSettings
{
    [CommandArgument(0, "<text>")]
    [Description("File holding the tournament text.")]
    public string TextFile { get; init; } = "";

    [CommandOption("--spec-file <FILE>")]
    [Description("The tournament file the text came from (relative paths resolve against its folder).")]
    public string SpecFile { get; init; } = "";
}

/// <summary>
/// A worker process of <c>tournament run</c>: reads plan indices on stdin, writes one JSON record per line on stdout.
/// Negotiators' own console output goes to stderr so it cannot corrupt the records.
/// </summary>
public sealed class TournamentWorkerCommand : Command<TournamentWorkerSettings>
{
    public override int Execute(CommandContext context, TournamentWorkerSettings settings, CancellationToken cancellationToken)
    {
        var tournament = TournamentFileReader.Read(Path.GetFullPath(settings.SpecFile), File.ReadAllText(settings.TextFile));
        using var results = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        Console.SetOut(Console.Error);
        WorkerHost.Run(tournament, Console.In, results);
        return ExitCodes.Ok;
    }
}
