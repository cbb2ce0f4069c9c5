using Parley.Agents.Negotiators;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// TheFawkes draws no random number, so under a round deadline it must repeat GENIUS's sessions offer by offer: every
/// ordered pair of TheFawkes, Boulware and Conceder (self-play included) on the five ANAC scenarios of the round robin,
/// recorded from GENIUS 10.4 (golden file thefawkes.csv).
/// </summary>
public class TheFawkesGeniusTests
{
    private static readonly IReadOnlyList<GeniusSession> Sessions = GeniusGolden.Read("thefawkes.csv");

    public static TheoryData<int> SessionIndices() => GeniusGolden.Indices(Sessions);

    [Fact]
    public void GoldenFile_HasTheFawkesSessionsOnTheFiveScenarios()
    {
        Assert.Equal(5, Sessions.Select(s => s.Scenario).Distinct().Count());
        Assert.All(Sessions.GroupBy(s => s.Scenario), g => Assert.Contains(g, s => s.AgentA == "TheFawkes" && s.AgentB == "TheFawkes"));
    }

    [Theory]
    [MemberData(nameof(SessionIndices))]
    public void Session_RepeatsGeniusTranscript(int index) => GeniusGolden.AssertRepeats(Sessions[index], name => NegotiatorRegistry.Create(name.ToLowerInvariant()));
}
