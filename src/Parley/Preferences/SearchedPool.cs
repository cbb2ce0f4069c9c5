using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// A pool of outcomes of a space too large to tabulate, for a utility with no structure to exploit: random samples cover
/// the low and middle utilities, coordinate ascent from random starts reaches the high ones, and every outcome visited
/// joins the pool. Deterministic (fixed seed), bounded by an evaluation budget, never enumerating the space.
/// </summary>
internal static class SearchedPool
{
    private const int Seed = 0x5EED;
    private const int MaxSweeps = 50;

    /// <summary>The pool ranked by utility ascending (ties by outcome order), with the utilities.</summary>
    public static (Outcome[] Outcomes, double[] Utilities) Build(UtilityFunction function, int evaluationBudget)
    {
        var space = function.Space;
        int n = space.IssueCount;
        int[] radices = space.Radices.ToArray();
        var random = new Random(Seed);
        var pool = new Dictionary<Outcome, double>();
        var values = new int[n];
        int evaluations = 0;

        for (int s = 0; s < evaluationBudget / 10; s++)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            pool.TryAdd(space.Encode(values), function.Utility(values));
            evaluations++;
        }
        while (evaluations < evaluationBudget)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            double current = function.Utility(values);
            evaluations++;
            for (int sweep = 0; sweep < MaxSweeps && evaluations < evaluationBudget; sweep++)
            {
                bool improved = false;
                for (int i = 0; i < n && evaluations < evaluationBudget; i++)
                {
                    int keep = values[i], bestValue = keep;
                    // Very wide issues are probed at an evenly spread subset of values, so one sweep stays within budget.
                    int stride = Math.Max(1, radices[i] / 64);
                    for (int v = (keep % stride); v < radices[i]; v += stride)
                    {
                        if (v == keep) continue;
                        values[i] = v;
                        double u = function.Utility(values);
                        evaluations++;
                        pool.TryAdd(space.Encode(values), u);
                        if (u > current)
                        {
                            current = u;
                            bestValue = v;
                            improved = true;
                        }
                    }
                    values[i] = bestValue;
                }
                if (!improved) break;
            }
            pool.TryAdd(space.Encode(values), current);
        }

        var outcomes = new Outcome[pool.Count];
        var utilities = new double[pool.Count];
        int k = 0;
        foreach (var (outcome, u) in pool)
        {
            outcomes[k] = outcome;
            utilities[k++] = u;
        }
        // Canonical input order (by outcome) first, so the ranking depends only on the pool's contents.
        Array.Sort(outcomes, utilities);
        Array.Sort(utilities, outcomes);
        return (outcomes, utilities);
    }
}
