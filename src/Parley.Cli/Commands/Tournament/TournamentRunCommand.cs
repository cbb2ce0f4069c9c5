using Parley.Tournaments;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands.Tournament;

/// <summary><c>parley tournament run</c>: validates the tournament file, stores its plan, runs it.</summary>
public sealed class TournamentRunCommand(CliIo io) : Command<TournamentRunSettings>
{
    public override int Execute(CommandContext context, TournamentRunSettings settings, CancellationToken cancellationToken)
    {
        var tournament = TournamentFileReader.ReadFile(settings.File);
        using var store = settings.Open();
        long id = store.Create(tournament);
        return TournamentExecution.Run(io, settings, tournament, store, id, cancellationToken);
    }
}

/// <summary><c>parley tournament resume</c>: runs what an interrupted tournament has not stored yet.</summary>
public sealed class TournamentResumeCommand(CliIo io) : Command<TournamentResumeSettings>
{
    public override int Execute(CommandContext context, TournamentResumeSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.Open();
        var stored = settings.Find(store);
        var tournament = TournamentRun.Reload(stored);
        return TournamentExecution.Run(io, settings, tournament, store, stored.Id, cancellationToken);
    }
}
