using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2012;

/// <summary>
/// AgentLG, second at ANAC 2012 (Luzon Gal), after GENIUS's <c>agents.anac.y2012.AgentLG.AgentLG</c>. Bilateral and
/// deterministic: it draws no random number, so under a round deadline it repeats GENIUS's sessions offer by offer.
/// <list type="bullet">
/// <item><b>Bid list</b>: its outcomes worth at least a lower bound between its best utility and what the opponent's
/// first offer gives it (three quarters of the way down, narrower for huge spaces), in descending utility.</item>
/// <item><b>Opponent model</b>: per issue, how often the opponent named each value; a bid's modelled utility is the sum
/// over issues of count / the issue's largest count.</item>
/// <item><b>Before t = 0.6</b> it cycles through the top of the list, letting one more band of bids in every 0.1 of time
/// while they stay above the bound; <b>from t = 0.6</b> it widens the band to the first bid the opponent model rates as
/// highly as any in the band (every 0.05), and after t = 0.9 narrows towards the bid the model likes best between the
/// band and the middle of its best and the opponent's first offer; <b>at t ≥ 0.9995</b> it offers the opponent's best
/// offer for it. Once it has offered a bid the opponent offered before, it repeats it.</item>
/// <item><b>Acceptance</b>: an offer worth (discounted) at least 99 % of its last bid, 90 % after t = 0.999, or at
/// least the lowest bid of its band.</item>
/// </list>
/// Quirks kept from the original: after t = 0.9 the band's update time is never reset, so it is revisited every turn;
/// ties in utility keep GENIUS's enumeration order (last issue fastest, each issue's values in the order of a Java
/// HashMap's key set, <see cref="JavaOrder"/>). Time is GENIUS's (<see cref="GeniusTime"/>).
/// </summary>
public sealed class AgentLG : GeniusTurnAgent, IHasOpponentModel
{
    private const int MinSize = 160_000;
    private Outcome[]? _bids;          // the bid list, best first (null until the opponent's first offer is known)
    private double[] _utilities = [];
    private readonly List<Outcome> _opponentBids = [];
    private readonly HashSet<Outcome> _opponentBidSet = [];
    private int[][] _counts = [];
    private int[] _maxCounts = [];   // per issue, its largest count (counts only grow)
    private int[] _values = [];
    private Outcome _maxForMe, _maxLastOpponentBid, _myBest;
    private Outcome? _myLast;
    private bool _bidLast;
    private int _index, _possible, _seen;
    private double _lastTimeLeft;

    private OpponentModelView? _view;

    /// <inheritdoc />
    public override string Name => "AgentLG";

    /// <summary>AgentLG's value-count model of the opponent, scaled to [0, 1] (the mean over issues of count / largest count).</summary>
    public IOpponentModel OpponentModel => _view ??= new OpponentModelView(() => CurrentContext, (party, outcome) =>
        CurrentContext is { } c && party != c.PartyIndex && _opponentBids.Count > 0 ? OpponentUtility(outcome) / Math.Max(1, _counts.Length) : null);

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        _bids = null;
        _opponentBids.Clear();
        _opponentBidSet.Clear();
        _counts = [.. context.Space.Issues.Select(i => new int[i.ValueCount])];
        _maxCounts = new int[_counts.Length];
        _values = new int[context.Space.IssueCount];
        _myBest = SortedOutcomeSpace.For(context.Index).FirstBest;
        _myLast = null;
        _bidLast = false;
        _index = _possible = _seen = 0;
        _lastTimeLeft = 0;
    }

    private double U(Outcome o) => Context.Index.Utility(o);

    private double Discounted(double u, double t)
    {
        double d = Context.Profile.DiscountFactor;
        return d > 0 && d < 1 ? u * Math.Pow(d, t) : u;
    }

    protected override void Decide(in SaoState state)
    {
        Observe();
        var context = Context;
        double time = GeniusTime.Of(context, state);
        Accepting = false;
        Outcome offer;
        if (_myLast is null || _opponentBids.Count == 0)
            offer = _myBest;
        else
        {
            var opponentLast = _opponentBids[^1];
            double opponentUtility = Discounted(U(opponentLast), time);
            double myUtility = Discounted(U(_myLast.Value), time);
            if (opponentUtility >= myUtility * 0.99 || (time > 0.999 && opponentUtility >= myUtility * 0.9) || MyBidsMinUtility(time) <= opponentUtility)
            {
                Accepting = true;
                Bid = _myLast.Value;
                return;
            }
            if (_bidLast) offer = _myLast.Value;
            else if (time < 0.6) offer = NextOptimalBid(time);
            else if (time >= 0.9995)
            {
                offer = _maxForMe;
                if (Discounted(U(offer), time) < Discounted(context.ReservedValue(time), time)) offer = _bids![_possible];
            }
            else offer = NextBid(time);
        }
        _myLast = offer;
        if (_opponentBidSet.Contains(offer)) _bidLast = true;
        Bid = offer;
    }

    private double MyBidsMinUtility(double time)
    {
        EnsureBids();
        return Discounted(_utilities[_possible], time);
    }

    /// <summary>Before t = 0.6: the next bid of the band, which grows by one utility level every 0.1 of time while above the bound.</summary>
    private Outcome NextOptimalBid(double time)
    {
        EnsureBids();
        var bids = _bids!;
        var offer = bids[_index];
        _index++;
        double myBest = Discounted(U(_myBest), time);
        double opponentBest = Discounted(U(_opponentBids[0]), time);
        double downBond = myBest - (myBest - opponentBest) / 4;
        if (time - _lastTimeLeft > 0.1 && _possible < bids.Length - 1 && downBond <= Discounted(_utilities[_possible + 1], time))
        {
            double future = Discounted(_utilities[_possible], time + 0.1);
            while (Discounted(_utilities[_possible], time) >= future && _possible < bids.Length - 1) _possible++;
            _lastTimeLeft = time;
        }
        if (_index > _possible) _index = 0;
        _maxLastOpponentBid = _maxForMe;
        return offer;
    }

    /// <summary>From t = 0.6: the next bid of the band; the band follows the opponent model.</summary>
    private Outcome NextBid(double time)
    {
        var bids = _bids!;
        var offer = bids[_index];
        _index++;
        if (_index <= _possible) return offer;
        if (time >= 0.9)
        {
            if (time - _lastTimeLeft > 0.008)
            {
                double average = (U(_myBest) + U(_opponentBids[0])) / 2;
                if (_index >= bids.Length) _index = bids.Length - 1;
                else if (_utilities[_index] < average)
                {
                    _index--;
                    double best = 0;
                    int bestIndex = _possible;
                    for (int i = _possible; i <= _index; i++)
                    {
                        double u = OpponentUtility(bids[i]);
                        if (u > best) { best = u; bestIndex = i; }
                    }
                    _possible = bestIndex;
                }
                else _index--;
            }
            else _index = 0;
        }
        else
        {
            _index = 0;
            double discount = Context.Profile.DiscountFactor;
            if (time - _lastTimeLeft > 0.05 && (U(_maxForMe) > U(_maxLastOpponentBid) || (discount < 1 && time - _lastTimeLeft > 0.1)))
            {
                double best = 0;
                for (int i = 0; i <= _possible; i++) best = Math.Max(best, OpponentUtility(bids[i]));
                for (int i = _possible + 1; i < bids.Length; i++)
                    if (OpponentUtility(bids[i]) >= best) { _possible = i; break; }
                _maxLastOpponentBid = _maxForMe;
                _lastTimeLeft = time;
            }
        }
        return offer;
    }

    /// <summary>The opponent model: Σ over issues of count(value) / the issue's largest count.</summary>
    private double OpponentUtility(Outcome outcome)
    {
        Context.Space.Decode(outcome, _values);
        double sum = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            int count = _counts[i][_values[i]];
            if (count > 0) sum += (double)count / _maxCounts[i];
        }
        return sum;
    }

    /// <summary>
    /// The bid list: every outcome worth at least myBest − (myBest − u(first opponent offer))·f and at least the reserved
    /// value, f = 0.75 (times 0.85 while 160 000 or more remain), best first; equal utilities in GENIUS's enumeration order.
    /// </summary>
    private void EnsureBids()
    {
        if (_bids is not null) return;
        var context = Context;
        var index = context.Index;
        var space = context.Space;
        double myBest = U(_myBest), opponentBest = U(_opponentBids[0]);
        double reservation = context.ReservedValue(0);
        double fraction = 0.75;
        int end = index.Count; // ranks [start, end) pass the filter
        int start;
        while (true)
        {
            double bound = myBest - (myBest - opponentBest) * fraction;
            start = index.RankAtLeast(Math.Max(bound, reservation));
            if (end - start < MinSize) break;
            fraction *= 0.85;
        }
        int n = end - start;
        var bids = new Outcome[n];
        var keys = new (double Utility, UInt128 Ordinal)[n];
        var radices = space.Radices.ToArray();
        // GENIUS enumerates each issue's values in the order of its evaluator's HashMap (getValues() is its key set).
        var valueOrder = space.Issues.Select(i => i is DiscreteIssue d ? JavaOrder.HashMapPositions(d.Values) : Enumerable.Range(0, i.ValueCount).ToArray()).ToArray();
        for (int k = 0; k < n; k++)
        {
            var o = index.OutcomeAt(end - 1 - k);
            bids[k] = o;
            space.Decode(o, _values);
            UInt128 ordinal = 0;
            for (int i = 0; i < _values.Length; i++) ordinal = ordinal * (UInt128)radices[i] + (UInt128)valueOrder[i][_values[i]];
            keys[k] = (-index.UtilityAt(end - 1 - k), ordinal);
        }
        Array.Sort(keys, bids);
        _bids = bids;
        _utilities = Array.ConvertAll(bids, index.Utility);
    }

    private void Observe()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            _opponentBids.Add(offer);
            _opponentBidSet.Add(offer);
            context.Space.Decode(offer, _values);
            for (int i = 0; i < _values.Length; i++)
                if (++_counts[i][_values[i]] > _maxCounts[i]) _maxCounts[i] = _counts[i][_values[i]];
            if (_opponentBids.Count == 1 || U(_maxForMe) < U(offer)) _maxForMe = offer;
        }
    }
}
