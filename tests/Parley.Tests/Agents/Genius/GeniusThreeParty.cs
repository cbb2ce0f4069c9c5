using System.Globalization;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// The statistical GENIUS check at a table of three: a golden file of GENIUS's multilateral SAOP sessions (one row per
/// session: scenario, agent1, agent2, agent3, agreement, utility1, utility2, utility3, geniusRound; the first seat has
/// the scenario's first profile and moves first) replayed in Parley once per GENIUS session (seeds 1, 2, …); each
/// agent's mean utility and agreement rate on both sides.
/// </summary>
public static class GeniusThreeParty
{
    public static GeniusRoundRobin.Means Compare(string file, Action<string>? log = null)
    {
        var rows = File.ReadLines(Path.Combine(GeniusGolden.Folder, file))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("scenario,", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(rows);
        var genius = new Dictionary<string, List<(double, bool)>>();
        var parley = new Dictionary<string, List<(double, bool)>>();
        static void Add(Dictionary<string, List<(double, bool)>> into, string agent, double u, bool agreed)
        {
            if (!into.TryGetValue(agent, out var list)) into[agent] = list = [];
            list.Add((u, agreed));
        }
        int seed = 0;
        foreach (var f in rows)
        {
            var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, f[0]));
            Assert.Equal(3, scenario.Parties.Length);
            string[] agents = [f[1], f[2], f[3]];
            bool agreed = f[4] == "yes";
            for (int i = 0; i < 3; i++) Add(genius, agents[i], double.Parse(f[5 + i], CultureInfo.InvariantCulture), agreed);
            var result = Negotiation.Run(scenario, [.. agents.Select(a => NegotiatorRegistry.Create(a.ToLowerInvariant()))],
                new SaoOptions { Rounds = 1000, Seed = ++seed, PerTurnBudget = TimeSpan.FromSeconds(30) });
            Assert.Null(result.Failure);
            bool parleyAgreed = result.Status == NegotiationStatus.Agreed;
            for (int i = 0; i < 3; i++) Add(parley, agents[i], result.UndiscountedUtilities[i], parleyAgreed);
            log?.Invoke($"{string.Join("-", agents)}: Parley {string.Join("/", result.UndiscountedUtilities.Select(u => u.ToString("F3", CultureInfo.InvariantCulture)))} round {result.Steps / 3 + 1}; GENIUS {string.Join("/", f[5..8].Select(x => double.Parse(x, CultureInfo.InvariantCulture).ToString("F3", CultureInfo.InvariantCulture)))} round {int.Parse(f[8], CultureInfo.InvariantCulture) - 1}");
        }
        static Dictionary<string, (double, double)> Mean(Dictionary<string, List<(double Utility, bool Agreed)>> d) =>
            d.ToDictionary(kv => kv.Key, kv => (kv.Value.Average(x => x.Utility), kv.Value.Average(x => x.Agreed ? 1.0 : 0.0)));
        return new GeniusRoundRobin.Means(Mean(genius), Mean(parley));
    }
}
