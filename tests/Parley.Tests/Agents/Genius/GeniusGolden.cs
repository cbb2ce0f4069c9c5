using System.Globalization;
using System.Text;
using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Genius;

/// <summary>One GENIUS session recorded in a golden file (see tests/Parley.Tests/Agents/Genius/README.md).</summary>
public sealed record GeniusSession(string Scenario, string AgentA, string AgentB, string ProfileA, string ProfileB,
    bool Agreement, int Rounds, double UtilityA, double UtilityB, int Actions, string TranscriptHash)
{
    public override string ToString() => $"{Scenario} {AgentA}({ProfileA}) vs {AgentB}({ProfileB})";
}

/// <summary>Reads the golden files and replays their sessions in Parley.</summary>
public static class GeniusGolden
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Tests", "Agents", "Genius");

    public static IReadOnlyList<GeniusSession> Read(string file)
    {
        var sessions = new List<GeniusSession>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, file)))
        {
            if (line.StartsWith('#') || line.StartsWith("scenario,", StringComparison.Ordinal) || line.Length == 0) continue;
            var f = line.Split(',');
            sessions.Add(new GeniusSession(f[0], f[1], f[2], f[3], f[4], f[5] == "yes", int.Parse(f[6], CultureInfo.InvariantCulture),
                double.Parse(f[7], CultureInfo.InvariantCulture), double.Parse(f[8], CultureInfo.InvariantCulture),
                int.Parse(f[9], CultureInfo.InvariantCulture), f[10]));
        }
        return sessions;
    }

    /// <summary>Runs <paramref name="session"/> in Parley (SAOP, 1000 rounds) with the given agents and returns the result.</summary>
    public static (NegotiationResult Result, Scenario Scenario) Run(GeniusSession session, Func<string, INegotiator> create)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, session.Scenario));
        string Party(int i) => scenario.Parties[i].Name;
        Assert.Equal(Path.GetFileNameWithoutExtension(session.ProfileA), Party(0));
        Assert.Equal(Path.GetFileNameWithoutExtension(session.ProfileB), Party(1));
        var result = Negotiation.Run(scenario, [create(session.AgentA), create(session.AgentB)],
            new SaoOptions { Rounds = 1000, Seed = 1, PerTurnBudget = TimeSpan.FromSeconds(30) });
        return (result, scenario);
    }

    /// <summary>Indices 0 … n − 1 of <paramref name="sessions"/> as theory data.</summary>
    public static TheoryData<int> Indices(IReadOnlyList<GeniusSession> sessions)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < sessions.Count; i++) data.Add(i);
        return data;
    }

    /// <summary>Replays <paramref name="golden"/> in Parley and asserts the same outcome, round, utilities and transcript.</summary>
    public static void AssertRepeats(GeniusSession golden, Func<string, INegotiator> create)
    {
        var (result, scenario) = Run(golden, create);
        var lines = TranscriptLines(result, scenario);
        Assert.Equal(golden.Agreement, result.Status == NegotiationStatus.Agreed);
        if (golden.Agreement) Assert.Equal(golden.Rounds, result.Rounds);
        Assert.Equal(golden.Actions, lines.Count);
        Assert.Equal(golden.UtilityA, result.UndiscountedUtilities[0], 9);
        Assert.Equal(golden.UtilityB, result.UndiscountedUtilities[1], 9);
        Assert.Equal(golden.TranscriptHash, Hash(lines));
    }

    /// <summary>
    /// The transcript lines GENIUS's kit hashes: "round,turn,action,value|value|…" for every offer and acceptance,
    /// round 1-based, turn = party + 1.
    /// </summary>
    public static List<string> TranscriptLines(NegotiationResult result, Scenario scenario)
    {
        var lines = new List<string>();
        var space = scenario.Space;
        var values = new int[space.IssueCount];
        foreach (var e in result.Transcript)
        {
            string action = e.Action switch { NegotiationAction.Offer => "Offer", NegotiationAction.Accept => "Accept", _ => "" };
            if (action.Length == 0 || e.Outcome is not { } o) continue;
            space.Decode(o, values);
            var names = new string[values.Length];
            for (int i = 0; i < values.Length; i++) names[i] = space.Issues[i].FormatValue(values[i]);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Round + 1},{e.Party + 1},{action},{string.Join('|', names)}"));
        }
        return lines;
    }

    /// <summary>FNV-1a 64 over the lines, each followed by a newline, as 16 hex digits.</summary>
    public static string Hash(IEnumerable<string> lines)
    {
        ulong h = 0xcbf29ce484222325;
        foreach (var line in lines)
            foreach (byte b in Encoding.UTF8.GetBytes(line + "\n"))
            {
                h ^= b;
                h *= 0x100000001b3;
            }
        return h.ToString("x16", CultureInfo.InvariantCulture);
    }
}
