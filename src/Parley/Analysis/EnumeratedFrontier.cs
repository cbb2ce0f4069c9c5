namespace Parley.Analysis;

/// <summary>
/// The exact frontier of an enumerated space: distinct non-dominated utility vectors in lexicographically descending
/// order (so the first party's utility descends), one representative outcome index per vector (the smallest index that
/// reaches it), and the number of outcomes whose vector is on the frontier. Utilities are held as one flat column per
/// party (<c>Columns[p][k]</c> = party p's utility at point k), 8 bytes per party and point.
/// </summary>
internal sealed record EnumeratedFrontier(double[][] Columns, int[] Outcomes, long OutcomesOnFrontier)
{
    public int Count => Outcomes.Length;

    /// <summary>The utility vector of point <paramref name="k"/> (allocates; for tests and small frontiers).</summary>
    public double[] Vector(int k) => Columns.Select(c => c[k]).ToArray();

    /// <summary>Every utility vector (allocates).</summary>
    public IEnumerable<double[]> Vectors => Enumerable.Range(0, Count).Select(Vector);

    /// <summary>A frontier from per-point vectors (each of the same length).</summary>
    public static EnumeratedFrontier FromVectors(IReadOnlyList<double[]> vectors, int[] outcomes, long outcomesOnFrontier, int parties)
    {
        var columns = new double[parties][];
        for (int p = 0; p < parties; p++)
        {
            columns[p] = new double[vectors.Count];
            for (int k = 0; k < vectors.Count; k++) columns[p][k] = vectors[k][p];
        }
        return new EnumeratedFrontier(columns, outcomes, outcomesOnFrontier);
    }
}
