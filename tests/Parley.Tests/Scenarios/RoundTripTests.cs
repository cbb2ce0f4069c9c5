using Parley.Outcomes;
using Parley.Scenarios;
using Parley.Scenarios.Genius;
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
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void YamlWrite_ThenRead_GivesIdenticalUtilities(string name)
    {
        var original = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        var copy = YamlScenarioReader.Read("copy.yaml", YamlScenarioWriter.Write(original));
        AssertSameScenario(original, copy);
    }

    [Fact]
    public void YamlWrite_PiecewiseReservedValueAndRoles_Survive()
    {
        var original = YamlScenarioReader.ReadFile(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml"));
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

    internal static void AssertSameScenario(Scenario expected, Scenario actual)
    {
        Assert.Equal(expected.Space.Issues.Select(i => i.Name), actual.Space.Issues.Select(i => i.Name));
        Assert.Equal(expected.Space.Cardinality, actual.Space.Cardinality);
        var byName = actual.Parties.ToDictionary(p => p.Name);
        Assert.Equal(expected.Parties.Length, actual.Parties.Length);
        foreach (var p in expected.Parties)
        {
            var q = byName.TryGetValue(p.Name, out var same) ? same : byName[p.Name.Replace(' ', '_')];
            Assert.Equal(p.Profile.ReservedValue.Initial, q.Profile.ReservedValue.Initial);
            Assert.Equal(p.Profile.DiscountFactor, q.Profile.DiscountFactor);
            foreach (var values in SampleOutcomes(expected.Space))
                Assert.Equal(p.Profile.Utility.Utility(values), q.Profile.Utility.Utility(values));
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
