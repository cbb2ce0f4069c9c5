using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Exact two-party frontier of linear additive utilities without enumerating the space. The frontier of partial bundles
/// over issues 0..k (a staircase) is combined with each non-dominated value of issue k+1: every value shifts the whole
/// staircase, each shifted copy is still sorted, so the copies are merged (a heap over their heads) straight into the
/// <see cref="Staircase"/> filter, and a copy whose head is already dominated jumps ahead by galloping search. Nothing of
/// size staircase × values is ever formed. The frontier of a sum lies in the sum of the frontiers, and floating-point
/// addition is monotone, so a pruned bundle can only end weakly dominated. Sums are formed in issue order, exactly as
/// <see cref="LinearAdditiveUtility.Utility(ReadOnlySpan{int})"/> does; the cap at 1 (monotone) is applied last,
/// followed by one more pass of the filter. Per issue and kept point only a back-pointer is stored (one int: parent
/// position × the issue's non-dominated value count + the value's rank); outcomes are rebuilt on demand.
/// </summary>
internal sealed class AdditiveFrontier : CompleteFrontier
{
    /// <summary>
    /// Largest bound (staircase so far × that issue's non-dominated values) on the points of one step before giving up:
    /// purely opposed issues can make the exact frontier astronomically large.
    /// </summary>
    internal const int DefaultMaxCandidates = 8_000_000;

    /// <summary>Largest number of back-pointers kept over all issues (4 bytes each).</summary>
    internal const long MaxBackPointers = 32_000_000;

    private readonly double[] _u0, _u1;
    private readonly int[] _final;
    private readonly int[][] _ids;
    private readonly int[][] _contributions;

    private AdditiveFrontier(double[] u0, double[] u1, int[] final, int[][] ids, int[][] contributions)
    {
        _u0 = u0;
        _u1 = u1;
        _final = final;
        _ids = ids;
        _contributions = contributions;
    }

    public override int Parties => 2;
    public override long Count => _u0.Length;

    public override void Utilities(long position, Span<double> destination)
    {
        destination[0] = _u0[position];
        destination[1] = _u1[position];
    }

    public override int[] Values(long position) => ValuesOf([position])[0];

    /// <summary>Walks the back-pointers of all requested points issue by issue (one table at a time stays in cache).</summary>
    public override int[][] ValuesOf(IReadOnlyList<long> positions)
    {
        int issues = _ids.Length;
        var values = new int[positions.Count][];
        var at = new int[positions.Count];
        for (int r = 0; r < at.Length; r++)
        {
            values[r] = new int[issues];
            at[r] = _final[positions[r]];
        }
        for (int i = issues - 1; i >= 0; i--)
        {
            var ids = _ids[i];
            var contributions = _contributions[i];
            int c = contributions.Length;
            for (int r = 0; r < at.Length; r++)
            {
                (int parent, int j) = Math.DivRem(ids[at[r]], c);
                values[r][i] = contributions[j];
                at[r] = parent;
            }
        }
        return values;
    }

    /// <summary>The exact frontier, or null when it grows past <paramref name="maxCandidates"/> (see <see cref="DefaultMaxCandidates"/>).</summary>
    public static AdditiveFrontier? Compute(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = DefaultMaxCandidates)
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
    /// i), or null when it grows past <paramref name="maxCandidates"/>. Without <paramref name="cap"/> the sums are left
    /// uncapped (a partial frontier that more issues will join).
    /// </summary>
    public static AdditiveFrontier? Compute(double[][] tablesA, double[][] tablesB, int maxCandidates = DefaultMaxCandidates, bool cap = true)
    {
        int issues = tablesA.Length;
        var ids = new int[issues][];
        var contributions = new int[issues][];
        Staircase current = new(), next = new();
        var merge = new StaircaseMerge();
        current.Offer(0.0, 0.0, 0);
        current.Finish();
        long backPointers = 0;
        for (int i = 0; i < issues; i++)
        {
            var (values, ca, cb) = ContributionFrontier(tablesA[i], tablesB[i], next);
            if ((long)current.Count * values.Length > maxCandidates) return null;
            merge.Run(current.U0, current.U1, ca, cb, next);
            int m = next.Count;
            backPointers += m;
            if (backPointers > MaxBackPointers) return null;
            var step = new int[m];
            var kept = next.Ids;
            for (int k = 0; k < m; k++) step[k] = (int)kept[k]; // p × |values| + j < maxCandidates
            ids[i] = step;
            contributions[i] = values;
            (current, next) = (next, current);
        }

        // Cap at 1 (monotone, so the order is kept) and filter again.
        next.Reset();
        var u0 = current.U0;
        var u1 = current.U1;
        double limit = cap ? 1.0 : double.PositiveInfinity;
        for (int k = 0; k < u0.Length; k++) next.Offer(Math.Min(u0[k], limit), Math.Min(u1[k], limit), k);
        next.Finish();
        var final = new int[next.Count];
        for (int k = 0; k < final.Length; k++) final[k] = (int)next.Ids[k];
        return new AdditiveFrontier(next.U0.ToArray(), next.U1.ToArray(), final, ids, contributions);
    }

    /// <summary>One issue's distinct non-dominated contributions: value indices and both contributions, in staircase order.</summary>
    private static (int[] Values, double[] A, double[] B) ContributionFrontier(double[] a, double[] b, Staircase filter)
    {
        filter.FilterUnordered(a, b, Enumerable.Range(0, a.Length).ToArray());
        var values = new int[filter.Count];
        for (int k = 0; k < values.Length; k++) values[k] = (int)filter.Ids[k];
        return (values, filter.U0.ToArray(), filter.U1.ToArray());
    }
}

/// <summary>
/// Merges the shifted copies (s + c_j) of a staircase s by c's points, in order of the first utility, into a
/// <see cref="Staircase"/> filter. Candidate ids are p × |c| + j (staircase position p, shift j). Reusable; its heap
/// grows to the largest shift count seen.
/// </summary>
internal sealed class StaircaseMerge
{
    private int[] _heap = new int[16];
    private int[] _head = new int[16];
    private double[] _key = new double[16];

    public void Run(ReadOnlySpan<double> sa, ReadOnlySpan<double> sb, double[] ca, double[] cb, Staircase filter)
    {
        int n = sa.Length, c = ca.Length;
        if (_heap.Length < c)
        {
            _heap = new int[c];
            _head = new int[c];
            _key = new double[c];
        }
        for (int j = 0; j < c; j++)
        {
            _heap[j] = j;
            _head[j] = 0;
            _key[j] = sa[0] + ca[j];
        }
        int size = c;
        for (int k = size / 2 - 1; k >= 0; k--) SiftDown(k, size);
        filter.Reset();
        while (size > 0)
        {
            int j = _heap[0], p = _head[j];
            double shiftA = ca[j], shiftB = cb[j];
            // The runner-up head: copy j keeps the lead, without heap work, while its head still sorts before it.
            int second = size == 1 ? -1 : size == 2 || Before(_heap[1], _heap[2]) ? _heap[1] : _heap[2];
            double key = _key[j];
            while (true)
            {
                double b = sb[p] + shiftB, best = filter.Best;
                if (b <= best) p = FirstAbove(sb, shiftB, p, best);
                else
                {
                    filter.Offer(key, b, (long)p * c + j);
                    p++;
                }
                if (p >= n) break;
                key = sa[p] + shiftA;
                if (second >= 0 && !(key > _key[second] || (key == _key[second] && j < second))) break;
            }
            if (p < n)
            {
                _head[j] = p;
                _key[j] = key;
            }
            else _heap[0] = _heap[--size];
            if (size > 0) SiftDown(0, size);
        }
        filter.Finish();
    }

    /// <summary>The first position after <paramref name="p"/> whose second utility (sb + shift) beats <paramref name="best"/>, or sb.Length.</summary>
    private static int FirstAbove(ReadOnlySpan<double> sb, double shift, int p, double best)
    {
        int n = sb.Length, step = 1, lo = p; // sb[lo] + shift <= best
        while (p + step < n && sb[p + step] + shift <= best)
        {
            lo = p + step;
            step <<= 1;
        }
        int hi = Math.Min(p + step, n); // hi == n or sb[hi] + shift > best
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (sb[mid] + shift <= best) lo = mid; else hi = mid;
        }
        return hi;
    }

    /// <summary>Max-heap on the head's first utility; equal keys by shift index.</summary>
    private void SiftDown(int at, int size)
    {
        int item = _heap[at];
        double key = _key[item];
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && Before(_heap[child + 1], _heap[child])) child++;
            int other = _heap[child];
            if (!(_key[other] > key || (_key[other] == key && other < item))) break;
            _heap[at] = other;
            at = child;
        }
        _heap[at] = item;
    }

    private bool Before(int x, int y) => _key[x] > _key[y] || (_key[x] == _key[y] && x < y);
}
