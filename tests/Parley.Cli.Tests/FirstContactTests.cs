using System.Reflection;

namespace Parley.Cli.Tests;

/// <summary>What a newcomer meets first: <c>--version</c>, the defaults of the tournament commands, the repository's ignore list.</summary>
public sealed class FirstContactTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-first-" + Guid.NewGuid().ToString("N"));

    public FirstContactTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Version_PrintsThePackageVersionAndExitsZero()
    {
        var r = CliRunner.AsProcess("--version");
        Assert.True(r.ExitCode == 0, r.Error);
        string expected = typeof(ParleyApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.StartsWith(expected, r.Out.Trim());
        Assert.Equal("", r.Error);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("1.2.3+54108c2a9f0e1d", "1.2.3 (commit 54108c2)")]
    public void Version_NamesTheCommitShortly(string informational, string shown) => Assert.Equal(shown, ProductVersion.Describe(informational));

    [Theory]
    [InlineData("report")]
    [InlineData("resume")]
    public void TournamentReadCommands_WithoutDatabase_LookForResultsDbAndSaySo(string command)
    {
        var r = CliRunner.AsProcessIn(_dir, "tournament", command);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("results.db: no such results database", r.Error);
        Assert.Contains("--pg", r.Error);
        Assert.DoesNotContain("give the results database", r.Error);
    }

    [Fact]
    public void TournamentReport_WithoutDatabase_ReadsWhatRunWroteByDefault()
    {
        File.WriteAllText(Path.Combine(_dir, "t.yaml"), $"""
            protocol: {"{"}name: sao, rounds: 50{"}"}
            repetitions: 1
            selfPlay: false
            negotiators: [boulware, conceder]
            scenarios: [{CliRunner.Anac("y2011/Laptop")}]
            """);
        var run = CliRunner.AsProcessIn(_dir, "tournament", "run", "t.yaml", "--quiet", "--jobs", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(_dir, "results.db")));
        var report = CliRunner.AsProcessIn(_dir, "tournament", "report", "--json");
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("\"boulware\"", report.Out);
    }

    [Fact]
    public void GitIgnore_CoversThePackFolderOfTheReadme()
    {
        string readme = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "README.md"));
        Assert.Contains("dotnet pack src/Parley.Cli -o nupkg", readme);
        var ignored = File.ReadAllLines(Path.Combine(CliRunner.RepoRoot, ".gitignore")).Select(l => l.Trim());
        Assert.Contains("nupkg/", ignored);
    }

    [Fact]
    public void NegotiateHelp_ScenarioArgument_NamesEveryFormat()
    {
        var r = CliRunner.InProcess("negotiate", "--help");
        Assert.Contains("GeniusWeb folder", r.Console);
        Assert.Contains("GENIUS scenario folder", r.Console);
        Assert.Contains(".yaml", r.Console);
    }

    [Theory]
    [InlineData("tournament", "run", "--help")]
    [InlineData("silo", "--help")]
    public void HelpExamples_ConnectionStrings_AreQuotedSoTheyPasteIntoAShell(params string[] args)
    {
        var r = CliRunner.InProcess(args);
        var lines = r.Console.Split('\n').Where(l => l.Contains("Host=", StringComparison.Ordinal) && l.Contains("parley ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        // An unquoted ';' ends the command in bash: every connection string of an example is in double quotes.
        Assert.All(lines, l => Assert.Contains("\"Host=", l));
    }

    [Fact]
    public void ScenarioFormatDoc_KeyTables_SayWeightsIsAMapping()
    {
        string doc = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "docs", "scenario-format.md"));
        string utilityRow = doc.Split('\n').Single(l => l.StartsWith("| `utility` |", StringComparison.Ordinal));
        Assert.Contains("`weights` (a mapping", utilityRow);
        Assert.Contains("`weights`: a **mapping**", doc);
    }

    public static TheoryData<string, string[]> FileWriters => new()
    {
        { "run.json", ["negotiate", "scenarios/Laptop", "--rounds", "20", "--out"] },
        { "space.svg", ["plot", "scenarios/Laptop", "--max-outcomes", "50", "-o"] },
        { "report.md", ["report", "scenarios/Laptop", "--no-runs", "-o"] },
        { "laptop.yaml", ["convert", "scenarios/Laptop", "--to", "yaml", "--out"] },
    };

    [Theory]
    [MemberData(nameof(FileWriters))]
    public void EveryCommandThatWritesAFile_RefusesToReplaceItWithoutForce(string name, string[] command)
    {
        string file = Path.Combine(_dir, name);
        File.WriteAllText(file, "keep me");
        string[] args = [.. command.Select(a => a.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(CliRunner.RepoRoot, a) : a), file];
        var refused = CliRunner.InProcess(args);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"'{file}' exists; pass --force to overwrite it", refused.Error);
        Assert.Equal("keep me", File.ReadAllText(file));
        var forced = CliRunner.InProcess([.. args, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.NotEqual("keep me", File.ReadAllText(file));
        // And the help of the command says so.
        var help = CliRunner.InProcess(command[0], "--help");
        Assert.Contains("not overwritten unless --force", help.Console);
    }

    [Fact]
    public void TournamentReportCsv_RefusesToReplaceAnyOfItsFilesWithoutForce()
    {
        string db = Path.Combine(_dir, "none-yet.db");
        string csv = Path.Combine(_dir, "board.csv");
        File.WriteAllText(Path.Combine(_dir, "board-pairwise.csv"), "keep me");
        var r = CliRunner.InProcess("tournament", "report", db, "--csv", csv);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("board-pairwise.csv' exists; pass --force to overwrite it", r.Error);
    }
}
