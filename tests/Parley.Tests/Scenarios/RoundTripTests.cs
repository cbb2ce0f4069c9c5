using System.Text.Json;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
using Parley.Scenarios.GeniusWeb;
using Parley.Scenarios.Yaml;

namespace Parley.Tests.Scenarios;

public class RoundTripTests
{
    public static TheoryData<string> Scenarios => TestPaths.AnacScenarioData();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void WriteFolder_ThenRead_GivesIdenticalUtilities(string name)
    {
        var original = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        using var temp = TestPaths.TempFolder();
        GeniusScenarioWriter.WriteFolder(original, temp.Path);
        var copy = GeniusScenarioReader.ReadFolder(temp.Path);
        AssertSameScenario(original, copy);
        AssertReferenceUtilities(name, copy);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void GeniusWebWrite_ThenRead_GivesReferenceUtilities(string name)
    {
        var original = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        using var temp = TestPaths.TempFolder();
        if (original.Parties.Any(p => p.Profile.Utility is not LinearAdditiveUtility))
        {
            var e = Assert.Throws<NotSupportedException>(() => GeniusWebScenarioWriter.WriteFolder(original, temp.Path));
            Assert.Contains("hyper-rectangle", e.Message);
            Assert.Empty(Directory.GetFiles(temp.Path));
            return;
        }
        var warnings = GeniusWebScenarioWriter.WriteFolder(original, temp.Path);
        var copy = GeniusWebScenarioReader.ReadFolder(temp.Path);
        Assert.Equal(original.Parties.Select(p => p.Name), copy.Parties.Select(p => p.Name));
        Assert.Equal(original.Space.Issues.Select(i => i.Name), copy.Space.Issues.Select(i => i.Name));
        for (int k = 0; k < original.Parties.Length; k++)
        {
            var (p, q) = (original.Parties[k], copy.Parties[k]);
            foreach (var values in SampleOutcomes(original.Space))
                Assert.Equal(p.Profile.Utility.Utility(values), q.Profile.Utility.Utility(values), 1e-12);
            // A reserved value no outcome reaches exactly, or a discount, is reported, never silently changed.
            if (p.Profile.ReservedValue.Initial != q.Profile.ReservedValue.Initial)
                Assert.Contains(warnings, w => w.StartsWith(p.Name + ": no outcome has utility exactly", StringComparison.Ordinal));
            if (p.Profile.DiscountFactor < 1) Assert.Contains(warnings, w => w.StartsWith(p.Name + ": a GeniusWeb LinearAdditiveUtilitySpace has no discount", StringComparison.Ordinal));
        }
        AssertReferenceUtilities(name, copy, tolerance: 1e-9);
    }

    [Theory]
    [InlineData("Fitness")]
    [InlineData("JapnTrip")]
    public void GeniusWebFolder_WrittenAsGeniusWebGeniusAndYaml_KeepsReferenceValues(string name)
    {
        string folder = Path.Combine(TestPaths.Shared, "scenarios", "geniusweb", name);
        var original = GeniusWebScenarioReader.ReadFolder(folder);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Shared, "reference", "geniusweb", name + ".json")));
        var reserved = json.RootElement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("reservedValue").GetDouble()).ToArray();

        using var web = TestPaths.TempFolder();
        Assert.Empty(GeniusWebScenarioWriter.WriteFolder(original, web.Path));
        using var genius = TestPaths.TempFolder();
        GeniusScenarioWriter.WriteFolder(original, genius.Path);
        var copies = new[]
        {
            GeniusWebScenarioReader.ReadFolder(web.Path),
            GeniusScenarioReader.ReadFolder(genius.Path),
            YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(original)),
        };
        foreach (var copy in copies)
        {
            AssertSameScenario(original, copy, copy == copies[0] ? 1e-12 : 0);
            Assert.Equal(reserved, copy.Parties.Select(p => p.Profile.ReservedValue.Initial).ToArray(), (a, b) => Math.Abs(a - b) <= 1e-12);
        }
    }

    /// <summary>
    /// The copy against values computed independently from the original files (../shared/reference): the utilities of the
    /// reference Nash, max-welfare and Kalai–Smorodinsky outcomes, and the reserved values.
    /// </summary>
    private static void AssertReferenceUtilities(string name, Scenario copy, double tolerance = 1e-9)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.AnacReference, name + ".json")));
        var root = json.RootElement;
        var parties = root.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        var byName = copy.Parties.ToDictionary(p => p.Name);
        foreach (var solution in new[] { "nash", "maxWelfare", "kalaiSmorodinsky" })
        {
            if (!root.TryGetProperty(solution, out var point) || point.ValueKind == JsonValueKind.Null) continue;
            var values = new int[copy.Space.IssueCount];
            foreach (var kv in point.GetProperty("outcome").EnumerateObject())
            {
                int i = copy.Space.IndexOfIssue(kv.Name);
                values[i] = copy.Space.Issues[i].IndexOf(kv.Value.ToString());
                Assert.True(values[i] >= 0, $"{solution}: value {kv.Value} of {kv.Name}");
            }
            var expected = point.GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
            for (int p = 0; p < parties.Length; p++)
                Assert.Equal(expected[p], byName[parties[p]].Profile.Utility.Utility(values), tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void YamlWrite_ThenRead_GivesIdenticalUtilities(string name)
    {
        var original = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(original));
        AssertSameScenario(original, copy);
        AssertReferenceUtilities(name, copy);
    }

    [Fact]
    public void YamlWrite_PiecewiseReservedValueAndRoles_Survive()
    {
        // The flat Cairo model of before issue 18 (a fixture): its reserved values carry a source on the curve point.
        var original = YamlScenarioReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Tests", "Reports", "Fixtures", "cairo-2024-flat.yaml"));
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(original));
        AssertSameScenario(original, copy);
        Assert.Equal(original.Parties.Select(p => p.Role), copy.Parties.Select(p => p.Role));
        Assert.Equal(original.Parties.Select(p => p.Source), copy.Parties.Select(p => p.Source));
        for (int i = 0; i < original.Parties.Length; i++)
            Assert.Equal(original.Parties[i].Profile.ReservedValue.Points.ToArray(), copy.Parties[i].Profile.ReservedValue.Points.ToArray());
        Assert.Equal(original.Parties.Select(p => p.PositionSources.Count), copy.Parties.Select(p => p.PositionSources.Count));
        Assert.Contains(original.Parties[0].Profile.ReservedValue.Points, p => p.Source is not null);
        YamlMediationTests.AssertSameMediation(original, copy);
        Assert.NotEmpty(original.Packages);
        Assert.NotEmpty(original.Timeline.Events);
    }

    internal static void AssertSameScenario(Scenario expected, Scenario actual, double tolerance = 0)
    {
        Assert.Equal(expected.Space.Issues.Select(i => i.Name), actual.Space.Issues.Select(i => i.Name));
        Assert.Equal(expected.Space.Cardinality, actual.Space.Cardinality);
        var byName = actual.Parties.ToDictionary(p => p.Name);
        Assert.Equal(expected.Parties.Length, actual.Parties.Length);
        foreach (var p in expected.Parties)
        {
            var q = byName.TryGetValue(p.Name, out var same) ? same : byName[p.Name.Replace(' ', '_')];
            Assert.Equal(p.Profile.ReservedValue.Initial, q.Profile.ReservedValue.Initial, tolerance);
            Assert.Equal(p.Profile.DiscountFactor, q.Profile.DiscountFactor);
            foreach (var values in SampleOutcomes(expected.Space))
                Assert.Equal(p.Profile.Utility.Utility(values), q.Profile.Utility.Utility(values), tolerance);
        }
    }

    private static IEnumerable<int[]> SampleOutcomes(OutcomeSpace space)
    {
        var radices = space.Radices.ToArray();
        if (space.IsEnumerable && space.Count <= 20_000)
        {
            var values = new int[radices.Length];
            for (long o = 0; o < space.Count; o++)
            {
                space.Decode(o, values);
                yield return values;
            }
            yield break;
        }
        var random = new Random(17);
        for (int k = 0; k < 5_000; k++) yield return radices.Select(r => random.Next(r)).ToArray();
    }
}
