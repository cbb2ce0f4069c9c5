using BenchmarkDotNet.Attributes;
using Parley.Tournaments;
using Parley.Tournaments.Running;
using Parley.Tournaments.Storage;

namespace Parley.Benchmarks;

/// <summary>
/// The NegMAS tournament of issue 8 (bench/negmas-tournament.yaml: 4 negotiators, 5 ANAC scenarios, 1000 rounds, both
/// roles, self-play, 3 repetitions = 480 negotiations). Times are per negotiation (OperationsPerInvoke = 480), so
/// negotiations per second = 1 s / Mean. Threads: one or two negotiation threads, results dropped; SQLite: one thread
/// with the batched SQLite writer on a fresh tournament each iteration (the database share of the run is its extra time).
/// </summary>
[MemoryDiagnoser]
public class TournamentBenchmarks
{
    private const int Negotiations = 480;
    private PreparedTournament _tournament = null!;
    private int[] _all = null!;
    private string _folder = null!;
    private TournamentStore? _store;
    private long _id;

    [GlobalSetup]
    public void Setup()
    {
        _tournament = TournamentFileReader.ReadFile(Path.Combine(NegotiationScenarios.RepositoryRoot(), "bench", "negmas-tournament.yaml"));
        if (_tournament.Count != Negotiations) throw new InvalidOperationException($"expected {Negotiations} negotiations, planned {_tournament.Count}");
        _all = Enumerable.Range(0, Negotiations).ToArray();
        for (int s = 0; s < _tournament.Scenarios.Length; s++) _tournament.Analysis(s);
        _folder = Path.Combine(Path.GetTempPath(), "parley-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Negotiations)]
    public void OneThread() => new ThreadRunner(1).RunAsync(_tournament, _all, Discard.Instance, default).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Negotiations)]
    public void TwoThreads() => new ThreadRunner(2).RunAsync(_tournament, _all, Discard.Instance, default).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(OneThreadSqlite))]
    public void NewTournament()
    {
        _store ??= TournamentStore.OpenSqlite(Path.Combine(_folder, "results.db"));
        _id = _store.Create(_tournament);
    }

    [Benchmark(OperationsPerInvoke = Negotiations)]
    public RunSummary OneThreadSqlite() => TournamentRun.Continue(_tournament, _id, _store!, new ThreadRunner(1));

}

/// <summary>A result sink that drops every record: the benchmarks time the negotiations, not the storage.</summary>
internal sealed class Discard : IResultSink
{
    public static readonly Discard Instance = new();

    public void Accept(NegotiationRecord record) { }
}
