using Parley.Tests.Testing;
using System.Collections.Immutable;
using CsCheck;
using Parley.Analysis;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis;

/// <summary>Frontiers with a long linear integer issue kept as straight runs (issue 12 §3), against brute force.</summary>
public sealed class SegmentFrontierTests
{
    /// <summary>
    /// Two linear additive parties over one integer issue of <paramref name="values"/> values scored linearly (random
    /// slopes and offsets, so clamping at 0 and 1 happens) at position <paramref name="at"/> among
    /// <paramref name="discrete"/> small discrete issues; heavy weights make the cap at 1 matter.
    /// </summary>
    internal static Scenario PriceScenario(int values, int discrete, int at, int seed, bool heavy)
    {
        var rng = new Random(seed);
        var issues = new List<Issue>();
        for (int i = 0; i < discrete; i++) issues.Add(new DiscreteIssue($"d{i}", Enumerable.Range(0, rng.Next(2, 5)).Select(v => $"v{v}").ToArray()));
        issues.Insert(at, new IntegerIssue("price", 100, 100 + values - 1));
        var space = new OutcomeSpace(issues);
        var parties = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < 2; p++)
        {
            double sign = p == 0 ? 1 : -1;
            var evaluators = space.Issues.Select((issue, i) => i == at
                ? (IssueEvaluator)new LinearIntegerEvaluator(sign * (0.5 + rng.NextDouble()) / (values - 1), p == 0 ? rng.NextDouble() * 0.4 - 0.2 : 1.2 - rng.NextDouble() * 0.4, 100, 100 + values - 1)
                : new DiscreteEvaluator(Enumerable.Range(0, issue.ValueCount).Select(_ => (double)rng.Next(0, 4)).ToArray())).ToArray();
            var weights = space.Issues.Select(_ => heavy ? 0.2 + rng.NextDouble() : rng.NextDouble() / space.IssueCount).ToArray();
            parties.Add(new Party($"p{p}", PartyRole.Principal, new Profile(new LinearAdditiveUtility(space, weights, evaluators), ReservedValueCurve.Constant(rng.Next(0, 4) / 10.0))));
        }
        return new Scenario($"price-{seed}", space, parties.ToImmutable());
    }

    private static readonly Gen<Scenario> Prices =
        Gen.Select(Gen.Int[2, 60], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int, Gen.Bool)
            .Select((values, discrete, at, seed, heavy) => PriceScenario(values, discrete, Math.Min(at, discrete), seed, heavy));

    private static (LinearAdditiveUtility A, LinearAdditiveUtility B) Pair(Scenario s) =>
        ((LinearAdditiveUtility)s.Parties[0].Profile.Utility, (LinearAdditiveUtility)s.Parties[1].Profile.Utility);

    private static List<double[]> All(CompleteFrontier frontier)
    {
        var list = new List<double[]>();
        var u = new double[frontier.Parties];
        for (long k = 0; k < frontier.Count; k++)
        {
            frontier.Utilities(k, u);
            list.Add([.. u]);
        }
        return list;
    }

    [Fact]
    public void Segments_RandomPriceScenarios_EqualBruteForce()
    {
        Prices.Sample(scenario =>
        {
            var (a, b) = Pair(scenario);
            var frontier = FrontierFinder.IssueByIssueComplete(a, b, segmentMinValues: 1)!;
            var (expected, _) = BruteForce.Frontier(BruteForce.Rows(RandomSpaces.Matrix(scenario)));
            var actual = All(frontier);

            Assert.Equal(expected.Count, frontier.Count);
            Assert.Equal(expected, actual.Select(BruteForce.Key).ToHashSet());
            for (int k = 1; k < actual.Count; k++)
            {
                Assert.True(actual[k - 1][0] > actual[k][0]);
                Assert.True(actual[k - 1][1] < actual[k][1]);
            }
            for (long k = 0; k < frontier.Count; k++)
            {
                var values = frontier.Values(k);
                Assert.Equal(actual[(int)k][0], a.Utility(values));
                Assert.Equal(actual[(int)k][1], b.Utility(values));
            }
        }, iter: 400);
    }

    [Fact]
    public void Segments_PurePriceRange_AreOneStraightRun()
    {
        var scenario = PriceScenario(values: 1000, discrete: 0, at: 0, seed: 1, heavy: false);
        var (a, b) = Pair(scenario);
        var frontier = FrontierFinder.IssueByIssueComplete(a, b, segmentMinValues: 1)!;
        Assert.Contains(frontier.Segments, s => s.Length > 100);
        Assert.True(frontier.Segments.Sum(s => s.Length) <= frontier.Count);
    }

    [Fact]
    public void Solutions_RandomPriceScenarios_MatchBruteForceOverEveryOutcome()
    {
        Prices.Sample(scenario =>
        {
            var rows = BruteForce.Rows(RandomSpaces.Matrix(scenario));
            var r = scenario.Parties.Select(p => p.Profile.ReservedValue.Initial).ToArray();
            var (a, b) = Pair(scenario);
            var frontier = FrontierFinder.IssueByIssueComplete(a, b, segmentMinValues: 1)!;
            var all = Enumerable.Range(0, rows[0].Length).Select(o => BruteForce.Vector(rows, o)).ToArray();

            // Independent oracles: plain maxima over every outcome.
            double nash = all.Where(u => u[0] >= r[0] && u[1] >= r[1]).Select(u => (u[0] - r[0]) * (u[1] - r[1])).DefaultIfEmpty(0).Max();
            var nashAt = FrontierSolutions.Nash(frontier, r);
            if (nash <= 0) Assert.Null(nashAt);
            else
            {
                var u = new double[2];
                frontier.Utilities(nashAt!.Value, u);
                Assert.Equal(nash, (u[0] - r[0]) * (u[1] - r[1]), 12);
            }
            double welfare = all.Max(u => u[0] + u[1]);
            var w = new double[2];
            frontier.Utilities(FrontierSolutions.MaxWelfare(frontier)!.Value, w);
            Assert.Equal(welfare, w[0] + w[1], 12);

            var point = new[] { 0.3, 0.3 };
            double nearest = all.Min(u => Math.Sqrt((u[0] - 0.3) * (u[0] - 0.3) + (u[1] - 0.3) * (u[1] - 0.3)));
            // The nearest outcome may be dominated; the frontier is at least as near only along dominance, so compare with the frontier itself.
            double nearestOnFrontier = All(frontier).Min(u => Math.Sqrt((u[0] - 0.3) * (u[0] - 0.3) + (u[1] - 0.3) * (u[1] - 0.3)));
            Assert.Equal(nearestOnFrontier, FrontierSolutions.Distance(frontier, point), 12);
            Assert.True(nearest <= nearestOnFrontier + 1e-12);
        }, iter: 300);
    }

    [Fact]
    public void Analyze_PriceRangeOf300Million_IsExactCompactAndBounded()
    {
        const long max = 300_000_000;
        var space = new OutcomeSpace([new IntegerIssue("price", 0, max)]);
        var seller = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(1.0 / max, 0, 0, max)]);
        var buyer = new LinearAdditiveUtility(space, [1.0], [new LinearIntegerEvaluator(-1.0 / max, 1, 0, max)]);
        var scenario = new Scenario("price", space, [
            new("seller", PartyRole.Principal, new Profile(seller, ReservedValueCurve.Constant(0.2))),
            new("buyer", PartyRole.Principal, new Profile(buyer, ReservedValueCurve.Constant(0.1)))]);

        var report = ScenarioAnalyzer.Analyze(scenario, new AnalysisOptions(MaxPoints: 500));

        Assert.Equal(ScenarioAnalyzer.IssueByIssue, report.Method);
        Assert.True(report.Frontier.Exact);
        Assert.Equal(max + 1, report.Frontier.PointCount);
        Assert.True(report.Frontier.Truncated);
        Assert.Equal(500, report.Frontier.Points.Length);
        Assert.Equal(max, report.Frontier.Points[0].Values[0]);
        Assert.Equal(0, report.Frontier.Points[^1].Values[0]);
        // Nash: (x/M − 0.2)(0.9 − x/M) peaks at x = 0.55 M. Kalai–Smorodinsky: the ideal is (0.9, 0.8), so equal shares
        // (x/M − 0.2)/0.7 = (0.9 − x/M)/0.7 also at x = 0.55 M.
        Assert.InRange(report.Nash!.Values[0], 0.55 * max - 2, 0.55 * max + 2);
        Assert.InRange(report.KalaiSmorodinsky!.Values[0], 0.55 * max - 2, 0.55 * max + 2);
        Assert.Contains(report.Nash, report.Frontier.Points);
        Assert.Contains(report.KalaiSmorodinsky, report.Frontier.Points);
        foreach (var point in new[] { report.Nash, report.KalaiSmorodinsky, report.MaxWelfare! })
        {
            Assert.Equal(seller.Utility(point.Values.AsSpan()), point.Utilities[0]);
            Assert.Equal(buyer.Utility(point.Values.AsSpan()), point.Utilities[1]);
        }
    }
}
