using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// IAMhaggler2011 against GENIUS (built with a stand-in for GENIUS's bundled Jama, README.md). The original draws its bids
/// from an unseeded <c>java.util.Random</c>, so sessions cannot repeat offer by offer; each agent's mean utility and
/// agreement rate over the golden round robin (IAMhaggler2011, Boulware and Conceder, every ordered pair with self-play,
/// SAOP 1000 rounds, five scenarios: <c>iamhaggler2011.csv</c>) must be GENIUS's within the tolerance.
/// </summary>
public class IAMhaggler2011GeniusTests(ITestOutputHelper output)
{
    private const double UtilityTolerance = 0.02;

    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read("iamhaggler2011.csv");
        Assert.True(golden.Count >= 5 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden, log: output.WriteLine);
        foreach (var (agent, g) in means.Genius)
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("IAMhaggler2011", means.Genius.Keys);
    }
}
