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

    [CommandOption("--channel <PATH>")]
    [Description("The coordinator's private socket (its token comes in the environment).")]
    public string Channel { get; init; } = "";

    [CommandOption("--board <PATH>")]
    [Description("The file shared with the coordinator that says which seat is in a call.")]
    public string? Board { get; init; }
}

/// <summary>
/// A worker process of <c>tournament run</c>: connects to the coordinator's private channel before it loads any user
/// assembly, then reads plan indices and answers each with one report (<c>WorkerWire</c>). Standard output and error are
/// left to negotiators: nothing written there reaches the results.
/// </summary>
public sealed class TournamentWorkerCommand : Command<TournamentWorkerSettings>
{
    public override int Execute(CommandContext context, TournamentWorkerSettings settings, CancellationToken cancellationToken)
    {
        string token = Environment.GetEnvironmentVariable(WorkerChannel.TokenVariable) ?? "";
        Environment.SetEnvironmentVariable(WorkerChannel.TokenVariable, null);
        using var channel = WorkerChannel.Connect(settings.Channel, token);
        var tournament = TournamentFileReader.Read(Path.GetFullPath(settings.SpecFile), File.ReadAllText(settings.TextFile));
        using var input = new StreamReader(channel, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var output = new StreamWriter(channel, new System.Text.UTF8Encoding(false), leaveOpen: true) { AutoFlush = false };
        using var board = settings.Board is { } b ? CallBoard.Open(b) : null;
        WorkerHost.Run(tournament, input, output, null, guardProcess: true, board);
        return ExitCodes.Ok;
    }
}
