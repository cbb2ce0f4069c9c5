using Parley.Cli.Output;
using Spectre.Console.Testing;

namespace Parley.Cli.Tests;

/// <summary>Tables fit the console (or <c>COLUMNS</c>); piped output gets the plain layout, which never wraps or cuts a cell.</summary>
public sealed class TableLayoutTests
{
    private static CliRunner.Result Negotiate(string? columns) =>
        CliRunner.AsProcessWith(CliRunner.RepoRoot, new Dictionary<string, string?> { ["COLUMNS"] = columns },
            "negotiate", "scenarios/EnglandZimbabwe", "--rounds", "5", "--agents", "boulware,conceder");

    private static string[] Lines(string text) => text.Replace("\r", "").Split('\n');

    [Fact]
    public void Piped_WithoutColumns_EveryRowOnOneLineAndNoWordBroken()
    {
        var r = Negotiate(null);
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = Lines(r.Out);
        // Headers and values whole: nothing wrapped onto a second line, nothing cut with an ellipsis.
        Assert.Contains(lines, l => l.Contains("Outcome (values in issue order)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$10 billion · Reduction equal to fund size · Zimbabwe will reduce tariffs on imports", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ Negotiator │", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('…', StringComparison.Ordinal));
        // Each transcript row is one line: the rows of round 1 are two lines, each with its own utilities.
        Assert.Equal(2, lines.Count(l => l.StartsWith("│ 1 ", StringComparison.Ordinal)));
        // Headings are plain lines, not rules drawn 10,000 characters wide.
        Assert.All(lines, l => Assert.True(l.Length < 400, l[..Math.Min(l.Length, 80)]));
        Assert.StartsWith("EnglandZimbabwe — stacked alternating offers", lines[0]);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    public void Columns_TablesFitIt(int columns)
    {
        var r = Negotiate(columns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = Lines(r.Out).Where(l => l.Length > 0).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= columns, $"{l.Length} > {columns}: {l}"));
        Assert.Contains(lines, l => l.Length > columns - 10); // and uses the width given
        // No word is broken or cut: a table that cannot fit whole words comes as one block per row.
        Assert.DoesNotContain(lines, l => l.Contains("Negoti…", StringComparison.Ordinal) || l.Contains("│ princip ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("principal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Negotiator", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("fund s…", StringComparison.Ordinal) || l.Contains("offers,…", StringComparison.Ordinal));
    }

    [Fact]
    public void Configure_ColumnsWinsThenPipedThenTheTerminal()
    {
        Assert.Equal(120, ConsoleLayout.Configure(new TestConsole().Width(80), "120", redirected: true).Profile.Width);
        Assert.Equal(ConsoleLayout.PlainWidth, ConsoleLayout.Configure(new TestConsole().Width(80), null, redirected: true).Profile.Width);
        Assert.Equal(ConsoleLayout.PlainWidth, ConsoleLayout.Configure(new TestConsole().Width(80), "wide", redirected: true).Profile.Width);
        Assert.Equal(80, ConsoleLayout.Configure(new TestConsole().Width(80), "", redirected: false).Profile.Width);
        Assert.Equal(80, ConsoleLayout.Configure(new TestConsole().Width(80), "5", redirected: false).Profile.Width);
    }
}
