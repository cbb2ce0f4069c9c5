using Parley.Scenarios;
using Parley.Scenarios.GeniusWeb;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios.GeniusWeb;

/// <summary>convert --to geniusweb: what GeniusWeb cannot hold is reported, and what it can is read back unchanged.</summary>
public class GeniusWebScenarioWriterTests
{
    [Fact]
    public void WriteFolder_CairoModel_ReportsEverythingDroppedAndReadsBack()
    {
        var cairo = YamlScenarioReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
        // The Cairo file now writes its outside options as a level plus dated events (issue 18); give Israel a
        // time-varying curve here so the reservation-bid warning is still exercised.
        var israel = cairo.Parties[0];
        cairo = cairo with { Parties = [israel with { Profile = israel.Profile with { ReservedValue = new Parley.Preferences.ReservedValueCurve([new(0, 0.66), new(1, 0.69)]) } }, .. cairo.Parties.Skip(1)] };
        using var t = TestPaths.TempFolder();
        var warnings = GeniusWebScenarioWriter.WriteFolder(cairo, t.Path);
        Assert.Contains(warnings, w => w.Contains("GeniusWeb has no mediator role"));
        Assert.Contains(warnings, w => w.Contains("GeniusWeb has no red lines"));
        Assert.Contains(warnings, w => w.Contains("GeniusWeb holds one reservation bid"));
        Assert.Contains(warnings, w => w == "GeniusWeb has no timeline; the dates and events were dropped.");
        Assert.Contains(warnings, w => w == "GeniusWeb has no named packages; they were dropped.");
        var copy = GeniusWebScenarioReader.ReadFolder(t.Path);
        Assert.Equal(cairo.Parties.Length, copy.Parties.Length);
        var byName = copy.Parties.ToDictionary(p => p.Name);
        var values = new int[cairo.Space.IssueCount];
        foreach (var p in cairo.Parties)
        {
            var q = byName[p.Name.Replace(' ', '_')];
            Assert.Equal(p.Profile.Utility.Utility(values), q.Profile.Utility.Utility(values), 1e-12);
        }
    }

    [Fact]
    public void WriteFolder_PartyNamesThatCollideAsFileNames_GetSuffixesAndAWarning()
    {
        var s = YamlScenarioReader.Read("x.yaml", """
            issues:
              - {name: p, type: discrete, values: [lo, hi]}
            parties:
              - {name: a b, utility: {weights: {p: 1}, issues: {p: {values: {lo: 1, hi: 0}}}}}
              - {name: a_b, utility: {weights: {p: 1}, issues: {p: {values: {lo: 0, hi: 1}}}}}
            """);
        using var t = TestPaths.TempFolder();
        var warnings = GeniusWebScenarioWriter.WriteFolder(s, t.Path);
        Assert.Contains(warnings, w => w.StartsWith("a_b: another file already has this party's file name; written as a_b_2.json", StringComparison.Ordinal));
        var copy = GeniusWebScenarioReader.ReadFolder(t.Path);
        Assert.Equal(["a_b", "a_b_2"], copy.Parties.Select(p => p.Name));
        Assert.Equal(1.0, copy.Parties[1].Profile.Utility.Utility([1]));
    }

    [Fact]
    public void WriteFolder_ReservedValueNoOutcomeReaches_WritesTheClosestBidAndSaysSo()
    {
        var s = YamlScenarioReader.Read("x.yaml", """
            issues:
              - {name: p, type: discrete, values: [lo, mid, hi]}
            parties:
              - {name: a, reservedValue: 0.45, utility: {weights: {p: 1}, issues: {p: {values: {lo: 1, mid: 0.5, hi: 0}}}}}
              - {name: b, reservedValue: 0.5, utility: {weights: {p: 1}, issues: {p: {values: {lo: 0, mid: 0.5, hi: 1}}}}}
            """);
        using var t = TestPaths.TempFolder();
        var warnings = GeniusWebScenarioWriter.WriteFolder(s, t.Path);
        Assert.Contains(warnings, w => w == "a: no outcome has utility exactly 0.45; the reservation bid written has utility 0.5.");
        Assert.DoesNotContain(warnings, w => w.StartsWith("b:", StringComparison.Ordinal));
        var copy = GeniusWebScenarioReader.ReadFolder(t.Path);
        Assert.Equal([0.5, 0.5], copy.Parties.Select(p => p.Profile.ReservedValue.Initial));
    }

    [Fact]
    public void WriteFolder_IntegerAndSteppedRealIssues_RoundTripAsNumberRanges()
    {
        var s = YamlScenarioReader.Read("x.yaml", """
            issues:
              - {name: price, type: integer, min: 10, max: 20}
              - {name: share, type: real, min: 0, max: 1, steps: 5}
            parties:
              - {name: a, utility: {weights: {price: 0.5, share: 0.5}, issues: {price: {slope: 0.1, offset: 0}, share: {slope: 1, intercept: 0}}}}
              - {name: b, utility: {weights: {price: 0.5, share: 0.5}, issues: {price: {slope: -0.1, offset: 1}, share: {slope: -1, intercept: 1}}}}
            """);
        using var t = TestPaths.TempFolder();
        Assert.Empty(GeniusWebScenarioWriter.WriteFolder(s, t.Path));
        var copy = GeniusWebScenarioReader.ReadFolder(t.Path);
        Assert.Equal(s.Space.Cardinality, copy.Space.Cardinality);
        foreach (var values in GeniusWebGoldenTests.AllValueVectors(s.Space.Radices.ToArray()))
            for (int p = 0; p < 2; p++)
                Assert.Equal(s.Parties[p].Profile.Utility.Utility(values), copy.Parties[p].Profile.Utility.Utility(values), 1e-12);
    }

    [Fact]
    public void WriteFolder_ContinuousIssue_IsNotSupportedAndWritesNothing()
    {
        var s = YamlScenarioReader.Read("x.yaml", """
            issues:
              - {name: share, type: real, min: 0, max: 1}
            parties:
              - {name: a, utility: {weights: {share: 1}, issues: {share: {slope: 1, intercept: 0}}}}
              - {name: b, utility: {weights: {share: 1}, issues: {share: {slope: -1, intercept: 1}}}}
            """);
        using var t = TestPaths.TempFolder();
        var e = Assert.Throws<NotSupportedException>(() => GeniusWebScenarioWriter.WriteFolder(s, t.Path));
        Assert.Contains("'share' is continuous", e.Message);
        Assert.Empty(Directory.GetFiles(t.Path));
    }
}
