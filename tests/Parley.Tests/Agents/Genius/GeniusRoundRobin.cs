using System.Globalization;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// The statistical GENIUS check of a randomised agent: a golden round robin recorded from GENIUS (one row per session:
/// scenario, agentA, agentB, profileA, profileB, agreement, utilityA, utilityB, …) replayed in Parley over several seeds;
/// each agent's mean utility and agreement rate, in Parley and in GENIUS.
/// </summary>
public static class GeniusRoundRobin
{
    public sealed record Row(string Scenario, string AgentA, string AgentB, string ProfileA, string ProfileB, bool Agreement, double UtilityA, double UtilityB);

    /// <summary>Per agent: (mean utility, agreement rate) over its sessions in either seat.</summary>
    public sealed record Means(Dictionary<string, (double Utility, double Agreement)> Genius, Dictionary<string, (double Utility, double Agreement)> Parley);

    public static List<Row> Read(string file) =>
        [.. File.ReadLines(Path.Combine(GeniusGolden.Folder, file))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("scenario,", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .Select(f => new Row(f[0], f[1], f[2], f[3], f[4], f[5] == "yes", D(f[6]), D(f[7])))];

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>
    /// Replays every pairing of <paramref name="golden"/> in Parley once per GENIUS session of it (seeds 1, 2, … in
    /// every pairing, or with <paramref name="distinctSeeds"/> one seed per session over the whole file, so that an agent
    /// whose one draw per negotiation shapes it, as PonPokoAgent's pattern, is not held to the same few draws in every
    /// pairing), so both sides weigh each pairing alike, and averages both sides.
    /// </summary>
    public static Means Compare(IReadOnlyList<Row> golden, Action<string>? log = null, bool distinctSeeds = false)
    {
        int sessionsBefore = 0;
        var genius = new Dictionary<string, List<(double Utility, bool Agreed)>>();
        var parley = new Dictionary<string, List<(double Utility, bool Agreed)>>();
        static void Add(Dictionary<string, List<(double, bool)>> into, string agent, double u, bool agreed)
        {
            if (!into.TryGetValue(agent, out var list)) into[agent] = list = [];
            list.Add((u, agreed));
        }
        foreach (var r in golden)
        {
            Add(genius, r.AgentA, r.UtilityA, r.Agreement);
            Add(genius, r.AgentB, r.UtilityB, r.Agreement);
        }
        foreach (var pairing in golden.GroupBy(r => (r.Scenario, r.AgentA, r.AgentB)))
        {
            var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, pairing.Key.Scenario));
            Assert.Equal(Path.GetFileNameWithoutExtension(pairing.First().ProfileA), scenario.Parties[0].Name);
            for (int repetition = 1; repetition <= pairing.Count(); repetition++)
            {
                int seed = distinctSeeds ? sessionsBefore + repetition : repetition;
                var result = Negotiation.Run(scenario,
                    [NegotiatorRegistry.Create(pairing.Key.AgentA.ToLowerInvariant()), NegotiatorRegistry.Create(pairing.Key.AgentB.ToLowerInvariant())],
                    new SaoOptions { Rounds = 1000, Seed = seed, PerTurnBudget = TimeSpan.FromSeconds(30) });
                Assert.Null(result.Failure);
                bool agreed = result.Status == NegotiationStatus.Agreed;
                Add(parley, pairing.Key.AgentA, result.UndiscountedUtilities[0], agreed);
                Add(parley, pairing.Key.AgentB, result.UndiscountedUtilities[1], agreed);
                log?.Invoke($"{pairing.Key.Scenario} {pairing.Key.AgentA}-{pairing.Key.AgentB} seed {seed}: Parley {result.UndiscountedUtilities[0]:F3}/{result.UndiscountedUtilities[1]:F3} in {result.Steps} steps; GENIUS {string.Join(" ", pairing.Select(r => $"{r.UtilityA:F3}/{r.UtilityB:F3}"))}");
            }
            sessionsBefore += pairing.Count();
        }
        static Dictionary<string, (double, double)> Mean(Dictionary<string, List<(double Utility, bool Agreed)>> d) =>
            d.ToDictionary(kv => kv.Key, kv => (kv.Value.Average(x => x.Utility), kv.Value.Average(x => x.Agreed ? 1.0 : 0.0)));
        return new Means(Mean(genius), Mean(parley));
    }

    /// <summary>Asserts every agent's mean utility within <paramref name="utilityTolerance"/> and agreement rate within <paramref name="agreementTolerance"/> of GENIUS's.</summary>
    public static void AssertClose(Means means, double utilityTolerance, double agreementTolerance)
    {
        foreach (var (agent, (gu, ga)) in means.Genius)
        {
            var (pu, pa) = means.Parley[agent];
            Assert.True(Math.Abs(gu - pu) <= utilityTolerance, $"{agent}: GENIUS mean utility {gu:F4}, Parley {pu:F4}");
            Assert.True(Math.Abs(ga - pa) <= agreementTolerance, $"{agent}: GENIUS agreement rate {ga:F3}, Parley {pa:F3}");
        }
    }

    /// <summary>
    /// For a golden round robin with transcripts (columns 10 and 11: actions, transcriptHash): the pairings with
    /// <paramref name="agent"/> in which every GENIUS session had the same transcript (its random draws did not matter),
    /// replayed in Parley with seed 1; returns how many repeat GENIUS's transcript and how many were replayed.
    /// </summary>
    public static (int Same, int Replayed) ReplayRepeatedPairings(string file, string agent, Action<string>? log = null)
    {
        var repeated = File.ReadLines(Path.Combine(GeniusGolden.Folder, file))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("scenario,", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .GroupBy(f => (Scenario: f[0], A: f[1], B: f[2]))
            .Where(g => (g.Key.A == agent || g.Key.B == agent) && g.Select(f => f[11]).Distinct().Count() == 1)
            .Select(g => g.First())
            .Select(f => new GeniusSession(f[0], f[1], f[2], f[3], f[4], f[5] == "yes", int.Parse(f[8], CultureInfo.InvariantCulture),
                D(f[6]), D(f[7]), int.Parse(f[10], CultureInfo.InvariantCulture), f[11]))
            .ToList();
        int same = 0;
        foreach (var session in repeated)
        {
            var (result, scenario) = GeniusGolden.Run(session, name => NegotiatorRegistry.Create(name.ToLowerInvariant()));
            bool equal = GeniusGolden.Hash(GeniusGolden.TranscriptLines(result, scenario)) == session.TranscriptHash;
            if (equal) same++;
            log?.Invoke($"{session}: GENIUS {session.UtilityA:F3}/{session.UtilityB:F3} round {session.Rounds}, Parley {result.UndiscountedUtilities[0]:F3}/{result.UndiscountedUtilities[1]:F3} round {result.Rounds}: {(equal ? "same transcript" : "DIFFERENT")}");
        }
        return (same, repeated.Count);
    }
}
