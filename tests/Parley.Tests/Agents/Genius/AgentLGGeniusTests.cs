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

    public static TheoryData<int> SessionIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Sessions.Count; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void GoldenFile_HasAgentLGSessionsOnSeveralScenarios()
    {
        Assert.True(Sessions.Select(s => s.Scenario).Distinct().Count() >= 4);
        Assert.All(Sessions.GroupBy(s => s.Scenario), g => Assert.Contains(g, s => s.AgentA == "AgentLG" && s.AgentB == "AgentLG"));
    }

    [Theory]
    [MemberData(nameof(SessionIndices))]
    public void Session_RepeatsGeniusTranscript(int index)
    {
        var golden = Sessions[index];
        var (result, scenario) = GeniusGolden.Run(golden, name => NegotiatorRegistry.Create(name.ToLowerInvariant()));
        var lines = GeniusGolden.TranscriptLines(result, scenario);
        Assert.Equal(golden.Agreement, result.Status == NegotiationStatus.Agreed);
        if (golden.Agreement) Assert.Equal(golden.Rounds, result.Rounds);
        Assert.Equal(golden.Actions, lines.Count);
        Assert.Equal(golden.UtilityA, result.UndiscountedUtilities[0], 9);
        Assert.Equal(golden.UtilityB, result.UndiscountedUtilities[1], 9);
        Assert.Equal(golden.TranscriptHash, GeniusGolden.Hash(lines));
    }
}
