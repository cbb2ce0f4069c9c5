using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Cluster.Tests;

/// <summary>
/// The coordinator's batch logic and the silos' grain on Orleans' own in-process test cluster (two silos, no
/// PostgreSQL): every negotiation comes back once, with exactly the local runner's results, also when a silo is killed
/// while it holds batches. The whole path with silo processes and PostgreSQL is tests/Parley.Cli.Tests/ClusterEndToEndTests.
/// </summary>
public sealed class ClusterRunnerTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Silos>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_TwoSilos_ReturnEachNegotiationOnce_AsTheLocalRunnerDoes()
    {
        var tournament = Tournaments.Small;
        var runner = new ClusterRunner(_cluster.Client, tournamentId: 1, batchSize: 4);
        var sink = new Sink();
        await runner.RunAsync(tournament, Enumerable.Range(0, tournament.Count).ToList(), sink, CancellationToken.None);

        Assert.Equal(tournament.Count, sink.Records.Count);
        Assert.Equal(Enumerable.Range(0, tournament.Count), sink.Records.Keys.Order());
        Assert.Equal(2, runner.SilosUsed.Count);
        var local = Local(tournament);
        Assert.All(sink.Records.Values, r => Assert.True(r.SameOutcomeAs(local[r.Index]), $"negotiation {r.Index} differs from the local run"));
    }

    [Fact]
    public async Task RunAsync_SiloKilledMidRun_ItsBatchesRunElsewhere_NothingTwice()
    {
        var tournament = Tournaments.Small;
        var runner = new ClusterRunner(_cluster.Client, tournamentId: 1, batchSize: 2);
        var victim = _cluster.SecondarySilos[0];
        Task? kill = null;
        var sink = new Sink(count =>
        {
            if (count == tournament.Count / 4) kill = _cluster.KillSiloAsync(victim);
        });
        await runner.RunAsync(tournament, Enumerable.Range(0, tournament.Count).ToList(), sink, CancellationToken.None);
        Assert.NotNull(kill);
        await kill;
        Assert.True(runner.Reassigned > 0, "the killed silo's batches should have been handed out again");

        Assert.Equal(0, sink.Duplicates);
        Assert.Equal(Enumerable.Range(0, tournament.Count), sink.Records.Keys.Order());
        var local = Local(tournament);
        Assert.All(sink.Records.Values, r => Assert.True(r.SameOutcomeAs(local[r.Index]), $"negotiation {r.Index} differs from the local run"));
    }

    private static NegotiationRecord[] Local(PreparedTournament tournament) =>
        [.. Enumerable.Range(0, tournament.Count).Select(i => NegotiationExecutor.Execute(tournament, i))];

    /// <summary>Collects records; counts any index delivered twice.</summary>
    private sealed class Sink(Action<int>? afterEach = null) : IResultSink
    {
        private int _count;

        public ConcurrentDictionary<int, NegotiationRecord> Records { get; } = new();

        public int Duplicates;

        public void Accept(NegotiationRecord record)
        {
            if (!Records.TryAdd(record.Index, record)) Interlocked.Increment(ref Duplicates);
            afterEach?.Invoke(Interlocked.Increment(ref _count));
        }
    }

    /// <summary>Every silo of the test cluster prepares tournaments from <see cref="Tournaments"/> instead of a database.</summary>
    private sealed class Silos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.ConfigureServices(services => services.AddSingleton(new SiloTournaments(_ => Tournaments.Small, 1, (_, workers) => new ThreadRunner(workers))));
    }
}

/// <summary>The tournament the tests run: three built-in negotiators (one with an opponent model, whose accuracy the silos measure) on the two shipped bilateral scenarios (72 negotiations).</summary>
internal static class Tournaments
{
    private static readonly Lazy<PreparedTournament> Prepared = new(() =>
    {
        string scenarios = Path.Combine(RepositoryRoot(), "scenarios");
        string file = Path.Combine(AppContext.BaseDirectory, "cluster-test-tournament.yaml");
        File.WriteAllText(file, $"""
            name: cluster test
            seed: 3
            protocol: {"{"}name: sao, rounds: 200{"}"}
            repetitions: 2
            negotiators: [boulware, conceder, hardheaded-style]
            scenarios: [{Path.Combine(scenarios, "Laptop")}, {Path.Combine(scenarios, "EnglandZimbabwe")}]
            """);
        var tournament = TournamentFileReader.ReadFile(file);
        Assert.Equal(72, tournament.Count);
        return tournament;
    });

    public static PreparedTournament Small => Prepared.Value;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
