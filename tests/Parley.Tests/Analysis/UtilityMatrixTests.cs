using Parley.Analysis;

namespace Parley.Tests.Analysis;

public sealed class UtilityMatrixTests
{
    [Fact]
    public void Evaluate_AdditiveScenario_RowsMatchUtilityOfEachOutcome()
    {
        var scenario = RandomSpaces.Additive(3, 3, 4, seed: 9, heavyWeights: true);
        var matrix = RandomSpaces.Matrix(scenario);
        Assert.Equal(3, matrix.PartyCount);
        Assert.Equal(scenario.Space.Count, matrix.OutcomeCount);
        for (int o = 0; o < matrix.OutcomeCount; o++)
            for (int p = 0; p < 3; p++)
                Assert.Equal(scenario.Parties[p].Profile.Utility.Utility(new Parley.Outcomes.Outcome((UInt128)o)), matrix[p, o]);
    }

    [Fact]
    public void FromRows_RowsOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => UtilityMatrix.FromRows([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void FromRows_NoRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => UtilityMatrix.FromRows());
    }
}
