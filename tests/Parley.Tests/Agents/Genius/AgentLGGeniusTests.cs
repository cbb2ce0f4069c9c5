using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// AgentLG draws no random number, so under a round deadline it must repeat GENIUS's sessions offer by offer: every
/// ordered pair of AgentLG, Boulware and Conceder (self-play included) on ANAC scenarios, recorded from GENIUS 10.4
/// (golden file agentlg.csv).
/// </summary>
public class AgentLGGeniusTests
{
    private static readonly IReadOnlyList<GeniusSession> Sessions = GeniusGolden.Read("agentlg.csv");

    public static TheoryData<int> SessionIndices() => GeniusGolden.Indices(Sessions);

    [Fact]
    public void GoldenFile_HasAgentLGSessionsOnSeveralScenarios()
    {
        Assert.True(Sessions.Select(s => s.Scenario).Distinct().Count() >= 4);
        Assert.All(Sessions.GroupBy(s => s.Scenario), g => Assert.Contains(g, s => s.AgentA == "AgentLG" && s.AgentB == "AgentLG"));
    }

    [Theory]
    [MemberData(nameof(SessionIndices))]
    public void Session_RepeatsGeniusTranscript(int index) => GeniusGolden.AssertRepeats(Sessions[index], name => NegotiatorRegistry.Create(name.ToLowerInvariant()));
}
