namespace Parley.Analysis;

/// <summary>
/// A set of mutually non-dominated utility vectors with one outcome (value indices) each, updated one candidate at a
/// time: a candidate enters unless an archived vector dominates or equals it, and evicts every vector it dominates.
/// Two parties use a sorted staircase (u0 strictly descending, u1 strictly ascending, O(log n) rejection); more use a list.
/// With a <c>capacity</c>, a full archive still takes candidates that evict something, but no longer grows.
/// </summary>
internal sealed class ParetoArchive(int parties, int capacity = int.MaxValue)
{
    private readonly List<double[]> _vectors = [];
    private readonly List<int[]> _values = [];

    public int Count => _vectors.Count;

    /// <summary>The utility of <paramref name="party"/> in entry <paramref name="entry"/> (two parties: entries by u0 descending).</summary>
    public double Utility(int entry, int party) => _vectors[entry][party];

    /// <summary>Offers a vector; <paramref name="values"/> is copied only if the vector enters. Returns whether it entered.</summary>
    public bool Offer(ReadOnlySpan<double> utilities, int[] values) =>
        parties == 2 ? OfferBilateral(utilities[0], utilities[1], values) : OfferGeneral(utilities, values);

    /// <summary>The archived vectors and outcomes, lexicographically descending (first party's utility descending).</summary>
    public List<(double[] Utilities, int[] Values)> Snapshot()
    {
        var all = _vectors.Zip(_values, (u, v) => (u, v)).ToList();
        all.Sort((x, y) => Dominance.CompareLexDescending(x.u, y.u));
        return all;
    }

    private bool OfferBilateral(double x, double y, int[] values)
    {
        // k = number of entries with u0 >= x (entries sorted by u0 descending).
        int lo = 0, hi = _vectors.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_vectors[mid][0] >= x) lo = mid + 1; else hi = mid;
        }
        int k = lo;
        // Entry k−1 has the largest u1 among entries with u0 >= x.
        if (k > 0 && _vectors[k - 1][1] >= y) return false;
        int j = k > 0 && _vectors[k - 1][0] == x ? k - 1 : k;
        int end = j;
        while (end < _vectors.Count && _vectors[end][1] <= y) end++;
        if (end == j && _vectors.Count >= capacity) return false;
        if (end > j)
        {
            _vectors.RemoveRange(j, end - j);
            _values.RemoveRange(j, end - j);
        }
        _vectors.Insert(j, [x, y]);
        _values.Insert(j, (int[])values.Clone());
        return true;
    }

    private bool OfferGeneral(ReadOnlySpan<double> utilities, int[] values)
    {
        foreach (var v in _vectors)
            if (Dominance.WeaklyDominates(v, utilities)) return false;
        int before = _vectors.Count;
        for (int i = _vectors.Count - 1; i >= 0; i--)
        {
            if (Dominance.Dominates(utilities, _vectors[i]))
            {
                _vectors.RemoveAt(i);
                _values.RemoveAt(i);
            }
        }
        if (_vectors.Count == before && before >= capacity) return false;
        _vectors.Add(utilities.ToArray());
        _values.Add((int[])values.Clone());
        return true;
    }
}
