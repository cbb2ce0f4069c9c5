using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// ParsAgent against GENIUS. The original draws from unseeded Java random sources and bounds one search by wall time,
/// so sessions cannot repeat offer by offer; each agent's mean utility and agreement rate over the golden round robin
/// (ParsAgent, Boulware and Conceder, every ordered pair with self-play, SAOP 1000 rounds, five scenarios:
/// <c>parsagent.csv</c>) and at GENIUS's table of three on group2-dinner (<c>parsagent-threeparty.csv</c>) must be
/// GENIUS's within the tolerance.
/// </summary>
public class ParsAgentGeniusTests(ITestOutputHelper output)
{
    private const double UtilityTolerance = 0.02;

    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read("parsagent.csv");
        Assert.True(golden.Count >= 5 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden, log: output.WriteLine);
        Report(means);
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("ParsAgent", means.Genius.Keys);
    }

    [Fact]
    public void ThreeParty_MeanUtilityAndAgreementAsGenius()
    {
        var means = GeniusThreeParty.Compare("parsagent-threeparty.csv", output.WriteLine);
        Report(means);
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("ParsAgent", means.Genius.Keys);
    }

    private void Report(GeniusRoundRobin.Means means)
    {
        foreach (var (agent, g) in means.Genius)
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
    }
}
