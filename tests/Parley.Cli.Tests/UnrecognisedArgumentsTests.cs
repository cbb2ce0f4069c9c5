namespace Parley.Cli.Tests;

/// <summary>Issue 12 §7: every command refuses options and arguments it does not understand, before doing any work,
/// with exit code 2, one line naming the option, and the nearest known option.</summary>
public class UnrecognisedArgumentsTests
{
    private static string Laptop => Path.Combine(CliRunner.RepoRoot, "scenarios", "Laptop");

    private static string TempPath(string suffix = "") => Path.Combine(Path.GetTempPath(), "parley-args-" + Guid.NewGuid().ToString("N") + suffix);

    private static void AssertRefused(CliRunner.Result r, string expected)
    {
        Assert.Equal(ExitCodes.UserError, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.Single(r.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("parley: error: ", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.Equal("", r.Out);
        Assert.DoesNotContain("Result:", r.Console);
    }

    [Theory]
    [InlineData("negotiate", "--round", "50", "--rounds")]
    [InlineData("negotiate", "--seeds", "5", "--seed")]
    [InlineData("negotiate", "--agent", "boulware", "--agents")]
    [InlineData("negotiate", "--timelimit", "3s", "--time-limit")]
    [InlineData("negotiate", "--time", "3s", "--time-limit")]
    [InlineData("negotiate", "--quality", null, "--no-quality")]
    [InlineData("negotiate", "--repaet", "3", "--repeat")]
    [InlineData("analyze", "--frontiers", null, "--frontier")]
    [InlineData("analyze", "--efort", "2", "--effort")]
    [InlineData("analyze", "--jsno", null, "--json")]
    [InlineData("negotiate", "--hepl", null, "--help")]
    public void UnknownOption_Typo_NamesItAndSuggestsTheNearest(string command, string typo, string? value, string meant)
    {
        string[] args = value is null ? [command, Laptop, typo] : [command, Laptop, typo, value];
        AssertRefused(CliRunner.InProcess(args), $"Unknown option '{typo}'. Did you mean '{meant}'? (see 'parley {command} --help')");
    }

    [Fact]
    public void Convert_UnknownOptionTypo_SuggestsAndWritesNothing()
    {
        string output = TempPath(".yaml");
        var r = CliRunner.InProcess("convert", Laptop, "--too", "yaml", "--out", output);
        AssertRefused(r, "Unknown option '--too'. Did you mean '--to'?");
        Assert.False(File.Exists(output));
        var force = CliRunner.InProcess("convert", Laptop, "--to", "yaml", "--out", output, "--froce");
        AssertRefused(force, "Unknown option '--froce'. Did you mean '--force'?");
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("negotiate", "--protocol, --agents, --mediators, --rounds, --time-limit, --turn-budget, --seed, --out, --repeat, --no-quality")]
    [InlineData("analyze", "--frontier, --seed, --effort")]
    [InlineData("convert", "--to, --out, --force")]
    public void UnknownOption_NothingClose_ListsTheCommandsOptions(string command, string options)
    {
        var r = CliRunner.InProcess(command, Laptop, "--bogus", "3");
        AssertRefused(r, "Unknown option '--bogus'.");
        Assert.Contains($"'{command}' takes ", r.Error);
        foreach (var option in options.Split(", ")) Assert.Contains(option, r.Error);
        Assert.DoesNotContain("Did you mean", r.Error);
    }

    [Fact]
    public void UnknownShortOption_IsNamedWithOneDash()
    {
        var r = CliRunner.InProcess("negotiate", Laptop, "-x");
        AssertRefused(r, "Unknown option '-x'.");
        var upper = CliRunner.InProcess("negotiate", Laptop, "-R", "5");
        AssertRefused(upper, "Unknown option '-R'. Did you mean '-r'?");
    }

    [Fact]
    public void LongOptionTypedWithOneDash_SuggestsTheTwoDashSpelling()
    {
        AssertRefused(CliRunner.InProcess("negotiate", Laptop, "-seeds", "4"), "'-seeds' has one dash; did you mean '--seed'?");
        AssertRefused(CliRunner.InProcess("negotiate", Laptop, "-bogus", "4"), "Unknown option '-bogus'.");
    }

    [Fact]
    public void UnknownOption_ReportedBeforeTheCommandsOwnValidation()
    {
        // --rounds 0 is invalid too, but the unknown option is what the user must hear about first.
        AssertRefused(CliRunner.InProcess("negotiate", Laptop, "--rounds", "0", "--seeds", "5"), "Unknown option '--seeds'. Did you mean '--seed'?");
    }

    [Theory]
    [InlineData("negotiate")]
    [InlineData("analyze")]
    [InlineData("convert")]
    public void StrayArgument_IsRefused(string command)
    {
        string[] extra = command == "convert" ? ["--to", "yaml", "--out", TempPath(".yaml")] : [];
        var r = CliRunner.InProcess([command, Laptop, "extra", .. extra]);
        AssertRefused(r, $"Unexpected argument 'extra'");
        Assert.Contains($"(see 'parley {command} --help')", r.Error);
    }

    [Theory]
    [InlineData("negotiate")]
    [InlineData("analyze")]
    [InlineData("convert")]
    public void ArgumentAfterDoubleDash_IsRefused(string command)
    {
        string output = TempPath(".yaml");
        string[] extra = command == "convert" ? ["--to", "yaml", "--out", output] : [];
        var r = CliRunner.InProcess([command, Laptop, .. extra, "--", "--rounds", "50"]);
        AssertRefused(r, $"Unexpected argument '--rounds' after '--': '{command}' takes nothing there");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void OptionGivenTwice_IsRefused()
    {
        AssertRefused(CliRunner.InProcess("negotiate", Laptop, "-r", "5", "--rounds=7"), "Option '--rounds' is given more than once");
        AssertRefused(CliRunner.InProcess("analyze", Laptop, "--seed", "1", "--seed", "2"), "Option '--seed' is given more than once");
    }

    [Fact]
    public void UnknownCommand_SuggestsTheNearest()
    {
        AssertRefused(CliRunner.InProcess("negotiat", Laptop), "Unknown command 'negotiat'. Did you mean 'negotiate'? (see 'parley --help')");
    }

    [Fact]
    public void EveryRegisteredCommand_RefusesAnUnknownOption()
    {
        // Read the commands from the app itself, so a command added later is covered without editing this test.
        var commands = ParleyCommandNames();
        Assert.Contains("negotiate", commands);
        Assert.Contains("analyze", commands);
        Assert.Contains("convert", commands);
        foreach (string command in commands)
        {
            // A branch (tournament) is checked through each of its subcommands; serve and silo take no argument.
            string[][] lines = command switch
            {
                "tournament" => [["tournament", "run", Laptop], ["tournament", "resume", "results.db"], ["tournament", "report", "results.db"]],
                "serve" => [["serve"]],
                "silo" => [["silo"]],
                _ => [[command, Laptop]],
            };
            foreach (var line in lines)
            {
                var r = CliRunner.InProcess([.. line, "--definitely-not-an-option", "1"]);
                Assert.True(r.ExitCode == ExitCodes.UserError, $"{command}: exit {r.ExitCode}: {r.Error}");
                Assert.Contains("Unknown option '--definitely-not-an-option'.", r.Error);
                Assert.Contains($"'{string.Join(' ', line.Length == 1 ? line : line[..^1])}' takes ", r.Error);
            }
        }
    }

    [Fact]
    public void KnownOptions_StillWork()
    {
        var r = CliRunner.InProcess("negotiate", Laptop, "--rounds=50", "-s", "3", "--json", "--no-quality");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("\"rounds\"", r.Out);
    }

    [Fact]
    public void Process_IssueExample_ExitsTwoNamingTheOption()
    {
        var r = CliRunner.AsProcess("negotiate", "scenarios/Laptop", "--round", "50");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("parley: error: Unknown option '--round'. Did you mean '--rounds'? (see 'parley negotiate --help')", r.Error.Trim());
        Assert.Equal("", r.Out);
        var bogus = CliRunner.AsProcess("negotiate", "scenarios/Laptop", "--bogus", "3");
        Assert.Equal(2, bogus.ExitCode);
        Assert.Contains("Unknown option '--bogus'.", bogus.Error);
    }

    private static IReadOnlyList<string> ParleyCommandNames()
    {
        var help = CliRunner.InProcess("--help");
        Assert.Equal(0, help.ExitCode);
        // The COMMANDS section of the help: one "name   description" row per command.
        var lines = help.Console.Split('\n').Select(l => l.TrimEnd()).ToList();
        int start = lines.FindIndex(l => l.TrimStart().StartsWith("COMMANDS", StringComparison.Ordinal));
        Assert.True(start >= 0, help.Console);
        return lines.Skip(start + 1).TakeWhile(l => l.Length > 0)
            .Select(l => l.TrimStart().Split(' ')[0]).Where(n => n.Length > 0).ToList();
    }
}
