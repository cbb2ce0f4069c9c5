using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Analysis;

/// <summary>
/// Exact Pareto frontier of hyper-rectangle (and linear additive) utilities by depth-first branch and bound over merged
/// value classes (<see cref="ClassedModel"/>). A node fixes the classes of some issues (next: the free issue in the
/// most open rectangles). Its bound splits the weight of every open rectangle over the rectangle's free issues — a
/// feasible solution of the dual of the LP relaxation, inherited from the parent and rebalanced by one pass of block
/// coordinate descent — so the scores any completion reaches are dominated by the fixed scores plus one per-issue point
/// per free issue. Two parties: the node is pruned when the convex hull of that Minkowski sum reaches no corner of the
/// archive's staircase (integer scores rounded to the next integer); a corner the hull reaches is re-tested with shares
/// rebalanced for the weighted sum in that direction, then with the exact (non-convex) Minkowski sum; a node whose
/// rectangles are all decided is separable and solved by that sum directly. More parties: pruned when the ideal point is
/// weakly dominated. Leaves are exact and pruned subtrees hold only weakly dominated points, so a finished search is the
/// exact frontier. When the node or time budget runs out the archive is returned with a certified gap: the largest
/// amount, in utility, by which a point in any unexplored subtree could exceed it (bounded per subtree by the box
/// corners of its hull chain). Deterministic: the order of issues and children is fixed; a time budget only decides
/// where the search stops.
/// </summary>
internal sealed class BranchAndBoundFrontier
{
    /// <summary>Nodes between clock reads.</summary>
    private const int ClockStride = 16;

    /// <summary>Scores of non-integral parties closer than this count as equal.</summary>
    private const double RealTolerance = 1e-9;

    /// <summary>Slack for rounding error in bounds of integral parties.</summary>
    private const double IntegralSlack = 1e-7;

    private readonly ClassedModel _model;
    private readonly int _n, _d;
    private readonly int[] _order;
    private readonly int[] _assigned;
    private readonly int[] _dead, _satisfied;
    private readonly (int Term, int Bound)[][] _termsOfIssue;
    private readonly int[][][] _insideClasses; // per term and bound: the classes of its issue inside the rectangle
    private readonly double[] _fixed;
    private readonly double[][][] _table;
    private readonly double[][][] _shareStack;
    private double[][] _share;
    private readonly List<int> _open = [];
    private int _penalties; // open negative rectangles spanning two or more free issues (not in the tables)
    private readonly double[] _load;
    private readonly int[] _free;
    private readonly List<(double A, double B, int Previous, int Class)>[] _layers;
    private readonly double[][] _combined;
    private readonly double[][] _combinedShare;
    private readonly ParetoArchive _archive;
    private readonly int[] _witness;
    private readonly long _nodeLimit;
    private readonly TimeProvider _clock;
    private readonly long _deadline;
    private readonly double[] _vector;
    // Hull scratch (two parties): edges of the per-issue hulls, and the merged chain.
    private readonly List<(double DA, double DB)> _edges = [];
    private readonly List<(double A, double B)> _chain = [];
    private readonly (double A, double B)[] _issuePoints;
    // Weighted bounds of the current node, per direction (0: A alone, 1: B alone, 2 + k: normal of chain segment k),
    // valid while their stamp equals _boundStamp (one stamp per corner test).
    private double[] _directionBound = new double[8];
    private int[] _directionStamp = new int[8];
    private int _boundStamp;
    private bool _stopped;

    private BranchAndBoundFrontier(ClassedModel model, FrontierBudget budget)
    {
        _model = model;
        _n = model.IssueCount;
        _d = model.PartyCount;
        _assigned = Enumerable.Repeat(-1, _n).ToArray();
        _dead = new int[model.Terms.Length];
        _satisfied = new int[model.Terms.Length];
        var lists = Enumerable.Range(0, _n).Select(_ => new List<(int, int)>()).ToArray();
        for (int t = 0; t < model.Terms.Length; t++)
            for (int b = 0; b < model.Terms[t].Issues.Length; b++) lists[model.Terms[t].Issues[b]].Add((t, b));
        _termsOfIssue = lists.Select(l => l.ToArray()).ToArray();
        _insideClasses = model.Terms.Select(t => t.Inside.Select(mask => Enumerable.Range(0, mask.Length).Where(c => mask[c]).ToArray()).ToArray()).ToArray();
        // Most-constrained issues first: they decide the most rectangles.
        _order = Enumerable.Range(0, _n).OrderByDescending(i => _termsOfIssue[i].Length).ThenByDescending(model.ClassCount).ThenBy(i => i).ToArray();
        _fixed = new double[_d];
        _table = Enumerable.Range(0, _d).Select(_ => Enumerable.Range(0, _n).Select(i => new double[model.ClassCount(i)]).ToArray()).ToArray();
        _shareStack = Enumerable.Range(0, _n + 2).Select(_ => model.Terms.Select(t => new double[t.Issues.Length]).ToArray()).ToArray();
        _share = _shareStack[0];
        _combinedShare = model.Terms.Select(t => new double[t.Issues.Length]).ToArray();
        _combined = Enumerable.Range(0, _n).Select(i => new double[model.ClassCount(i)]).ToArray();
        _archive = new ParetoArchive(_d);
        _load = new double[_n];
        _free = new int[_n];
        _layers = Enumerable.Range(0, _n + 1).Select(_ => new List<(double, double, int, int)>()).ToArray();
        _witness = new int[_n];
        _vector = new double[_d];
        _issuePoints = new (double, double)[Enumerable.Range(0, _n).Max(model.ClassCount)];
        _nodeLimit = budget.NodeLimit ?? long.MaxValue;
        _clock = budget.Clock;
        _deadline = budget.Deadline;
    }

    /// <summary>Frontier points in scores (capped at each party's norm) with one witness (value indices) each.</summary>
    internal sealed record Result(List<(double[] Scores, int[] Values)> Points, bool Complete, double Gap, long Nodes);

    public long Nodes { get; private set; }


    /// <summary>
    /// Runs the search. <paramref name="seeds"/> (outcomes as value indices, e.g. from the local search) are offered to the
    /// archive first; they only speed up pruning.
    /// </summary>
    public static Result Run(ClassedModel model, FrontierBudget budget, IEnumerable<int[]>? seeds = null)
    {
        var search = new BranchAndBoundFrontier(model, budget);
        // Any outcome first, so the archive is never empty and a gap is always measured against something.
        search.OfferOutcome(new int[model.IssueCount]);
        foreach (var values in seeds ?? []) search.OfferOutcome(values);
        double gap = search.Explore(0);
        return new Result(search._archive.Snapshot(), !search._stopped, search._stopped ? Math.Max(0, gap) : 0, search.Nodes);
    }

    private void OfferOutcome(int[] values)
    {
        for (int k = 0; k < _n; k++) Assign(k, _model.ClassOf[k][values[k]]);
        Array.Copy(values, _witness, _n);
        for (int p = 0; p < _d; p++) _vector[p] = Math.Min(_fixed[p], _model.Norm[p]);
        _archive.Offer(_vector, _witness);
        for (int k = _n - 1; k >= 0; k--) Unassign(k);
    }

    /// <summary>Explores the subtree below the current assignment of the first <paramref name="depth"/> issues of the order.
    /// Returns the gap bound of what was left unexplored (−∞ when the subtree was finished).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private double Explore(int depth)
    {
        Nodes++;
        if (depth == _n)
        {
            for (int i = 0; i < _n; i++) _witness[i] = _model.Representatives[i][_assigned[i]];
            for (int p = 0; p < _d; p++) _vector[p] = Math.Min(_fixed[p], _model.Norm[p]);
            _archive.Offer(_vector, _witness);
            return double.NegativeInfinity;
        }
        FillTables(depth);
        if (Prunable()) return double.NegativeInfinity;
        if (_d == 2)
        {
            // Separable: the subtree's frontier is computed directly. Otherwise a tighter, non-convex relaxation check.
            if (_open.Count == 0 && _penalties == 0)
            {
                Combine(offer: true);
                return double.NegativeInfinity;
            }
            if (!Combine(offer: false)) return double.NegativeInfinity;
        }

        int issue = BranchingIssue();
        int count = _model.ClassCount(issue);
        Span<int> children = stackalloc int[count];
        Span<double> keys = stackalloc double[count];
        for (int c = 0; c < count; c++)
        {
            children[c] = c;
            double key = 0;
            for (int p = 0; p < _d; p++) key += _table[p][issue][c] / _model.Norm[p];
            keys[c] = -key;
        }
        keys.Sort(children);

        double gap = double.NegativeInfinity;
        for (int k = 0; k < count; k++)
        {
            int c = children[k];
            if (Superseded(issue, c)) continue;
            Assign(issue, c);
            if (_stopped || OutOfBudget())
            {
                gap = Math.Max(gap, UnexploredGap(depth + 1));
            }
            else
            {
                gap = Math.Max(gap, Explore(depth + 1));
            }
            Unassign(issue);
        }
        return gap;
    }

    /// <summary>The free issue in the most open rectangles (weighted by share of the party's norm); the static order breaks ties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private int BranchingIssue()
    {
        Array.Clear(_load);
        foreach (int t in _open)
        {
            var term = _model.Terms[t];
            double w = Math.Abs(term.Weight) / _model.Norm[term.Party];
            foreach (int i in term.Issues) if (_assigned[i] < 0) _load[i] += w;
        }
        int best = -1;
        foreach (int i in _order)
            if (_assigned[i] < 0 && (best < 0 || _load[i] > _load[best])) best = i;
        return best;
    }

    /// <summary>
    /// Two parties: the Pareto set of fixed + Σ per-issue points, combined issue by issue, dropping partial sums that the
    /// archive covers even with the best of the remaining issues. Returns whether any sum survives (is not covered).
    /// With no rectangle spanning two free issues (<paramref name="offer"/>) the tables are exact and independent per
    /// issue, so the survivors are the subtree's new frontier points: they are offered with their witness. Otherwise
    /// this is a non-convex relaxation, tighter than the chain; it gives up (true) when a layer grows past
    /// <see cref="CombineLimit"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private bool Combine(bool offer)
    {
        int steps = 0;
        double remA = 0, remB = 0;
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            _free[steps++] = i;
            remA += Max(_table[0][i]);
            remB += Max(_table[1][i]);
        }
        var archiveA = _archive.BilateralUtilities(0);
        var archiveB = _archive.BilateralUtilities(1);
        var current = _layers[0];
        current.Clear();
        current.Add((_fixed[0], _fixed[1], -1, -1));
        for (int k = 0; k < steps; k++)
        {
            int issue = _free[k];
            var rowA = _table[0][issue];
            var rowB = _table[1][issue];
            remA -= Max(rowA);
            remB -= Max(rowB);
            var next = _layers[k + 1];
            next.Clear();
            for (int j = 0; j < current.Count; j++)
                for (int c = 0; c < rowA.Length; c++)
                {
                    double a = current[j].A + rowA[c], b = current[j].B + rowB[c];
                    if (!Covered(a + remA, b + remB, archiveA, archiveB)) next.Add((a, b, j, c));
                }
            if (next.Count == 0) return false;
            if (!offer && next.Count > CombineLimit) return true;
            // Keep the staircase of the candidates (A descending, then B descending; B must rise).
            CollectionsMarshal.AsSpan(next).Sort(default(ByScoresDescending));
            int kept = 0;
            double best = double.NegativeInfinity;
            for (int j = 0; j < next.Count; j++)
                if (next[j].B > best) { best = next[j].B; next[kept++] = next[j]; }
            next.RemoveRange(kept, next.Count - kept);
            current = next;
        }
        if (!offer) return current.Count > 0;
        for (int j = 0; j < current.Count; j++)
        {
            _vector[0] = Math.Min(current[j].A, _model.Norm[0]);
            _vector[1] = Math.Min(current[j].B, _model.Norm[1]);
            for (int i = 0; i < _n; i++) if (_assigned[i] >= 0) _witness[i] = _model.Representatives[i][_assigned[i]];
            int at = j;
            for (int k = steps; k > 0; k--)
            {
                var entry = _layers[k][at];
                _witness[_free[k - 1]] = _model.Representatives[_free[k - 1]][entry.Class];
                at = entry.Previous;
            }
            _archive.Offer(_vector, _witness);
        }
        return current.Count > 0;
    }

    /// <summary>Largest layer the relaxation check builds before giving up on a node (larger layers rarely prune: on the 2014
    /// domains 64 cost twice the time of 8 for 1 % fewer nodes).</summary>
    private const int CombineLimit = 8;

    /// <summary>The largest entry (rows hold no NaN, so a plain comparison does).</summary>
    private static double Max(double[] row)
    {
        double best = row[0];
        for (int c = 1; c < row.Length; c++) if (row[c] > best) best = row[c];
        return best;
    }

    /// <summary>Partial sums by A descending, then B descending.</summary>
    private readonly struct ByScoresDescending : IComparer<(double A, double B, int Previous, int Class)>
    {
        public int Compare((double A, double B, int Previous, int Class) x, (double A, double B, int Previous, int Class) y) =>
            x.A != y.A ? y.A.CompareTo(x.A) : y.B.CompareTo(x.B);
    }

    /// <summary>True when an archive entry (<paramref name="archiveA"/>, <paramref name="archiveB"/>) weakly dominates scores (a, b) once rounded down and capped.</summary>
    private bool Covered(double a, double b, ReadOnlySpan<double> archiveA, ReadOnlySpan<double> archiveB)
    {
        a = Math.Min(Floor(0, a), _model.Norm[0]);
        b = Math.Min(Floor(1, b), _model.Norm[1]);
        int lo = 0, hi = archiveA.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (archiveA[mid] >= a) lo = mid + 1; else hi = mid;
        }
        return lo > 0 && archiveB[lo - 1] >= b;
    }

    /// <summary>
    /// True when another class of <paramref name="issue"/> does at least as well as <paramref name="cls"/> for every party
    /// in every completion: unary scores no lower, inside every live positive rectangle <paramref name="cls"/> is inside,
    /// outside every live penalty it is outside (for equal classes, the lower index stays). Its subtree then holds only
    /// weakly dominated points.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private bool Superseded(int issue, int cls)
    {
        int count = _model.ClassCount(issue);
        for (int other = 0; other < count; other++)
        {
            if (other == cls) continue;
            bool covers = true, strict = false;
            for (int p = 0; p < _d && covers; p++)
            {
                double mine = _model.Unary[p][issue][cls], theirs = _model.Unary[p][issue][other];
                covers = theirs >= mine;
                strict |= theirs > mine;
            }
            foreach (var (t, b) in _termsOfIssue[issue])
            {
                if (!covers) break;
                if (_dead[t] > 0) continue;
                var term = _model.Terms[t];
                bool mineIn = term.Inside[b][cls], theirsIn = term.Inside[b][other];
                if (mineIn == theirsIn) continue;
                covers = term.Weight > 0 ? theirsIn : mineIn;
                strict = true;
            }
            if (covers && (strict || other < cls)) return true;
        }
        return false;
    }

    private bool OutOfBudget()
    {
        if (Nodes >= _nodeLimit || (Nodes % ClockStride == 0 && _clock.GetTimestamp() > _deadline)) _stopped = true;
        return _stopped;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private void Assign(int issue, int cls)
    {
        _assigned[issue] = cls;
        for (int p = 0; p < _d; p++) _fixed[p] += _model.Unary[p][issue][cls];
        foreach (var (t, b) in _termsOfIssue[issue])
        {
            var term = _model.Terms[t];
            if (!term.Inside[b][cls])
            {
                _dead[t]++;
            }
            else if (++_satisfied[t] == term.Issues.Length && _dead[t] == 0)
            {
                _fixed[term.Party] += term.Weight;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private void Unassign(int issue)
    {
        int cls = _assigned[issue];
        foreach (var (t, b) in _termsOfIssue[issue])
        {
            var term = _model.Terms[t];
            if (!term.Inside[b][cls])
            {
                _dead[t]--;
            }
            else
            {
                if (_satisfied[t] == term.Issues.Length && _dead[t] == 0) _fixed[term.Party] -= term.Weight;
                _satisfied[t]--;
            }
        }
        for (int p = 0; p < _d; p++) _fixed[p] -= _model.Unary[p][issue][cls];
        _assigned[issue] = -1;
    }

    /// <summary>
    /// Per free issue, party and class: the unary score plus a share of every open rectangle. Shares start even and are
    /// then moved, rectangle by rectangle, onto issues where they raise no maximum (block coordinate descent on the dual
    /// of the LP relaxation): every split is a valid bound, each pass only tightens it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private void FillTables(int depth)
    {
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            for (int p = 0; p < _d; p++) _model.Unary[p][i].CopyTo(_table[p][i], 0);
        }
        var terms = _model.Terms;
        _share = _shareStack[depth];
        var parent = depth > 0 ? _shareStack[depth - 1] : null;
        _open.Clear();
        _penalties = 0;
        for (int t = 0; t < terms.Length; t++)
        {
            if (_dead[t] > 0) continue;
            var term = terms[t];
            int free = term.Issues.Length - _satisfied[t];
            if (free == 0) continue;
            if (term.Weight < 0 && free > 1)
            {
                _penalties++; // a penalty that may yet be avoided: 0 is an upper bound
                continue;
            }
            var rows = _table[term.Party];
            var shares = _share[t];
            // Warm start: the parent's balanced shares on the issues still free, plus an even part of what the parent
            // had put on issues fixed since (a penalty or a root node starts even).
            double kept = 0;
            bool warm = parent is not null && term.Weight > 0;
            if (warm)
                for (int b = 0; b < term.Issues.Length; b++)
                    if (_assigned[term.Issues[b]] < 0) kept += parent![t][b];
            double extra = warm ? (term.Weight - kept) / free : term.Weight / free;
            for (int b = 0; b < term.Issues.Length; b++)
            {
                int issue = term.Issues[b];
                if (_assigned[issue] >= 0) continue;
                double share = (warm ? parent![t][b] : 0) + extra;
                shares[b] = share;
                Add(rows[issue], _insideClasses[t][b], share);
            }
            if (free > 1) _open.Add(t);
        }
        for (int pass = 0; pass < RebalancePasses; pass++)
            foreach (int t in _open) Rebalance(t, _table[terms[t].Party], _share[t], terms[t].Weight);
    }

    /// <summary>Coordinate-descent passes over the rectangle shares per node.</summary>
    private const int RebalancePasses = 1;

    /// <summary>Moves term <paramref name="t"/>'s shares (summing to <paramref name="w"/>) in <paramref name="rows"/> to where they raise no maximum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private void Rebalance(int t, double[][] rows, double[] shares, double w)
    {
        var term = _model.Terms[t];
        var insideClasses = _insideClasses[t];
        Span<double> slack = stackalloc double[term.Issues.Length];
        double totalSlack = 0;
        int free = 0;
        for (int b = 0; b < term.Issues.Length; b++)
        {
            int issue = term.Issues[b];
            if (_assigned[issue] >= 0) { slack[b] = -1; continue; }
            free++;
            var row = rows[issue];
            double share = shares[b], within = double.NegativeInfinity;
            foreach (int c in insideClasses[b])
            {
                double x = row[c] - share;
                row[c] = x;
                if (x > within) within = x;
            }
            slack[b] = Max(row) - within;
            totalSlack += slack[b];
        }
        for (int b = 0; b < term.Issues.Length; b++)
        {
            if (slack[b] < 0) continue;
            double share = w <= totalSlack ? (totalSlack > 0 ? w * slack[b] / totalSlack : w / free) : slack[b] + (w - totalSlack) / free;
            shares[b] = share;
            Add(rows[term.Issues[b]], insideClasses[b], share);
        }
    }

    private static void Add(double[] row, int[] inside, double amount)
    {
        foreach (int c in inside) row[c] += amount;
    }

    /// <summary>The largest score of <paramref name="party"/> reachable, rounded down for integral parties.</summary>
    private double Floor(int party, double bound) => _model.Integral[party] ? Math.Floor(bound + IntegralSlack) : bound;

    /// <summary>The least score above <paramref name="score"/> that counts as more.</summary>
    private double Above(int party, double score) => _model.Integral[party] ? score + 1 - IntegralSlack : score + RealTolerance;

    private bool Prunable() => _d == 2 ? !BuildChain() || !ChainReachesCorner() : IdealDominated();

    private bool IdealDominated()
    {
        for (int p = 0; p < _d; p++) _vector[p] = Math.Min(Floor(p, _fixed[p] + FreeMaximum(p)), _model.Norm[p]);
        for (int e = 0; e < _archive.Count; e++)
        {
            bool covers = true;
            for (int p = 0; p < _d && covers; p++) covers = _archive.Utility(e, p) >= _vector[p];
            if (covers) return true;
        }
        return false;
    }

    private double FreeMaximum(int party)
    {
        double sum = 0;
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            sum += Max(_table[party][i]);
        }
        return sum;
    }

    /// <summary>
    /// Two parties: the upper-right convex chain of fixed + Σ per-issue points, from the largest A (then largest B) to the
    /// largest B (then largest A), into <see cref="_chain"/>. Returns true (always non-empty).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private bool BuildChain()
    {
        _edges.Clear();
        double startA = _fixed[0], startB = _fixed[1];
        var rowsA = _table[0];
        var rowsB = _table[1];
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            var a = rowsA[i];
            var b = rowsB[i];
            int m = a.Length;
            var points = _issuePoints.AsSpan(0, m);
            for (int c = 0; c < m; c++)
            {
                // Insertion sort (at most a few classes): A descending, then B descending.
                var q = (A: a[c], B: b[c]);
                int at = c;
                while (at > 0 && (points[at - 1].A < q.A || (points[at - 1].A == q.A && points[at - 1].B < q.B)))
                {
                    points[at] = points[at - 1];
                    at--;
                }
                points[at] = q;
            }
            // Staircase (B strictly rising as A falls), then keep the concave part.
            int h = 0;
            for (int c = 0; c < m; c++)
            {
                var q = points[c];
                if (h > 0 && q.B <= points[h - 1].B) continue;
                while (h >= 2 && Cross(points[h - 2], points[h - 1], q) <= 0) h--;
                points[h++] = q;
            }
            startA += points[0].A;
            startB += points[0].B;
            for (int c = 1; c < h; c++) _edges.Add((points[c].A - points[c - 1].A, points[c].B - points[c - 1].B));
        }
        // Steepest gain in B per A given up first.
        _edges.Sort(static (x, y) => (y.DB * -x.DA).CompareTo(x.DB * -y.DA));
        _chain.Clear();
        _chain.Add((startA, startB));
        double ca = startA, cb = startB;
        foreach (var (da, db) in _edges)
        {
            ca += da;
            cb += db;
            _chain.Add((ca, cb));
        }
        return true;
    }

    /// <summary>Positive when o→p→q turns left (counter-clockwise).</summary>
    private static double Cross((double A, double B) o, (double A, double B) p, (double A, double B) q) =>
        (p.A - o.A) * (q.B - o.B) - (p.B - o.B) * (q.A - o.A);

    /// <summary>The largest B of the chain's region among points with A ≥ <paramref name="a"/> (−∞ if none).</summary>
    private double ChainB(double a)
    {
        if (a > _chain[0].A) return double.NegativeInfinity;
        var last = _chain[^1];
        if (a <= last.A) return last.B;
        int lo = 0, hi = _chain.Count - 1; // _chain[lo].A >= a > _chain[hi].A
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (_chain[mid].A >= a) lo = mid; else hi = mid;
        }
        var (a0, b0) = _chain[lo];
        var (a1, b1) = _chain[hi];
        return b0 + (b1 - b0) * (a0 - a) / (a0 - a1);
    }

    /// <summary>True when the chain's region holds a point not weakly dominated by the archive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private bool ChainReachesCorner()
    {
        int count = _archive.Count;
        double normA = _model.Norm[0], normB = _model.Norm[1];
        if (count == 0) return true;
        _boundStamp++;
        // Corners of the staircase (entries by A descending, B ascending): A above entry 0; A above entry k+1 and
        // B above entry k; B above the last entry.
        for (int k = -1; k < count; k++)
        {
            double a = k + 1 < count ? _archive.Utility(k + 1, 0) : double.NegativeInfinity;
            double b = k >= 0 ? _archive.Utility(k, 1) : double.NegativeInfinity;
            if (a >= normA || b >= normB) continue;
            double needA = double.IsNegativeInfinity(a) ? double.NegativeInfinity : Above(0, a);
            double needB = double.IsNegativeInfinity(b) ? double.NegativeInfinity : Above(1, b);
            if (ChainB(needA) >= needB && !WeightedBoundRefutes(needA, needB)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when no completion reaches scores (≥ <paramref name="needA"/>, ≥ <paramref name="needB"/>), shown by a bound
    /// on wa·A + wb·B whose shares are rebalanced for that weighted sum (the direction of the chain where the corner
    /// lies). Tighter than the chain, whose shares are balanced for each party alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private bool WeightedBoundRefutes(double needA, double needB)
    {
        double wa, wb;
        int direction;
        if (double.IsNegativeInfinity(needB)) (wa, wb, direction) = (1, 0, 0);
        else if (double.IsNegativeInfinity(needA) || needA <= _chain[^1].A) (wa, wb, direction) = (0, 1, 1);
        else
        {
            int lo = 0, hi = _chain.Count - 1;
            while (hi - lo > 1)
            {
                int mid = (lo + hi) >>> 1;
                if (_chain[mid].A >= needA) lo = mid; else hi = mid;
            }
            double scale = Math.Max(_chain[lo].A - _chain[hi].A, _chain[hi].B - _chain[lo].B);
            (wa, wb, direction) = ((_chain[hi].B - _chain[lo].B) / scale, (_chain[lo].A - _chain[hi].A) / scale, 2 + lo);
        }
        double need = (wa > 0 ? wa * needA : 0) + (wb > 0 ? wb * needB : 0);
        if (direction >= _directionStamp.Length)
        {
            Array.Resize(ref _directionStamp, Math.Max(direction + 1, 2 * _directionStamp.Length));
            Array.Resize(ref _directionBound, _directionStamp.Length);
        }
        double bound;
        if (_directionStamp[direction] == _boundStamp) bound = _directionBound[direction];
        else
        {
            bound = WeightedBound(wa, wb);
            _directionBound[direction] = bound;
            _directionStamp[direction] = _boundStamp;
        }
        return bound < need - RealTolerance * Math.Max(1, Math.Abs(need));
    }

    /// <summary>An upper bound on wa·A + wb·B over the completions of the node, shares rebalanced for that direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first node: no tier-0 code
    private double WeightedBound(double wa, double wb)
    {
        var terms = _model.Terms;
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            var row = _combined[i];
            var a = _table[0][i];
            var b = _table[1][i];
            for (int c = 0; c < a.Length; c++) row[c] = wa * a[c] + wb * b[c];
        }
        foreach (int t in _open)
        {
            double w = terms[t].Party == 0 ? wa : wb;
            var from = _share[t];
            var to = _combinedShare[t];
            for (int k = 0; k < from.Length; k++) to[k] = w * from[k];
        }
        for (int pass = 0; pass < RebalancePasses; pass++)
            foreach (int t in _open)
            {
                var term = terms[t];
                double w = (term.Party == 0 ? wa : wb) * term.Weight;
                if (w != 0) Rebalance(t, _combined, _combinedShare[t], w);
            }
        double bound = wa * _fixed[0] + wb * _fixed[1];
        for (int i = 0; i < _n; i++)
        {
            if (_assigned[i] >= 0) continue;
            bound += Max(_combined[i]);
        }
        return bound;
    }

    /// <summary>The gap bound of the subtree below the current assignment (not explored).</summary>
    private double UnexploredGap(int depth)
    {
        FillTables(depth);
        if (_d != 2)
        {
            for (int p = 0; p < _d; p++) _vector[p] = Math.Min(Floor(p, _fixed[p] + FreeMaximum(p)), _model.Norm[p]);
            return Excess(_vector);
        }
        BuildChain();
        double gap = double.NegativeInfinity;
        for (int j = 0; j < _chain.Count; j++)
        {
            // Box corner of the segment j..j+1 (A of its start, B of its end) dominates the whole segment.
            _vector[0] = Math.Min(Floor(0, _chain[j].A), _model.Norm[0]);
            _vector[1] = Math.Min(Floor(1, _chain[Math.Min(j + 1, _chain.Count - 1)].B), _model.Norm[1]);
            gap = Math.Max(gap, Excess(_vector));
        }
        return gap;
    }

    /// <summary>min over archive entries of max over parties of (score − entry) / norm: how far the point beats the archive.</summary>
    private double Excess(double[] scores)
    {
        double best = double.PositiveInfinity;
        for (int e = 0; e < _archive.Count; e++)
        {
            double worst = double.NegativeInfinity;
            for (int p = 0; p < _d; p++) worst = Math.Max(worst, (scores[p] - _archive.Utility(e, p)) / _model.Norm[p]);
            best = Math.Min(best, worst);
        }
        return double.IsPositiveInfinity(best) ? scores.Select((s, p) => s / _model.Norm[p]).Max() : best;
    }
}

/// <summary>
/// When a frontier computation stops: <see cref="Time"/> after the budget was made (a wall-clock deadline shared by every
/// step of one analysis: the seeding search and the branch and bound), or after <see cref="NodeLimit"/> branch-and-bound
/// nodes, whichever comes first.
/// </summary>
internal sealed record FrontierBudget(TimeSpan? Time, long? NodeLimit, TimeProvider Clock)
{
    /// <summary>The deadline, in <see cref="Clock"/> timestamps (<see cref="long.MaxValue"/> without a time budget).</summary>
    public long Deadline { get; } = Time is { } time ? Clock.GetTimestamp() + (long)Math.Min(time.TotalSeconds * Clock.TimestampFrequency, long.MaxValue / 4) : long.MaxValue;

    /// <summary>True once the deadline has passed.</summary>
    public bool Passed => Deadline != long.MaxValue && Clock.GetTimestamp() > Deadline;

    /// <summary>The budget of <paramref name="options"/>, its clock starting now.</summary>
    public static FrontierBudget Of(AnalysisOptions options) => new(options.Budget, options.NodeLimit, options.Clock);
}
