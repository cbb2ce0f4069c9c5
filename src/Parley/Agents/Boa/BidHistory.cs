using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>One bid as GENIUS's BOA framework records it: the bid, its (undiscounted) utility to the recording agent, and the time it was made.</summary>
/// <param name="Bid">The outcome offered.</param>
/// <param name="MyUtility">Its undiscounted utility to the agent keeping the history.</param>
/// <param name="Time">GENIUS's normalised time of the offer.</param>
public readonly record struct BidDetails(Outcome Bid, double MyUtility, double Time);

/// <summary>
/// GENIUS's <c>BidHistory</c> as the BOA acceptance conditions use it: the bids in the order they were made, with the
/// queries the conditions ask (GENIUS's boundary conventions kept: windows are (t1, t2] in time and (0, 1.1] in utility).
/// </summary>
public sealed class BidHistory
{
    private readonly List<BidDetails> _bids = [];

    /// <summary>Bids recorded.</summary>
    public int Count => _bids.Count;

    /// <summary>The bid at <paramref name="index"/> (0 = first).</summary>
    public BidDetails this[int index] => _bids[index];

    /// <summary>The last bid; the history must not be empty.</summary>
    public BidDetails Last => _bids.Count > 0 ? _bids[^1] : throw new InvalidOperationException("No bid has been recorded.");

    /// <summary>Records a bid.</summary>
    public void Add(BidDetails bid) => _bids.Add(bid);

    /// <summary>Forgets every bid (a new negotiation).</summary>
    public void Clear() => _bids.Clear();

    /// <summary>GENIUS's <c>getBestBidDetails</c>: the latest of the bids with the highest utility, or null when empty.</summary>
    public BidDetails? Best()
    {
        BidDetails? best = null;
        double max = double.NegativeInfinity;
        foreach (var b in _bids)
            if (b.MyUtility >= max) { max = b.MyUtility; best = b; }
        return best;
    }

    /// <summary>
    /// GENIUS's <c>filterBetweenTime(from, to)</c> followed by a best or average query: the bids made in (from, to] whose
    /// utility lies in (0, 1.1]; their highest utility (0 when none) and their mean utility (0 when none).
    /// </summary>
    public (double Best, double Average, int Count) InWindow(double from, double to)
    {
        double best = 0, sum = 0;
        int n = 0;
        foreach (var b in _bids)
        {
            if (!(0 < b.MyUtility && b.MyUtility <= 1.1 && from < b.Time && b.Time <= to)) continue;
            if (n == 0 || b.MyUtility >= best) best = b.MyUtility;
            sum += b.MyUtility;
            n++;
        }
        return (n == 0 ? 0 : best, n == 0 ? 0 : sum / n, n);
    }
}
