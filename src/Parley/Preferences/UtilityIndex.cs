using System.Runtime.CompilerServices;
using Parley.Analysis;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>How a <see cref="UtilityIndex"/> ranks outcomes.</summary>
public enum UtilityIndexKind
{
    /// <summary>Every outcome is tabulated and ranked: answers are exact.</summary>
    Table,
    /// <summary>
    /// An additive utility over a space too large to tabulate: a ladder of outcomes built by per-issue dynamic
    /// programming over a fine grid of utility sums, one outcome per reachable grid cell, without enumerating the space.
    /// Every achievable utility has a ladder outcome within <see cref="UtilityIndex.Resolution"/> of it.
    /// </summary>
    AdditiveLadder,
    /// <summary>A pool of outcomes found by a seeded search (random samples and coordinate ascent); no guarantee.</summary>
    SearchedPool,
}

/// <summary>
/// Outcomes ranked by one utility function, for fast "an outcome with utility ≥ x / closest to x" queries, at any size.
/// Spaces of at most <see cref="TabulationLimit"/> outcomes are tabulated and ranked exactly (queries are binary searches
/// over a flat array; outcomes are held as 4-byte indices). Larger spaces are never enumerated: an additive utility gets a
/// ladder built by per-issue dynamic programming (<see cref="UtilityIndexKind.AdditiveLadder"/>), any other utility a
/// seeded searched pool. Queries never allocate. Built once per utility function and shared read-only; thread-safe.
/// </summary>
public sealed class UtilityIndex
{
    /// <summary>Spaces up to this many outcomes are tabulated exactly.</summary>
    public const long TabulationLimit = 1 << 20;

    /// <summary>Utility evaluations the search may spend on a non-additive space too large to tabulate.</summary>
    public const int SearchEvaluations = 200_000;

    private static readonly ConditionalWeakTable<UtilityFunction, UtilityIndex> Cache = new();
    private static readonly ConditionalWeakTable<UtilityFunction, UtilityIndex>.CreateValueCallback Builder = Build;

    private readonly double[]? _table;
    private readonly int[]? _indexByRank;
    private readonly Outcome[]? _outcomeByRank;
    private readonly double[] _utilityByRank;

    private UtilityIndex(UtilityFunction function, UtilityIndexKind kind, double[]? table, int[]? indexByRank, Outcome[]? outcomeByRank, double[] utilityByRank, double resolution)
    {
        Function = function;
        Kind = kind;
        _table = table;
        _indexByRank = indexByRank;
        _outcomeByRank = outcomeByRank;
        _utilityByRank = utilityByRank;
        Resolution = resolution;
        if (outcomeByRank is not null)
        {
            // Ranked outcomes answer Utility by lookup rather than evaluation: value vectors by reference (the ones
            // OutcomeAt hands out), indices by value (decoding a 128-bit index costs a division per issue).
            _rankOfVector = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            _rankOfIndex = new Dictionary<Outcome, int>();
            for (int r = 0; r < outcomeByRank.Length; r++)
            {
                var o = outcomeByRank[r];
                if (o.VectorReference is { } vector) _rankOfVector.TryAdd(vector, r);
                else _rankOfIndex.TryAdd(o, r);
            }
        }
    }

    private readonly Dictionary<object, int>? _rankOfVector;
    private readonly Dictionary<Outcome, int>? _rankOfIndex;

    /// <summary>The index of <paramref name="function"/>, built on first use and cached for the function's lifetime.</summary>
    public static UtilityIndex For(UtilityFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Cache.GetValue(function, Builder);
    }

    /// <summary>The indexed utility function.</summary>
    public UtilityFunction Function { get; }

    /// <summary>How the outcomes are ranked.</summary>
    public UtilityIndexKind Kind { get; }

    /// <summary>True when every outcome of the space is ranked (answers are exact).</summary>
    public bool IsExact => Kind == UtilityIndexKind.Table;

    /// <summary>
    /// For <see cref="UtilityIndexKind.AdditiveLadder"/>: every achievable utility has a ranked outcome within this distance
    /// (so "closest to x" is at most this much farther from x than the true closest). 0 for a table; NaN for a searched pool.
    /// </summary>
    public double Resolution { get; }

    /// <summary>Number of ranked outcomes (the whole space when <see cref="IsExact"/>). Ranks go from 0 (worst) to Count − 1 (best).</summary>
    public int Count => _utilityByRank.Length;

    /// <summary>Highest utility among ranked outcomes (the maximum of the space when exact).</summary>
    public double MaxUtility => _utilityByRank[^1];

    /// <summary>Lowest utility among ranked outcomes.</summary>
    public double MinUtility => _utilityByRank[0];

    /// <summary>The best ranked outcome.</summary>
    public Outcome Best => OutcomeAt(Count - 1);

    /// <summary>
    /// Utility of any outcome of the space: a table lookup when exact, a lookup for ranked outcomes, an evaluation
    /// otherwise. No allocation.
    /// </summary>
    public double Utility(Outcome outcome)
    {
        if (_table is { } t) return t[checked((int)outcome.LowIndex)];
        if (outcome.VectorReference is { } vector)
        {
            if (_rankOfVector!.TryGetValue(vector, out int rank)) return _utilityByRank[rank];
        }
        else if (_rankOfIndex!.TryGetValue(outcome, out int rank))
        {
            return _utilityByRank[rank];
        }
        return Function.Utility(outcome);
    }

    /// <summary>The outcome of rank <paramref name="rank"/> (0 = worst).</summary>
    public Outcome OutcomeAt(int rank) => _indexByRank is { } indices ? new Outcome((uint)indices[rank]) : _outcomeByRank![rank];

    /// <summary>The utility of the outcome of rank <paramref name="rank"/>.</summary>
    public double UtilityAt(int rank) => _utilityByRank[rank];

    /// <summary>The lowest rank whose utility is ≥ <paramref name="x"/>; <see cref="Count"/> when none is.</summary>
    public int RankAtLeast(double x)
    {
        var u = _utilityByRank;
        int lo = 0, hi = u.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (u[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// As <see cref="RankAtLeast(double)"/>, searching outward from <paramref name="hint"/> (exponential then binary
    /// search): O(log d) for an answer d ranks from the hint, so successive queries that move little stay in cache.
    /// </summary>
    public int RankAtLeast(double x, int hint)
    {
        var u = _utilityByRank;
        int count = u.Length;
        if ((uint)hint >= (uint)count) return RankAtLeast(x);
        int lo, hi;
        if (u[hint] < x)
        {
            lo = hint + 1;
            int step = 1, probe = hint + 1;
            while (probe < count && u[probe] < x)
            {
                lo = probe + 1;
                step <<= 1;
                probe = hint + step;
            }
            hi = probe < count ? probe : count;
        }
        else
        {
            hi = hint;
            int step = 1, probe = hint - 1;
            while (probe >= 0 && u[probe] >= x)
            {
                hi = probe;
                step <<= 1;
                probe = hint - step;
            }
            lo = probe < 0 ? 0 : probe + 1;
        }
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (u[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The ranked outcome with the lowest utility ≥ <paramref name="x"/>, or the best outcome when none reaches x.</summary>
    public Outcome AtLeast(double x)
    {
        int rank = RankAtLeast(x);
        return OutcomeAt(rank < Count ? rank : Count - 1);
    }

    /// <summary>The ranked outcome whose utility is closest to <paramref name="x"/> (the higher one on a tie).</summary>
    public Outcome Closest(double x)
    {
        int rank = RankAtLeast(x);
        if (rank >= Count) return Best;
        if (rank > 0 && x - _utilityByRank[rank - 1] < _utilityByRank[rank] - x) rank--;
        return OutcomeAt(rank);
    }

    /// <summary>A ranked outcome drawn uniformly among those with utility ≥ <paramref name="x"/> (the best when none).</summary>
    public Outcome RandomAtLeast(Random random, double x)
    {
        int rank = RankAtLeast(x);
        if (rank >= Count) return Best;
        return OutcomeAt(random.Next(rank, Count));
    }

    private static UtilityIndex Build(UtilityFunction function)
    {
        var space = function.Space;
        if (!space.IsDiscrete) throw new NotSupportedException("The outcome space has a continuous issue; discretise it (give it steps) to rank outcomes.");
        if (space.IsEnumerable && space.Count <= TabulationLimit) return BuildTable(function);
        if (function is LinearAdditiveUtility additive)
        {
            var ladder = AdditiveLadder.Build(additive);
            return new UtilityIndex(function, UtilityIndexKind.AdditiveLadder, null, null, ladder.Outcomes, ladder.Utilities, ladder.Resolution);
        }
        var (outcomes, utilities) = SearchedPool.Build(function, SearchEvaluations);
        return new UtilityIndex(function, UtilityIndexKind.SearchedPool, null, null, outcomes, utilities, double.NaN);
    }

    private static UtilityIndex BuildTable(UtilityFunction function)
    {
        int count = (int)function.Space.Count;
        var table = new double[count];
        function.EvaluateAll(table);
        var keys = (double[])table.Clone();
        var byRank = new int[count];
        for (int i = 0; i < count; i++) byRank[i] = i;
        // Stable order among equal utilities (by outcome index): Array.Sort is introspective, so sort (utility, index) pairs.
        Array.Sort(keys, byRank);
        SortTiesByIndex(keys, byRank);
        return new UtilityIndex(function, UtilityIndexKind.Table, table, byRank, null, keys, 0);
    }

    private static void SortTiesByIndex(double[] keys, int[] byRank)
    {
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(byRank, start, end - start);
            start = end;
        }
    }
}
