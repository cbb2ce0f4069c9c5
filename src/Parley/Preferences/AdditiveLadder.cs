using System.Numerics;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>
/// Ranks an additive utility over a space too large to tabulate, without enumerating it: per-issue dynamic programming
/// over a grid of δ-wide cells of the utility sum. Each issue's weighted scores are rounded to cells; the reachable cell
/// sums are a bitset per issue (shift-or, one word per 64 cells), with a back-pointer (the value that first reached the
/// cell) so one outcome per reachable cell is rebuilt. Any achievable sum lies within n·δ of the sum of the outcome
/// rebuilt for its cell (n issues that matter, each rounded by at most δ/2 twice), so the ladder answers "an outcome with
/// utility closest to x" to within <see cref="Ladder.Resolution"/>; the utilities on the ladder are the exact ones.
/// </summary>
internal static class AdditiveLadder
{
    /// <summary>Grid cells at most; fewer when many issues matter, to bound the back-pointer memory.</summary>
    private const int MaxCells = 1 << 18;

    /// <summary>Back-pointer entries (one int each) at most over all issues.</summary>
    private const long BackPointerBudget = 1L << 25;

    /// <summary>Value indices held by the rebuilt outcomes at most (value vectors of spaces beyond 2^128).</summary>
    private const long VectorBudget = 1L << 23;

    private const int MaxLadder = 1 << 16;

    internal readonly record struct Ladder(Outcome[] Outcomes, double[] Utilities, double Resolution);

    /// <summary>The ladder of <paramref name="utility"/>; <paramref name="maxCells"/> caps the grid (tests use coarse grids).</summary>
    public static Ladder Build(LinearAdditiveUtility utility, int maxCells = MaxCells)
    {
        var space = utility.Space;
        int n = space.IssueCount;

        // Issues whose scores are all equal change nothing: they keep value 0 and stay out of the grid.
        var lows = new double[n];
        var active = new List<int>();
        double range = 0;
        for (int i = 0; i < n; i++)
        {
            var (lo, hi) = utility.ScoreRange(i);
            lows[i] = lo;
            if (hi > lo)
            {
                active.Add(i);
                range += hi - lo;
            }
        }
        var values = new int[n];
        if (active.Count == 0)
        {
            var only = space.Encode(values);
            return new Ladder([only], [utility.Utility(values)], 0);
        }

        int cells = (int)Math.Clamp(BackPointerBudget / active.Count, Math.Min(16, maxCells), maxCells);
        double delta = range / cells;
        int issueCount = active.Count;
        var back = new int[issueCount][];
        int[] reach = [0];
        var previous = new ulong[1] { 1UL };
        int width = 1; // cells in the previous layer's bitset: 0..width−1
        for (int k = 0; k < issueCount; k++)
        {
            int issue = active[k];
            var representatives = utility.IsTabulated(issue)
                ? Representatives(utility.WeightedScores(issue), lows[issue], delta)
                : MonotoneRepresentatives(utility, issue, lows[issue], delta);
            int maxCell = representatives[^1].Cell;
            int newWidth = width + maxCell;
            var current = new ulong[(newWidth + 63) >> 6];
            var pointers = new int[newWidth];
            // Shift-or skips empty words, so it never costs more than visiting each reachable cell per representative.
            foreach (var (cell, value) in representatives) ShiftOr(previous, current, pointers, cell, value);
            back[k] = pointers;
            previous = current;
            width = newWidth;
        }

        // One outcome per reachable final cell (every step-th when there are more than the ladder holds).
        var reachable = new List<int>();
        for (int word = 0; word < previous.Length; word++)
            for (ulong bits = previous[word]; bits != 0; bits &= bits - 1)
                reachable.Add((word << 6) + BitOperations.TrailingZeroCount(bits));
        long ladderLimit = space.IsIndexable ? MaxLadder : Math.Clamp(VectorBudget / n, 256, MaxLadder);
        int step = (int)Math.Max(1, (reachable.Count + ladderLimit - 1) / ladderLimit);
        var chosen = new List<int>();
        for (int r = 0; r < reachable.Count; r += step) chosen.Add(reachable[r]);
        if (chosen[^1] != reachable[^1]) chosen.Add(reachable[^1]);

        var outcomes = new Outcome[chosen.Count];
        var utilities = new double[chosen.Count];
        for (int c = 0; c < chosen.Count; c++)
        {
            Array.Clear(values);
            int cell = chosen[c];
            for (int k = issueCount - 1; k >= 0; k--)
            {
                int issue = active[k];
                int v = back[k][cell];
                values[issue] = v;
                cell -= CellOf(utility.WeightedScore(issue, v), lows[issue], delta);
            }
            outcomes[c] = space.Encode(values);
            utilities[c] = utility.Utility(values);
        }
        Array.Sort(outcomes, utilities);
        Array.Sort(utilities, outcomes);
        double resolution = (issueCount + step) * delta;
        return new Ladder(outcomes, utilities, resolution);
    }

    private static int CellOf(double score, double low, double delta) => (int)Math.Round((score - low) / delta, MidpointRounding.AwayFromZero);

    /// <summary>One value per occupied cell of an issue (the lowest value index in it), by cell ascending.</summary>
    private static (int Cell, int Value)[] Representatives(ReadOnlySpan<double> scores, double low, double delta)
    {
        var byCell = new Dictionary<int, int>();
        for (int v = 0; v < scores.Length; v++) byCell.TryAdd(CellOf(scores[v], low, delta), v);
        var list = byCell.Select(p => (p.Key, p.Value)).ToArray();
        Array.Sort(list, (a, b) => a.Key.CompareTo(b.Key));
        return list;
    }

    /// <summary>
    /// For an issue scored on the fly with a monotone score (a linear evaluator over millions of values): per cell, the
    /// first value index whose score rounds into it, found by bisection, so the issue's values are never all scored.
    /// </summary>
    private static (int Cell, int Value)[] MonotoneRepresentatives(LinearAdditiveUtility utility, int issue, double low, double delta)
    {
        int count = utility.Space.Radices[issue];
        bool rising = utility.WeightedScore(issue, count - 1) >= utility.WeightedScore(issue, 0);
        int Cell(int v) => CellOf(utility.WeightedScore(issue, v), low, delta);
        var list = new List<(int Cell, int Value)>();
        int from = 0;
        while (from < count)
        {
            int cell = Cell(from);
            list.Add((cell, from));
            // The last value index still in this cell: cells are monotone in the value index.
            int lo = from, hi = count - 1;
            while (lo < hi)
            {
                int mid = lo + (hi - lo + 1) / 2;
                if (Cell(mid) == cell) lo = mid;
                else hi = mid - 1;
            }
            from = lo + 1;
        }
        if (!rising) list.Reverse();
        return [.. list];
    }

    /// <summary>current |= previous shifted left by <paramref name="shift"/> cells, recording <paramref name="value"/> for newly reached cells.</summary>
    private static void ShiftOr(ulong[] previous, ulong[] current, int[] pointers, int shift, int value)
    {
        int words = shift >> 6, bits = shift & 63;
        for (int w = 0; w < previous.Length; w++)
        {
            ulong source = previous[w];
            if (source == 0) continue;
            int target = w + words;
            Write(current, pointers, target, source << bits, value);
            if (bits != 0 && target + 1 < current.Length) Write(current, pointers, target + 1, source >> (64 - bits), value);
        }
    }

    private static void Write(ulong[] current, int[] pointers, int word, ulong incoming, int value)
    {
        if (word >= current.Length) return;
        ulong fresh = incoming & ~current[word];
        if (fresh == 0) return;
        current[word] |= fresh;
        for (; fresh != 0; fresh &= fresh - 1) pointers[(word << 6) + BitOperations.TrailingZeroCount(fresh)] = value;
    }
}
