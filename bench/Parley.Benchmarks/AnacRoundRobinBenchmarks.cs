using BenchmarkDotNet.Attributes;
using Parley.Tournaments;
using Parley.Tournaments.Running;

namespace Parley.Benchmarks;

/// <summary>
/// The ANAC round robin of issue 21 (bench/anac-round-robin.yaml: the 13 ANAC agents plus the GENIUS Boulware and
/// Conceder, every ordered pair with self-play, SAOP 1000 rounds, five scenarios, two repetitions = 2,250 negotiations)
/// on one negotiation thread, results dropped, the opponent-model accuracy measured after every negotiation as a stored
/// run does. Per negotiation: negotiations per second = 1 s / Mean; GENIUS runs 0.54 a second, so 1000× GENIUS is a
/// Mean of at most 1.85 ms.
/// </summary>
[MemoryDiagnoser]
public class AnacRoundRobinBenchmarks
{
    internal const int Negotiations = 2250;
    private PreparedTournament _tournament = null!;
    private int[] _all = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tournament = Read();
        _all = Enumerable.Range(0, Negotiations).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Negotiations)]
    public void All() => Run(_tournament, _all);

    internal static PreparedTournament Read()
    {
        var tournament = TournamentFileReader.ReadFile(Path.Combine(NegotiationScenarios.RepositoryRoot(), "bench", "anac-round-robin.yaml"));
        if (tournament.Count != Negotiations) throw new InvalidOperationException($"expected {Negotiations} negotiations, planned {tournament.Count}");
        for (int s = 0; s < tournament.Scenarios.Length; s++) tournament.Analysis(s);
        return tournament;
    }

    internal static void Run(PreparedTournament tournament, int[] negotiations) =>
        new ThreadRunner(1).RunAsync(tournament, negotiations, Discard.Instance, default).GetAwaiter().GetResult();
}

/// <summary>
/// The 290 negotiations of the ANAC round robin (<see cref="AnacRoundRobinBenchmarks"/>) that one agent takes part in,
/// its self-play included, per negotiation: what that agent's pairings cost.
/// </summary>
[MemoryDiagnoser]
public class AnacAgentPairingsBenchmarks
{
    private const int PerAgent = 290;
    private PreparedTournament _tournament = null!;
    private int[] _withAgent = null!;

    [Params("thefawkes", "iamhaggler2011", "caduceus", "nicetitfortat", "atlas3", "agentk", "boulware")]
    public string Agent { get; set; } = "thefawkes";

    [GlobalSetup]
    public void Setup()
    {
        _tournament = AnacRoundRobinBenchmarks.Read();
        int agent = _tournament.Spec.Negotiators.Select(n => n.Name).ToList().IndexOf(Agent);
        if (agent < 0) throw new InvalidOperationException($"no negotiator '{Agent}' in bench/anac-round-robin.yaml");
        _withAgent = Enumerable.Range(0, AnacRoundRobinBenchmarks.Negotiations).Where(i => _tournament[i].Seats.Contains(agent)).ToArray();
        if (_withAgent.Length != PerAgent) throw new InvalidOperationException($"expected {PerAgent} negotiations with {Agent}, found {_withAgent.Length}");
    }

    [Benchmark(OperationsPerInvoke = PerAgent)]
    public void WithAgent() => AnacRoundRobinBenchmarks.Run(_tournament, _withAgent);
}
