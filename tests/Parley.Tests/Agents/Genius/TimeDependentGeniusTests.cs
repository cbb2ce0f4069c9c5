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

    public static TheoryData<int> SessionIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Sessions.Count; i++) data.Add(i);
        return data;
    }

    private static INegotiator Create(string geniusName) => geniusName switch
    {
        "Boulware" => NegotiatorRegistry.Create("boulware"),
        "Conceder" => NegotiatorRegistry.Create("conceder"),
        "TDABoulware" => NegotiatorRegistry.Create("boulware2010"),
        "TDAConceder" => NegotiatorRegistry.Create("conceder2010"),
        _ => throw new ArgumentException(geniusName),
    };

    [Theory]
    [MemberData(nameof(SessionIndices))]
    public void Session_RepeatsGeniusTranscript(int index)
    {
        var golden = Sessions[index];
        var (result, scenario) = GeniusGolden.Run(golden, Create);
        var lines = GeniusGolden.TranscriptLines(result, scenario);
        Assert.Equal(golden.Agreement, result.Status == NegotiationStatus.Agreed);
        if (golden.Agreement) Assert.Equal(golden.Rounds, result.Rounds);
        Assert.Equal(golden.Actions, lines.Count);
        Assert.Equal(golden.UtilityA, result.UndiscountedUtilities[0], 9);
        Assert.Equal(golden.UtilityB, result.UndiscountedUtilities[1], 9);
        Assert.Equal(golden.TranscriptHash, GeniusGolden.Hash(lines));
    }
}
