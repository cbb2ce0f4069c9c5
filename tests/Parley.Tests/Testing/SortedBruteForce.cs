namespace Parley.Tests.Testing;

/// <summary>
/// The Pareto frontier straight from its definition, like <see cref="BruteForce.Frontier"/>, for inputs too large for its
/// all-pairs scan: distinct utility vectors in descending lexicographic order, each kept unless a vector already kept
/// dominates it (<see cref="BruteForce.Dominates"/>). Exact, with no arithmetic on utilities: a vector that dominates
/// another is lexicographically larger, so it comes first, and whatever dominates it in turn was kept before it.
/// Calls nothing in <c>Parley.Analysis</c>. Time O(distinct vectors × frontier size).
/// </summary>
internal static class SortedBruteForce
{
    /// <summary>Distinct non-dominated vectors (as <see cref="BruteForce.Key"/> strings) and the number of outcomes reaching them.</summary>
    public static (HashSet<string> Vectors, long Outcomes) Frontier(double[][] rows)
    {
        int n = rows[0].Length;
        var distinct = new Dictionary<string, (double[] Vector, long Count)>();
        for (int o = 0; o < n; o++)
        {
            var v = BruteForce.Vector(rows, o);
            string key = BruteForce.Key(v);
            distinct[key] = distinct.TryGetValue(key, out var seen) ? (seen.Vector, seen.Count + 1) : (v, 1);
        }
        var ordered = distinct.Values.ToList();
        ordered.Sort((a, b) =>
        {
            for (int i = 0; i < a.Vector.Length; i++)
            {
                int c = b.Vector[i].CompareTo(a.Vector[i]);
                if (c != 0) return c;
            }
            return 0;
        });
        var kept = new List<(double[] Vector, long Count)>();
        foreach (var candidate in ordered)
            if (!kept.Any(k => BruteForce.Dominates(k.Vector, candidate.Vector))) kept.Add(candidate);
        return (kept.Select(k => BruteForce.Key(k.Vector)).ToHashSet(), kept.Sum(k => k.Count));
    }
}
