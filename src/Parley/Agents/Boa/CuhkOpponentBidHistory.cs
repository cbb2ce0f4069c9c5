using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>
/// CUHKAgent's model of its opponent (ANAC 2012; GENIUS's <c>agents.anac.y2012.CUHKAgent.OpponentBidHistory</c>), one
/// <see cref="CuhkOpponentBidHistory"/> per other party: how often the opponent named each value while it had made at
/// most 100 distinct offers, how often it repeated each offer, and how many of its last ten distinct offers it made only
/// once (its concession degree).
/// </summary>
public sealed class CuhkOpponentModel : PerPartyOpponentModel<CuhkOpponentBidHistory>
{
    /// <inheritdoc />
    protected override CuhkOpponentBidHistory CreateEstimate(OutcomeSpace space) => new(space);
}

/// <summary>
/// One opponent's bid history as CUHKAgent keeps it.
/// <list type="bullet">
/// <item><b>Value statistics</b>: every offer (repeats too) adds one to the count of each of its values, while the
/// opponent has made at most 100 distinct offers. Integer values count per value; real values per one of the issue's
/// discretisation steps (the first interval [lower + k·step, lower + (k + 1)·step] holding it, else the last).</item>
/// <item><b>Concession degree</b>: with more than ten distinct offers, (share of the last ten distinct offers made only
/// once)²; before, (distinct offers / 10)².</item>
/// <item><b>Bid choice</b> (<see cref="ChooseBid"/>): among candidate bids (200 drawn with replacement when there are
/// 200 or more), the one whose values the opponent named most often (Σ counts), a tie replacing the leader with
/// probability ½; that bid with probability 0.95, else a candidate at random.</item>
/// </list>
/// <see cref="Utility(Outcome)"/> is Σ counts over Σ of each issue's largest count, in [0, 1], ordered as the bid choice
/// orders bids.
/// </summary>
public sealed class CuhkOpponentBidHistory : IOpponentEstimate
{
    /// <summary>The opponent's distinct offers after which the value statistics stop (GENIUS's maximumBidsStored).</summary>
    public const int MaximumBidsStored = 100;

    private const int UpperSearchLimit = 200, HistoryLength = 10;

    private readonly OutcomeSpace _space;
    private readonly int[][] _slotOf;   // per issue: value index → statistics slot
    private readonly int[][] _counts;
    private int _largestCounts = -1;   // Σ of each issue's largest count, for Utility; −1 when the counts have changed since
    private readonly int[] _values;
    private readonly List<Outcome> _distinct = [];
    private readonly Dictionary<Outcome, int> _offered = [];
    private readonly int[] _sample = new int[UpperSearchLimit];

    /// <summary>Creates the history for <paramref name="space"/> (every issue enumerable).</summary>
    public CuhkOpponentBidHistory(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsDiscrete) throw new ArgumentException("CUHKAgent's opponent model needs enumerable issues.", nameof(space));
        _space = space;
        _slotOf = [.. space.Issues.Select(Slots)];
        _counts = [.. _slotOf.Select(s => new int[s.Length == 0 ? 0 : s.Max() + 1])];
        _values = new int[space.IssueCount];
    }

    // Real values fall into the issue's discretisation steps as the original bins them; others count per value.
    private static int[] Slots(Issue issue)
    {
        var slots = new int[issue.ValueCount];
        if (issue is RealIssue real)
        {
            int steps = issue.ValueCount;
            double step = (real.Max - real.Min) / steps;
            for (int v = 0; v < slots.Length; v++)
            {
                double value = real.ValueAt(v), first = real.Min, last = real.Min + step;
                slots[v] = steps - 1;
                for (int k = 0; k < steps; k++)
                {
                    if (value >= first && value <= last) { slots[v] = k; break; }
                    first = last;
                    last += step;
                }
            }
        }
        else for (int v = 0; v < slots.Length; v++) slots[v] = v;
        return slots;
    }

    /// <summary>Offers observed, repeats included.</summary>
    public int Offers { get; private set; }

    /// <summary>Distinct offers observed.</summary>
    public int DistinctOffers => _distinct.Count;

    /// <summary>Learns from the party's next offer (GENIUS's <c>updateOpponentModel</c>).</summary>
    public void Observe(Outcome offer)
    {
        Offers++;
        if (_offered.TryGetValue(offer, out int n)) _offered[offer] = n + 1;
        else
        {
            _offered[offer] = 1;
            _distinct.Add(offer);
        }
        if (_distinct.Count > MaximumBidsStored) return;
        _space.Decode(offer, _values);
        for (int i = 0; i < _values.Length; i++) _counts[i][_slotOf[i][_values[i]]]++;
        _largestCounts = -1;
    }

    /// <summary>GENIUS's <c>getConcessionDegree</c>: in [0, 1], higher for an opponent that keeps making new offers.</summary>
    public double ConcessionDegree()
    {
        int n = _distinct.Count;
        double distinct = 0;
        if (n - HistoryLength > 0)
        {
            for (int j = n - HistoryLength; j < n; j++)
                if (_offered[_distinct[j]] == 1) distinct++;
        }
        else distinct = n;
        return Math.Pow(distinct / HistoryLength, 2);
    }

    /// <summary>How often the opponent named the values of <paramref name="outcome"/> (Σ over issues).</summary>
    public int Frequency(Outcome outcome)
    {
        _space.Decode(outcome, _values);
        int sum = 0;
        for (int i = 0; i < _values.Length; i++) sum += _counts[i][_slotOf[i][_values[i]]];
        return sum;
    }

    /// <summary>
    /// GENIUS's <c>ChooseBid</c>: of <paramref name="candidates"/> (non-empty; 200 drawn with replacement when 200 or
    /// more), the one of highest <see cref="Frequency"/> (a tie replaces the leader with probability ½), with probability
    /// 0.95; else one of them at random.
    /// </summary>
    public Outcome ChooseBid(ReadOnlySpan<Outcome> candidates, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (candidates.IsEmpty) throw new ArgumentException("No candidate bids.", nameof(candidates));
        int count = candidates.Length;
        bool sampled = count >= UpperSearchLimit;
        if (sampled)
        {
            for (int i = 0; i < UpperSearchLimit; i++) _sample[i] = random.Next(count);
            count = UpperSearchLimit;
        }
        int maxIndex = -1, maxFrequency = 0;
        for (int i = 0; i < count; i++)
        {
            int frequency = Frequency(candidates[sampled ? _sample[i] : i]);
            if (frequency > maxFrequency) { maxFrequency = frequency; maxIndex = i; }
            else if (frequency == maxFrequency && random.NextDouble() < 0.5) maxIndex = i; // random exploration
        }
        int chosen = maxIndex == -1 ? random.Next(count) : random.NextDouble() < 0.95 ? maxIndex : random.Next(count);
        return candidates[sampled ? _sample[chosen] : chosen];
    }

    /// <summary>Σ counts of the outcome's values over Σ of each issue's largest count (0 before any offer).</summary>
    public double Utility(Outcome outcome)
    {
        int max = _largestCounts;
        if (max < 0)
        {
            max = 0;
            foreach (var c in _counts) max += c.Length == 0 ? 0 : c.Max();
            _largestCounts = max;
        }
        return max == 0 ? 0 : (double)Frequency(outcome) / max;
    }
}
