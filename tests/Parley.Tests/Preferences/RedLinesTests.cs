using Parley.Preferences;
using Parley.Tests.Testing;

namespace Parley.Tests.Preferences;

public class RedLinesTests
{
    [Fact]
    public void Crosses_ValueOnALine_IsTrueOnlyThere()
    {
        var lines = new RedLines([RedLine.OnValue(1, 4), new RedLine(0, 1, 2)]);
        Assert.True(lines.Crosses([0, 4]));
        Assert.True(lines.Crosses([1, 0]));
        Assert.True(lines.Crosses([2, 3]));
        Assert.False(lines.Crosses([0, 3]));
        Assert.False(lines.Crosses([3, 0]));
        Assert.True(lines.Crosses(0, 2));
        Assert.False(lines.Crosses(1, 2));
    }

    [Fact]
    public void Crosses_None_NeverTrue()
    {
        Assert.True(RedLines.None.IsEmpty);
        Assert.False(RedLines.None.Crosses([0, 0]));
    }

    [Fact]
    public void Without_Issue_DropsOnlyThatIssuesLines()
    {
        var lines = new RedLines([RedLine.OnValue(1, 4), RedLine.OnValue(0, 0)]);
        var relaxed = lines.Without(1);
        Assert.False(relaxed.Crosses([1, 4]));
        Assert.True(relaxed.Crosses([0, 0]));
        Assert.Equal([0, 1], lines.Issues);
    }

    [Fact]
    public void Constructor_ReversedRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedLines([new RedLine(0, 2, 1)]));

    [Fact]
    public void ProfileAccepts_HighUtilityAcrossARedLine_IsFalse()
    {
        var scenario = TestScenarios.Opposed();
        var profile = scenario.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(0, 3)]) };
        // value 3 of issue 0 is party 0's best value: its utility is high, yet the package is unacceptable.
        Assert.True(profile.Utility.Utility([3, 4]) > 0.9);
        Assert.False(profile.Accepts([3, 4], 0, 0));
        Assert.True(profile.Accepts([2, 4], 0, 0));
        Assert.False(profile.Accepts([2, 4], 0, 0.99));
    }

    [Fact]
    public void MediatorUtility_StakeWeighsAgreementAgainstIssues()
    {
        Assert.Equal(0.4 + 0.6 * 0.5, MediatorUtility.OfAgreement(0.4, 0.5), 12);
        Assert.Equal(0.6 * 0.3, MediatorUtility.OfNoAgreement(0.4, 0.3), 12);
        Assert.Equal(1, MediatorUtility.OfAgreement(1, 0), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => MediatorUtility.ValidateStake(1.5));
    }
}
