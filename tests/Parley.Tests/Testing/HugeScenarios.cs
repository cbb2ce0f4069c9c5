using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>Seeded scenarios whose outcome spaces go beyond 2^128: ANAC 2014-shaped constraint domains and wide additive ones.</summary>
internal static class HugeScenarios
{
    /// <summary>
    /// An ANAC 2014-shaped bilateral domain: <paramref name="issues"/> integer issues 1..10, each profile
    /// <paramref name="rectangles"/> rectangles bounding 1–4 issues with integer utilities in −100..100, normalised by a
    /// maximum below the uncapped best (so the cap at 1 matters, as in most ANAC 2014 profiles).
    /// </summary>
    public static Scenario Constraint(int issues = 40, int rectangles = 80, int seed = 2014)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(1, issues).Select(i => new IntegerIssue($"i{i}", 1, 10)));
        var parties = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < 2; p++)
        {
            var list = new List<HyperRectangle>();
            for (int r = 0; r < rectangles; r++)
            {
                int dims = rng.Next(1, 5);
                var chosen = Enumerable.Range(0, issues).OrderBy(_ => rng.Next()).Take(dims).Order();
                var bounds = chosen.Select(i =>
                {
                    int a = rng.Next(10), b = rng.Next(10);
                    return new IssueBound(i, Math.Min(a, b), Math.Max(a, b));
                }).ToImmutableArray();
                list.Add(new HyperRectangle(bounds, rng.Next(-100, 101)));
            }
            double positive = list.Where(r => r.Utility > 0).Sum(r => r.Utility);
            var utility = new HyperRectangleUtility(space, list, Math.Max(1, Math.Round(positive / 3)));
            parties.Add(new Party($"party{p + 1}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(0.0))));
        }
        return new Scenario($"constraint{issues}", space, parties.ToImmutable());
    }

    /// <summary>
    /// A bilateral additive domain of <paramref name="issues"/> issues with <paramref name="values"/> values each
    /// (values^issues outcomes: 10^300 by default), random scores, opposed tendencies, weights summing to 1.
    /// </summary>
    public static Scenario Additive(int issues = 300, int values = 10, int seed = 300)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(i =>
            new DiscreteIssue($"issue{i}", Enumerable.Range(0, values).Select(v => $"v{v}").ToArray())));
        var parties = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < 2; p++)
        {
            var raw = Enumerable.Range(0, issues).Select(_ => rng.NextDouble() + 0.1).ToArray();
            double sum = raw.Sum();
            var weights = raw.Select(w => w / sum).ToArray();
            var evaluators = Enumerable.Range(0, issues).Select(_ =>
            {
                var scores = Enumerable.Range(0, values).Select(v => Math.Clamp((p == 0 ? v : values - 1 - v) / (double)(values - 1) + 0.2 * (rng.NextDouble() - 0.5), 0, 1)).ToArray();
                return (IssueEvaluator)new DiscreteEvaluator(scores);
            }).ToArray();
            var utility = new LinearAdditiveUtility(space, weights, evaluators);
            parties.Add(new Party($"party{p + 1}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Constant(0.3))));
        }
        return new Scenario($"additive{issues}x{values}", space, parties.ToImmutable());
    }
}
