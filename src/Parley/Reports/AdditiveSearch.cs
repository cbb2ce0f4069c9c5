using System.Numerics;
using Parley.Preferences;

namespace Parley.Reports;

/// <summary>
/// Exact counting and optimisation over a box of issue values (one allowed-value list per issue) for additive
/// functions f(x) = min(cap_f, Σ_i table_f[i][x_i]), under rules over combinations (<see cref="SlotRule"/>), without
/// enumerating the box. A depth-first search over issues keeps, for every function, the partial sum of the issues set
/// so far and the least and greatest sums the unset issues can still add (per-issue minima and maxima over their
/// allowed values): a subtree that cannot reach a threshold is pruned; a subtree entirely above every threshold counts
/// as the number of its rule-abiding completions (the product of the remaining sizes once no rule is left to check).
/// Issues read by a rule are searched first, so each rule is checked as soon as its last slot is set. Besides each
/// function's own bounds, nonnegative combinations Σ w_f·f are bounded too (the greatest Σ w_f·term per issue): no
/// package of a subtree can meet every threshold when some combination cannot reach Σ w_f·threshold, and a least
/// margin, a Nash product (weighted AM–GM) or a sum cannot exceed what the combinations allow. Below the last rule,
/// the count of a subtree depends only on its depth and partial sums, so it is memoised on them (see <see cref="Count"/>
/// for why reuse is exact). Maximisation is branch and bound with the same bounds. Every result is exact:
/// bounds only prune subtrees that provably contain no counted package or no better one; ties are compared with
/// <see cref="ZoneCalculator.TieTolerance"/> as in the zone.
/// </summary>
internal sealed class AdditiveSearch
{
    private readonly int[] _order;          // depth -> issue
    private readonly int[][] _values;       // depth -> allowed value indices
    private readonly double[][][] _tables;  // function -> depth -> per allowed value (same order as _values)
    private readonly double[] _caps;        // function -> cap
    private readonly double[][] _sufMin, _sufMax; // function -> depth -> Σ over depths ≥ d of min/max
    private readonly SlotRule[][] _rulesAt; // depth -> rules whose last slot is set at that depth
    private readonly int _lastRuleDepth;    // deepest depth at which a rule is checked (−1 without rules)
    private readonly BigInteger[] _sufCount; // depth -> Π over depths ≥ d of allowed counts
    private readonly int _issueCount;

    /// <param name="issueCount">Issues of the space (the length of a package).</param>
    /// <param name="allowed">Per issue, its allowed value indices; an issue left out of the search (e.g. a relaxed one) has null and takes <paramref name="fill"/>'s value.</param>
    /// <param name="rules">Rules every counted or returned package keeps.</param>
    /// <param name="tables">Per function, per issue, the term of each value index (already weighted and discounted).</param>
    /// <param name="caps">Per function, the cap of its sum (1 for a utility, its discount factor when discounted).</param>
    /// <param name="fill">Values of the issues left out of the search (may be null when none is).</param>
    public AdditiveSearch(int issueCount, int[]?[] allowed, IReadOnlyList<SlotRule> rules, double[][][] tables, double[] caps, int[]? fill = null)
    {
        _issueCount = issueCount;
        Fill = fill ?? new int[issueCount];
        var searched = Enumerable.Range(0, issueCount).Where(i => allowed[i] is not null).ToArray();
        var ruleSlots = new HashSet<int>(rules.SelectMany(r => r.Slots).Where(s => allowed[s] is not null));
        // Rule slots first (grouped by the rule that reads them), then by descending spread over the functions.
        double Spread(int i) => tables.Length == 0 ? 0 : tables.Max(t => allowed[i]!.Length == 0 ? 0 : allowed[i]!.Max(v => t[i][v]) - allowed[i]!.Min(v => t[i][v]));
        var first = new List<int>();
        foreach (var r in rules) foreach (int s in r.Slots) if (ruleSlots.Contains(s) && !first.Contains(s)) first.Add(s);
        _order = [.. first, .. searched.Where(i => !ruleSlots.Contains(i)).OrderByDescending(Spread).ThenBy(i => i)];
        int n = _order.Length;
        _values = [.. _order.Select(i => allowed[i]!)];
        _tables = [.. tables.Select(t => _order.Select((i, d) => _values[d].Select(v => t[i][v]).ToArray()).ToArray())];
        _caps = caps;
        _sufMin = new double[tables.Length][];
        _sufMax = new double[tables.Length][];
        for (int f = 0; f < tables.Length; f++)
        {
            _sufMin[f] = new double[n + 1];
            _sufMax[f] = new double[n + 1];
            for (int d = n - 1; d >= 0; d--)
            {
                var row = _tables[f][d];
                _sufMin[f][d] = _sufMin[f][d + 1] + (row.Length == 0 ? 0 : row.Min());
                _sufMax[f][d] = _sufMax[f][d + 1] + (row.Length == 0 ? 0 : row.Max());
            }
        }
        var depthOf = new int[issueCount];
        Array.Fill(depthOf, -1);
        for (int d = 0; d < n; d++) depthOf[_order[d]] = d;
        var at = Enumerable.Range(0, n).Select(_ => new List<SlotRule>()).ToArray();
        _lastRuleDepth = -1;
        foreach (var r in rules)
        {
            int depth = r.Slots.Select(s => depthOf[s]).DefaultIfEmpty(-1).Max();
            if (depth < 0)
            {
                // Every slot it reads is outside the search: it holds or fails for the whole box.
                if (r.Breaks(Fill)) Empty = true;
                continue;
            }
            at[depth].Add(r);
            _lastRuleDepth = Math.Max(_lastRuleDepth, depth);
        }
        _rulesAt = [.. at.Select(l => l.ToArray())];
        _sufCount = new BigInteger[n + 1];
        _sufCount[n] = BigInteger.One;
        for (int d = n - 1; d >= 0; d--) _sufCount[d] = _sufCount[d + 1] * _values[d].Length;
        if (_values.Any(v => v.Length == 0)) Empty = true;
    }

    /// <summary>Values of the issues outside the search.</summary>
    public int[] Fill { get; }

    /// <summary>True when no package of the box keeps the rules for certain (an issue without values, or a rule broken outside the search).</summary>
    public bool Empty { get; }

    /// <summary>Number of functions.</summary>
    public int Functions => _tables.Length;

    private bool Reaches(int f, double sum, double threshold) => ZoneCalculator.Reaches(Math.Min(_caps[f], sum), threshold);

    /// <summary>Bounds of nonnegative combinations of some functions: per weight vector, Σ over depths ≥ d of max over allowed values of Σ w_f·term.</summary>
    private sealed class Combinations
    {
        public required int[] Functions { get; init; }
        public required double[][] Weights { get; init; }   // vector -> per entry of Functions
        public required double[][] SufMax { get; init; }    // vector -> depth
    }

    private Combinations Combine(int[] functions)
    {
        int k = functions.Length;
        var weights = new List<double[]>();
        if (k == 2)
            for (int j = 1; j <= 9; j++) weights.Add([j / 10.0, 1 - j / 10.0]);
        else if (k > 2)
        {
            weights.Add([.. Enumerable.Repeat(1.0 / k, k)]);
            for (int a = 0; a < k; a++)
                for (int b = a + 1; b < k; b++)
                {
                    var w = new double[k];
                    w[a] = w[b] = 0.5;
                    weights.Add(w);
                }
        }
        if (k >= 1) weights.Add([.. Enumerable.Repeat(1.0, k)]); // the plain sum (welfare)
        int n = _order.Length;
        var suf = new double[weights.Count][];
        for (int w = 0; w < weights.Count; w++)
        {
            suf[w] = new double[n + 1];
            for (int d = n - 1; d >= 0; d--)
            {
                double best = double.NegativeInfinity;
                for (int v = 0; v < _values[d].Length; v++)
                {
                    double x = 0;
                    for (int j = 0; j < k; j++) x += weights[w][j] * _tables[functions[j]][d][v];
                    best = Math.Max(best, x);
                }
                suf[w][d] = suf[w][d + 1] + (_values[d].Length == 0 ? 0 : best);
            }
        }
        return new Combinations { Functions = functions, Weights = [.. weights], SufMax = suf };
    }

    /// <summary>
    /// How close to the tie boundary a decision may come and still be reused for a state whose partial sums differ by
    /// less than this (see <see cref="Count"/>): a tenth of <see cref="ZoneCalculator.TieTolerance"/>.
    /// </summary>
    private const double Quantum = ZoneCalculator.TieTolerance / 10;

    /// <summary>Whether margin m (reached when m ≥ 0) decides the same for every shift below <see cref="Quantum"/>; clears <paramref name="robust"/> when not.</summary>
    private static bool Decide(double m, ref bool robust)
    {
        if (Math.Abs(m) < Quantum) robust = false;
        return m >= 0;
    }

    private bool ReachesRobust(int f, double sum, double threshold, ref bool robust) =>
        Decide(Math.Min(_caps[f], sum) - threshold + ZoneCalculator.TieTolerance, ref robust);

    /// <summary>False when some function or combination of <paramref name="constrained"/> provably cannot reach its threshold below depth d.</summary>
    private bool CanReach(int d, double[] p, int[] constrained, double[] thresholds, Combinations? combos)
    {
        bool robust = true;
        return CanReach(d, p, constrained, thresholds, combos, ref robust);
    }

    private bool CanReach(int d, double[] p, int[] constrained, double[] thresholds, Combinations? combos, ref bool robust)
    {
        for (int c = 0; c < constrained.Length; c++)
        {
            int f = constrained[c];
            if (!ReachesRobust(f, p[f] + _sufMax[f][d], thresholds[c], ref robust)) return false;
        }
        if (combos is null) return true;
        for (int w = 0; w < combos.Weights.Length; w++)
        {
            var weights = combos.Weights[w];
            double x = combos.SufMax[w][d], total = 0;
            for (int c = 0; c < constrained.Length; c++)
            {
                x += weights[c] * (p[constrained[c]] - thresholds[c]);
                total += weights[c];
            }
            if (!Decide((x + ZoneCalculator.TieTolerance * total) / total, ref robust)) return false;
        }
        return true;
    }

    /// <summary>
    /// Packages of the box that keep every rule and give each function in <paramref name="constrained"/> at least its
    /// threshold (ties counted). Below the last rule a subtree's count is memoised on its depth and partial sums rounded
    /// to <see cref="Quantum"/>, and only when every decision under it cleared the tie boundary by at least that much:
    /// a state whose sums differ by less then takes every decision the same way, so reusing the count is exact.
    /// </summary>
    public BigInteger Count(int[] constrained, double[] thresholds)
    {
        if (Empty) return BigInteger.Zero;
        var values = (int[])Fill.Clone();
        var partial = new double[_order.Length + 1][];
        for (int d = 0; d <= _order.Length; d++) partial[d] = new double[_tables.Length];
        var combos = constrained.Length >= 2 ? Combine(constrained) : null;
        var memo = new Dictionary<MemoKey, BigInteger>();
        _suffix = SuffixPoints(constrained);
        return CountFrom(0, constrained, thresholds, combos, values, partial, memo, false, out _);
    }

    /// <summary>Largest number of completions listed once for a count (see <see cref="SuffixPoints"/>).</summary>
    private const int SuffixLimit = 1 << 15;

    /// <summary>The depth from which completions are listed, and per completion the constrained functions' sums (point-major), sorted by the first function's sum, descending.</summary>
    private (int Depth, double[] Points, int Count)? _suffix;

    /// <summary>
    /// Below the last rule, the completions of the last issues (at most <see cref="SuffixLimit"/> of them) listed once
    /// with their sums: a node at that depth counts the completions that reach every threshold by one scan, instead of
    /// a search per node.
    /// </summary>
    private (int Depth, double[] Points, int Count)? SuffixPoints(int[] constrained)
    {
        int n = _order.Length, depth = n;
        long product = 1;
        while (depth - 1 > _lastRuleDepth && product * _values[depth - 1].Length <= SuffixLimit)
        {
            depth--;
            product *= _values[depth].Length;
        }
        if (depth >= n - 1 || constrained.Length == 0) return null;
        int k = constrained.Length, count = (int)product;
        var points = new double[count * k];
        var index = new int[n - depth];
        for (int q = 0; q < count; q++)
        {
            for (int c = 0; c < k; c++)
            {
                double sum = 0;
                for (int j = 0; j < index.Length; j++) sum += _tables[constrained[c]][depth + j][index[j]];
                points[q * k + c] = sum;
            }
            for (int j = index.Length - 1; j >= 0; j--)
            {
                if (++index[j] < _values[depth + j].Length) break;
                index[j] = 0;
            }
        }
        var order = Enumerable.Range(0, count).OrderByDescending(q => points[q * k]).ToArray();
        var sorted = new double[points.Length];
        for (int q = 0; q < count; q++) Array.Copy(points, order[q] * k, sorted, q * k, k);
        return (depth, sorted, count);
    }

    /// <summary>Completions in the listed suffix that reach every threshold from partial sums p (ties counted, caps honoured).</summary>
    private long ScanSuffix(double[] p, int[] constrained, double[] thresholds, ref bool robust)
    {
        var (_, points, count) = _suffix!.Value;
        int k = constrained.Length;
        long hits = 0;
        for (int q = 0; q < count; q++)
        {
            int at = q * k;
            // Sorted by the first sum: once it falls short, every later point does, by at least as much.
            if (!ReachesRobust(constrained[0], p[constrained[0]] + points[at], thresholds[0], ref robust)) break;
            bool all = true;
            for (int c = 1; c < k && all; c++) all = ReachesRobust(constrained[c], p[constrained[c]] + points[at + c], thresholds[c], ref robust);
            if (all) hits++;
        }
        return hits;
    }

    private readonly record struct MemoKey(int Depth, long A, long B, long C, long D);

    private const int MemoLimit = 4_000_000;

    private static long Bucket(double x) => (long)Math.Round(x / Quantum);

    private BigInteger CountFrom(int d, int[] constrained, double[] thresholds, Combinations? combos, int[] values, double[][] partial, Dictionary<MemoKey, BigInteger> memo, bool inside, out bool robust)
    {
        robust = true;
        var p = partial[d];
        if (!inside)
        {
            if (!CanReach(d, p, constrained, thresholds, combos, ref robust)) return BigInteger.Zero;
            bool all = true;
            for (int c = 0; c < constrained.Length && all; c++)
                all = ReachesRobust(constrained[c], p[constrained[c]] + _sufMin[constrained[c]][d], thresholds[c], ref robust);
            inside = all;
        }
        if (inside && d > _lastRuleDepth) return _sufCount[d];
        if (d == _order.Length) return BigInteger.One;
        if (_suffix is { } suffix && d == suffix.Depth) return ScanSuffix(p, constrained, thresholds, ref robust);
        bool memoised = !inside && d > _lastRuleDepth && constrained.Length <= 4
            && constrained.All(f => Math.Abs(p[f]) < 1e5);
        MemoKey key = default;
        if (memoised)
        {
            key = new MemoKey(d,
                constrained.Length > 0 ? Bucket(p[constrained[0]]) : 0, constrained.Length > 1 ? Bucket(p[constrained[1]]) : 0,
                constrained.Length > 2 ? Bucket(p[constrained[2]]) : 0, constrained.Length > 3 ? Bucket(p[constrained[3]]) : 0);
            if (robust && memo.TryGetValue(key, out var known)) return known;
        }
        int issue = _order[d];
        var vals = _values[d];
        var rules = _rulesAt[d];
        var next = partial[d + 1];
        BigInteger total = BigInteger.Zero;
        for (int k = 0; k < vals.Length; k++)
        {
            values[issue] = vals[k];
            if (Breaks(rules, values)) continue;
            if (!inside) for (int f = 0; f < _tables.Length; f++) next[f] = p[f] + _tables[f][d][k];
            total += CountFrom(d + 1, constrained, thresholds, combos, values, partial, memo, inside, out bool childRobust);
            robust &= childRobust;
        }
        values[issue] = Fill[issue];
        if (memoised && robust && memo.Count < MemoLimit) memo[key] = total;
        return total;
    }

    private static bool Breaks(SlotRule[] rules, int[] values)
    {
        foreach (var r in rules) if (r.Breaks(values)) return true;
        return false;
    }

    /// <summary>What <see cref="Maximise"/> maximises.</summary>
    public enum Goal
    {
        /// <summary>min over the functions of (f − reserved): the zone's gap.</summary>
        LeastMargin,

        /// <summary>Π over the functions of max(f − reserved, 0): the Nash product.</summary>
        NashProduct,

        /// <summary>Σ over the functions: welfare.</summary>
        Sum,

        /// <summary>The one function's value.</summary>
        Single,
    }

    /// <summary>An objective: a goal over some functions with their reserved values (ignored by <see cref="Goal.Sum"/> and <see cref="Goal.Single"/>).</summary>
    public sealed record Objective(Goal Goal, int[] Functions, double[] Reserved)
    {
        /// <summary>The objective of a package from every function's (capped) value.</summary>
        public double Value(ReadOnlySpan<double> u)
        {
            switch (Goal)
            {
                case Goal.LeastMargin:
                    double m = double.PositiveInfinity;
                    for (int k = 0; k < Functions.Length; k++) m = Math.Min(m, u[Functions[k]] - Reserved[k]);
                    return m;
                case Goal.NashProduct:
                    double p = 1;
                    for (int k = 0; k < Functions.Length; k++) p *= Math.Max(u[Functions[k]] - Reserved[k], 0);
                    return p;
                case Goal.Sum:
                    double s = 0;
                    foreach (int f in Functions) s += u[f];
                    return s;
                default:
                    return u[Functions[0]];
            }
        }
    }

    /// <summary>The gap: least margin over <paramref name="functions"/>.</summary>
    public static Objective LeastMargin(int[] functions, double[] reserved) => new(Goal.LeastMargin, functions, reserved);

    /// <summary>The Nash product over <paramref name="functions"/>.</summary>
    public static Objective NashProduct(int[] functions, double[] reserved) => new(Goal.NashProduct, functions, reserved);

    /// <summary>The sum of <paramref name="functions"/>.</summary>
    public static Objective Sum(int[] functions) => new(Goal.Sum, functions, new double[functions.Length]);

    /// <summary>One function.</summary>
    public static Objective Single(int function) => new(Goal.Single, [function], [0]);

    /// <summary>An upper bound of the objective below depth d (each function's capped greatest value, and the combinations).</summary>
    private double Bound(Objective o, int d, double[] p, double[] hi, Combinations? combos)
    {
        double bound = o.Value(hi);
        if (combos is null || o.Goal == Goal.Single) return bound;
        var fs = o.Functions;
        for (int w = 0; w < combos.Weights.Length; w++)
        {
            var weights = combos.Weights[w];
            double x = combos.SufMax[w][d], total = 0, logW = 0;
            bool interior = true;
            for (int j = 0; j < fs.Length; j++)
            {
                x += weights[j] * (p[fs[j]] - o.Reserved[j]);
                total += weights[j];
                if (weights[j] <= 0) interior = false;
                else logW += Math.Log(weights[j]);
            }
            switch (o.Goal)
            {
                case Goal.LeastMargin:
                    bound = Math.Min(bound, x / total);
                    break;
                case Goal.Sum:
                    if (weights.All(v => v == 1.0)) bound = Math.Min(bound, x);
                    break;
                case Goal.NashProduct:
                    // Inside the zone every gain is ≥ −tolerance, so Σ w·max(gain, 0) ≤ x + tolerance·Σw; weighted AM–GM.
                    if (!interior) break;
                    double s = Math.Max(0, x + ZoneCalculator.TieTolerance * total) / fs.Length;
                    bound = Math.Min(bound, s <= 0 ? 0 : Math.Exp(fs.Length * Math.Log(s) - logW));
                    break;
            }
        }
        return bound;
    }

    /// <summary>
    /// Least gain a subtree must be able to add to the best value found for the search to enter it: values within it of
    /// the best are ties (like <see cref="ZoneCalculator.TieTolerance"/>, it lies above rounding and below any difference
    /// of values given to four decimals), so a plateau of equal packages is not searched package by package.
    /// </summary>
    internal const double Improvement = 1e-12;

    /// <summary>
    /// The package of the box that keeps every rule, gives each function in <paramref name="constrained"/> at least its
    /// threshold, and maximises <paramref name="objective"/> (to within <see cref="Improvement"/>; the first found among
    /// equals, in search order); null when there is none.
    /// </summary>
    public (double Value, int[] Package)? Maximise(Objective objective, int[] constrained, double[] thresholds)
    {
        if (Empty) return null;
        var values = (int[])Fill.Clone();
        var partial = new double[_order.Length + 1][];
        for (int d = 0; d <= _order.Length; d++) partial[d] = new double[_tables.Length];
        var state = new MaxState(objective, constrained, thresholds, new double[_tables.Length],
            constrained.Length >= 2 ? Combine(constrained) : null,
            objective.Goal != Goal.Single && objective.Functions.Length >= 1 ? Combine(objective.Functions) : null)
        {
            Relevant = [.. objective.Functions.Concat(constrained).Distinct()],
        };
        MaxFrom(0, state, values, partial);
        return state.Best is null ? null : (state.BestValue, state.Best);
    }

    private sealed class MaxState(Objective objective, int[] constrained, double[] thresholds, double[] scratch, Combinations? constraintCombos, Combinations? objectiveCombos)
    {
        public Objective Objective { get; } = objective;
        public int[] Constrained { get; } = constrained;
        public double[] Thresholds { get; } = thresholds;
        public double[] Scratch { get; } = scratch;
        public Combinations? ConstraintCombos { get; } = constraintCombos;
        public Combinations? ObjectiveCombos { get; } = objectiveCombos;
        public double BestValue { get; set; } = double.NegativeInfinity;
        public int[]? Best { get; set; }

        /// <summary>The functions the objective and the thresholds read (the state of a subtree below the last rule).</summary>
        public int[] Relevant { get; init; } = [];

        /// <summary>States already searched below the last rule (depth and relevant partial sums, rounded to <see cref="Quantum"/>).</summary>
        public HashSet<MemoKey> Seen { get; } = [];
    }

    private void MaxFrom(int d, MaxState s, int[] values, double[][] partial)
    {
        var p = partial[d];
        if (!CanReach(d, p, s.Constrained, s.Thresholds, s.ConstraintCombos)) return;
        var u = s.Scratch;
        if (d == _order.Length)
        {
            for (int f = 0; f < u.Length; f++) u[f] = Math.Min(_caps[f], p[f]);
            double v = s.Objective.Value(u);
            if (v > s.BestValue + Improvement || s.Best is null) { s.BestValue = v; s.Best = (int[])values.Clone(); }
            return;
        }
        if (s.Best is not null)
        {
            for (int f = 0; f < u.Length; f++) u[f] = Math.Min(_caps[f], p[f] + _sufMax[f][d]);
            if (!(Bound(s.Objective, d, p, u, s.ObjectiveCombos) > s.BestValue + Improvement)) return;
        }
        // Below the last rule a subtree's best completion depends only on the relevant partial sums: a state searched
        // before (to within the quantum) cannot give a package better than the best found by more than rounding.
        if (d > _lastRuleDepth && s.Relevant.Length <= 4 && s.Seen.Count < MemoLimit)
        {
            var r = s.Relevant;
            var key = new MemoKey(d, r.Length > 0 ? Bucket(p[r[0]]) : 0, r.Length > 1 ? Bucket(p[r[1]]) : 0, r.Length > 2 ? Bucket(p[r[2]]) : 0, r.Length > 3 ? Bucket(p[r[3]]) : 0);
            if (!s.Seen.Add(key)) return;
        }
        int issue = _order[d];
        var vals = _values[d];
        var rules = _rulesAt[d];
        var next = partial[d + 1];
        // Most promising value first (by the objective's plain sum of terms), so good packages are found early.
        Span<int> order = vals.Length <= 64 ? stackalloc int[vals.Length] : new int[vals.Length];
        for (int k = 0; k < order.Length; k++) order[k] = k;
        if (vals.Length > 1)
        {
            var fs = s.Objective.Functions;
            Span<double> key = vals.Length <= 64 ? stackalloc double[vals.Length] : new double[vals.Length];
            for (int k = 0; k < vals.Length; k++)
            {
                double x = 0;
                foreach (int f in fs) x -= _tables[f][d][k];
                key[k] = x;
            }
            key.Sort(order);
        }
        foreach (int k in order)
        {
            values[issue] = vals[k];
            if (Breaks(rules, values)) continue;
            for (int f = 0; f < _tables.Length; f++) next[f] = p[f] + _tables[f][d][k];
            MaxFrom(d + 1, s, values, partial);
        }
        values[issue] = Fill[issue];
    }
}
