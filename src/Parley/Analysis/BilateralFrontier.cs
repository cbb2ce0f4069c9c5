namespace Parley.Analysis;

/// <summary>
/// Exact two-party frontier over enumerated utilities in O(N) passes plus a sort of the few candidates.
/// Outcomes are bucketed by u0 (buckets are monotone in u0); an outcome whose u1 is at most the best u1 of any higher
/// bucket is dominated (that outcome has strictly larger u0), so only the rest are sorted by u0 and swept.
/// </summary>
internal static class BilateralFrontier
{
    private const int MaxBuckets = 1 << 16;
    private const int ParallelThreshold = 1 << 17;

    public static EnumeratedFrontier Compute(double[] u0, double[] u1)
    {
        if (u0.Length != u1.Length) throw new ArgumentException("Utility rows differ in length.");
        var candidates = Candidates(u0, u1);
        return Sweep(u0, u1, candidates);
    }

    /// <summary>Indices of every outcome not shown dominated by the bucket filter (includes every frontier outcome).</summary>
    internal static int[] Candidates(double[] u0, double[] u1)
    {
        int n = u0.Length;
        int chunks = n >= ParallelThreshold ? Environment.ProcessorCount : 1;
        int chunkSize = (n + chunks - 1) / chunks;

        var mins = new double[chunks];
        var maxs = new double[chunks];
        Parallel.For(0, chunks, c =>
        {
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = from; i < to; i++)
            {
                double x = u0[i];
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
            mins[c] = lo;
            maxs[c] = hi;
        });
        double min = mins.Min(), max = maxs.Max();
        int buckets = max > min ? Math.Clamp(n / 8, 1, MaxBuckets) : 1;
        double scale = buckets / (max - min);
        if (!double.IsFinite(scale)) { buckets = 1; scale = 0; }

        var best = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var local = new double[buckets];
            Array.Fill(local, double.NegativeInfinity);
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            for (int i = from; i < to; i++)
            {
                int b = Bucket(u0[i], min, scale, buckets);
                if (u1[i] > local[b]) local[b] = u1[i];
            }
            best[c] = local;
        });
        // above[b] = best u1 in any bucket strictly above b.
        var above = new double[buckets];
        double running = double.NegativeInfinity;
        for (int b = buckets - 1; b >= 0; b--)
        {
            above[b] = running;
            for (int c = 0; c < chunks; c++) running = Math.Max(running, best[c][b]);
        }

        var parts = new List<int>[chunks];
        Parallel.For(0, chunks, c =>
        {
            var list = new List<int>();
            int from = c * chunkSize, to = Math.Min(n, from + chunkSize);
            for (int i = from; i < to; i++)
                if (u1[i] > above[Bucket(u0[i], min, scale, buckets)]) list.Add(i);
            parts[c] = list;
        });
        var all = new int[parts.Sum(p => p.Count)];
        int at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Count;
        }
        return all;
    }

    private static int Bucket(double x, double min, double scale, int buckets)
    {
        int b = (int)((x - min) * scale);
        return b >= buckets ? buckets - 1 : b;
    }

    /// <summary>Sorts candidates by u0 descending and filters them (<see cref="Staircase"/>: ties counted, smallest index kept).</summary>
    private static EnumeratedFrontier Sweep(double[] u0, double[] u1, int[] candidates)
    {
        var filter = new Staircase();
        filter.FilterUnordered(u0, u1, candidates);
        var outcomes = new int[filter.Count];
        long onFrontier = 0;
        for (int k = 0; k < outcomes.Length; k++)
        {
            outcomes[k] = (int)filter.Ids[k];
            onFrontier += filter.Ties[k];
        }
        return new EnumeratedFrontier([filter.U0.ToArray(), filter.U1.ToArray()], outcomes, onFrontier);
    }
}
