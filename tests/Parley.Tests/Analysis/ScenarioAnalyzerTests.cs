using System.Collections.Immutable;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis;

/// <summary>Method choice, report contents and argument checks of <see cref="ScenarioAnalyzer"/>.</summary>
public sealed class ScenarioAnalyzerTests
{
    [Fact]
    public void Analyze_SmallAdditiveScenario_EnumeratesAndTimesEachStep()
    {
        var scenario = RandomSpaces.Additive(2, 3, 4, seed: 11, heavyWeights: false);
        var report = ScenarioAnalyzer.Analyze(scenario);

        Assert.Equal(ScenarioAnalyzer.Enumeration, report.Method);
        Assert.Equal(scenario.Space.Cardinality, report.OutcomeCount);
        Assert.Equal(["evaluate", "frontier", "solutions"], report.Timings.Select(t => t.Step));
        Assert.Equal(scenario.Parties.Select(p => p.Profile.ReservedValue.Initial), report.ReservedValues);
        Assert.NotNull(report.Frontier.OutcomesOnFrontier);
    }

    [Fact]
    public void Analyze_MediatorPresent_AnalysesPrincipalsOnly()
    {
        var scenario = RandomSpaces.Additive(3, 2, 3, seed: 5, heavyWeights: false);
        var parties = scenario.Parties.SetItem(2, scenario.Parties[2] with { Role = PartyRole.Mediator });
        var report = ScenarioAnalyzer.Analyze(scenario with { Parties = parties });
        Assert.Equal(2, report.ReservedValues.Length);
        Assert.All(report.Frontier.Points, p => Assert.Equal(2, p.Utilities.Length));
    }

    [Fact]
    public void Analyze_ThreeAdditivePartiesTooLargeToEnumerate_Searches()
    {
        var space = new OutcomeSpace(Enumerable.Range(0, 12).Select(i => new IntegerIssue($"i{i}", 0, 9)));
        var rng = new Random(1);
        var parties = Enumerable.Range(0, 3).Select(p => new Party($"p{p}", PartyRole.Principal, new Profile(
            new LinearAdditiveUtility(space, Enumerable.Repeat(1.0 / 12, 12),
                Enumerable.Range(0, 12).Select(_ => (IssueEvaluator)new LinearIntegerEvaluator(rng.NextDouble() - 0.5, 0.5, 0, 9))),
            ReservedValueCurve.Zero))).ToImmutableArray();
        var report = ScenarioAnalyzer.Analyze(new Scenario("big3", space, parties), new AnalysisOptions(SearchEffort: 0.05));

        Assert.Equal(ScenarioAnalyzer.LocalSearch, report.Method);
        Assert.False(report.Frontier.Exact);
        Assert.NotEmpty(report.Frontier.Points);
        Assert.NotNull(report.Nash);
    }

    [Fact]
    public void Analyze_ContinuousIssueTooLarge_ThrowsNotSupported()
    {
        var space = new OutcomeSpace([new RealIssue("price", 0, 1), new IntegerIssue("n", 0, 3)]);
        var utility = new LinearAdditiveUtility(space, [0.5, 0.5], [new LinearRealEvaluator(1, 0), new LinearIntegerEvaluator(0.25, 0, 0, 3)]);
        var other = new LinearAdditiveUtility(space, [0.5, 0.5], [new LinearRealEvaluator(-1, 1), new LinearIntegerEvaluator(-0.25, 1, 0, 3)]);
        var scenario = new Scenario("continuous", space, [
            new Party("a", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Zero)),
            new Party("b", PartyRole.Principal, new Profile(other, ReservedValueCurve.Zero))]);
        Assert.Throws<NotSupportedException>(() => ScenarioAnalyzer.Analyze(scenario));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Analyze_InvalidSearchEffort_Throws(double effort)
    {
        var scenario = RandomSpaces.Additive(2, 1, 2, seed: 1, heavyWeights: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(SearchEffort: effort)));
    }

    [Fact]
    public void Enumerated_DealPoints_EncodeToTheirOutcome()
    {
        var scenario = RandomSpaces.Additive(2, 3, 5, seed: 3, heavyWeights: true);
        var matrix = RandomSpaces.Matrix(scenario);
        foreach (var point in FrontierFinder.Enumerated(matrix, scenario.Space).Points)
        {
            int o = (int)point.ToOutcome(scenario.Space).Index;
            Assert.Equal(point.Utilities[0], matrix[0, o]);
            Assert.Equal(point.Utilities[1], matrix[1, o]);
        }
    }
}
