using Xunit.Abstractions;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// The round robin of issue 21 against GENIUS: every ordered pair (self-play included) of the thirteen ANAC agents and
/// GENIUS's Boulware and Conceder, SAOP 1000 rounds, on EnglandZimbabwe, Laptop, ItexvsCypress, IS_BT_Acquisition and
/// Grocery, two GENIUS repetitions (golden file <c>roundrobin.csv</c>, 2,250 sessions), replayed in Parley once per
/// GENIUS session, each with a seed of its own. Each agent's mean utility and agreement rate as GENIUS's, and the same ranking where GENIUS's own
/// means are further apart than its noise.
/// </summary>
public class FullRoundRobinGeniusTests(ITestOutputHelper output)
{
    // GENIUS's two repetitions differ by up to 0.018 in an agent's mean utility (Gahboninho); the issue allows about ±0.02.
    private const double UtilityTolerance = 0.02, AgreementTolerance = 0.05;

    private static readonly string[] Agents =
    [
        "AgentK", "HardHeaded", "Gahboninho", "NiceTitForTat", "IAMhaggler2011", "CUHKAgent", "AgentLG", "TheFawkes",
        "Atlas3", "ParsAgent", "Caduceus", "PonPokoAgent", "AgreeableAgent2018", "Boulware", "Conceder",
    ];

    [Fact]
    public void EveryAgent_MeanUtilityAgreementAndRankingAsGenius()
    {
        var golden = GeniusRoundRobin.Read("roundrobin.csv");
        Assert.Equal(2 * 5 * Agents.Length * Agents.Length, golden.Count);
        Assert.Equal(Agents.Order(), golden.Select(r => r.AgentA).Distinct().Order());

        var means = GeniusRoundRobin.Compare(golden, distinctSeeds: true);
        foreach (var (agent, g) in means.Genius.OrderByDescending(kv => kv.Value.Utility))
            output.WriteLine($"{agent}: GENIUS {g.Utility:F4} ({g.Agreement:P0}), Parley {means.Parley[agent].Utility:F4} ({means.Parley[agent].Agreement:P0})");
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, AgreementTolerance);

        // The same ranking within GENIUS's noise: two agents whose GENIUS means are more than the tolerance apart are
        // ordered alike in Parley.
        foreach (var a in Agents)
            foreach (var b in Agents)
                if (means.Genius[a].Utility > means.Genius[b].Utility + UtilityTolerance)
                    Assert.True(means.Parley[a].Utility > means.Parley[b].Utility,
                        $"GENIUS ranks {a} ({means.Genius[a].Utility:F3}) above {b} ({means.Genius[b].Utility:F3}); Parley gives {means.Parley[a].Utility:F3} and {means.Parley[b].Utility:F3}");
    }
}
