using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Exact two-party frontier of linear additive utilities without enumerating the space. Partial bundles over issues
/// 0..k are combined with every value of issue k+1 (a Minkowski sum of per-value contributions) and dominated partial
/// bundles are pruned after each issue: the frontier of a sum lies in the sum of the frontiers, and floating-point
/// addition is monotone, so a pruned bundle can only end weakly dominated. Sums are formed in issue order, exactly as
/// <see cref="LinearAdditiveUtility.Utility(ReadOnlySpan{int})"/> does, and the cap at 1 (monotone) is applied last,
/// followed by one more dominance filter.
/// </summary>
internal static class AdditiveFrontier
{
    /// <summary>One frontier point: the two utilities and the value index per issue of one outcome reaching them.</summary>
    internal readonly record struct Point(double U0, double U1, int[] Values);

    /// <summary>
    /// Largest number of partial bundles formed for one issue (frontier so far × that issue's non-dominated values) before
    /// giving up: purely opposed issues can make the exact frontier astronomically large.
    /// </summary>
    internal const int DefaultMaxCandidates = 8_000_000;

    /// <summary>The exact frontier, or null when a step would form more than <paramref name="maxCandidates"/> partial bundles.</summary>
    public static List<Point>? Compute(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = DefaultMaxCandidates)
    {
        int issues = a.Space.IssueCount;
        var tablesA = new double[issues][];
        var tablesB = new double[issues][];
        for (int i = 0; i < issues; i++)
        {
            tablesA[i] = a.WeightedScores(i).ToArray();
            tablesB[i] = b.WeightedScores(i).ToArray();
        }
        return Compute(tablesA, tablesB, maxCandidates);
    }

    /// <summary>
    /// The frontier for per-issue contribution tables (<c>tablesA[i][v]</c> = party A's weighted score of value v of issue
    /// i), or null when a step would form more than <paramref name="maxCandidates"/> partial bundles.
    /// </summary>
    public static List<Point>? Compute(double[][] tablesA, double[][] tablesB, int maxCandidates = DefaultMaxCandidates)
    {
        int issues = tablesA.Length;
        var parents = new int[issues][];
        var choices = new int[issues][];
        double[] sa = [0.0], sb = [0.0];
        for (int i = 0; i < issues; i++)
        {
            var contributions = ContributionFrontier(tablesA[i], tablesB[i]);
            long size = (long)sa.Length * contributions.Length;
            if (size > maxCandidates) return null;
            int m = (int)size;
            var ka = new double[m];
            var kb = new double[m];
            var index = new int[m];
            int k = 0;
            for (int p = 0; p < sa.Length; p++)
            {
                foreach (int v in contributions)
                {
                    ka[k] = sa[p] + tablesA[i][v];
                    kb[k] = sb[p] + tablesB[i][v];
                    index[k] = k;
                    k++;
                }
            }
            var kept = Staircase(ka, kb, index);
            int c = contributions.Length;
            parents[i] = kept.Select(x => x / c).ToArray();
            choices[i] = kept.Select(x => contributions[x % c]).ToArray();
            sa = kept.Select(x => ka[x]).ToArray();
            sb = kept.Select(x => kb[x]).ToArray();
        }

        // Cap at 1 and filter again.
        var ca = sa.Select(x => x > 1.0 ? 1.0 : x).ToArray();
        var cb = sb.Select(x => x > 1.0 ? 1.0 : x).ToArray();
        var final = Staircase(ca, cb, Enumerable.Range(0, sa.Length).ToArray());
        var points = new List<Point>(final.Length);
        foreach (int f in final)
        {
            var values = new int[issues];
            int at = f;
            for (int i = issues - 1; i >= 0; i--)
            {
                values[i] = choices[i][at];
                at = parents[i][at];
            }
            points.Add(new Point(ca[f], cb[f], values));
        }
        return points;
    }

    /// <summary>Value indices of one issue whose contribution vectors are distinct and non-dominated.</summary>
    private static int[] ContributionFrontier(double[] a, double[] b) =>
        Staircase(a, b, Enumerable.Range(0, a.Length).ToArray());

    /// <summary>
    /// Indices (of <paramref name="a"/>/<paramref name="b"/>) of the distinct non-dominated vectors, ordered by a descending
    /// (b ascending). <paramref name="index"/> is sorted in place.
    /// </summary>
    internal static int[] Staircase(double[] a, double[] b, int[] index)
    {
        var keys = new double[index.Length];
        for (int k = 0; k < keys.Length; k++) keys[k] = -a[index[k]];
        Array.Sort(keys, index);
        var kept = new List<int>();
        double best = double.NegativeInfinity;
        int start = 0;
        while (start < index.Length)
        {
            double x = a[index[start]];
            int end = start, arg = -1;
            double m = double.NegativeInfinity;
            for (; end < index.Length && a[index[end]] == x; end++)
            {
                int j = index[end];
                if (b[j] > m || (b[j] == m && j < arg)) { m = b[j]; arg = j; }
            }
            if (m > best)
            {
                kept.Add(arg);
                best = m;
            }
            start = end;
        }
        return kept.ToArray();
    }
}
