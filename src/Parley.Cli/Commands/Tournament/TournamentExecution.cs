using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cli.Output;
using Parley.Cluster;
using Parley.Tournaments;
using Parley.Tournaments.Reports;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Parley.Cli.Commands.Tournament;

/// <summary>Runs what remains of a stored tournament with a progress bar, then prints the summary and the leaderboard.</summary>
internal static class TournamentExecution
{
    public static int Run(CliIo io, TournamentJobsSettings settings, PreparedTournament tournament, TournamentStore store, long id, CancellationToken cancellation)
    {
        IDisposable claim;
        try { claim = store.Claim(id); }
        catch (StoreException e) { throw new UserErrorException(e.Message); }
        using var _ = claim;
        if (settings.Cluster is null) return Run(io, settings, tournament, store, id, Runner(tournament, settings.JobCount), cancellation);
        using var client = ClusterCoordinator.Connect(settings.Cluster, cancellation);
        return Run(io, settings, tournament, store, id, new ClusterRunner(client.Services.GetRequiredService<IClusterClient>(), id, settings.Batch), cancellation);
    }

    private static int Run(CliIo io, TournamentJobsSettings settings, PreparedTournament tournament, TournamentStore store, long id, ITournamentRunner runner, CancellationToken cancellation)
    {
        string mode = runner switch { ProcessRunner => "worker processes", ClusterRunner => "cluster", _ => "threads" };
        string workers = runner is ClusterRunner ? "on the" : settings.JobCount.ToString(CultureInfo.InvariantCulture);
        int already = store.Find(id)?.Completed ?? 0;
        RunSummary summary;
        if (settings.Quiet || !io.Console.Profile.Capabilities.Interactive)
        {
            summary = TournamentRun.Continue(tournament, id, store, runner, null, cancellation);
        }
        else
        {
            summary = null!;
            io.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DoneOfTotalColumn(), new RateColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"{Markup.Escape(tournament.Spec.Name)} ({workers} {mode})", maxValue: tournament.Count);
                    task.Value = already;
                    summary = TournamentRun.Continue(tournament, id, store, runner, n => task.Increment(n), cancellation);
                    task.Value = already + summary.Ran;
                });
        }
        string where = store.Where;
        string perCpu = runner is ThreadRunner ? string.Create(CultureInfo.InvariantCulture, $"; {summary.RatePerCpuSecond:N0} per CPU-second") : "";
        io.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Tournament {id} in {where}: stored {summary.Ran:N0} negotiations in {summary.Elapsed.TotalSeconds:0.00} s ({summary.Rate:N0}/s, {workers} {mode}{perCpu}); database {summary.DatabaseProcessorShare:P1} of the CPU time, writer busy {summary.DatabaseShare:P1} of the run, {summary.Batches:N0} transactions; {summary.AlreadyStored + summary.Ran:N0} of {summary.Total:N0} done.");
        if (runner is ClusterRunner cluster)
            io.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Cluster: batches ran on {cluster.SilosUsed.Count} silos; {cluster.Reassigned} batches were handed out again after a silo failed.");
        if (summary.AlreadyStored + summary.Ran < summary.Total)
        {
            io.Console.MarkupLineInterpolated($"[yellow]Interrupted: continue with 'parley tournament resume {(settings.Cluster is not null ? "--cluster …" : store.Where.StartsWith("PostgreSQL", StringComparison.Ordinal) ? "--pg …" : where)}'.[/]");
            return ExitCodes.Ok;
        }
        if (!settings.Quiet)
        {
            var stored = store.Find(id)!;
            ReportOutput.WriteTables(io.Console, TournamentReport.Build(stored, store.ReadResults(id)), leaderboardOnly: true);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Threads for built-in negotiators; worker processes when a negotiator comes from a user's assembly (or the file asks for them).</summary>
    internal static ITournamentRunner Runner(PreparedTournament tournament, int jobs)
    {
        bool processes = tournament.Spec.Isolation switch
        {
            IsolationMode.Processes => true,
            IsolationMode.Threads => false,
            _ => tournament.HasUserNegotiators,
        };
        return processes ? new ProcessRunner(jobs, text => WorkerStart(text, tournament.Spec.File), tournament.Spec.WorkerMemory) : new ThreadRunner(jobs);
    }

    /// <summary>Starts this same program as <c>parley tournament worker</c>.</summary>
    internal static ProcessStartInfo WorkerStart(string textFile, string specFile)
    {
        string? process = Environment.ProcessPath;
        bool apphost = process is not null && System.Reflection.Assembly.GetEntryAssembly() == typeof(ParleyApp).Assembly
            && !string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase);
        ProcessStartInfo info;
        if (apphost) info = new ProcessStartInfo(process!);
        else
        {
            string dotnet = process is not null && string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)
                ? process
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            info = new ProcessStartInfo(dotnet);
            info.ArgumentList.Add(typeof(ParleyApp).Assembly.Location);
        }
        foreach (var a in new[] { "tournament", "worker", textFile, "--spec-file", specFile }) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>"done/total".</summary>
    private sealed class DoneOfTotalColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0}"));
    }

    /// <summary>Negotiations per second.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:N0}/s") : "–/s");
    }
}
