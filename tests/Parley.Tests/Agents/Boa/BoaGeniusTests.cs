using System.Globalization;
using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Boa;

/// <summary>
/// The BOA opponent models and acceptance conditions against values recorded from GENIUS 10.4's own classes on a
/// scripted opponent (golden files and how they were made: Agents/Boa/genius/README.md).
/// </summary>
public class BoaGeniusTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Tests", "Agents", "Boa", "genius");

    private sealed record Recorded(string Prefix, OutcomeSpace Space, UtilityIndex Own, List<(int[] Values, double Utility, double Time)> Bids);

    public static TheoryData<string> Prefixes()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1)) data.Add(line.Split(',')[0]);
        return data;
    }

    private static Recorded Load(string prefix)
    {
        var row = File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == prefix);
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, row[1]));
        var party = scenario.Parties.Single(p => p.Name == row[2]);
        var bids = File.ReadLines(Path.Combine(Folder, prefix + ".bids.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (Values(f[1]), D(f[2]), D(f[3]))).ToList();
        return new Recorded(prefix, scenario.Space, UtilityIndex.For(party.Profile.Utility), bids);
    }

    private static int[] Values(string text) => [.. text.Split('|').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void ScriptedBids_HaveGeniusUtilities(string prefix)
    {
        var r = Load(prefix);
        Assert.Equal(60, r.Bids.Count);
        foreach (var (values, utility, _) in r.Bids) Assert.Equal(utility, r.Own.Utility(r.Space.Encode(values)), 12);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void OpponentModels_EvaluateOutcomesAsGenius(string prefix)
    {
        var r = Load(prefix);
        var frequency = new HardHeadedFrequencyEstimate(r.Space);
        var bayes = new ScalableBayesianEstimate(r.Space);
        var expected = File.ReadLines(Path.Combine(Folder, prefix + ".models.csv")).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => int.Parse(f[1], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
        int compared = 0;
        for (int step = 1; step <= r.Bids.Count; step++)
        {
            var offer = r.Space.Encode(r.Bids[step - 1].Values);
            frequency.Observe(offer);
            bayes.Observe(offer);
            if (!expected.TryGetValue(step, out var rows)) continue;
            foreach (var f in rows)
            {
                var values = Values(f[2]);
                double actual = f[0] == "hhfm" ? frequency.Utility(values) : bayes.Utility(values);
                Assert.True(Math.Abs(D(f[3]) - actual) <= 1e-9, $"{prefix} {f[0]} step {step} outcome {f[2]}: GENIUS {f[3]}, Parley {actual:R}");
                compared++;
            }
        }
        Assert.True(compared >= 7 * 2 * Math.Min(27, 150), $"only {compared} values compared");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void AcceptanceConditions_DecideAsGenius(string prefix)
    {
        var r = Load(prefix);
        var conditions = new Dictionary<string, AcceptanceCondition>
        {
            ["AC_Next(1,0)"] = AcceptanceCondition.Next(),
            ["AC_Next(1.02,0.01)"] = AcceptanceCondition.Next(1.02, 0.01),
            ["AC_Const(0.6)"] = AcceptanceCondition.Const(0.6),
            ["AC_Time(0.5)"] = AcceptanceCondition.Time(0.5),
            ["AC_Combi(1,0,0.8)"] = AcceptanceCondition.Combi(1, 0, 0.8),
            ["AC_CombiMax(0.3)"] = AcceptanceCondition.CombiMax(0.3),
            ["AC_CombiMaxInWindow(0.3)"] = AcceptanceCondition.CombiMaxInWindow(0.3),
            ["AC_CombiAvg(0.3)"] = AcceptanceCondition.CombiAvg(0.3),
        };
        var history = new BidHistory();
        // condition,step,nextBidUtility,time,accept; the condition's name holds commas
        var decisions = File.ReadLines(Path.Combine(Folder, prefix + ".ac.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => new[] { string.Join(',', f[..^4]), f[^4], f[^3], f[^2], f[^1] }).ToList();
        Assert.Equal(60 * conditions.Count, decisions.Count);
        int accepted = 0;
        foreach (var f in decisions)
        {
            int step = int.Parse(f[1], CultureInfo.InvariantCulture);
            while (history.Count < step)
            {
                var (values, utility, time) = r.Bids[history.Count];
                history.Add(new BidDetails(r.Space.Encode(values), utility, time));
            }
            bool accept = conditions[f[0]].Accept(history, D(f[2]), D(f[3]));
            Assert.True((f[4] == "1") == accept, $"{prefix} {f[0]} step {step}: GENIUS {f[4]}");
            if (accept) accepted++;
        }
        Assert.InRange(accepted, 1, decisions.Count - 1);
    }
}
