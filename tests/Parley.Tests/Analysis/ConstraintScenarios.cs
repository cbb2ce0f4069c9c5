using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis;

/// <summary>
/// Seeded generator of ANAC-2014-style constraint scenarios (also compiled into the benchmarks): integer issues 0..values−1,
/// per party a number of hyper-rectangles bounding 1–4 distinct issues (half of the bounds 1–5 values wide, half 6–9, as in
/// the published domains), integer utilities 1–99, and <c>maxutility</c> 62–76 % of the party's rectangle sum, so the cap
/// at 1 shapes the frontier. Optionally some parties are linear additive instead (a mixed scenario).
/// </summary>
public static class ConstraintScenarios
{
    /// <summary>The 40-issue sibling of the ANAC 2014 domains: 40 issues of 10 values, 60–80 rectangles per profile.</summary>
    public static Scenario Anac2014Sibling(int seed, int parties = 2) => Generate(40, 10, 60, 80, seed, parties);

    /// <summary>
    /// A scenario of <paramref name="issues"/> integer issues of <paramref name="values"/> values with
    /// <paramref name="parties"/> constraint parties of <paramref name="minRectangles"/>–<paramref name="maxRectangles"/>
    /// rectangles each; with <paramref name="additiveParties"/> &gt; 0 the last that many parties are linear additive; with
    /// <paramref name="penalties"/> a third of the rectangles have negative utilities; every party gets
    /// <paramref name="reservedValue"/> (constant).
    /// </summary>
    public static Scenario Generate(int issues, int values, int minRectangles, int maxRectangles, int seed, int parties = 2, int additiveParties = 0, bool penalties = false,
        double reservedValue = 0)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(1, issues).Select(i => new IntegerIssue($"i{i}", 0, values - 1)));
        var list = ImmutableArray.CreateBuilder<Party>();
        for (int p = 0; p < parties; p++)
        {
            UtilityFunction utility = p >= parties - additiveParties
                ? Additive(space, rng)
                : Rectangles(space, values, rng.Next(minRectangles, maxRectangles + 1), penalties, rng);
            list.Add(new Party($"profile-{p + 1}", PartyRole.Principal, new Profile(utility, reservedValue == 0 ? ReservedValueCurve.Zero : ReservedValueCurve.Constant(reservedValue))));
        }
        return new Scenario($"constraint-{issues}x{values}-{seed}", space, list.ToImmutable());
    }

    private static HyperRectangleUtility Rectangles(OutcomeSpace space, int values, int count, bool penalties, Random rng)
    {
        var rectangles = new List<HyperRectangle>(count);
        for (int r = 0; r < count; r++)
        {
            int bounded = Math.Min(rng.Next(1, 5), space.IssueCount);
            var issues = Enumerable.Range(0, space.IssueCount).OrderBy(_ => rng.Next()).Take(bounded).Order();
            var bounds = issues.Select(i =>
            {
                int width = Math.Min(values, rng.Next(2) == 0 ? rng.Next(1, 6) : rng.Next(6, 10));
                int lo = rng.Next(0, values - width + 1);
                return new IssueBound(i, lo, lo + width - 1);
            }).ToImmutableArray();
            rectangles.Add(new HyperRectangle(bounds, penalties && rng.Next(3) == 0 ? -rng.Next(1, 60) : rng.Next(1, 100)));
        }
        double max = Math.Max(1, Math.Round(rectangles.Where(r => r.Utility > 0).Sum(r => r.Utility) * (0.62 + 0.14 * rng.NextDouble())));
        return new HyperRectangleUtility(space, rectangles, max);
    }

    /// <summary>
    /// Dyadic weights (k / 2^m, summing to about 0.6–1) and evaluations in {0, 1, 2, 4}: every utility sum is exact in
    /// binary floating point, so equal utilities compare equal whatever the order of summation.
    /// </summary>
    private static LinearAdditiveUtility Additive(OutcomeSpace space, Random rng)
    {
        double denominator = 1 << (int)Math.Ceiling(Math.Log2(2.5 * space.IssueCount));
        var weights = space.Issues.Select(_ => rng.Next(1, 5) / denominator).ToArray();
        int[] levels = [0, 1, 2, 4];
        var evaluators = space.Issues.Select(issue => (IssueEvaluator)new DiscreteEvaluator(
            Enumerable.Range(0, issue.ValueCount).Select(_ => (double)levels[rng.Next(levels.Length)]).ToArray()));
        return new LinearAdditiveUtility(space, weights, evaluators);
    }
}
