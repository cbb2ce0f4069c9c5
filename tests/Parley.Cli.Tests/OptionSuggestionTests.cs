using Parley.Cli.Parsing;

namespace Parley.Cli.Tests;

public class OptionSuggestionTests
{
    private static readonly string[] Known = ["--agents", "-a", "--rounds", "-r", "--time-limit", "--seed", "--no-quality", "--to"];

    [Theory]
    [InlineData("--round", "--rounds")]
    [InlineData("--roudns", "--rounds")]
    [InlineData("--seeds", "--seed")]
    [InlineData("--Seed", "--seed")]
    [InlineData("--time", "--time-limit")]
    [InlineData("--quality", "--no-quality")]
    [InlineData("--too", "--to")]
    [InlineData("-A", "-a")]
    public void Nearest_CloseSpelling_IsSuggested(string typed, string expected) =>
        Assert.Equal(expected, OptionSuggestion.Nearest(typed, Known));

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--")]
    [InlineData("--zz")]
    public void Nearest_NothingClose_IsNull(string typed) => Assert.Null(OptionSuggestion.Nearest(typed, Known));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("rounds", "roudns", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("seed", "seeds", 1)]
    public void EditDistance_KnownPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, OptionSuggestion.EditDistance(a, b));
        Assert.Equal(expected, OptionSuggestion.EditDistance(b, a));
    }
}
