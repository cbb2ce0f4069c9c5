using Parley.Cli.Output;
using Parley.Tournaments.Reports;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands.Tournament;

/// <summary><c>parley tournament report</c>: leaderboard, per-scenario summary and pairwise table of stored results.</summary>
public sealed class TournamentReportCommand(CliIo io) : Command<TournamentReportSettings>
{
    public override int Execute(CommandContext context, TournamentReportSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.Open();
        var stored = settings.Find(store);
        var report = TournamentReport.Build(stored, store.ReadResults(stored.Id));
        if (settings.Csv is { } csv)
        {
            try { ReportOutput.WriteCsv(csv, report); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException($"{csv}: cannot be written: {e.Message}");
            }
        }
        if (settings.Json) ReportOutput.WriteJson(io.Out, report);
        else ReportOutput.WriteTables(io.Console, report, leaderboardOnly: false);
        return ExitCodes.Ok;
    }
}
