using Parley.Agents.Negotiators;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Agents.Genius;

/// <summary>
/// NiceTitForTat against GENIUS: the original draws from an unseeded <c>java.util.Random</c>, so sessions cannot repeat
/// offer by offer; instead the same round robin (NiceTitForTat, Boulware, Conceder, every ordered pair with self-play,
/// SAOP 1000 rounds, five scenarios) must give each agent GENIUS's mean utility and agreement rate within a stated
/// tolerance. GENIUS's sessions are in the golden file <c>nicetitfortat.csv</c> (README.md in this folder).
/// </summary>
public class NiceTitForTatGeniusTests
{
    /// <summary>Mean utility tolerance: the issue's ±0.02 (GENIUS's own repetitions differ by up to 0.005 here).</summary>
    private const double UtilityTolerance = 0.02;

    [Fact]
    public void RoundRobin_MeanUtilityAndAgreementAsGenius()
    {
        var golden = GeniusRoundRobin.Read("nicetitfortat.csv");
        Assert.True(golden.Count >= 5 * 9 * 2, $"only {golden.Count} GENIUS sessions");
        var means = GeniusRoundRobin.Compare(golden);
        GeniusRoundRobin.AssertClose(means, UtilityTolerance, 0.05);
        Assert.Contains("NiceTitForTat", means.Genius.Keys);
    }

    [Fact]
    public void NiceTitForTat_ExposesItsBayesianModel_WhichLearnsTheOpponent()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2010/EnglandZimbabwe"));
        var agent = (IHasOpponentModel)NegotiatorRegistry.Create("nicetitfortat");
        var result = Negotiation.Run(scenario, [(Parley.Parties.INegotiator)agent, NegotiatorRegistry.Create("conceder")], new SaoOptions { Rounds = 1000, Seed = 1 });
        Assert.Null(result.Failure);
        var model = Assert.IsType<Parley.Agents.Boa.ScalableBayesianModel>(agent.OpponentModel);
        Assert.True(model.Estimate(1).Offers > 10);
        var opponent = Parley.Preferences.UtilityIndex.For(scenario.Parties[1].Profile.Utility);
        var outcomes = Parley.Analysis.OpponentModelAccuracy.Sample(scenario.Space);
        var accuracy = Parley.Analysis.OpponentModelAccuracy.Measure([.. outcomes.Select(o => model.PredictUtility(1, o))], [.. outcomes.Select(opponent.Utility)], []);
        Assert.True(accuracy.Kendall > 0, $"Kendall {accuracy.Kendall}");
    }
}
