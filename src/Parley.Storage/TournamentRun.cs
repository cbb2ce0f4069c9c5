using System.Diagnostics;
using Parley.Scenarios;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;

namespace Parley.Tournaments;

/// <summary>What one run or resume did.</summary>
/// <param name="Tournament">Tournament id in the database.</param>
/// <param name="Total">Negotiations in the plan.</param>
/// <param name="AlreadyStored">Negotiations stored before this run started (resume).</param>
/// <param name="Ran">Negotiations this run stored.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="DatabaseTime">Wall-clock time the results writer spent in the database (its own thread, alongside the negotiations; for PostgreSQL including the wait for the server).</param>
/// <param name="Batches">Transactions written.</param>
/// <param name="ProcessorTime">CPU time this process used during the run (all its threads; worker processes not included).</param>
/// <param name="DatabaseProcessorTime">CPU time the results writer's thread used storing.</param>
public sealed record RunSummary(long Tournament, int Total, int AlreadyStored, int Ran, TimeSpan Elapsed, TimeSpan DatabaseTime, int Batches, TimeSpan ProcessorTime,
    TimeSpan DatabaseProcessorTime)
{
    /// <summary>Negotiations per second of CPU time: the rate one idle core would give, whatever else the machine is doing.</summary>
    public double RatePerCpuSecond => Ran / Math.Max(ProcessorTime.TotalSeconds, 1e-9);

    /// <summary>Negotiations per second of this run.</summary>
    public double Rate => Ran / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Share of the run's wall-clock time the results writer was busy in the database (on its own thread, so not time the negotiations waited).</summary>
    public double DatabaseShare => DatabaseTime.TotalSeconds / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>
    /// Share of the process's CPU time spent storing results: with every core busy, how much longer the run took for
    /// the database. Counts this process only (a PostgreSQL server's own work is not in it).
    /// </summary>
    public double DatabaseProcessorShare => DatabaseProcessorTime.TotalSeconds / Math.Max(ProcessorTime.TotalSeconds, 1e-9);
}

/// <summary>Runs and resumes tournaments: what remains to run comes from the store, a runner runs it, results go back to the store in batches.</summary>
public static class TournamentRun
{
    /// <summary>Stores <paramref name="tournament"/> as a new tournament and runs it all.</summary>
    public static RunSummary Start(PreparedTournament tournament, TournamentStore store, ITournamentRunner runner, Action<int>? stored = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        long id = store.Create(tournament);
        return Continue(tournament, id, store, runner, stored, cancellation);
    }

    /// <summary>Prepares the stored tournament again from the text saved with it; throws <see cref="ScenarioFormatException"/> when its files no longer fit.</summary>
    public static PreparedTournament Reload(StoredTournament stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var tournament = TournamentFileReader.Read(stored.SpecFile, stored.SpecText);
        if (tournament.Count != stored.NegotiationCount)
            throw new ScenarioFormatException(stored.SpecFile, null,
                $"the tournament now plans {tournament.Count} negotiations, but {stored.NegotiationCount} were stored; its scenario folders changed since it started, so it cannot be resumed");
        return tournament;
    }

    /// <summary>Runs whatever of tournament <paramref name="id"/> has no result yet (all of it on a fresh tournament).</summary>
    public static RunSummary Continue(PreparedTournament tournament, long id, TournamentStore store, ITournamentRunner runner, Action<int>? stored = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runner);
        var pending = store.Pending(id, tournament.Count);
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var recorder = new BatchingRecorder(store, id, stored);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, recorder.Failed);
        try
        {
            runner.RunAsync(tournament, pending, recorder, linked.Token).GetAwaiter().GetResult();
        }
        finally
        {
            recorder.Complete();
        }
        clock.Stop();
        self.Refresh();
        return new RunSummary(id, tournament.Count, tournament.Count - pending.Count, recorder.Stored, clock.Elapsed, recorder.WriteTime, recorder.Batches,
            self.TotalProcessorTime - cpu, recorder.WriteCpuTime);
    }
}
