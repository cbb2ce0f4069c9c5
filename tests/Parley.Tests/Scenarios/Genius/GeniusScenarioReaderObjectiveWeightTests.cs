using Parley.Preferences;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Scenarios.Genius;

/// <summary>Regression: y2012 FitnessA profiles also give the objective itself a &lt;weight&gt;, which GENIUS ignores.</summary>
public sealed class GeniusScenarioReaderObjectiveWeightTests
{
    [Fact]
    public void ReadFolder_FitnessAWeightsTheObjective_IgnoresThatWeight()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios!, "y2012", "FitnessA"));
        var utility = Assert.IsType<LinearAdditiveUtility>(scenario.Parties[0].Profile.Utility);
        Assert.Equal(5, utility.Weights.Length);
        Assert.Equal(0.15354168265071755, utility.Weights[0]);
    }
}
