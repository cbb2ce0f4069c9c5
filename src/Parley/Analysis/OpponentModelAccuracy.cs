using Parley.Outcomes;

namespace Parley.Analysis;

/// <summary>
/// How well an opponent model knows its opponent, as ANAC papers and GENIUS's quality measures report it (Hindriks and
/// Tykhonov, "Towards a quality assessment method for learning preference profiles in negotiation", 2010; Baarslag et
/// al., "Predicting the performance of opponent models in automated negotiation", 2013), over the outcome space:
/// <list type="bullet">
/// <item><see cref="Pearson"/>: the Pearson correlation between the modelled and the true opponent utility of the outcomes;</item>
/// <item><see cref="Kendall"/>: Kendall's rank correlation τ-b between them (1: the model orders every pair of outcomes as
/// the opponent does; −1: every pair reversed);</item>
/// <item><see cref="ParetoError"/> (bilateral): the distance between the true Pareto frontier and the one the model implies
/// — the outcomes Pareto-optimal under the agent's own utility and the modelled opponent utility, placed at their true
/// utilities: the mean Euclidean distance from each true frontier point to the nearest estimated one and from each
/// estimated point to the nearest true one, averaged (0: the model finds the true frontier).</item>
/// </list>
/// Each is null when undefined (a model that rates every outcome the same has no correlation).
/// </summary>
/// <param name="Pearson">Pearson correlation coefficient in [−1, 1], or null.</param>
/// <param name="Kendall">Kendall τ-b in [−1, 1], or null.</param>
/// <param name="ParetoError">Pareto-frontier estimation error (≥ 0), or null.</param>
public readonly record struct OpponentModelAccuracy(double? Pearson, double? Kendall, double? ParetoError)
{
    /// <summary>Most outcomes measured: larger spaces are measured on this many outcomes, evenly spaced by index.</summary>
    public const int MaxOutcomes = 10_000;

    /// <summary>The outcomes measured in <paramref name="space"/>: all of them, or <see cref="MaxOutcomes"/> evenly spaced by index.</summary>
    public static Outcome[] Sample(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsEnumerable) throw new ArgumentException("The outcome space cannot be enumerated.", nameof(space));
        long count = space.Count;
        if (count <= MaxOutcomes) return [.. Enumerable.Range(0, (int)count).Select(i => new Outcome((UInt128)i))];
        var sample = new Outcome[MaxOutcomes];
        for (int k = 0; k < MaxOutcomes; k++) sample[k] = new Outcome((UInt128)(long)((double)k * count / MaxOutcomes));
        return sample;
    }

    /// <summary>
    /// Measures a model over a list of outcomes: <paramref name="modelled"/>[k] and <paramref name="actual"/>[k]
    /// are the modelled and true opponent utility of outcome k, <paramref name="own"/>[k] the modelling agent's own
    /// utility (null: no frontier error, as for more than two parties).
    /// </summary>
    public static OpponentModelAccuracy Measure(ReadOnlySpan<double> modelled, ReadOnlySpan<double> actual, ReadOnlySpan<double> own)
    {
        if (modelled.Length != actual.Length || (!own.IsEmpty && own.Length != actual.Length))
            throw new ArgumentException("One modelled, true and own utility per outcome expected.");
        return new OpponentModelAccuracy(PearsonOf(modelled, actual), KendallTauB(modelled, actual),
            own.IsEmpty || actual.Length == 0 ? null : FrontierError(own, modelled, actual));
    }

    /// <summary>The Pearson correlation of <paramref name="x"/> and <paramref name="y"/>; null when either is constant or non-finite.</summary>
    public static double? PearsonOf(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        if (n < 2) return null;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0 && syy > 0) || !double.IsFinite(sxy)) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }

    /// <summary>Kendall's τ-b of <paramref name="x"/> and <paramref name="y"/> (Knight's O(n log n) algorithm); null when either is constant or holds NaN.</summary>
    public static double? KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        if (n < 2) return null;
        for (int i = 0; i < n; i++) if (double.IsNaN(x[i]) || double.IsNaN(y[i])) return null;
        return KendallTauB(x, y, Ascending(y));
    }

    /// <summary>The positions 0 … n − 1 of <paramref name="values"/> (no NaN) by ascending value, ties in any order.</summary>
    internal static int[] Ascending(ReadOnlySpan<double> values)
    {
        var keys = values.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The positions of the finite values by descending value, ties in any order.</summary>
    internal static int[] FiniteDescending(ReadOnlySpan<double> values)
    {
        int finite = 0;
        foreach (double v in values) if (double.IsFinite(v)) finite++;
        var keys = new double[finite];
        var order = new int[finite];
        for (int i = 0, k = 0; i < values.Length; i++)
            if (double.IsFinite(values[i])) { keys[k] = -values[i]; order[k++] = i; }
        Array.Sort(keys, order);
        return order;
    }

    // τ-b from the pair counts, which any exact counting gives alike: the outcomes are taken by ascending y
    // (yAscending, y without NaN), x sorted within each run of equal y, and the discordant pairs are then the strict
    // inversions of x (Knight's algorithm with the roles of x and y exchanged; τ-b is symmetric).
    internal static double? KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int[] yAscending)
    {
        int n = x.Length;
        if (n < 2) return null;
        for (int i = 0; i < n; i++) if (double.IsNaN(x[i])) return null;
        var (xs, buffer) = KendallScratch(n);
        for (int i = 0; i < n; i++) xs[i] = x[yAscending[i]];
        long pairs = (long)n * (n - 1) / 2, tiedY = 0, tiedXY = 0;
        for (int i = 0; i < n;)
        {
            double yi = y[yAscending[i]];
            int j = i + 1;
            while (j < n && y[yAscending[j]] == yi) j++;
            if (j - i > 1)
            {
                tiedY += (long)(j - i) * (j - i - 1) / 2;
                Array.Sort(xs, i, j - i);
                tiedXY += TiedPairs(xs.AsSpan(i, j - i));
            }
            i = j;
        }
        long swaps = SortCountingInversions(xs, buffer, n);
        long tiedX = TiedPairs(xs.AsSpan(0, n));
        double denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        if (!(denominator > 0)) return null;
        double numerator = (double)pairs - tiedX - tiedY + tiedXY - 2.0 * swaps;
        return Math.Clamp(numerator / denominator, -1.0, 1.0);
    }

    // Pairs of equal values in a sorted run.
    private static long TiedPairs(ReadOnlySpan<double> sorted)
    {
        long tied = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i + 1;
            while (j < sorted.Length && sorted[j] == sorted[i]) j++;
            tied += (long)(j - i) * (j - i - 1) / 2;
            i = j;
        }
        return tied;
    }

    [ThreadStatic] private static double[]? t_kendallValues, t_kendallBuffer;

    private static (double[] Values, double[] Buffer) KendallScratch(int n)
    {
        if (t_kendallValues is null || t_kendallValues.Length < n)
        {
            t_kendallValues = new double[n];
            t_kendallBuffer = new double[n];
        }
        return (t_kendallValues, t_kendallBuffer!);
    }

    // Sorts values[0, n) ascending and returns the number of strictly inverted pairs: runs of 16 by insertion (its
    // moves are those pairs), then bottom-up merges between values and buffer, each counting the pairs it uncrosses.
    private static long SortCountingInversions(double[] values, double[] buffer, int n)
    {
        const int Run = 16;
        long swaps = 0;
        for (int from = 0; from < n; from += Run)
        {
            int to = Math.Min(from + Run, n);
            for (int i = from + 1; i < to; i++)
            {
                double v = values[i];
                int j = i - 1;
                while (j >= from && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                    swaps++;
                }
                values[j + 1] = v;
            }
        }
        double[] source = values, target = buffer;
        for (int width = Run; width < n; width *= 2)
        {
            for (int from = 0; from < n; from += 2 * width)
            {
                int mid = Math.Min(from + width, n), to = Math.Min(from + 2 * width, n);
                if (mid == to || !(source[mid] < source[mid - 1]))
                {
                    Array.Copy(source, from, target, from, to - from); // in order already: no pair across is inverted
                    continue;
                }
                int a = from, b = mid, k = from;
                while (a < mid && b < to)
                {
                    if (source[b] < source[a]) { swaps += mid - a; target[k++] = source[b++]; }
                    else target[k++] = source[a++];
                }
                while (a < mid) target[k++] = source[a++];
                while (b < to) target[k++] = source[b++];
            }
            (source, target) = (target, source);
        }
        if (!ReferenceEquals(source, values)) Array.Copy(source, values, n);
        return swaps;
    }

    private static double? FrontierError(ReadOnlySpan<double> own, ReadOnlySpan<double> modelled, ReadOnlySpan<double> actual)
    {
        var byOwn = FiniteDescending(own);
        return FrontierError(FrontierPoints(byOwn, own, actual, actual)!, byOwn, own, modelled, actual);
    }

    // The error against a true frontier already found; ownDescending: the positions of finite own utility, best first.
    internal static double? FrontierError(List<(double A, double B)> truth, int[] ownDescending, ReadOnlySpan<double> own, ReadOnlySpan<double> modelled, ReadOnlySpan<double> actual)
    {
        var estimate = FrontierPoints(ownDescending, own, modelled, actual) ?? FrontierPointsBySort(own, modelled, own, actual);
        if (truth.Count == 0 || estimate.Count == 0) return null;
        return (MeanNearest(truth, estimate) + MeanNearest(estimate, truth)) / 2;
    }

    // The distinct true points (own, actual) of the outcomes Pareto-optimal under (own, b), in descending own utility:
    // per run of equal own utility (ownDescending), the outcomes of highest finite b, when it beats every b of higher own
    // utility. Null when such a run ends in two different true points: their order is then the general sort's
    // (FrontierPointsBySort), which the distances are summed in.
    internal static List<(double A, double B)>? FrontierPoints(int[] ownDescending, ReadOnlySpan<double> own, ReadOnlySpan<double> b, ReadOnlySpan<double> actual)
    {
        var result = new List<(double A, double B)>();
        double bestBefore = double.NegativeInfinity; // best b among outcomes with a strictly higher own utility
        int n = ownDescending.Length;
        for (int k = 0; k < n;)
        {
            double a = own[ownDescending[k]];
            int end = k + 1;
            while (end < n && own[ownDescending[end]] == a) end++;
            int first = -1;
            bool split = false;
            double groupBest = double.NegativeInfinity;
            for (int m = k; m < end; m++)
            {
                int i = ownDescending[m];
                double v = b[i];
                if (!double.IsFinite(v)) continue;
                if (first < 0 || v > groupBest) { groupBest = v; first = i; split = false; }
                else if (v == groupBest && !actual[i].Equals(actual[first])) split = true;
            }
            k = end;
            if (first < 0) continue; // no outcome of this own utility is rated
            if (groupBest > bestBefore)
            {
                if (split) return null;
                result.Add((own[first], actual[first]));
            }
            bestBefore = Math.Max(bestBefore, groupBest);
        }
        return result;
    }

    // The same points by a sort of the outcomes on (a, b) descending, distinct points in the order the sort leaves them.
    internal static List<(double A, double B)> FrontierPointsBySort(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> own, ReadOnlySpan<double> actual)
    {
        var aa = a.ToArray();
        var bb = b.ToArray();
        var order = Enumerable.Range(0, a.Length).Where(i => double.IsFinite(aa[i]) && double.IsFinite(bb[i])).ToArray();
        Array.Sort(order, (x, y) => aa[x] != aa[y] ? aa[y].CompareTo(aa[x]) : bb[y].CompareTo(bb[x]));
        var points = new HashSet<(double, double)>();
        var result = new List<(double A, double B)>();
        double bestBefore = double.NegativeInfinity; // best b among outcomes with a strictly higher a
        for (int k = 0; k < order.Length;)
        {
            int end = k;
            while (end < order.Length && aa[order[end]] == aa[order[k]]) end++;
            double groupBest = bb[order[k]];              // groups are sorted by b descending
            if (groupBest > bestBefore)
                for (int m = k; m < end && bb[order[m]] == groupBest; m++)
                    if (points.Add((own[order[m]], actual[order[m]]))) result.Add((own[order[m]], actual[order[m]]));
            bestBefore = Math.Max(bestBefore, groupBest);
            k = end;
        }
        return result;
    }

    private static double MeanNearest(List<(double A, double B)> from, List<(double A, double B)> to)
    {
        double sum = 0;
        foreach (var p in from)
        {
            double best = double.PositiveInfinity;
            foreach (var q in to)
            {
                double da = p.A - q.A, db = p.B - q.B, d = da * da + db * db;
                if (d < best) best = d;
            }
            sum += Math.Sqrt(best);
        }
        return sum / from.Count;
    }
}
