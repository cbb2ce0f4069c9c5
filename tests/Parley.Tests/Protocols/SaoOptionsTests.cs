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

    [Theory]
    [InlineData(1, null)]
    [InlineData(5, null)]
    [InlineData(100_000_000, null)]
    [InlineData(null, 1L)]
    [InlineData(1, 1L)]
    public void Validate_ConsistentDeadlines_DoNotThrow(int? rounds, long? timeLimitTicks)
    {
        var options = new SaoOptions { Rounds = rounds, TimeLimit = timeLimitTicks is { } t ? TimeSpan.FromTicks(t) : null, PerTurnBudget = TimeSpan.FromTicks(1) };
        Assert.Null(Record.Exception(options.Validate));
    }

    [Fact]
    public void Validate_TooManyRounds_Throws() =>
        Assert.Throws<ArgumentException>(() => new SaoOptions { Rounds = 100_000_001 }.Validate());

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Validate_NonPositiveTimeLimit_Throws(long ticks) =>
        Assert.Throws<ArgumentException>(() => new SaoOptions { TimeLimit = TimeSpan.FromTicks(ticks) }.Validate());

    [Fact]
    public void Validate_NegativeBudget_Throws() =>
        Assert.Throws<ArgumentException>(() => new SaoOptions { Rounds = 5, PerTurnBudget = TimeSpan.FromTicks(-1) }.Validate());
}
