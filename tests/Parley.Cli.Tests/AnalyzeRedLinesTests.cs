using System.Text.Json;

namespace Parley.Cli.Tests;

public class AnalyzeRedLinesTests
{
    [Fact]
    public void Analyze_CairoJson_ListsRedLinesAndNoSolutionCrossesThem()
    {
        var r = CliRunner.InProcess("analyze", Path.Combine(CliRunner.RepoRoot, "scenarios", "cairo-2024.yaml"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var israel = root.GetProperty("parties")[0];
        var lines = israel.GetProperty("redLines").EnumerateArray().Select(x => x.GetString()).ToArray();
        Assert.Contains("End-of-war commitment: permanent ceasefire upfront", lines);
        Assert.Contains("Troop posture@phase 1: full withdrawal", lines);
        Assert.Equal(0.6, root.GetProperty("parties")[4].GetProperty("stake").GetDouble());
        foreach (var point in root.GetProperty("paretoFrontier").GetProperty("points").EnumerateArray())
        {
            var outcome = point.GetProperty("outcome");
            Assert.NotEqual("permanent ceasefire upfront", outcome.GetProperty("End-of-war commitment").GetString());
            Assert.NotEqual("pause only", outcome.GetProperty("End-of-war commitment").GetString());
            for (int k = 1; k <= 3; k++) Assert.NotEqual("full withdrawal", outcome.GetProperty($"Troop posture@phase {k}").GetString());
        }
    }
}
