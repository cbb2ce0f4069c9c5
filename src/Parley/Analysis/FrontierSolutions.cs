namespace Parley.Analysis;

/// <summary>
/// The bargaining solutions and the distance to the frontier over a <see cref="CompleteFrontier"/> of any size, the one
/// implementation behind <see cref="BargainingSolutions"/> and <see cref="ParetoFrontier.DistanceTo"/>. Positions are
/// scanned in order, except inside a straight segment (two parties), where every objective is unimodal in real arithmetic
/// (the Nash product concave, the Kalai–Smorodinsky minimum of a falling and a rising ratio, welfare affine, distance
/// convex): there the individually rational part is found by binary search, the optimum by ternary search down to a
/// window of <see cref="Window"/> positions, and the window scanned. Ties go to the first position.
/// </summary>
internal static class FrontierSolutions
{
    /// <summary>Positions scanned exactly at the end of a ternary search.</summary>
    internal const int Window = 64;

    /// <summary>Position of the Nash point, or null when no point gives every party a positive gain.</summary>
    public static long? Nash(CompleteFrontier frontier, double[] reserved)
    {
        var (at, value) = ArgMax(frontier, reserved, u => BargainingSolutions.NashProduct(u, reserved) ?? double.NegativeInfinity);
        return value > 0 ? at : null;
    }

    /// <summary>Every party's best utility among individually rational points; null when there is none.</summary>
    public static double[]? Ideal(CompleteFrontier frontier, double[] reserved)
    {
        var ideal = new double[frontier.Parties];
        for (int p = 0; p < ideal.Length; p++)
        {
            int party = p;
            var (at, value) = ArgMax(frontier, reserved, u => u[party]);
            if (at is null) return null;
            ideal[p] = value;
        }
        return ideal;
    }

    /// <summary>Position of the Kalai–Smorodinsky point among individually rational points; null when there is none.</summary>
    public static long? KalaiSmorodinsky(CompleteFrontier frontier, double[] reserved)
    {
        if (Ideal(frontier, reserved) is not { } ideal) return null;
        return ArgMax(frontier, reserved, u => BargainingSolutions.KalaiSmorodinskyObjective(u, reserved, ideal)).At;
    }

    /// <summary>Position of the point with the largest Σ u_i; null only for an empty frontier.</summary>
    public static long? MaxWelfare(CompleteFrontier frontier) => ArgMax(frontier, null, BargainingSolutions.Welfare).At;

    /// <summary>Euclidean distance from <paramref name="point"/> to the nearest frontier point (NaN for an empty frontier).</summary>
    public static double Distance(CompleteFrontier frontier, ReadOnlySpan<double> point)
    {
        var target = point.ToArray();
        var (at, value) = ArgMax(frontier, null, u =>
        {
            double sum = 0;
            for (int i = 0; i < u.Length; i++)
            {
                double d = u[i] - target[i];
                sum += d * d;
            }
            return -sum;
        });
        return at is null ? double.NaN : Math.Sqrt(-value);
    }

    /// <summary>A utility vector's objective (−∞ or NaN: not a candidate).</summary>
    internal delegate double Objective(ReadOnlySpan<double> utilities);

    /// <summary>
    /// The first position maximising <paramref name="objective"/> over the points (individually rational ones only when
    /// <paramref name="reserved"/> is given), with its value; null when no point has a finite objective.
    /// </summary>
    private static (long? At, double Value) ArgMax(CompleteFrontier frontier, double[]? reserved, Objective objective)
    {
        var u = new double[frontier.Parties];
        long? best = null;
        double bestValue = double.NegativeInfinity;
        void Consider(long k)
        {
            frontier.Utilities(k, u);
            if (reserved is not null && !Rational(u, reserved)) return;
            double value = objective(u);
            if (value > bestValue) { bestValue = value; best = k; }
        }

        long next = 0;
        foreach (var segment in frontier.Segments)
        {
            for (; next < segment.From; next++) Consider(next);
            var (lo, hi) = reserved is null ? (segment.From, segment.To) : RationalPart(frontier, segment, reserved, u);
            if (lo <= hi)
            {
                (lo, hi) = Narrow(frontier, lo, hi, objective, u);
                for (long k = lo; k <= hi; k++) Consider(k);
            }
            next = segment.To + 1;
        }
        for (; next < frontier.Count; next++) Consider(next);
        return (best, bestValue);
    }

    private static bool Rational(ReadOnlySpan<double> u, double[] reserved)
    {
        for (int i = 0; i < u.Length; i++)
            if (u[i] < reserved[i]) return false;
        return true;
    }

    /// <summary>
    /// The individually rational positions of a two-party segment: u0 is non-increasing along it, so u0 ≥ r0 on a prefix;
    /// u1 is non-decreasing, so u1 ≥ r1 on a suffix. Empty when lo &gt; hi.
    /// </summary>
    private static (long Lo, long Hi) RationalPart(CompleteFrontier frontier, PositionRange segment, double[] reserved, double[] u)
    {
        // Last position with u0 >= r0.
        long lo = segment.From - 1, hi = segment.To;
        while (lo < hi)
        {
            long mid = lo + (hi - lo + 1) / 2;
            frontier.Utilities(mid, u);
            if (u[0] >= reserved[0]) lo = mid; else hi = mid - 1;
        }
        long last = lo;
        // First position with u1 >= r1.
        lo = segment.From;
        hi = segment.To + 1;
        while (lo < hi)
        {
            long mid = lo + (hi - lo) / 2;
            frontier.Utilities(mid, u);
            if (u[1] >= reserved[1]) hi = mid; else lo = mid + 1;
        }
        return (lo, last);
    }

    /// <summary>Ternary search of a unimodal objective down to <see cref="Window"/> positions.</summary>
    private static (long Lo, long Hi) Narrow(CompleteFrontier frontier, long lo, long hi, Objective objective, double[] u)
    {
        double At(long k)
        {
            frontier.Utilities(k, u);
            double v = objective(u);
            return double.IsNaN(v) ? double.NegativeInfinity : v;
        }
        while (hi - lo > Window)
        {
            long third = (hi - lo) / 3;
            long m1 = lo + third, m2 = hi - third;
            if (At(m1) < At(m2)) lo = m1 + 1; else hi = m2;
        }
        return (lo, hi);
    }
}
