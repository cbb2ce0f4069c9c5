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
        Assert.Equal(["End-of-war link: permanent ceasefire upfront", "Israeli troop posture: full withdrawal"],
            israel.GetProperty("redLines").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(0.6, root.GetProperty("parties")[4].GetProperty("stake").GetDouble());
        foreach (var point in root.GetProperty("paretoFrontier").GetProperty("points").EnumerateArray())
        {
            var outcome = point.GetProperty("outcome");
            Assert.NotEqual("permanent ceasefire upfront", outcome.GetProperty("End-of-war link").GetString());
            Assert.NotEqual("pause only", outcome.GetProperty("End-of-war link").GetString());
            Assert.NotEqual("full withdrawal", outcome.GetProperty("Israeli troop posture").GetString());
        }
        // With the calibrated outside options no package is individually rational on 13 Feb: no Nash point.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nash").ValueKind);
    }
}
