using CsCheck;
using Parley.Analysis;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Testing;

namespace Parley.Tests.Analysis;

/// <summary>Red lines in analysis: the frontier and every solution are over packages that cross no principal's red line.</summary>
public sealed class RedLineFrontierTests
{
    private static Scenario WithRandomRedLines(Scenario scenario, int seed)
    {
        var rng = new Random(seed);
        var parties = scenario.Parties.Select(p =>
        {
            var lines = Enumerable.Range(0, rng.Next(0, 3)).Select(_ =>
            {
                int issue = rng.Next(scenario.Space.IssueCount);
                return RedLine.OnValue(issue, rng.Next(scenario.Space.Issues[issue].ValueCount));
            });
            return p with { Profile = p.Profile with { RedLines = new RedLines(lines) } };
        }).ToArray();
        return scenario with { Parties = [.. parties] };
    }

    /// <summary>Brute force: the frontier of the matrix restricted to outcomes that cross no red line (red lines checked directly).</summary>
    private static HashSet<string> ExpectedFrontier(Scenario scenario, UtilityMatrix matrix)
    {
        var feasible = new List<int>();
        var values = new int[scenario.Space.IssueCount];
        for (int o = 0; o < matrix.OutcomeCount; o++)
        {
            scenario.Space.Decode(o, values);
            if (!scenario.Parties.Any(p => p.Profile.RedLines.Lines.Any(l => values[l.Issue] >= l.FirstValue && values[l.Issue] <= l.LastValue)))
                feasible.Add(o);
        }
        if (feasible.Count == 0) return [];
        var rows = Enumerable.Range(0, matrix.PartyCount).Select(p => feasible.Select(o => matrix[p, o]).ToArray()).ToArray();
        return BruteForce.Frontier(rows).Vectors;
    }

    [Fact]
    public void Enumerated_RandomRedLines_EqualsBruteForceOverFeasibleOutcomes()
    {
        Gen.Select(RandomSpaces.AdditiveScenario(), Gen.Int).Sample((scenario, seed) =>
        {
            var s = WithRandomRedLines(scenario, seed);
            var matrix = RandomSpaces.Matrix(s);
            var (frontier, _) = FrontierFinder.EnumeratedComplete(matrix, s.Space, FeasibleValues.For(s, 0));
            var points = Enumerable.Range(0, (int)frontier.Count).Select(k => frontier.Point(k)).ToList();
            Assert.Equal(ExpectedFrontier(s, matrix), points.Select(p => BruteForce.Key(p.Utilities)).ToHashSet());
            Assert.All(points, p => Assert.DoesNotContain(s.Parties, q => q.Profile.RedLines.Crosses(p.Values.AsSpan())));
        }, iter: 300);
    }

    [Fact]
    public void IssueByIssue_RandomRedLines_EqualsBruteForceOverFeasibleOutcomes()
    {
        Gen.Select(RandomSpaces.AdditiveScenario(2, 2), Gen.Int).Sample((scenario, seed) =>
        {
            var s = WithRandomRedLines(scenario, seed);
            var matrix = RandomSpaces.Matrix(s);
            var a = (LinearAdditiveUtility)s.Parties[0].Profile.Utility;
            var b = (LinearAdditiveUtility)s.Parties[1].Profile.Utility;
            var frontier = FrontierFinder.IssueByIssueComplete(a, b, feasible: FeasibleValues.For(s, 0))!;
            var points = Enumerable.Range(0, (int)frontier.Count).Select(k => frontier.Point(k)).ToList();
            var expected = ExpectedFrontier(s, matrix);
            // The issue-by-issue sums may differ from the evaluated utilities in the last bit: compare point counts.
            Assert.Equal(expected.Count, points.Count);
            Assert.All(points, p => Assert.DoesNotContain(s.Parties, q => q.Profile.RedLines.Crosses(p.Values.AsSpan())));
        }, iter: 300);
    }

    [Fact]
    public void Analyze_RedLineOnTheNashValue_NashMovesOffIt()
    {
        var scenario = TestScenarios.Opposed(reserved: 0.1);
        var before = ScenarioAnalyzer.Analyze(scenario).Nash!;
        int issue = 1, value = before.Values[1];
        var lined = scenario with
        {
            Parties = [scenario.Parties[0] with { Profile = scenario.Parties[0].Profile with { RedLines = new RedLines([RedLine.OnValue(issue, value)]) } }, scenario.Parties[1]],
        };
        var after = ScenarioAnalyzer.Analyze(lined);
        Assert.NotEqual(value, after.Nash!.Values[1]);
        Assert.All(after.Frontier.Points, p => Assert.NotEqual(value, p.Values[1]));
        Assert.NotEqual(value, after.MaxWelfare!.Values[1]);
    }

    [Fact]
    public void Analyze_EveryValueOfAnIssueForbidden_NoFrontierNoNash()
    {
        var scenario = TestScenarios.Opposed();
        var all = new RedLines([new RedLine(0, 0, 3)]);
        var lined = scenario with { Parties = [scenario.Parties[0] with { Profile = scenario.Parties[0].Profile with { RedLines = all } }, scenario.Parties[1]] };
        var report = ScenarioAnalyzer.Analyze(lined);
        Assert.Empty(report.Frontier.Points);
        Assert.Null(report.Nash);
    }
}
