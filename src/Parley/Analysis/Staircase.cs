namespace Parley.Analysis;

/// <summary>
/// The two-party staircase filter, the one implementation every bilateral frontier uses (enumeration, issue-by-issue
/// combination, search archive). Candidates are fed in order of the first utility, descending; candidates with equal
/// first utility form a group, and a group is kept (its largest second utility, the smallest id among those reaching it)
/// when that second utility beats every kept group before it. Kept points therefore have the first utility strictly
/// descending and the second strictly ascending: exactly the distinct non-dominated vectors of what was fed.
/// Buffers are reused across <see cref="Reset"/>; feeding allocates only when they grow.
/// </summary>
internal sealed class Staircase
{
    private double[] _u0 = new double[16];
    private double[] _u1 = new double[16];
    private long[] _ids = new long[16];
    private long[] _ties = new long[16];

    // The open group (candidates with u0 == _groupU0).
    private bool _open;
    private double _groupU0, _groupU1;
    private long _groupId, _groupTies;

    /// <summary>Number of kept points (closed groups only; call <see cref="Finish"/> after the last candidate).</summary>
    public int Count { get; private set; }

    /// <summary>The second utility of the last kept point (−∞ before any): a candidate from a later group with a second
    /// utility at most this is dominated.</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>First utilities of the kept points (strictly descending); valid up to <see cref="Count"/>.</summary>
    public ReadOnlySpan<double> U0 => _u0.AsSpan(0, Count);

    /// <summary>Second utilities of the kept points (strictly ascending).</summary>
    public ReadOnlySpan<double> U1 => _u1.AsSpan(0, Count);

    /// <summary>The id of each kept point: the smallest id among the candidates with that vector.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, Count);

    /// <summary>How many candidates had each kept vector (ties counted).</summary>
    public ReadOnlySpan<long> Ties => _ties.AsSpan(0, Count);

    /// <summary>Empties the filter, keeping its buffers.</summary>
    public void Reset()
    {
        Count = 0;
        _open = false;
        Best = double.NegativeInfinity;
    }

    /// <summary>Feeds one candidate. <paramref name="u0"/> must not exceed the previous candidate's first utility.</summary>
    public void Offer(double u0, double u1, long id)
    {
        if (_open && u0 == _groupU0)
        {
            if (u1 > _groupU1) { _groupU1 = u1; _groupId = id; _groupTies = 1; }
            else if (u1 == _groupU1)
            {
                _groupTies++;
                if (id < _groupId) _groupId = id;
            }
            return;
        }
        Close();
        _open = true;
        _groupU0 = u0;
        _groupU1 = u1;
        _groupId = id;
        _groupTies = 1;
    }

    /// <summary>Closes the last group; call once after the last candidate.</summary>
    public void Finish() => Close();

    private void Close()
    {
        if (!_open) return;
        _open = false;
        if (!(_groupU1 > Best)) return;
        if (Count == _u0.Length)
        {
            int size = checked(Count * 2);
            Array.Resize(ref _u0, size);
            Array.Resize(ref _u1, size);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _ties, size);
        }
        _u0[Count] = _groupU0;
        _u1[Count] = _groupU1;
        _ids[Count] = _groupId;
        _ties[Count] = _groupTies;
        Count++;
        Best = _groupU1;
    }

    /// <summary>
    /// Sorts <paramref name="index"/> (ids into <paramref name="u0"/>/<paramref name="u1"/>) by first utility descending
    /// and filters it: the staircase of an unordered set of candidates.
    /// </summary>
    public void FilterUnordered(ReadOnlySpan<double> u0, ReadOnlySpan<double> u1, int[] index)
    {
        var keys = new double[index.Length];
        for (int k = 0; k < keys.Length; k++) keys[k] = -u0[index[k]];
        Array.Sort(keys, index);
        Reset();
        foreach (int i in index) Offer(u0[i], u1[i], i);
        Finish();
    }
}
