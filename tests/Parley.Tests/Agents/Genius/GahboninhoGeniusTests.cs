using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;
using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// Gahboninho against GENIUS (golden file <c>gahboninho.csv</c>: the round robin of Gahboninho, Boulware and Conceder,
/// every ordered pair with self-play, SAOP 1000 rounds, five scenarios, two GENIUS repetitions with transcripts). The
/// original draws random numbers (the order of each issue's values in its bid map, the nudges of equal-utility keys),
/// which decide only which of several bids of equal utility it offers; so each agent's mean utility and agreement rate
/// must be GENIUS's within the tolerance, and where GENIUS repeats itself, Parley must too, offer by offer.
/// </summary>
public class GahboninhoGeniusTests(ITestOutputHelper output)
{
    private const double UtilityTolerance = 0.02;

    private static List<string[]> Rows() =>
        [.. File.ReadLines(Path.Combine(GeniusGolden.Folder, "gahboninho.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("scenario,", StringComparison.Ordinal))
            .Select(l => l.Split(','))];

    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read("gahboninho.csv");
        Assert.True(golden.Count >= 5 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden, log: output.WriteLine);
        foreach (var (agent, g) in means.Genius)
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("Gahboninho", means.Genius.Keys);
    }

    /// <summary>
    /// The pairings in which GENIUS's two repetitions gave the same transcript (its random draws did not matter there):
    /// Parley's session, with any seed, is GENIUS's, offer by offer.
    /// </summary>
    [Fact]
    public void RepeatedGeniusSessions_SameTranscriptInParley()
    {
        var repeated = Rows().GroupBy(f => (Scenario: f[0], A: f[1], B: f[2]))
            .Where(g => g.Select(f => f[11]).Distinct().Count() == 1)
            .Select(g => g.First()).ToList();
        Assert.True(repeated.Count >= 30, $"only {repeated.Count} repeated pairings");
        int same = 0;
        // Any seed: the random draws did not matter in GENIUS, so they must not here either.
        foreach (var f in repeated.Where(f => f[1] == "Gahboninho" || f[2] == "Gahboninho"))
        {
            var session = new GeniusSession(f[0], f[1], f[2], f[3], f[4], f[5] == "yes", int.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture), double.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(f[10], System.Globalization.CultureInfo.InvariantCulture), f[11]);
            var (result, scenario) = GeniusGolden.Run(session, name => NegotiatorRegistry.Create(name.ToLowerInvariant()));
            var lines = GeniusGolden.TranscriptLines(result, scenario);
            bool equal = GeniusGolden.Hash(lines) == session.TranscriptHash;
            if (equal) same++;
            output.WriteLine($"{session}: GENIUS {session.UtilityA:F3}/{session.UtilityB:F3} round {session.Rounds}, Parley {result.UndiscountedUtilities[0]:F3}/{result.UndiscountedUtilities[1]:F3} round {result.Rounds} {(equal ? "same transcript" : "DIFFERENT")}");
        }
        output.WriteLine($"{same} the same");
        Assert.Equal(repeated.Count(f => f[1] == "Gahboninho" || f[2] == "Gahboninho"), same);
    }
}
