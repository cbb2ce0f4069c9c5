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
        var xs = x.ToArray();
        var ys = y.ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => xs[a] != xs[b] ? xs[a].CompareTo(xs[b]) : ys[a].CompareTo(ys[b]));
        long pairs = (long)n * (n - 1) / 2, tiedX = 0, tiedXY = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && xs[order[j]] == xs[order[i]]) j++;
            tiedX += (long)(j - i) * (j - i - 1) / 2;
            for (int k = i; k < j;)
            {
                int m = k;
                while (m < j && ys[order[m]] == ys[order[k]]) m++;
                tiedXY += (long)(m - k) * (m - k - 1) / 2;
                k = m;
            }
            i = j;
        }
        var sortedY = new double[n];
        for (int i = 0; i < n; i++) sortedY[i] = ys[order[i]];
        long swaps = MergeSortCountingSwaps(sortedY, new double[n], 0, n);
        long tiedY = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && sortedY[j] == sortedY[i]) j++;
            tiedY += (long)(j - i) * (j - i - 1) / 2;
            i = j;
        }
        double denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        if (!(denominator > 0)) return null;
        double numerator = (double)pairs - tiedX - tiedY + tiedXY - 2.0 * swaps;
        return Math.Clamp(numerator / denominator, -1.0, 1.0);
    }

    // Sorts values[from, to) ascending and returns the number of strictly inverted pairs.
    private static long MergeSortCountingSwaps(double[] values, double[] buffer, int from, int to)
    {
        if (to - from < 2) return 0;
        int mid = (from + to) >>> 1;
        long swaps = MergeSortCountingSwaps(values, buffer, from, mid) + MergeSortCountingSwaps(values, buffer, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to)
        {
            if (values[j] < values[i]) { swaps += mid - i; buffer[k++] = values[j++]; }
            else buffer[k++] = values[i++];
        }
        while (i < mid) buffer[k++] = values[i++];
        while (j < to) buffer[k++] = values[j++];
        Array.Copy(buffer, from, values, from, to - from);
        return swaps;
    }

    private static double? FrontierError(ReadOnlySpan<double> own, ReadOnlySpan<double> modelled, ReadOnlySpan<double> actual)
    {
        var truth = FrontierPoints(own, actual, own, actual);
        var estimate = FrontierPoints(own, modelled, own, actual);
        if (truth.Count == 0 || estimate.Count == 0) return null;
        return (MeanNearest(truth, estimate) + MeanNearest(estimate, truth)) / 2;
    }

    // The distinct true points (own, actual) of the outcomes Pareto-optimal under (a, b).
    private static List<(double A, double B)> FrontierPoints(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> own, ReadOnlySpan<double> actual)
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
