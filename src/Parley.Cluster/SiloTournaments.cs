using System.Collections.Concurrent;
using Parley.Tournaments;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;

namespace Parley.Cluster;

/// <summary>
/// A silo's view of the tournaments it works on: each is prepared once from the plan text stored in the shared database
/// (so every silo plans exactly what the coordinator planned, with the same seeds) and kept for later batches.
/// </summary>
/// <param name="connectionString">The cluster's PostgreSQL.</param>
/// <param name="workers">Negotiations this silo runs at once.</param>
/// <param name="runner">Makes the runner for a tournament (threads, or isolated worker processes) with the given number of workers.</param>
public sealed class SiloTournaments(string connectionString, int workers, Func<PreparedTournament, int, ITournamentRunner> runner)
{
    private readonly ConcurrentDictionary<long, Lazy<PreparedTournament>> _prepared = new();
    private readonly Func<long, PreparedTournament>? _load;

    /// <summary>Tournaments prepared by <paramref name="load"/> (e.g. from files a test holds) instead of from the shared database.</summary>
    public SiloTournaments(Func<long, PreparedTournament> load, int workers, Func<PreparedTournament, int, ITournamentRunner> runner)
        : this("", workers, runner) => _load = load;

    /// <summary>Negotiations this silo runs at once.</summary>
    public int Workers { get; } = workers >= 1 ? workers : throw new ArgumentOutOfRangeException(nameof(workers), workers, "expected at least one worker");

    /// <summary>Tournament <paramref name="id"/>, prepared on first use.</summary>
    public PreparedTournament Get(long id) =>
        _prepared.GetOrAdd(id, key => new Lazy<PreparedTournament>(() => Load(key), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>The runner for a batch of <paramref name="tournament"/>.</summary>
    public ITournamentRunner Runner(PreparedTournament tournament) => runner(tournament, Workers);

    private PreparedTournament Load(long id)
    {
        if (_load is not null) return _load(id);
        using var store = TournamentStore.OpenPostgres(connectionString);
        var stored = store.Find(id) ?? throw new InvalidOperationException($"{store.Where}: no tournament with id {id}");
        return TournamentRun.Reload(stored);
    }
}
