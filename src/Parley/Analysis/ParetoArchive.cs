namespace Parley.Analysis;

/// <summary>
/// A set of mutually non-dominated utility vectors with one outcome (value indices) each, updated one candidate at a
/// time: a candidate enters unless an archived vector dominates or equals it, and evicts every vector it dominates.
/// Two parties keep a staircase (u0 strictly descending, u1 strictly ascending): rejection is a binary search, and an
/// entering candidate is merged in through the <see cref="Staircase"/> filter. More parties use a list.
/// With a <c>capacity</c>, a full archive still takes candidates that evict something, but no longer grows.
/// </summary>
internal sealed class ParetoArchive(int parties, int capacity = int.MaxValue)
{
    // Two parties: the staircase, its outcomes by position, and a second filter to rebuild into.
    private Staircase _stairs = new();
    private Staircase _spare = new();
    private int[][] _stairValues = [];
    private int[][] _spareValues = [];

    // More parties.
    private readonly List<double[]> _vectors = [];
    private readonly List<int[]> _values = [];

    public int Count => parties == 2 ? _stairs.Count : _vectors.Count;

    /// <summary>The utility of <paramref name="party"/> in entry <paramref name="entry"/> (two parties: entries by u0 descending).</summary>
    public double Utility(int entry, int party) =>
        parties == 2 ? (party == 0 ? _stairs.U0[entry] : _stairs.U1[entry]) : _vectors[entry][party];

    /// <summary>Two parties: every entry's utility of <paramref name="party"/> (party 0 descending, party 1 ascending), valid until the next offer.</summary>
    public ReadOnlySpan<double> BilateralUtilities(int party) => party == 0 ? _stairs.U0 : _stairs.U1;

    /// <summary>Offers a vector; <paramref name="values"/> is copied only if the vector enters. Returns whether it entered.</summary>
    public bool Offer(ReadOnlySpan<double> utilities, int[] values) =>
        parties == 2 ? OfferBilateral(utilities[0], utilities[1], values) : OfferGeneral(utilities, values);

    /// <summary>The archived vectors and outcomes, lexicographically descending (first party's utility descending).</summary>
    public List<(double[] Utilities, int[] Values)> Snapshot()
    {
        if (parties == 2)
        {
            var stairs = new List<(double[], int[])>(_stairs.Count);
            for (int k = 0; k < _stairs.Count; k++) stairs.Add(([_stairs.U0[k], _stairs.U1[k]], _stairValues[k]));
            return stairs;
        }
        var all = _vectors.Zip(_values, (u, v) => (u, v)).ToList();
        all.Sort((x, y) => Dominance.CompareLexDescending(x.u, y.u));
        return all;
    }

    private bool OfferBilateral(double x, double y, int[] values)
    {
        var u0 = _stairs.U0;
        int n = u0.Length;
        // k = number of entries with u0 >= x; entry k−1 has the largest u1 among them.
        int lo = 0, hi = n;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (u0[mid] >= x) lo = mid + 1; else hi = mid;
        }
        if (lo > 0 && _stairs.U1[lo - 1] >= y) return false;

        // Merge the candidate (id n) into the staircase order and filter.
        _spare.Reset();
        for (int k = 0; k < lo; k++) _spare.Offer(u0[k], _stairs.U1[k], k);
        _spare.Offer(x, y, n);
        for (int k = lo; k < n; k++) _spare.Offer(u0[k], _stairs.U1[k], k);
        _spare.Finish();
        if (_spare.Count > n && n >= capacity) return false;

        if (_spareValues.Length < _spare.Count) _spareValues = new int[Math.Max(16, _spare.Count * 2)][];
        var ids = _spare.Ids;
        for (int k = 0; k < ids.Length; k++) _spareValues[k] = ids[k] == n ? (int[])values.Clone() : _stairValues[ids[k]];
        (_stairs, _spare) = (_spare, _stairs);
        (_stairValues, _spareValues) = (_spareValues, _stairValues);
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
