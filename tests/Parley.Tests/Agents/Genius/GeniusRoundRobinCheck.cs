using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// The GENIUS check of an agent whose random draws matter only now and then: a golden round robin with transcripts
/// (<paramref name="file"/>: the agent, Boulware and Conceder, every ordered pair with self-play, SAOP 1000 rounds, two
/// GENIUS repetitions). Every agent's mean utility within 0.02 and agreement rate within 0.05 of GENIUS's; and in the
/// pairings with <paramref name="agent"/> that GENIUS repeated exactly (its draws did not matter there), Parley's
/// transcript is GENIUS's, offer by offer.
/// </summary>
public abstract class GeniusRoundRobinCheck(string file, string agent, int minimumRepeatedPairings, ITestOutputHelper output)
{
    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read(file);
        Assert.True(golden.Count >= 5 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden, log: output.WriteLine);
        foreach (var (name, g) in means.Genius)
            output.WriteLine($"{name}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[name].Utility:F4} ({means.Parley[name].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, 0.02, 0.05);
        Assert.Contains(agent, means.Genius.Keys);
    }

    [Fact]
    public void RepeatedGeniusSessions_SameTranscriptInParley()
    {
        var (same, replayed) = GeniusRoundRobin.ReplayRepeatedPairings(file, agent, output.WriteLine);
        Assert.True(replayed >= minimumRepeatedPairings, $"only {replayed} repeated pairings");
        Assert.Equal(replayed, same);
    }
}
