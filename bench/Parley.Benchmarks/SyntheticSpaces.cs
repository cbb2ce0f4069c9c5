using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>Seeded synthetic scenarios for the benchmarks.</summary>
public static class SyntheticSpaces
{
    /// <summary>
    /// Linear additive parties (two unless told) over <paramref name="issues"/> discrete issues of <paramref name="values"/>
    /// values. With <paramref name="levels"/> &gt; 0, evaluations are rounded to that many steps and weights are equal, so
    /// many outcomes tie (like ANAC 2016 AgentHp2); otherwise everything is continuous.
    /// </summary>
    public static Scenario Additive(int issues, int values, int seed, int parties = 2, int levels = 0)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", Enumerable.Range(0, values).Select(v => $"v{v}").ToArray())));
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            var raw = Enumerable.Range(0, issues).Select(_ => levels > 0 ? 1.0 : rng.NextDouble()).ToArray();
            double sum = raw.Sum();
            var evaluators = space.Issues.Select(_ => (IssueEvaluator)new DiscreteEvaluator(
                Enumerable.Range(0, values).Select(_ => levels > 0 ? rng.Next(levels + 1) : rng.NextDouble()).ToArray())).ToArray();
            var utility = new LinearAdditiveUtility(space, raw.Select(w => w / sum), evaluators);
            list.Add(new Party($"p{p}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Zero)));
        }
        return new Scenario($"additive-{issues}x{values}-{seed}", space, list.ToImmutable());
    }

    /// <summary>
    /// Two linear additive parties with opposed evaluations (party B's evaluation of a value is 1 − party A's) and
    /// independent random weights: almost every value is on its issue's frontier, so the additive frontier is large.
    /// </summary>
    public static Scenario OpposedAdditive(int issues, int values, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues)
            .Select(i => new DiscreteIssue($"i{i}", Enumerable.Range(0, values).Select(v => $"v{v}").ToArray())));
        var evaluations = Enumerable.Range(0, issues).Select(_ => Enumerable.Range(0, values).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < 2; p++)
        {
            var raw = Enumerable.Range(0, issues).Select(_ => rng.NextDouble()).ToArray();
            double sum = raw.Sum();
            var evaluators = evaluations.Select(e => (IssueEvaluator)new DiscreteEvaluator(p == 0 ? e : e.Select(x => 1 - x).ToArray())).ToArray();
            var utility = new LinearAdditiveUtility(space, raw.Select(w => w / sum), evaluators);
            list.Add(new Party($"p{p}", PartyRole.Principal, new Profile(utility, ReservedValueCurve.Zero)));
        }
        return new Scenario($"opposed-{issues}x{values}-{seed}", space, list.ToImmutable());
    }

    /// <summary>One hyper-rectangle (ANAC 2014 style) utility over <paramref name="issues"/> integer issues of <paramref name="values"/> values.</summary>
    public static HyperRectangleUtility Nonlinear(int issues, int values, int rectangles, int seed)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(i => new IntegerIssue($"i{i}", 1, values)));
        var rects = Enumerable.Range(0, rectangles).Select(_ =>
        {
            var bounds = Enumerable.Range(0, issues).Where(_ => rng.Next(3) == 0).Select(i =>
            {
                int lo = rng.Next(values), hi = rng.Next(lo, values);
                return new IssueBound(i, lo, hi);
            }).ToImmutableArray();
            return new HyperRectangle(bounds, rng.Next(1, 100));
        }).ToArray();
        return new HyperRectangleUtility(space, rects, rects.Sum(r => r.Utility) / 4);
    }
}
