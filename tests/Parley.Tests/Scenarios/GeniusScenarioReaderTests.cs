using System.Text.Json;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Scenarios;

public class GeniusScenarioReaderTests
{
    public static TheoryData<string> Scenarios => TestPaths.AnacScenarioData();

    [Fact]
    public void AnacFolder_HasAllSeventyFiveScenarios() => Assert.Equal(75, TestPaths.AnacScenarioNames().Count());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ReadFolder_AnacScenario_MatchesReferencePartiesAndCounts(string name)
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.AnacReference, name + ".json")));
        var root = reference.RootElement;

        Assert.Equal(root.GetProperty("outcomeCount").GetString(), scenario.Space.Cardinality!.Value.ToString());
        var parties = root.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(parties.Count, scenario.Parties.Length);
        for (int i = 0; i < parties.Count; i++)
        {
            Assert.Equal(parties[i].GetProperty("name").GetString(), scenario.Parties[i].Name);
            Assert.Equal(parties[i].GetProperty("reservedValue").GetDouble(), scenario.Parties[i].Profile.ReservedValue.Initial, 12);
            Assert.Equal(parties[i].GetProperty("discountFactor").GetDouble(), scenario.Parties[i].Profile.DiscountFactor, 12);
        }
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(issues.Select(i => i.GetProperty("name").GetString()), scenario.Space.Issues.Select(i => i.Name));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ReadFolder_AnacScenario_ReferenceNashOutcomeHasReferenceUtilities(string name)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.AnacReference, name + ".json")));
        if (!reference.RootElement.TryGetProperty("nash", out var nash) || nash.ValueKind == JsonValueKind.Null) return;
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, name));
        var values = new int[scenario.Space.IssueCount];
        foreach (var kv in nash.GetProperty("outcome").EnumerateObject())
        {
            int i = scenario.Space.IndexOfIssue(kv.Name);
            values[i] = scenario.Space.Issues[i].IndexOf(kv.Value.ToString());
            Assert.True(values[i] >= 0, $"value {kv.Value} of {kv.Name}");
        }
        var expected = nash.GetProperty("utilities").EnumerateArray().Select(u => u.GetDouble()).ToArray();
        for (int p = 0; p < expected.Length; p++)
            Assert.Equal(expected[p], scenario.Parties[p].Profile.Utility.Utility(values), 1e-9);
    }

    [Fact]
    public void ReadFolder_FitnessA_IgnoresObjectiveWeightAndWarnsNothingElse()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2012/FitnessA"));
        Assert.Equal(5, scenario.Space.IssueCount);
        Assert.All(scenario.Parties, p => Assert.IsType<LinearAdditiveUtility>(p.Profile.Utility));
    }

    [Fact]
    public void ReadFolder_WeightsNotSummingToOne_AreReportedNotRescaled()
    {
        var all = TestPaths.AnacScenarioNames().Select(s => GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, s))).ToList();
        var warned = all.SelectMany(s => s.Warnings).Where(w => w.Contains("weights sum to")).ToList();
        Assert.NotEmpty(warned);
        var party = all.SelectMany(s => s.Parties).First(p => p.Profile.Utility is LinearAdditiveUtility a && Math.Abs(a.WeightSum - 1) > 1e-6);
        var additive = (LinearAdditiveUtility)party.Profile.Utility;
        Assert.NotEqual(1.0, additive.WeightSum, 6);
    }

    [Fact]
    public void ReadFolder_Nonlinear2014_HasHyperRectanglesAndExactHugeCount()
    {
        var scenario = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2014/30issues"));
        Assert.Equal(System.Numerics.BigInteger.Pow(10, 30), scenario.Space.Cardinality);
        Assert.True(scenario.Space.IsIndexable);
        Assert.False(scenario.Space.IsEnumerable);
        Assert.All(scenario.Parties, p => Assert.IsType<HyperRectangleUtility>(p.Profile.Utility));
        var rv = GeniusScenarioReader.ReadFolder(Path.Combine(TestPaths.AnacScenarios, "y2014/10issuesDiscountedwithRV"));
        Assert.Equal(0.75, rv.Parties[0].Profile.ReservedValue.Initial);
        Assert.Equal(0.5, rv.Parties[0].Profile.DiscountFactor);
    }
}
