using Parley.Analysis;

namespace Parley.Tests.Analysis;

/// <summary>Quadratic reference implementations: obviously right, only for small spaces.</summary>
internal static class BruteForce
{
    public static double[] Vector(double[][] rows, int outcome) => rows.Select(r => r[outcome]).ToArray();

    /// <summary>Distinct non-dominated vectors (as strings for set comparison) and the number of outcomes reaching them.</summary>
    public static (HashSet<string> Vectors, long Outcomes) Frontier(double[][] rows)
    {
        int n = rows[0].Length;
        var vectors = new HashSet<string>();
        long outcomes = 0;
        for (int i = 0; i < n; i++)
        {
            var p = Vector(rows, i);
            bool dominated = false;
            for (int j = 0; j < n && !dominated; j++) dominated = Dominance.Dominates(Vector(rows, j), p);
            if (dominated) continue;
            outcomes++;
            vectors.Add(Key(p));
        }
        return (vectors, outcomes);
    }

    /// <summary>Exact text of a vector (round-trip format), so equal keys mean bitwise-equal utilities.</summary>
    public static string Key(IEnumerable<double> vector) => string.Join(",", vector.Select(x => x.ToString("R")));

    public static double[][] Rows(UtilityMatrix matrix) =>
        Enumerable.Range(0, matrix.PartyCount).Select(p => matrix.Row(p).ToArray()).ToArray();
}
