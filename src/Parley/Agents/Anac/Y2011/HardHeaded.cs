using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2011;

/// <summary>
/// HardHeaded, winner of ANAC 2011 (van Krimpen, Looije and Hajizadeh, "HardHeaded", in Complex Automated Negotiations,
/// 2013), after GENIUS's <c>agents.anac.y2011.HardHeaded.KLH</c>. Bilateral, discrete issues.
/// <list type="bullet">
/// <item><b>Bid list</b>: every outcome keyed by its utility minus a tiny index-dependent offset (1e−8 per outcome in
/// GENIUS's construction order), so keys are unique; the agent walks down this list.</item>
/// <item><b>Concession</b>: a Boulware target p(t) = minUtil + (1 − F(t))(maxUtil − minUtil) with
/// F(t) = Ka + (1 − Ka)·t^(1/e), Ka = e = 0.05, minUtil = 0.585 (for discount factors below 0.9 a two-phase version
/// around t = discount factor).</item>
/// <item><b>Bid selection</b>: the next key below its last bid, plus those within 0.01 below it that stay above p; when
/// more than four, the five the <b>opponent model</b> rates highest; when the next key is below p, one of its own
/// earlier bids at random instead. The opponent's best bid so far is offered first when it beats the queue.</item>
/// <item><b>Opponent model</b>: GENIUS's HardHeaded frequency model, shared with the BOA framework
/// (<see cref="HardHeadedFrequencyModel"/>): equal weights and value counts starting at 1; after each opponent bid the
/// weights of issues left unchanged since its previous bid grow by 0.2/n (renormalised as GENIUS's utility space does),
/// and the values it offered gain 1.</item>
/// <item><b>Acceptance</b>: the opponent's offer is accepted when worth more than the lowest utility it has offered so
/// far, or at least the bid it is about to make.</item>
/// </list>
/// Behaviour-shaping quirks of the original kept: minUtil stays 0.585 whatever the reserved value (the field is read
/// before the reserved value is assigned); the bid list drops an outcome whose key collides with another's; "more than four"
/// takes five bids. Time is GENIUS's (<see cref="GeniusTime"/>); randomness is the context's seeded source.
/// </summary>
public sealed class HardHeaded : GeniusTurnAgent, IHasOpponentModel
{
    private const double MinUtil = 0.585, Ka = 0.05, E = 0.05, LearningCoefficient = 0.2, Tolerance = 0.01;
    private const int TopSelectedBids = 4;

    private double[] _keys = [];        // bid list keys, ascending
    private Outcome[] _bids = [];
    private IReadOnlyDictionary<Outcome, int> _position = new Dictionary<Outcome, int>();
    private readonly List<(double Key, Outcome Bid)> _myBids = [];
    private (double Key, Outcome Bid) _opponentBestEntry;
    private (double Key, Outcome Bid)[] _queue = new (double, Outcome)[8]; // the pending bids: [_queueStart, _queueStart + _queueCount)
    private int _queueStart, _queueCount;
    private double[] _ratings = [];     // FillQueue's scratch: the opponent model's rating of each new bid left
    private int[] _left = [];           // and its list position
    private Outcome? _opponentBest, _opponentLast;
    private int _opponentBids;
    private double _discount, _maxUtil, _lowestYet;
    private bool _firstRound;
    private readonly HardHeadedFrequencyModel _model = new(LearningCoefficient);
    private int _opponent;
    private int _seen;
    /// <inheritdoc />
    public override string Name => "HardHeaded";

    /// <summary>HardHeaded's opponent model (GENIUS's HardHeaded frequency model).</summary>
    public IOpponentModel OpponentModel => _model;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        BuildBidList(context);
        double d = context.Profile.DiscountFactor;
        _discount = d <= 1 && d > 0 ? d : 1;
        _maxUtil = context.Index.Utility(_bids[^1]);
        _lowestYet = 1;
        _firstRound = true;
        _queueStart = _queueCount = 0;
        _myBids.Clear();
        _opponentBest = _opponentLast = null;
        _opponentBids = 0;
        _model.Initialize(context);
        _opponent = context.PartyIndex == 0 ? 1 : 0;
        _seen = 0;
    }

    /// <summary>
    /// GENIUS's construction: start from the outcome of every issue's first value; for each issue in turn, replace the
    /// list by every list entry (ascending key) with each value of that issue, keyed utility + d, d falling by 1e−8 per
    /// insertion; an equal key replaces the earlier entry.
    /// </summary>
    private void BuildBidList(NegotiatorContext context)
    {
        var list = BidLists.GetValue(context.Index, _ => Build(context));
        _keys = list.Keys;
        _bids = list.Bids;
        _position = list.Position;
    }

    private sealed record BidList(double[] Keys, Outcome[] Bids, IReadOnlyDictionary<Outcome, int> Position);

    // The bid list depends on the utility function only: built once per function.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Parley.Preferences.UtilityIndex, BidList> BidLists = new();

    private static BidList Build(NegotiatorContext context)
    {
        var space = context.Space;
        var index = context.Index;
        var values = new int[space.IssueCount];
        var list = new List<(double Key, Outcome Bid)> { (index.Utility(space.Encode(values)), space.Encode(values)) };
        double d = -0.00000001;
        for (int issue = 0; issue < space.IssueCount; issue++)
        {
            int count = space.Issues[issue].ValueCount;
            var next = new Dictionary<double, Outcome>(list.Count * count);
            foreach (var (_, bid) in list)
            {
                space.Decode(bid, values);
                for (int v = 0; v < count; v++)
                {
                    values[issue] = v;
                    var outcome = space.Encode(values);
                    next[index.Utility(outcome) + d] = outcome;
                    d -= 0.00000001;
                }
            }
            list = [.. next.Select(kv => (kv.Key, kv.Value))];
            list.Sort((x, y) => x.Key.CompareTo(y.Key));
        }
        var position = new Dictionary<Outcome, int>(list.Count);
        for (int i = 0; i < list.Count; i++) position[list[i].Bid] = i;
        return new BidList([.. list.Select(e => e.Key)], [.. list.Select(e => e.Bid)], position);
    }

    /// <summary>The target p at GENIUS time <paramref name="time"/>.</summary>
    public double Target(double time)
    {
        double stepPoint = _discount, tempMax = _maxUtil, tempMin = MinUtil;
        if (stepPoint >= 0.9)
            return MinUtil + (1 - (Ka + (1 - Ka) * Math.Pow(time / stepPoint, 1 / E))) * (_maxUtil - MinUtil);
        if (time <= stepPoint)
        {
            double fa = Ka + (1 - Ka) * Math.Pow(time / stepPoint, 1 / (E / stepPoint));
            tempMin += Math.Abs(tempMax - tempMin) * stepPoint;
            return tempMin + (1 - fa) * (tempMax - tempMin);
        }
        double fb = Ka + (1 - Ka) * Math.Pow((time - stepPoint) / (1 - stepPoint), 1 / 30.0);
        tempMax = tempMin + Math.Abs(tempMax - tempMin) * stepPoint;
        return tempMin + (1 - fb) * (tempMax - tempMin);
    }

    protected override void Decide(in SaoState state)
    {
        var context = Context;
        var utility = context.Index;
        ReceiveOffers();
        double p = Target(GeniusTime.Of(context, state));
        if (_firstRound)
        {
            _firstRound = false;
            QueueLast((_keys[^1], _bids[^1]));
        }
        else if (_queueCount == 0)
        {
            _queueStart = 0;
            FillQueue(p);
        }
        var entry = _queue[_queueStart];
        if (_opponentLast is { } last && (utility.Utility(last) > _lowestYet || utility.Utility(entry.Bid) <= utility.Utility(last)))
        {
            Accepting = true;
            Bid = entry.Bid;
            return;
        }
        Accepting = false;
        _queueStart++;
        _queueCount--;
        _myBids.Add(entry);
        if (entry.Key < _lowestYet) _lowestYet = utility.Utility(entry.Bid);
        Bid = entry.Bid;
    }

    // The original gathers the new bids in a map by key: either one of its earlier bids (the next key is below p) or the
    // next key and those within the tolerance below it that stay at least p, which are the list positions
    // [from, lower], ascending. Up to four are queued in ascending key order; more, and the five the opponent model
    // rates highest are, each pick scanning from the lowest key for a rating above that of the highest key left (ratings
    // do not change while the queue fills, so each bid is rated once).
    private void FillQueue(double p)
    {
        var context = Context;
        int lower = Math.Max(0, Lower(_myBids[^1].Key)); // the original fails at the bottom of the list
        if (_keys[lower] < p)
        {
            int indexer = (int)Math.Floor(_myBids.Count * context.Random.NextDouble());
            QueueLast(_myBids[indexer]);
        }
        else
        {
            double firstUtil = _keys[lower];
            int from = lower;
            while (from > 0 && firstUtil - _keys[from - 1] < Tolerance && _keys[from - 1] >= p) from--;
            int count = lower - from + 1;
            if (count <= TopSelectedBids)
            {
                for (int k = from; k <= lower; k++) QueueLast((_keys[k], _bids[k]));
            }
            else
            {
                if (_ratings.Length < count) { _ratings = new double[count]; _left = new int[count]; }
                var estimate = _model.Estimate(_opponent);
                for (int i = 0; i < count; i++)
                {
                    _left[i] = from + i;
                    _ratings[i] = estimate.Utility(_bids[from + i]);
                }
                for (int added = 0; added <= TopSelectedBids; added++)
                {
                    int best = count - 1;
                    double bestValue = _ratings[best];
                    for (int i = 0; i < count; i++)
                        if (_ratings[i] > bestValue) { best = i; bestValue = _ratings[i]; }
                    int position = _left[best];
                    QueueLast((_keys[position], _bids[position]));
                    count--;
                    Array.Copy(_left, best + 1, _left, best, count - best);
                    Array.Copy(_ratings, best + 1, _ratings, best, count - best);
                }
            }
        }
        if (_opponentBest is not null && _queue[_queueStart].Key < _opponentBestEntry.Key)
            QueueFirst(_opponentBestEntry);
    }

    private void QueueLast((double Key, Outcome Bid) entry)
    {
        if (_queueStart + _queueCount == _queue.Length) Array.Resize(ref _queue, _queue.Length * 2);
        _queue[_queueStart + _queueCount++] = entry;
    }

    private void QueueFirst((double Key, Outcome Bid) entry)
    {
        if (_queueStart == 0)
        {
            if (_queueCount == _queue.Length) Array.Resize(ref _queue, _queue.Length * 2);
            Array.Copy(_queue, 0, _queue, 1, _queueCount);
            _queueStart = 1;
        }
        _queue[--_queueStart] = entry;
        _queueCount++;
    }

    /// <summary>Position of the largest key strictly below <paramref name="key"/> (TreeMap.lowerEntry), or −1.</summary>
    private int Lower(double key)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (_keys[mid] < key) lo = mid + 1; else hi = mid; }
        return lo - 1;
    }

    private void ReceiveOffers()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            _opponentLast = offer;
            _opponentBids++;
            _model.Observe(entry.Party, offer, entry.Time);
            if (_opponentBest is not { } best || context.Index.Utility(offer) > context.Index.Utility(best)) _opponentBest = offer;
            // The original walks down the bid list from the best bid's utility to its entry.
            int position = _position.TryGetValue(_opponentBest.Value, out int at) ? at : _keys.Length - 1;
            _opponentBestEntry = (_keys[position], _bids[position]);
        }
    }
}
