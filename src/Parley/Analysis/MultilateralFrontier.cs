namespace Parley.Analysis;

/// <summary>
/// Exact frontier for any number of parties over enumerated utilities. Large inputs are first cut down by a filter that
/// only drops dominated outcomes (three parties: an O(N) grid; otherwise: the skyline of a strided sample, whose points
/// are real outcomes, used as dominators). The survivors are sorted lexicographically descending (every dominator of a
/// vector sorts before it), equal vectors are grouped (ties counted, smallest index kept), and each distinct vector is
/// kept when no frontier point found so far dominates it.
/// </summary>
internal static class MultilateralFrontier
{
    private const int SampleSize = 4096;
    private const int ParallelThreshold = 1 << 16;

    public static EnumeratedFrontier Compute(UtilityMatrix matrix)
    {
        int d = matrix.PartyCount;
        var rows = new double[d][];
        for (int p = 0; p < d; p++) rows[p] = matrix.RowArray(p);
        return Compute(rows);
    }

    public static EnumeratedFrontier Compute(double[][] rows)
    {
        int n = rows[0].Length;
        int[] all;
        if (n <= SampleSize)
        {
            all = Enumerable.Range(0, n).ToArray();
        }
        else if (rows.Length == 3)
        {
            all = GridSurvivors(rows);
        }
        else
        {
            int stride = n / SampleSize;
            var sample = new int[SampleSize];
            for (int k = 0; k < sample.Length; k++) sample[k] = k * stride;
            var pivots = Skyline(rows, sample).Vectors.ToArray();
            // Strong dominators first: order by utility sum, descending.
            Array.Sort(pivots.Select(v => -v.Sum()).ToArray(), pivots);
            all = Survivors(rows, pivots);
        }
        return Skyline(rows, all);
    }

    /// <summary>
    /// Three parties: outcomes are put in a G×G grid over (u0, u1) (cell indices are monotone in the utilities). An outcome
    /// whose u2 is at most the best u2 of any cell strictly above and to the right of its own is dominated by that cell's
    /// best outcome (strictly larger u0 and u1), so only the rest survive. O(N), every frontier outcome survives.
    /// </summary>
    private static int[] GridSurvivors(double[][] rows)
    {
        double[] u0 = rows[0], u1 = rows[1], u2 = rows[2];
        int n = u0.Length;
        int g = (int)Math.Clamp(Math.Sqrt(n / 16.0), 1, 512);
        var (min0, scale0) = Scale(u0, g);
        var (min1, scale1) = Scale(u1, g);
        int chunks = n >= ParallelThreshold ? Environment.ProcessorCount : 1;
        int chunkSize = (n + chunks - 1) / chunks;

        var cellMax = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var local = new double[g * g];
            Array.Fill(local, double.NegativeInfinity);
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            for (int i = from; i < to; i++)
            {
                int cell = Cell(u0[i], min0, scale0, g) * g + Cell(u1[i], min1, scale1, g);
                if (u2[i] > local[cell]) local[cell] = u2[i];
            }
            cellMax[c] = local;
        });
        // corner[a, b] = best u2 over cells (a', b') with a' >= a and b' >= b; one extra row and column of −∞.
        int h = g + 1;
        var corner = new double[h * h];
        Array.Fill(corner, double.NegativeInfinity);
        for (int a = g - 1; a >= 0; a--)
        {
            for (int b = g - 1; b >= 0; b--)
            {
                double m = Math.Max(corner[(a + 1) * h + b], corner[a * h + b + 1]);
                for (int c = 0; c < chunks; c++) m = Math.Max(m, cellMax[c][a * g + b]);
                corner[a * h + b] = m;
            }
        }

        var parts = new List<int>[chunks];
        Parallel.For(0, chunks, c =>
        {
            var list = new List<int>();
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            for (int i = from; i < to; i++)
            {
                int a = Cell(u0[i], min0, scale0, g), b = Cell(u1[i], min1, scale1, g);
                if (u2[i] > corner[(a + 1) * h + b + 1]) list.Add(i);
            }
            parts[c] = list;
        });
        return parts.SelectMany(p => p).ToArray();
    }

    private static (double Min, double Scale) Scale(double[] u, int cells)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double x in u)
        {
            if (x < min) min = x;
            if (x > max) max = x;
        }
        double scale = max > min ? cells / (max - min) : 0;
        return (min, double.IsFinite(scale) ? scale : 0);
    }

    private static int Cell(double x, double min, double scale, int cells)
    {
        int k = (int)((x - min) * scale);
        return k >= cells ? cells - 1 : k;
    }

    /// <summary>Outcomes not dominated by any pivot (pivots are real outcomes, so every frontier outcome survives).</summary>
    private static int[] Survivors(double[][] rows, double[][] pivots)
    {
        int n = rows[0].Length, d = rows.Length;
        int chunks = n >= ParallelThreshold ? Environment.ProcessorCount * 4 : 1;
        int chunkSize = (n + chunks - 1) / chunks;
        var parts = new List<int>[chunks];
        Parallel.For(0, chunks, c =>
        {
            var list = new List<int>();
            Span<double> v = stackalloc double[d];
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            int lastHit = 0;
            for (int i = from; i < to; i++)
            {
                for (int p = 0; p < d; p++) v[p] = rows[p][i];
                if (Dominance.Dominates(pivots[lastHit], v)) continue;
                bool dominated = false;
                for (int k = 0; k < pivots.Length; k++)
                {
                    if (Dominance.Dominates(pivots[k], v)) { dominated = true; lastHit = k; break; }
                }
                if (!dominated) list.Add(i);
            }
            parts[c] = list;
        });
        return parts.SelectMany(p => p).ToArray();
    }

    /// <summary>Exact frontier of the given outcomes (block-nested-loop skyline over lexicographically sorted vectors).</summary>
    internal static EnumeratedFrontier Skyline(double[][] rows, int[] outcomes)
    {
        int d = rows.Length;
        var order = (int[])outcomes.Clone();
        Array.Sort(order, (x, y) =>
        {
            for (int p = 0; p < d; p++)
            {
                int c = rows[p][y].CompareTo(rows[p][x]);
                if (c != 0) return c;
            }
            return x.CompareTo(y);
        });

        var vectors = new List<double[]>();
        var reps = new List<int>();
        long onFrontier = 0;
        int start = 0;
        while (start < order.Length)
        {
            int first = order[start];
            var v = new double[d];
            for (int p = 0; p < d; p++) v[p] = rows[p][first];
            int end = start + 1;
            while (end < order.Length && SameVector(rows, order[end], v)) end++;
            bool dominated = false;
            foreach (var f in vectors)
            {
                if (Dominance.Dominates(f, v)) { dominated = true; break; }
            }
            if (!dominated)
            {
                vectors.Add(v);
                reps.Add(first); // ties sort by index, so the first is the smallest index
                onFrontier += end - start;
            }
            start = end;
        }
        return EnumeratedFrontier.FromVectors(vectors, reps.ToArray(), onFrontier, d);
    }

    private static bool SameVector(double[][] rows, int outcome, double[] v)
    {
        for (int p = 0; p < v.Length; p++)
            if (rows[p][outcome] != v[p]) return false;
        return true;
    }
}
