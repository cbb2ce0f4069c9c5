using Parley.Preferences;

namespace Parley.Agents.Boa;

/// <summary>
/// The relative-utility bid search of Mori and Ito's ANAC 2015 agents (Atlas3's and kawaii's <c>relativeUtilitySearch</c>):
/// starting from the best bid, the issues in random order each take the first of their values, in random order, whose
/// relative utility (the utility lost by putting that value into the best bid) keeps the accumulated loss within
/// threshold − 1. In a linear additive space the result is worth at least the threshold; otherwise it may not be, and
/// the agents then fall back to other searches.
/// </summary>
/// <remarks>
/// As in the originals, the issue order is shuffled in place from one search to the next (Java's
/// <c>Collections.shuffle</c> of the agent's own issue list), while each issue's values start from their domain order
/// every time.
/// </remarks>
public sealed class RelativeUtilitySearch
{
    private readonly int[] _best;
    private readonly double[][] _relative;
    private readonly int[] _issueOrder;
    private readonly int[][] _valueOrder;

    /// <summary>Prepares the search around <paramref name="best"/> (one value index per issue) under <paramref name="utility"/>.</summary>
    public RelativeUtilitySearch(UtilityFunction utility, ReadOnlySpan<int> best)
    {
        ArgumentNullException.ThrowIfNull(utility);
        var space = utility.Space;
        int n = space.IssueCount;
        if (best.Length != n) throw new ArgumentException($"Expected {n} values, got {best.Length}.", nameof(best));
        _best = best.ToArray();
        double bestUtility = utility.Utility(_best);
        _relative = new double[n][];
        _valueOrder = new int[n][];
        var probe = best.ToArray();
        for (int i = 0; i < n; i++)
        {
            int count = space.Issues[i].ValueCount;
            _relative[i] = new double[count];
            _valueOrder[i] = new int[count];
            for (int v = 0; v < count; v++)
            {
                probe[i] = v;
                _relative[i][v] = utility.Utility(probe) - bestUtility;
            }
            probe[i] = _best[i];
        }
        _issueOrder = [.. Enumerable.Range(0, n)];
    }

    /// <summary>The best bid the search starts from.</summary>
    public ReadOnlySpan<int> Best => _best;

    /// <summary>u(best with issue <paramref name="issue"/> set to <paramref name="value"/>) − u(best).</summary>
    public double RelativeUtility(int issue, int value) => _relative[issue][value];

    /// <summary>Writes a bid for <paramref name="threshold"/> into <paramref name="bid"/>, drawing the orders from <paramref name="random"/>.</summary>
    public void Search(double threshold, Random random, Span<int> bid)
    {
        ArgumentNullException.ThrowIfNull(random);
        _best.CopyTo(bid);
        double d = threshold - 1.0, concessionSum = 0.0;
        random.Shuffle(_issueOrder);
        foreach (int i in _issueOrder)
        {
            var values = _valueOrder[i];
            for (int k = 0; k < values.Length; k++) values[k] = k;
            random.Shuffle(values);
            foreach (int v in values)
            {
                double relative = _relative[i][v];
                if (d <= concessionSum + relative)
                {
                    bid[i] = v;
                    concessionSum += relative;
                    break;
                }
            }
        }
    }
}
