using System.Collections.Immutable;
using CsCheck;
using Parley.Analysis;
using Parley.Scenarios;
using Parley.Scenarios.Genius;

namespace Parley.Tests.Scenarios;

/// <summary>Issue 12 §2: ANAC 2014 folders as distributed, with the published frontier in a pareto.xml that is not XML.</summary>
public class PublishedFrontierTests
{
    public static TheoryData<string> Anac2014 => new() { "y2014/10issues", "y2014/10issuesDiscountedwithRV", "y2014/30issues" };

    [Theory]
    [MemberData(nameof(Anac2014))]
    public void ReadFolder_Anac2014WithParetoFile_LoadsWithoutWarnings(string name)
    {
        string folder = Path.Combine(TestPaths.AnacScenarios, name);
        Assert.True(File.Exists(Path.Combine(folder, "pareto.xml")));
        var scenario = GeniusScenarioReader.ReadFolder(folder);
        Assert.Equal(2, scenario.Parties.Length);
        Assert.Empty(scenario.Warnings);
    }

    [Theory]
    [MemberData(nameof(Anac2014))]
    public void TryLoad_Anac2014_ReadsEveryLineOfTheFile(string name)
    {
        string folder = Path.Combine(TestPaths.AnacScenarios, name);
        var expected = File.ReadAllLines(Path.Combine(folder, "pareto.xml")).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        var published = PublishedFrontier.TryLoad(folder)!;
        Assert.Equal(expected.Count, published.Points.Length);
        for (int k = 0; k < expected.Count; k++) Assert.Equal(expected[k], published.Points[k].ToArray());
    }

    [Theory]
    [MemberData(nameof(Anac2014))]
    public void Compare_Anac2014_ParleyFrontierMissesNoPublishedPoint(string name)
    {
        string folder = Path.Combine(TestPaths.AnacScenarios, name);
        var scenario = GeniusScenarioReader.ReadFolder(folder);
        var report = ScenarioAnalyzer.Analyze(scenario);
        var published = PublishedFrontier.TryLoad(folder)!;
        var c = PublishedFrontierComparison.Compare(published, report.Frontier.Points, 2);
        Assert.Equal(published.Points.Length, c.PublishedPoints);
        Assert.Equal(c.PublishedPoints, c.Dominated + c.Matched + c.Missed);
        Assert.Equal(0, c.Missed);
        Assert.True(c.Matched > 0, "Parley's search reaches some published points exactly");
    }

    [Fact]
    public void TryLoad_FileScenarioOrFolderWithoutParetoFile_IsNull()
    {
        Assert.Null(PublishedFrontier.TryLoad(Path.Combine(TestPaths.RepoRoot, "scenarios", "cairo-2024.yaml")));
        Assert.Null(PublishedFrontier.TryLoad(Path.Combine(TestPaths.AnacScenarios, "y2010", "Travel")));
    }

    [Fact]
    public void Parse_BadNumber_NamesFileAndLine()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => PublishedFrontier.Parse("pareto.xml", "\n0.5, 0.6\n0.7, abc\n"));
        Assert.Equal("pareto.xml: line 3: 'abc' is not a number; expected one utility per party, e.g. '0.75, 0.6'", e.Message);
    }

    [Fact]
    public void Parse_RaggedLine_NamesLineAndExpectedWidth()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => PublishedFrontier.Parse("pareto.xml", "0.5, 0.6\n0.7\n"));
        Assert.Contains("line 2: 1 utilities; expected 2", e.Message);
    }

    [Fact]
    public void Parse_Empty_SaysNoPoints()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => PublishedFrontier.Parse("pareto.xml", "\n \n"));
        Assert.Contains("no points", e.Message);
    }

    [Fact]
    public void Compare_WrongWidth_IsAUserErrorNamingTheFile()
    {
        var published = PublishedFrontier.Parse("p/pareto.xml", "0.5, 0.6\n");
        var e = Assert.Throws<ScenarioFormatException>(() => PublishedFrontierComparison.Compare(published, [Point(0.5, 0.6, 0.1)], 3));
        Assert.Contains("p/pareto.xml", e.Message);
        Assert.Contains("expected 3", e.Message);
    }

    [Fact]
    public void Compare_HandMadeCases_ClassifiesEachPoint()
    {
        // Parley: (1, 0.2), (0.6, 0.6), (0.2, 1).
        DealPoint[] parley = [Point(1, 0.2), Point(0.6, 0.6), Point(0.2, 1)];
        var published = PublishedFrontier.Parse("pareto.xml", """
            1.0000004, 0.2
            0.6, 0.5
            0.55, 0.55
            0.7, 0.7
            0.1, 1.0
            0.2000009, 1.0000009
            """);
        var c = PublishedFrontierComparison.Compare(published, parley, 2);
        Assert.Equal((6, 3, 2, 1), (c.PublishedPoints, c.Dominated, c.Matched, c.Missed));
    }

    [Fact]
    public void Compare_RandomFrontiers_AgreesWithDefinitionByBruteForce()
    {
        var vector = Gen.Int[0, 4].Select(i => i / 4.0).Array[2];
        Gen.Select(vector.Array[1, 6], vector.Array[1, 6]).Sample((ours, theirs) =>
        {
            var published = new PublishedFrontier("pareto.xml", theirs.Select(v => v.ToImmutableArray()).ToImmutableArray());
            var c = PublishedFrontierComparison.Compare(published, ours.Select(v => Point(v)).ToList(), 2);
            int matched = theirs.Count(p => ours.Any(q => q[0] == p[0] && q[1] == p[1]));
            int dominated = theirs.Count(p => !ours.Any(q => q[0] == p[0] && q[1] == p[1])
                && ours.Any(q => q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1])));
            return c.Matched == matched && c.Dominated == dominated && c.Missed == theirs.Length - matched - dominated;
        }, iter: 2_000);
    }

    private static DealPoint Point(params double[] u) => new([.. u], []);
}
