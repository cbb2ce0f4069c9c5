using System.Runtime.CompilerServices;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Agents.Boa;

/// <summary>
/// GENIUS's sorted outcome space (<c>genius.core.boaframework.SortedOutcomeSpace</c>) on Parley's
/// <see cref="UtilityIndex"/>: every outcome by descending own utility (position 0 is the best), with GENIUS's order
/// among outcomes of equal utility, and GENIUS's lookups — the bid nearest a utility (<see cref="IndexNearUtility"/>)
/// and the bids in a utility range (<see cref="IndicesInRange"/>). The time-dependent baselines and many ANAC agents
/// choose their bids through it, so an agent that is to repeat GENIUS's transcripts must use the same order and the same
/// (slightly unusual) binary search.
/// </summary>
/// <remarks>
/// GENIUS sorts with <c>BidDetailsSorterUtility</c>: utility descending, then the Java <c>hashCode</c> of the bid's
/// <c>BidDetails</c> ascending (the sum of the values' string hash codes, mixed with the utility and the time −1), then
/// GENIUS's enumeration order (first issue fastest: Parley's outcome index order). Parley reproduces that order from the
/// index: only runs of equal utility are reordered, so building costs one pass over the index. Spaces the index does
/// not tabulate (<see cref="UtilityIndex.IsExact"/> false) keep the index's own order over its ranked outcomes.
/// Shared read-only (one per utility function); thread-safe.
/// </remarks>
public sealed class SortedOutcomeSpace
{
    private static readonly ConditionalWeakTable<UtilityIndex, SortedOutcomeSpace> Cache = new();

    private readonly UtilityIndex _index;
    // Index rank of each position when GENIUS's tie order differs from the index's; null when position p is rank Count-1-p.
    private readonly int[]? _rankAt;

    private SortedOutcomeSpace(UtilityIndex index)
    {
        _index = index;
        _rankAt = GeniusTieOrder(index);
    }

    /// <summary>The sorted outcome space of <paramref name="index"/>'s utility function, built once and cached.</summary>
    public static SortedOutcomeSpace For(UtilityIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Cache.GetValue(index, i => new SortedOutcomeSpace(i));
    }

    /// <summary>The underlying utility index.</summary>
    public UtilityIndex Index => _index;

    /// <summary>Number of outcomes (positions 0 … Count − 1).</summary>
    public int Count => _index.Count;

    /// <summary>The outcome at <paramref name="position"/> (0 = best).</summary>
    public Outcome OutcomeAt(int position) => _index.OutcomeAt(RankAt(position));

    /// <summary>The own utility of the outcome at <paramref name="position"/>.</summary>
    public double UtilityAt(int position) => _index.UtilityAt(RankAt(position));

    /// <summary>The best outcome (GENIUS's <c>getMaxBidPossible</c>).</summary>
    public Outcome Best => OutcomeAt(0);

    /// <summary>The worst outcome (GENIUS's <c>getMinBidPossible</c>).</summary>
    public Outcome Worst => OutcomeAt(Count - 1);

    private int RankAt(int position) => _rankAt is { } r ? r[position] : _index.Count - 1 - position;

    /// <summary>
    /// GENIUS's <c>searchIndexWith</c>: a bisection over the descending list that stops when its midpoint no longer
    /// moves, returning that midpoint (an exact hit returns at once). Not always the position nearest
    /// <paramref name="value"/>: <see cref="IndexNearUtility"/> then looks one step either side.
    /// </summary>
    public int SearchIndexWith(double value)
    {
        int middle = -1, low = 0, high = Count - 1, lastMiddle = 0;
        while (lastMiddle != middle)
        {
            lastMiddle = middle;
            middle = (low + high) / 2;
            double u = UtilityAt(middle);
            if (u == value) return middle;
            if (u < value) high = middle;
            if (u > value) low = middle;
        }
        return middle;
    }

    /// <summary>
    /// GENIUS's <c>getIndexOfBidNearUtility</c>: the position found by <see cref="SearchIndexWith"/>, or its neighbour
    /// above or below when strictly closer to <paramref name="utility"/>. As in GENIUS, a closer neighbour above is
    /// dropped again when the one below is not closer still (the original's <c>else</c> resets the choice to the
    /// search's position); the transcripts depend on it, so it is kept.
    /// </summary>
    public int IndexNearUtility(double utility)
    {
        int index = SearchIndexWith(utility);
        int chosen;
        double closest = Math.Abs(UtilityAt(index) - utility);
        if (index > 0 && Math.Abs(UtilityAt(index - 1) - utility) < closest)
            closest = Math.Abs(UtilityAt(index - 1) - utility);
        if (index + 1 < Count && Math.Abs(UtilityAt(index + 1) - utility) < closest)
            chosen = index + 1;
        else
            chosen = index;
        return chosen;
    }

    /// <summary>GENIUS's <c>getBidNearUtility</c>: the outcome at <see cref="IndexNearUtility"/>.</summary>
    public Outcome NearUtility(double utility) => OutcomeAt(IndexNearUtility(utility));

    /// <summary>
    /// GENIUS's <c>getBidsinRange</c>: the positions [first, end) of the outcomes whose utility lies in
    /// [<paramref name="lower"/>, <paramref name="upper"/>], with GENIUS's boundary handling (one outcome when the
    /// bounds meet).
    /// </summary>
    public (int First, int End) IndicesInRange(double lower, double upper)
    {
        int upperIndex = SearchIndexWith(upper);
        int lowerIndex = SearchIndexWith(lower);
        if (UtilityAt(upperIndex) <= upper && upperIndex > 0) upperIndex--;
        if (UtilityAt(lowerIndex) >= lower && lowerIndex < Count) lowerIndex++;
        if (lowerIndex == upperIndex) return (lowerIndex, Math.Min(lowerIndex + 1, Count));
        return (upperIndex, Math.Min(lowerIndex, Count));
    }

    /// <summary>GENIUS's <c>getMaxUtilityBid</c>: the first best outcome in GENIUS's enumeration order (lowest outcome index).</summary>
    public Outcome FirstBest => FirstNearUtility(_index.MaxUtility);

    /// <summary>
    /// GENIUS's unsorted <c>OutcomeSpace.getBidNearUtility</c>: among the outcomes nearest <paramref name="utility"/>,
    /// the first in GENIUS's enumeration order (the lowest outcome index), found without enumerating. As in GENIUS, an
    /// outcome counts only when it is nearer than 1.
    /// </summary>
    public Outcome FirstNearUtility(double utility)
    {
        var index = _index;
        int above = index.RankAtLeast(utility);
        double best = double.PositiveInfinity;
        if (above < index.Count) best = index.UtilityAt(above) - utility;
        if (above > 0) best = Math.Min(best, utility - index.UtilityAt(above - 1));
        if (!(best < 1)) return new Outcome(UInt128.Zero); // nothing nearer than 1: GENIUS returns its first enumerated bid
        Outcome chosen = default;
        bool found = false;
        for (int r = above; r < index.Count && index.UtilityAt(r) - utility == best; r++) Pick(index.OutcomeAt(r));
        for (int r = above - 1; r >= 0 && utility - index.UtilityAt(r) == best; r--) Pick(index.OutcomeAt(r));
        return chosen;

        void Pick(Outcome o)
        {
            if (!found || o.Index < chosen.Index) { chosen = o; found = true; }
        }
    }

    /// <summary>
    /// GENIUS's unsorted <c>OutcomeSpace.getBidsinRange</c>: the outcomes whose utility lies strictly between
    /// <paramref name="lower"/> and <paramref name="upper"/>, in GENIUS's enumeration order (ascending outcome index),
    /// appended to <paramref name="into"/> (cleared first).
    /// </summary>
    public void OutcomesStrictlyBetween(double lower, double upper, List<Outcome> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        var index = _index;
        for (int r = index.RankAtLeast(lower); r < index.Count && index.UtilityAt(r) < upper; r++)
            if (index.UtilityAt(r) > lower) into.Add(index.OutcomeAt(r));
        into.Sort();
    }

    /// <summary>
    /// Position → index rank in GENIUS's order, or null when it equals the index's reversed order. Ties of equal utility
    /// are ordered by the Java hash of GENIUS's <c>BidDetails</c>, then by outcome index.
    /// </summary>
    private static int[]? GeniusTieOrder(UtilityIndex index)
    {
        if (!index.IsExact) return null;
        var space = index.Function.Space;
        int n = index.Count;
        int[]? order = null;
        int p = 0;
        int[] values = new int[space.IssueCount];
        var keys = new List<(int Hash, UInt128 Ordinal, int Rank)>();
        for (int rank = n - 1; rank >= 0;)
        {
            double u = index.UtilityAt(rank);
            int start = rank;
            while (rank > 0 && index.UtilityAt(rank - 1) == u) rank--;
            int end = rank; // ranks [end, start] share utility u
            if (start > end)
            {
                order ??= Reversed(n);
                keys.Clear();
                for (int r = start; r >= end; r--)
                {
                    var outcome = index.OutcomeAt(r);
                    space.Decode(outcome, values);
                    keys.Add((JavaBidDetailsHash(space, values, u), outcome.Index, r));
                }
                keys.Sort((a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : a.Ordinal.CompareTo(b.Ordinal));
                foreach (var k in keys) order[p++] = k.Rank;
            }
            else if (order is not null) order[p++] = rank;
            else p++;
            rank--;
        }
        return order;
    }

    private static int[] Reversed(int n)
    {
        var a = new int[n];
        for (int i = 0; i < n; i++) a[i] = n - 1 - i;
        return a;
    }

    /// <summary>
    /// Java's <c>BidDetails.hashCode()</c> for a bid of utility <paramref name="utility"/> and time <paramref name="time"/> (GENIUS's sorted space uses −1): the bid's hash (the
    /// sum of its values' hashes: a discrete value's string hash, 0 for an integer value) mixed with the two doubles' bits.
    /// </summary>
    internal static int JavaBidDetailsHash(OutcomeSpace space, ReadOnlySpan<int> values, double utility, double time = -1.0) =>
        JavaBidDetailsHash(JavaValueHashes(space), values, utility, time);

    /// <summary>Java's hash of each discrete value's name, per issue (empty for other issues), computed once per space and shared.</summary>
    internal static int[][] JavaValueHashes(OutcomeSpace space) =>
        ValueHashes.GetValue(space, static s => [.. s.Issues.Select(i => i is DiscreteIssue d ? d.Values.Select(JavaOrder.StringHash).ToArray() : [])]);

    /// <summary>As <see cref="JavaBidDetailsHash(OutcomeSpace, ReadOnlySpan{int}, double, double)"/> with the space's <see cref="JavaValueHashes"/> already looked up.</summary>
    internal static int JavaBidDetailsHash(int[][] hashes, ReadOnlySpan<int> values, double utility, double time = -1.0)
    {
        unchecked
        {
            int bid = 0;
            for (int i = 0; i < values.Length; i++)
                if (hashes[i].Length > 0) bid += hashes[i][values[i]];
            int result = 31 + bid;
            result = 31 * result + JavaDoubleHash(utility);
            result = 31 * result + JavaDoubleHash(time);
            return result;
        }
    }

    // Java's hash of each discrete value's name, per issue (empty for other issues), computed once per space.
    private static readonly ConditionalWeakTable<OutcomeSpace, int[][]> ValueHashes = new();

    private static int JavaDoubleHash(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        return unchecked((int)(bits ^ (long)((ulong)bits >> 32)));
    }
}
