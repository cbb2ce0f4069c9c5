using Parley.Agents.Anac.Y2015;
using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;
using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// Atlas3 against GENIUS: the original draws from unseeded <c>java.util.Random</c>s (its bid searches), so sessions
/// cannot repeat offer by offer; the round robin of Atlas3, Boulware and Conceder (every ordered pair with self-play,
/// SAOP 1000 rounds) on the golden file's scenarios must give each agent GENIUS's mean utility and agreement rate within
/// the tolerance (golden file <c>atlas3.csv</c>, README.md in this folder).
/// </summary>
public class Atlas3GeniusTests(ITestOutputHelper output)
{
    private const double UtilityTolerance = 0.02;

    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read("atlas3.csv");
        Assert.True(golden.Count >= 3 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden, log: output.WriteLine);
        foreach (var (agent, g) in means.Genius)
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("Atlas3", means.Genius.Keys);
    }

    /// <summary>
    /// The three-party table: GENIUS's multilateral SAOP sessions of Atlas3, Boulware and Conceder on group2-dinner in
    /// every seat order (<c>atlas3-threeparty.csv</c>), replayed once per GENIUS session; each agent's mean utility and
    /// agreement rate as GENIUS's.
    /// </summary>
    [Fact]
    public void ThreeParty_MeanUtilityAndAgreementAsGenius()
    {
        var rows = File.ReadLines(Path.Combine(GeniusGolden.Folder, "atlas3-threeparty.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("scenario,", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count >= 6, $"only {rows.Count} GENIUS sessions");
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, rows[0][0]));
        Assert.Equal(["Dinner_util1", "Dinner_util2", "Dinner_util3"], scenario.Parties.Select(p => p.Name));
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
            string[] agents = [f[1], f[2], f[3]];
            bool agreed = f[4] == "yes";
            for (int i = 0; i < 3; i++) Add(genius, agents[i], double.Parse(f[5 + i], System.Globalization.CultureInfo.InvariantCulture), agreed);
            var result = Negotiation.Run(scenario, [.. agents.Select(a => NegotiatorRegistry.Create(a.ToLowerInvariant()))],
                new SaoOptions { Rounds = 1000, Seed = ++seed, PerTurnBudget = TimeSpan.FromSeconds(30) });
            Assert.Null(result.Failure);
            bool parleyAgreed = result.Status == NegotiationStatus.Agreed;
            for (int i = 0; i < 3; i++) Add(parley, agents[i], result.UndiscountedUtilities[i], parleyAgreed);
            output.WriteLine($"{string.Join("-", agents)}: Parley {string.Join("/", result.UndiscountedUtilities.Select(u => u.ToString("F3")))} round {result.Steps / 3 + 1}; GENIUS {string.Join("/", f[5..8].Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture).ToString("F3")))} round {int.Parse(f[8]) - 1}");
        }
        foreach (var agent in genius.Keys)
        {
            double g = genius[agent].Average(x => x.Item1), p = parley[agent].Average(x => x.Item1);
            double ga = genius[agent].Average(x => x.Item2 ? 1.0 : 0.0), pa = parley[agent].Average(x => x.Item2 ? 1.0 : 0.0);
            output.WriteLine($"{agent}: GENIUS {g:F4} ({ga:P0}), Parley {p:F4} ({pa:P0})");
            Assert.True(Math.Abs(g - p) <= UtilityTolerance, $"{agent}: GENIUS mean utility {g:F4}, Parley {p:F4}");
            Assert.True(Math.Abs(ga - pa) <= 0.05, $"{agent}: GENIUS agreement rate {ga:F3}, Parley {pa:F3}");
        }
    }
}
