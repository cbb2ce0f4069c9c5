using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// A pool of outcomes of a space too large to tabulate, for a utility with no structure to exploit: random samples cover
/// the low and middle utilities, coordinate ascent (<see cref="CoordinateAscent"/>) from random starts reaches the high
/// ones, and every outcome swept joins the pool. Deterministic (fixed seed), bounded by an evaluation budget, never
/// enumerating the space.
/// </summary>
internal static class SearchedPool
{
    private const int Seed = 0x5EED;
    private const int MaxPasses = 50;

    /// <summary>The pool ranked by utility ascending, with the utilities (exact: each is re-evaluated).</summary>
    public static (Outcome[] Outcomes, double[] Utilities) Build(UtilityFunction function, int evaluationBudget)
    {
        var space = function.Space;
        int n = space.IssueCount;
        int[] radices = space.Radices.ToArray();
        var random = new Random(Seed);
        var pool = new HashSet<Outcome>();
        var values = new int[n];

        for (int s = 0; s < evaluationBudget / 10; s++)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            pool.Add(space.Encode(values));
        }
        var ascent = new CoordinateAscent(space, [ValueSweeper.For(function)]);
        double[] weights = [1.0];
        long limit = evaluationBudget - evaluationBudget / 10;
        while (ascent.Evaluations < limit)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            ascent.Climb(values, weights, random, MaxPasses, (_, swept) => pool.Add(space.Encode(swept)), limit);
            pool.Add(space.Encode(values));
        }

        var outcomes = pool.ToArray();
        var utilities = new double[outcomes.Length];
        // Canonical order (by outcome) first, so the ranking depends only on the pool's contents.
        Array.Sort(outcomes);
        for (int k = 0; k < outcomes.Length; k++) utilities[k] = function.Utility(outcomes[k]);
        Array.Sort(utilities, outcomes);
        return (outcomes, utilities);
    }
}
