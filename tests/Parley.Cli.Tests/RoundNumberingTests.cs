using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Plots;

namespace Parley.Cli.Tests;

/// <summary>Issue 20 §2: one round numbering (from 1) in the table, the JSON, the file and the plots read from it.</summary>
public sealed partial class RoundNumberingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-rounds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bundled(string name) => Path.Combine(CliRunner.RepoRoot, "scenarios", name);

    [GeneratedRegex(@"agreement in round (\d+)")]
    private static partial Regex AgreementRound();

    [Theory]
    [InlineData("sao", "boulware,conceder", "accept")]
    [InlineData("single-text", "boulware,conceder", "tally")]
    public void Negotiate_TableAndJson_NameTheSameAgreementRound(string protocol, string agents, string lastAction)
    {
        string[] args = ["negotiate", Bundled("EnglandZimbabwe"), "--protocol", protocol, "--agents", agents, "--rounds", "400", "--seed", "1", "--no-quality"];
        var table = CliRunner.InProcess(args);
        Assert.True(table.ExitCode == 0, table.Error);
        var match = AgreementRound().Match(table.Console);
        Assert.True(match.Success, table.Console);
        int tableRound = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var json = CliRunner.InProcess([.. args, "--json"]);
        using var doc = JsonDocument.Parse(json.Out);
        var offers = doc.RootElement.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal(1, offers[0].GetProperty("round").GetInt32());
        Assert.Equal(tableRound, offers[^1].GetProperty("round").GetInt32());
        Assert.Equal(tableRound, doc.RootElement.GetProperty("rounds").GetInt32());
        Assert.Equal(lastAction, offers[^1].GetProperty("action").GetString());
    }

    [Fact]
    public void Plot_RunFileWithRoundsFromOne_ReadsTheSameRoundsAsTheRun()
    {
        string file = Path.Combine(_dir, "run.json");
        var r = CliRunner.InProcess("negotiate", Bundled("Laptop"), "--agents", "boulware,conceder", "--seed", "3", "--json", "--out", file);
        Assert.True(r.ExitCode == 0, r.Error);
        var run = RunReader.Read(file);
        Assert.Equal(0, run.Entries[0].Round);
        Assert.Equal(run.Rounds, run.Entries[^1].Round + 1);
    }
}
