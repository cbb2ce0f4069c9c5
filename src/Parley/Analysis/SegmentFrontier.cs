using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// Exact two-party frontier of linear additive utilities with one long linear integer issue (a price from 0 to
/// 300,000,000), kept compact: every value of such an issue can be on the frontier, so the frontier is stored as
/// pieces, each one partial bundle of the other issues (their exact issue-by-issue frontier) with a contiguous range of
/// the long issue's values. Along the long issue both contributions are affine (GENIUS linear evaluators), clamped at
/// the ends of the range; the clamped plateaus give single candidate values and the rest one straight run. Each
/// (bundle, run) is a chain whose utilities (evaluated exactly, summed in issue order and capped at 1) move
/// monotonically; the chains are merged in order of the first utility and filtered like a staircase, a whole stretch
/// of a chain being emitted at once while it stays ahead of every other chain (binary search), so the work grows with
/// the number of pieces, not of points. A run is used only when one step of the issue changes both utilities by far
/// more than rounding can absorb, so every point of an emitted stretch is distinct and non-dominated.
/// </summary>
internal sealed class SegmentFrontier : CompleteFrontier
{
    /// <summary>An integer issue with more values than this, scored linearly by both parties, is handled as runs.</summary>
    internal const int DefaultMinValues = 1 << 16;

    private readonly LinearAdditiveUtility _a, _b;
    private readonly int _issue;
    private readonly int[][] _bases;
    private readonly Piece[] _pieces;
    private readonly long[] _starts;
    private readonly PositionRange[] _segments;

    /// <summary>A stretch of one chain: base bundle, long-issue values from <see cref="First"/> moving by <see cref="Step"/>.</summary>
    private readonly record struct Piece(int Base, int First, int Step, int Length);

    private SegmentFrontier(LinearAdditiveUtility a, LinearAdditiveUtility b, int issue, int[][] bases, List<Piece> pieces)
    {
        _a = a;
        _b = b;
        _issue = issue;
        _bases = bases;
        _pieces = [.. pieces];
        _starts = new long[_pieces.Length + 1];
        var segments = new List<PositionRange>();
        for (int k = 0; k < _pieces.Length; k++)
        {
            _starts[k + 1] = _starts[k] + _pieces[k].Length;
            if (_pieces[k].Length > 1) segments.Add(new PositionRange(_starts[k], _starts[k + 1] - 1));
        }
        _segments = [.. segments];
    }

    public override int Parties => 2;
    public override long Count => _starts[^1];
    public override IReadOnlyList<PositionRange> Segments => _segments;

    public override void Utilities(long position, Span<double> destination)
    {
        var values = Values(position);
        destination[0] = _a.Utility(values);
        destination[1] = _b.Utility(values);
    }

    public override int[] Values(long position)
    {
        if ((ulong)position >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(position));
        int k = Array.BinarySearch(_starts, position);
        if (k < 0) k = ~k - 1;
        var piece = _pieces[k];
        return With(_bases[piece.Base], _issue, piece.First + (int)(position - _starts[k]) * piece.Step);
    }

    private static int[] With(int[] others, int issue, int value)
    {
        var values = new int[others.Length + 1];
        others.AsSpan(0, issue).CopyTo(values);
        values[issue] = value;
        others.AsSpan(issue).CopyTo(values.AsSpan(issue + 1));
        return values;
    }

    /// <summary>The long linear issue of a pair of utilities: the largest integer issue over <paramref name="minValues"/> values that both score linearly; −1 when none.</summary>
    internal static int LongIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int minValues = DefaultMinValues)
    {
        int found = -1;
        var space = a.Space;
        for (int i = 0; i < space.IssueCount; i++)
        {
            if (space.Issues[i] is not IntegerIssue integer || !integer.IsEnumerable || integer.ValueCount <= minValues) continue;
            if (!a.IsMonotone(i) || !b.IsMonotone(i)) continue;
            if (found < 0 || integer.ValueCount > space.Issues[found].ValueCount) found = i;
        }
        return found;
    }


    /// <summary>
    /// The frontier with <paramref name="issue"/> as runs, or null when the other issues' frontier is too large, or one
    /// step of the issue is too small against rounding for a run to be exact.
    /// </summary>
    internal static SegmentFrontier? Compute(LinearAdditiveUtility a, LinearAdditiveUtility b, int issue, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates)
    {
        var space = a.Space;
        int issues = space.IssueCount, radix = space.Issues[issue].ValueCount;
        // The other issues' exact frontier, uncapped (the cap is applied to each full sum).
        var others = Enumerable.Range(0, issues).Where(i => i != issue).ToArray();
        var baseFrontier = AdditiveFrontier.Compute(
            others.Select(i => a.WeightedScores(i).ToArray()).ToArray(),
            others.Select(i => b.WeightedScores(i).ToArray()).ToArray(), maxCandidates, cap: false);
        if (baseFrontier is null) return null;
        var bases = baseFrontier.ValuesOf(Enumerable.Range(0, (int)baseFrontier.Count).Select(k => (long)k).ToArray());

        var chains = new List<Chain>();
        var (runs, strictEnough) = LongIssueRuns(a, b, issue, radix);
        if (!strictEnough) return null;
        var evaluator = new Evaluator(a, b, issue, bases);
        for (int p = 0; p < bases.Length; p++)
            foreach (var run in runs)
                chains.AddRange(evaluator.SplitAtCap(p, run));
        var pieces = Merge(chains, evaluator);
        return new SegmentFrontier(a, b, issue, bases, pieces);
    }

    /// <summary>
    /// Candidate stretches of the long issue's values: each plateau end (where a clamp starts or stops) and both ends as
    /// single values, and the stretch where both contributions move strictly in opposite directions as one run. The
    /// second result is false when a step of that run is not safely above rounding.
    /// </summary>
    private static (List<Piece> Runs, bool StrictEnough) LongIssueRuns(LinearAdditiveUtility a, LinearAdditiveUtility b, int issue, int radix)
    {
        double A(int v) => a.WeightedScore(issue, v);
        double B(int v) => b.WeightedScore(issue, v);
        var (fromA, toA) = StrictRange(A, radix);
        var (fromB, toB) = StrictRange(B, radix);
        var singles = new SortedSet<int> { 0, radix - 1, fromA, toA, fromB, toB };
        var runs = new List<Piece>();
        int from = Math.Max(fromA, fromB), to = Math.Min(toA, toB);
        bool opposed = from < to && Math.Sign(A(to) - A(from)) * Math.Sign(B(to) - B(from)) < 0;
        if (opposed)
        {
            // Strictness against rounding: one step must exceed what summing every issue can blur.
            double step = Math.Min(Math.Abs(A(from + 1) - A(from)), Math.Abs(B(from + 1) - B(from)));
            double scale = 1;
            for (int i = 0; i < a.Space.IssueCount; i++)
            {
                scale += MaxAbs(a, i, i == issue);
                scale += MaxAbs(b, i, i == issue);
            }
            double ulp = Math.BitIncrement(scale) - scale;
            if (step < 64.0 * a.Space.IssueCount * ulp) return (runs, false);
            singles.Add(from);
            singles.Add(to);
            // Chains run with the first utility descending.
            bool aRises = A(to) > A(from);
            if (to - from > 1) runs.Add(aRises ? new Piece(-1, to - 1, -1, to - from - 1) : new Piece(-1, from + 1, 1, to - from - 1));
        }
        foreach (int v in singles) runs.Add(new Piece(-1, v, 1, 1));
        return (runs, true);
    }

    private static double MaxAbs(LinearAdditiveUtility u, int issue, bool linear)
    {
        if (linear)
            return Math.Max(Math.Abs(u.WeightedScore(issue, 0)), Math.Abs(u.WeightedScore(issue, u.Space.Issues[issue].ValueCount - 1)));
        double max = 0;
        foreach (double x in u.WeightedScores(issue)) max = Math.Max(max, Math.Abs(x));
        return max;
    }

    /// <summary>The value range outside the clamped plateaus of a monotone contribution: [last value equal to the first, first value equal to the last].</summary>
    private static (int From, int To) StrictRange(Func<int, double> f, int radix)
    {
        double first = f(0), last = f(radix - 1);
        if (first == last) return (0, radix - 1);
        int lo = 0, hi = radix - 1; // last v with f(v) == first
        while (lo < hi)
        {
            int mid = lo + (hi - lo + 1) / 2;
            if (f(mid) == first) lo = mid; else hi = mid - 1;
        }
        int from = lo;
        lo = 0;
        hi = radix - 1; // first v with f(v) == last
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (f(mid) == last) hi = mid; else lo = mid + 1;
        }
        return (from, lo);
    }

    /// <summary>One chain: base bundle and a stretch of long-issue values; along it u0 is non-increasing and u1 non-decreasing.</summary>
    private readonly record struct Chain(int Base, int First, int Step, int Length, bool Strict)
    {
        public int ValueAt(int k) => First + k * Step;
    }

    /// <summary>Exact utilities of (base bundle, long-issue value), and their sums before the cap.</summary>
    private sealed class Evaluator(LinearAdditiveUtility a, LinearAdditiveUtility b, int issue, int[][] bases)
    {
        public (double U0, double U1) At(Chain chain, int k)
        {
            var (s0, s1) = Sums(chain.Base, chain.ValueAt(k));
            return (Math.Min(s0, 1.0), Math.Min(s1, 1.0));
        }

        private (double, double) Sums(int p, int value)
        {
            var others = bases[p];
            double s0 = 0, s1 = 0;
            for (int i = 0, o = 0; i <= others.Length; i++)
            {
                int v = i == issue ? value : others[o++];
                s0 += a.WeightedScore(i, v);
                s1 += b.WeightedScore(i, v);
            }
            return (s0, s1);
        }

        /// <summary>Chains of base <paramref name="p"/> over <paramref name="run"/>: where a party's sum passes 1 its utility is flat, so only that plateau's best end is a candidate.</summary>
        public IEnumerable<Chain> SplitAtCap(int p, Piece run)
        {
            var chain = new Chain(p, run.First, run.Step, run.Length, run.Length > 1);
            if (run.Length == 1)
            {
                yield return chain;
                yield break;
            }
            // u0 is non-increasing along the chain: capped on a prefix [0, capped0); u1 capped on a suffix [capped1, n).
            int n = run.Length;
            int capped0 = FirstWhere(n, k => Sums(p, chain.ValueAt(k)).Item1 < 1.0);
            int capped1 = FirstWhere(n, k => Sums(p, chain.ValueAt(k)).Item2 >= 1.0);
            if (capped0 > 0) yield return chain with { First = chain.ValueAt(capped0 - 1), Length = 1, Strict = false };
            int from = capped0, to = Math.Min(capped1, n) - 1;
            if (from <= to) yield return chain with { First = chain.ValueAt(from), Length = to - from + 1 };
            if (capped1 < n) yield return chain with { First = chain.ValueAt(capped1), Length = 1, Strict = false };
        }

        /// <summary>The first k in [0, n) where a monotone predicate (false … true) holds; n when none.</summary>
        private static int FirstWhere(int n, Func<int, bool> predicate)
        {
            int lo = 0, hi = n;
            while (lo < hi)
            {
                int mid = lo + (hi - lo) / 2;
                if (predicate(mid)) hi = mid; else lo = mid + 1;
            }
            return lo;
        }
    }

    /// <summary>
    /// Merges the chains in order of the first utility into frontier pieces (a staircase filter over chains). The head of
    /// the leading chain is kept when its second utility beats the last kept one; then, along a strict chain, every
    /// following point still ahead of the runner-up chain's head is kept with it (u0 strictly falling, u1 strictly
    /// rising). A head that is beaten jumps to the first point of its chain that beats it (binary search). Heads with equal
    /// first utility are settled together: the largest second utility wins, the rest are dominated or equal.
    /// </summary>
    private static List<Piece> Merge(List<Chain> chains, Evaluator evaluator)
    {
        var pieces = new List<Piece>();
        var head = new int[chains.Count];
        var heads = new PriorityQueue<int, (double U0, int Chain)>(Comparer<(double U0, int Chain)>.Create((x, y) =>
        {
            int c = y.U0.CompareTo(x.U0);
            return c != 0 ? c : x.Chain.CompareTo(y.Chain);
        }));
        for (int c = 0; c < chains.Count; c++) heads.Enqueue(c, (evaluator.At(chains[c], 0).U0, c));
        double best = double.NegativeInfinity;
        var group = new List<int>();
        void Advance(int c, int k)
        {
            head[c] = k;
            if (k < chains[c].Length) heads.Enqueue(c, (evaluator.At(chains[c], k).U0, c));
        }

        while (heads.TryDequeue(out int top, out var key))
        {
            var chain = chains[top];
            int k = head[top];
            var (_, u1) = evaluator.At(chain, k);
            if (heads.TryPeek(out _, out var next) && next.U0 == key.U0)
            {
                // Equal first utilities: the largest second utility (first chain on ties) wins the group.
                group.Clear();
                group.Add(top);
                int winner = top;
                double winnerU1 = u1;
                while (heads.TryPeek(out int c, out var p) && p.U0 == key.U0)
                {
                    heads.Dequeue();
                    group.Add(c);
                    double v1 = evaluator.At(chains[c], head[c]).U1;
                    if (v1 > winnerU1 || (v1 == winnerU1 && c < winner)) { winner = c; winnerU1 = v1; }
                }
                if (winnerU1 > best)
                {
                    var w = chains[winner];
                    pieces.Add(new Piece(w.Base, w.ValueAt(head[winner]), w.Step, 1));
                    best = winnerU1;
                }
                foreach (int c in group) Advance(c, head[c] + 1);
                continue;
            }
            if (!(u1 > best))
            {
                // Jump to the first point of this chain whose u1 beats the last kept one (u1 non-decreasing along it).
                int from = k + 1, to = chain.Length;
                while (from < to)
                {
                    int mid = from + (to - from) / 2;
                    if (evaluator.At(chain, mid).U1 > best) to = mid; else from = mid + 1;
                }
                Advance(top, from);
                continue;
            }
            int end = k + 1; // exclusive end of the stretch kept now
            if (chain.Strict)
            {
                bool hasNext = heads.TryPeek(out _, out var runnerUp);
                // Last point still strictly ahead of the runner-up's head (u0 strictly falling along a strict chain).
                int lo = k, hi = chain.Length - 1;
                while (lo < hi)
                {
                    int mid = lo + (hi - lo + 1) / 2;
                    if (!hasNext || evaluator.At(chain, mid).U0 > runnerUp.U0) lo = mid; else hi = mid - 1;
                }
                end = lo + 1;
            }
            pieces.Add(new Piece(chain.Base, chain.ValueAt(k), chain.Step, end - k));
            best = evaluator.At(chain, end - 1).U1;
            Advance(top, end);
        }
        return pieces;
    }
}
