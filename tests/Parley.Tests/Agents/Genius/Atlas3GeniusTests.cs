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
        var means = GeniusThreeParty.Compare("atlas3-threeparty.csv", output.WriteLine);
        foreach (var (agent, g) in means.Genius)
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("Atlas3", means.Genius.Keys);
    }
}
