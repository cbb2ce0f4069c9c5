using System.Text.Json;
using Parley.Analysis;
using Parley.Scenarios.GeniusWeb;

namespace Parley.Tests.Scenarios.GeniusWeb;

/// <summary>The shared GeniusWeb scenarios against the independent reference values (../shared/reference/geniusweb).</summary>
public class GeniusWebGoldenTests
{
    private const double Tolerance = 1e-9;

    public static string Scenarios => Path.Combine(TestPaths.Shared, "scenarios", "geniusweb");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var d in Directory.GetDirectories(Scenarios).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(d));
        return data;
    }

    [Fact]
    public void Names_SharedFolder_HasTheTwoGeniusWebScenarios() => Assert.Equal(["Fitness", "JapnTrip"], Directory.GetDirectories(Scenarios).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadFolder_GeniusWebScenario_MatchesReferencePartiesIssuesAndReservedValues(string name)
    {
        var scenario = GeniusWebScenarioReader.ReadFolder(Path.Combine(Scenarios, name));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Shared, "reference", "geniusweb", name + ".json")));
        var reference = json.RootElement;
        Assert.Equal(reference.GetProperty("issues").EnumerateArray().Select(i => i.GetString()), scenario.Space.Issues.Select(i => i.Name));
        Assert.Equal(reference.GetProperty("outcomeCount").GetString(), scenario.Space.Cardinality.ToString());
        var parties = reference.GetProperty("parties").EnumerateArray().ToArray();
        Assert.Equal(parties.Select(p => p.GetProperty("name").GetString()), scenario.Parties.Select(p => p.Name));
        for (int i = 0; i < parties.Length; i++)
        {
            Assert.Equal(parties[i].GetProperty("reservedValue").GetDouble(), scenario.Parties[i].Profile.ReservedValue.Initial, Tolerance);
            Assert.Equal(parties[i].GetProperty("discountFactor").GetDouble(), scenario.Parties[i].Profile.DiscountFactor);
        }
        Assert.Empty(scenario.Warnings);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadFolder_GeniusWebScenario_EveryOutcomeHasTheUtilityWrittenInTheProfile(string name)
    {
        string folder = Path.Combine(Scenarios, name);
        var scenario = GeniusWebScenarioReader.ReadFolder(folder);
        foreach (var party in scenario.Parties)
        {
            // Independent oracle: Σ weight × value utility straight from the JSON text.
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, party.Name + ".json")));
            var space = doc.RootElement.GetProperty("LinearAdditiveUtilitySpace");
            var weights = space.GetProperty("issueWeights");
            var utilities = space.GetProperty("issueUtilities");
            foreach (var values in AllValueVectors(scenario.Space.Radices.ToArray()))
            {
                double expected = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    var issue = scenario.Space.Issues[i];
                    expected += weights.GetProperty(issue.Name).GetDouble()
                        * utilities.GetProperty(issue.Name).GetProperty("discreteutils").GetProperty("valueUtilities").GetProperty(issue.FormatValue(values[i])).GetDouble();
                }
                Assert.Equal(expected, party.Profile.Utility.Utility(values), 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Analyze_GeniusWebScenario_MatchesReferenceFrontierAndSolutions(string name)
    {
        var scenario = GeniusWebScenarioReader.ReadFolder(Path.Combine(Scenarios, name));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Shared, "reference", "geniusweb", name + ".json")));
        var reference = json.RootElement;
        var report = ScenarioAnalyzer.Analyze(scenario);
        var r = report.ReservedValues.ToArray();

        Assert.True(report.Frontier.Exact);
        Assert.Equal(reference.GetProperty("frontierOutcomes").GetInt64(), report.Frontier.OutcomesOnFrontier);
        var expected = reference.GetProperty("frontier").EnumerateArray().Select(Vector).OrderByDescending(v => v[0]).ThenByDescending(v => v[1]).ToList();
        Assert.Equal(expected.Count, report.Frontier.Points.Length);
        for (int k = 0; k < expected.Count; k++)
            for (int i = 0; i < 2; i++)
                Assert.Equal(expected[k][i], report.Frontier.Points[k].Utilities[i], Tolerance);

        // Nash product, welfare and the Kalai–Smorodinsky ratio computed here, not by the library.
        double[] nash = [.. report.Nash!.Utilities];
        Assert.Equal(reference.GetProperty("nash").GetProperty("product").GetDouble(), (nash[0] - r[0]) * (nash[1] - r[1]), Tolerance);
        Assert.Equal(reference.GetProperty("maxWelfare").GetProperty("welfare").GetDouble(), report.MaxWelfare!.Utilities.Sum(), Tolerance);
        var rational = expected.Where(v => v[0] >= r[0] && v[1] >= r[1]).ToList();
        double[] ideal = [rational.Max(v => v[0]), rational.Max(v => v[1])];
        double[] ks = [.. report.KalaiSmorodinsky!.Utilities];
        double ratio = Math.Min((ks[0] - r[0]) / (ideal[0] - r[0]), (ks[1] - r[1]) / (ideal[1] - r[1]));
        Assert.Equal(reference.GetProperty("kalaiSmorodinsky").GetProperty("value").GetDouble(), ratio, Tolerance);
    }

    /// <summary>Every value vector of a small space, first issue fastest.</summary>
    internal static IEnumerable<int[]> AllValueVectors(int[] radices)
    {
        var values = new int[radices.Length];
        while (true)
        {
            yield return values;
            int i = 0;
            while (i < radices.Length && ++values[i] == radices[i]) values[i++] = 0;
            if (i == radices.Length) yield break;
        }
    }

    private static double[] Vector(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
}
