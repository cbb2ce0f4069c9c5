using Parley.Protocols;
using Parley.Protocols.Sao;

namespace Parley.Tests.Protocols;

public class SaoOptionsTests
{
    [Fact]
    public void Validate_NoDeadline_Throws() => Assert.Throws<ArgumentException>(() => new SaoOptions().Validate());

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_NonPositiveRounds_Throws(int rounds) =>
        Assert.Throws<ArgumentException>(() => new SaoOptions { Rounds = rounds }.Validate());

    [Fact]
    public void Validate_NonPositiveBudget_Throws() =>
        Assert.Throws<ArgumentException>(() => new SaoOptions { Rounds = 5, PerTurnBudget = TimeSpan.Zero }.Validate());

    [Fact]
    public void Validate_RoundsOnly_Passes() => new SaoOptions { Rounds = 5 }.Validate();

    [Fact]
    public void Validate_TimeOnly_Passes() => new SaoOptions { TimeLimit = TimeSpan.FromSeconds(1) }.Validate();
}
