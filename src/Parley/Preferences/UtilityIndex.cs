using System.Runtime.CompilerServices;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// Outcomes ranked by one utility function, for fast "an outcome with utility ≥ x / closest to x" queries.
/// For spaces of at most <see cref="TabulationLimit"/> outcomes every outcome is tabulated and ranked (exact; queries are a
/// binary search). Larger spaces (e.g. the ANAC 2014 10^10 and 10^30 spaces) are never enumerated: a seeded search
/// (random samples plus coordinate ascent from random starts) collects a pool of outcomes, ranked the same way
/// (<see cref="IsExact"/> is false). Built once per utility function and shared read-only; thread-safe.
/// </summary>
public sealed class UtilityIndex
{
    /// <summary>Spaces up to this many outcomes are tabulated exactly.</summary>
    public const long TabulationLimit = 1 << 20;

    /// <summary>Utility evaluations the search may spend on a space too large to tabulate.</summary>
    public const int SearchEvaluations = 200_000;

    private static readonly ConditionalWeakTable<UtilityFunction, UtilityIndex> Cache = new();
    private static readonly ConditionalWeakTable<UtilityFunction, UtilityIndex>.CreateValueCallback Builder = Build;

    private readonly double[]? _table;
    private readonly Outcome[] _byRank;
    private readonly double[] _utilityByRank;

    private UtilityIndex(UtilityFunction function, double[]? table, Outcome[] byRank, double[] utilityByRank)
    {
        Function = function;
        _table = table;
        _byRank = byRank;
        _utilityByRank = utilityByRank;
    }

    /// <summary>The index of <paramref name="function"/>, built on first use and cached for the function's lifetime.</summary>
    public static UtilityIndex For(UtilityFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Cache.GetValue(function, Builder);
    }

    /// <summary>The indexed utility function.</summary>
    public UtilityFunction Function { get; }

    /// <summary>True when every outcome of the space is ranked; false for a searched pool.</summary>
    public bool IsExact => _table is not null;

    /// <summary>Number of ranked outcomes (the whole space when <see cref="IsExact"/>). Ranks go from 0 (worst) to Count − 1 (best).</summary>
    public int Count => _byRank.Length;

    /// <summary>Highest utility among ranked outcomes (the maximum of the space when exact).</summary>
    public double MaxUtility => _utilityByRank[^1];

    /// <summary>Lowest utility among ranked outcomes.</summary>
    public double MinUtility => _utilityByRank[0];

    /// <summary>The best ranked outcome.</summary>
    public Outcome Best => _byRank[^1];

    /// <summary>Utility of any outcome of the space (table lookup when exact, evaluation otherwise). No allocation.</summary>
    public double Utility(Outcome outcome) => _table is { } t ? t[(int)(ulong)outcome.Index] : Function.Utility(outcome);

    /// <summary>The outcome of rank <paramref name="rank"/> (0 = worst).</summary>
    public Outcome OutcomeAt(int rank) => _byRank[rank];

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
        return _byRank[rank < _byRank.Length ? rank : _byRank.Length - 1];
    }

    /// <summary>The ranked outcome whose utility is closest to <paramref name="x"/> (the higher one on a tie).</summary>
    public Outcome Closest(double x)
    {
        int rank = RankAtLeast(x);
        if (rank >= _byRank.Length) return _byRank[^1];
        if (rank > 0 && x - _utilityByRank[rank - 1] < _utilityByRank[rank] - x) rank--;
        return _byRank[rank];
    }

    /// <summary>A ranked outcome drawn uniformly among those with utility ≥ <paramref name="x"/> (the best when none).</summary>
    public Outcome RandomAtLeast(Random random, double x)
    {
        int rank = RankAtLeast(x);
        if (rank >= _byRank.Length) return _byRank[^1];
        return _byRank[random.Next(rank, _byRank.Length)];
    }

    private static UtilityIndex Build(UtilityFunction function)
    {
        var space = function.Space;
        if (!space.IsIndexable) throw new NotSupportedException("The outcome space has no outcome index (a continuous issue, or more than 2^128 outcomes).");
        if (space.IsEnumerable && space.Count <= TabulationLimit) return BuildTable(function);
        return BuildBySearch(function);
    }

    private static UtilityIndex BuildTable(UtilityFunction function)
    {
        int count = (int)function.Space.Count;
        var table = new double[count];
        function.EvaluateAll(table);
        var keys = (double[])table.Clone();
        var byRank = new Outcome[count];
        for (int i = 0; i < count; i++) byRank[i] = new Outcome((UInt128)i);
        Array.Sort(keys, byRank);
        return new UtilityIndex(function, table, byRank, keys);
    }

    private static UtilityIndex BuildBySearch(UtilityFunction function)
    {
        var space = function.Space;
        int n = space.IssueCount;
        int[] radices = space.Radices.ToArray();
        var random = new Random(0x5EED);
        var pool = new Dictionary<Outcome, double>();
        var values = new int[n];
        int evaluations = 0;

        // Random samples cover the low and middle utilities.
        for (int s = 0; s < SearchEvaluations / 10; s++)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            pool.TryAdd(space.Encode(values), function.Utility(values));
            evaluations++;
        }
        // Coordinate ascent from random starts reaches the high utilities; every point visited joins the pool.
        while (evaluations < SearchEvaluations)
        {
            for (int i = 0; i < n; i++) values[i] = random.Next(radices[i]);
            double current = function.Utility(values);
            evaluations++;
            for (int sweep = 0; sweep < 50 && evaluations < SearchEvaluations; sweep++)
            {
                bool improved = false;
                for (int i = 0; i < n; i++)
                {
                    int keep = values[i], bestValue = keep;
                    for (int v = 0; v < radices[i]; v++)
                    {
                        if (v == keep) continue;
                        values[i] = v;
                        double u = function.Utility(values);
                        evaluations++;
                        pool.TryAdd(space.Encode(values), u);
                        if (u > current)
                        {
                            current = u;
                            bestValue = v;
                            improved = true;
                        }
                    }
                    values[i] = bestValue;
                }
                if (!improved) break;
            }
            pool.TryAdd(space.Encode(values), current);
        }

        var byRank = new Outcome[pool.Count];
        var keys = new double[pool.Count];
        int k = 0;
        foreach (var (outcome, u) in pool)
        {
            byRank[k] = outcome;
            keys[k++] = u;
        }
        // Canonical input order (by outcome index) first, so the ranking depends only on the pool's contents.
        Array.Sort(byRank, keys);
        Array.Sort(keys, byRank);
        return new UtilityIndex(function, null, byRank, keys);
    }
}
