using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// GENIUS's time-dependent baselines, transcript for transcript: every session of Boulware/Conceder
/// (<c>BoulwareNegotiationParty</c>, <c>ConcederNegotiationParty</c>) and the ANAC 2010–2014
/// <c>TimeDependentAgentBoulware</c>/<c>Conceder</c>, each ordered pair with self-play, on every shared bilateral scenario of
/// 2010–2013, recorded from GENIUS 10.4 (golden file timedependent.csv). Parley must make the same offers and acceptances
/// in the same rounds and end with the same utilities.
/// </summary>
public class TimeDependentGeniusTests
{
    private static readonly IReadOnlyList<GeniusSession> Sessions = GeniusGolden.Read("timedependent.csv");

    public static TheoryData<int> SessionIndices() => GeniusGolden.Indices(Sessions);

    private static INegotiator Create(string geniusName) => geniusName switch
    {
        "Boulware" => NegotiatorRegistry.Create("boulware"),
        "Conceder" => NegotiatorRegistry.Create("conceder"),
        "TDABoulware" => NegotiatorRegistry.Create("boulware2010"),
        "TDAConceder" => NegotiatorRegistry.Create("conceder2010"),
        _ => throw new ArgumentException(geniusName),
    };

    [Fact]
    public void GoldenFile_SessionsOnBilateralScenariosOf2010To2013()
    {
        // GENIUS failed some sessions of the large scenarios (agent construction beyond its 60 s limit on a loaded
        // machine); those are not in the file. See README.md in this folder for how the file is made.
        var scenarios = Sessions.Select(s => s.Scenario).Distinct().ToList();
        Assert.True(scenarios.Count >= 48, string.Join(", ", scenarios));
        Assert.All(scenarios, s => Assert.True(Directory.Exists(Path.Combine(TestPaths.AnacScenarios, s)) && string.CompareOrdinal(s, "y2014") < 0, s));
        Assert.All(Sessions.GroupBy(s => s.Scenario), g => Assert.InRange(g.Count(), 1, 16));
    }

    [Theory]
    [MemberData(nameof(SessionIndices))]
    public void Session_RepeatsGeniusTranscript(int index) => GeniusGolden.AssertRepeats(Sessions[index], Create);
}
