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

        // Mediation features: stake, red line, channels, dated events, package.
        Assert.Equal(0.7, scenario.Parties[2].Stake);
        Assert.True(scenario.Parties[1].Profile.RedLines.Crosses([0, 5, 0]));
        Assert.False(scenario.Parties[1].Profile.RedLines.Crosses([1, 5, 0]));
        Assert.NotNull(scenario.Channels);
        Assert.False(scenario.Channels!.Allows(0, 1, out _));
        Assert.True(scenario.Channels.Allows(2, 1, out int delay));
        Assert.Equal(1, delay);
        Assert.Equal(new DateOnly(2024, 3, 1), scenario.Timeline.Start);
        Assert.Equal(3, scenario.Timeline.Events.Length);
        // 11 March is day 10 of 20: t = 0.5; the 0.1 rise ramps over 2 days (0.1 of normalised time).
        Assert.Equal(0.4 + 0.05, scenario.ReservedValueAt(1, 0.55) / Math.Pow(0.9, 0.55), 9);
        Assert.False(scenario.Timeline.IsAvailable(2, 1, 0.8));
        Assert.False(scenario.Timeline.IsPresent(2, 0.75));
        var package = Assert.Single(scenario.Packages);
        Assert.Equal([2, 3, 0], package.Values.ToArray());

        // The seller lists its weights out of issue order: they are taken by name.
        var seller = (Parley.Preferences.LinearAdditiveUtility)scenario.Parties[1].Profile.Utility;
        Assert.Equal([0.7, 0.2, 0.1], seller.Weights.ToArray());
    }

    [Fact]
    public void ScenarioFormatDoc_EverySectionExample_LoadsInTheCompleteExample()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scenario-format.md"));
        var blocks = Regex.Matches(doc, @"```yaml\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        string complete = blocks.Single(b => b.StartsWith("name:", StringComparison.Ordinal));
        var fragments = blocks.Where(b => b != complete).ToList();
        Assert.Equal(4, fragments.Count);
        foreach (var fragment in fragments)
        {
            string key = fragment.TrimStart().Split(':')[0];
            // Replace the complete example's section of the same key (same indentation) with the fragment, then load it.
            string indent = fragment[..(fragment.Length - fragment.TrimStart().Length)];
            var section = Regex.Match(complete, $@"^{indent}{key}:\n(?:{indent}[ -].*\n)*", RegexOptions.Multiline);
            Assert.True(section.Success, $"the complete example has no '{key}' section");
            var scenario = YamlScenarioReader.Read("scenario-format.md", complete.Replace(section.Value, fragment));
            switch (key)
            {
                case "redLines":
                    Assert.True(scenario.Parties[1].Profile.RedLines.Crosses([1, 10, 0]));
                    Assert.False(scenario.Parties[1].Profile.RedLines.Crosses([1, 9, 0]));
                    break;
                case "channels":
                    Assert.Equal(2, scenario.Channels!.Channels.Length);
                    break;
                case "events":
                    Assert.Equal(2, scenario.Timeline.Events.Length);
                    break;
                case "packages":
                    Assert.Single(scenario.Packages);
                    break;
                default:
                    Assert.Fail($"unexpected example section '{key}'");
                    break;
            }
        }
    }

    [Fact]
    public void CairoScenario_EveryPrincipalPositionHasASource()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        Assert.Equal(["Israel", "Hamas"], scenario.Principals.Select(p => p.Name));
        Assert.All(scenario.Parties, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        // Positions are stated per issue (a phased issue's slots share its source).
        int issues = scenario.Phasing?.Structure.Issues.Length ?? scenario.Space.IssueCount;
        foreach (var p in scenario.Principals)
        {
            Assert.Equal(issues, p.PositionSources.Count);
            Assert.All(p.Profile.RedLines.Lines, line => Assert.False(string.IsNullOrWhiteSpace(line.Source)));
        }
        // Mediators: every issue ordering and the stake have a source (the brief's model table, or [M]).
        foreach (var m in scenario.Parties.Where(p => p.Role == PartyRole.Mediator))
        {
            Assert.Equal(issues, m.PositionSources.Count);
            Assert.StartsWith("[M]", m.StakeSource);
        }
        Assert.All(scenario.Channels!.Channels, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
        Assert.All(scenario.Timeline.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.All(scenario.Packages, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        // The brief's red lines (its "x" marks), and no Israel–Hamas or US–Hamas channel.
        string IssueOf(int slot) => scenario.Phasing!.Structure.Issues[scenario.Phasing.Structure.Slots[slot].Issue].Issue.Name;
        Assert.Equal(["End-of-war commitment", "Troop posture"], scenario.Parties[0].Profile.RedLines.Lines.Select(l => IssueOf(l.Issue)).Distinct().Order());
        Assert.Equal(["End-of-war commitment"], scenario.Parties[1].Profile.RedLines.Lines.Select(l => IssueOf(l.Issue)).Distinct());
        Assert.False(scenario.Channels.Allows(0, 1, out _));
        Assert.False(scenario.Channels.Allows(2, 1, out _));
        Assert.Equal([0.4, 0.5, 0.6], scenario.Parties.Skip(2).Select(p => p.Stake));
        // The whole arc (issue 18 contract): from no later than the November 2023 truce to no earlier than 19 Jan 2025.
        Assert.True(scenario.Timeline.Start <= new DateOnly(2023, 11, 24));
        Assert.True(scenario.Timeline.Deadline >= new DateOnly(2025, 1, 19));
        Assert.All(scenario.Packages, p => Assert.NotNull(p.Date));
        Assert.Empty(scenario.Warnings);
    }
}
