using System.Text.RegularExpressions;
using Parley.Scenarios;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios;

public class DocumentationExampleTests
{
    [Fact]
    public void ScenarioFormatDoc_CompleteExample_LoadsWithEveryFeature()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scenario-format.md"));
        var match = Regex.Match(doc, @"## Complete example.*?```yaml\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "docs/scenario-format.md has no complete YAML example");
        var scenario = YamlScenarioReader.Read("scenario-format.md", match.Groups[1].Value);
        Assert.Equal(3, scenario.Parties.Length);
        Assert.Equal(PartyRole.Mediator, scenario.Parties[2].Role);
        Assert.False(scenario.Parties[1].Profile.ReservedValue.IsConstant);
        Assert.Equal(0.3, scenario.Parties[1].Profile.ReservedValue.At(0.25), 12);
        Assert.Equal("wants a year's cover", scenario.Parties[0].PositionSources["Warranty (months)"]);
        Assert.Equal(3 * 13 * 2, (int)scenario.Space.Cardinality!.Value);
    }

    [Fact]
    public void CairoScenario_EveryPrincipalPositionHasASource()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        Assert.Equal(["Israel", "Hamas"], scenario.Principals.Select(p => p.Name));
        Assert.All(scenario.Parties, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        foreach (var p in scenario.Principals)
        {
            Assert.Equal(scenario.Space.IssueCount, p.PositionSources.Count);
            Assert.All(p.Profile.ReservedValue.Points, point => Assert.False(string.IsNullOrWhiteSpace(point.Source)));
        }
        Assert.Empty(scenario.Warnings);
    }
}
