using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2011;

/// <summary>
/// Nice Tit for Tat, ANAC 2011 (Baarslag, Hindriks and Jonker, "A tit for tat negotiation strategy for real-time
/// bilateral negotiations", in Complex Automated Negotiations, 2013), after GENIUS's
/// <c>agents.anac.y2011.Nice_Tit_for_Tat.NiceTitForTat</c>. Bilateral, discrete issues.
/// <list type="bullet">
/// <item><b>Opponent model</b>: GENIUS's scalable Bayesian model (<see cref="ScalableBayesianModel"/>, shared with the
/// BOA framework), fed the opponent's latest offer on each of its turns from its second on (until t = 0.99; in domains
/// over 10 000 outcomes until t = 0.5).</item>
/// <item><b>Nash estimate</b>: its own utility at the Nash point of its utility and the modelled opponent utility
/// (domains under 200 000 outcomes, else 0.7), times a multiplier 1.4 − 0.6·initial gap, kept within [0.5, 1].</item>
/// <item><b>Tit for tat</b>: it concedes towards its Nash utility the share the opponent has conceded towards it (from the
/// lowest utility of the opponent's first offers, t ≤ 0.01, to the best it has offered); late (t &gt; 0.91, or 0.85 in
/// domains over 3 000 outcomes) and under discounting a bonus closes part of the remaining gap to Nash.</item>
/// <item><b>Bid choice</b>: the outcomes within [0.98·target, target + 0.05] (widening by 0.01 until at least two), the top
/// tenth (3 to 20) the model rates best for the opponent, one of them at random; the opponent's best offer instead when
/// that is at least as good.</item>
/// <item><b>Acceptance</b>: an offer at least as good as its next bid; from t = 0.98 one better than what it expects from
/// waiting (the chance of a better offer in the remaining window times their average), when few offers are still to
/// come. Accepting while better offers may still come, it first offers the opponent's best offer (up to four times).</item>
/// </list>
/// Time is GENIUS's (<see cref="GeniusTime"/>); the random choice among the best bids is the context's seeded source (the
/// original's unseeded <c>java.util.Random</c>). The Nash point is the first outcome, in GENIUS's enumeration order, of
/// highest Nash product (GENIUS takes the first on its Pareto frontier: the same point unless two share the product).
/// </summary>
public sealed class NiceTitForTat : GeniusTurnAgent, IHasOpponentModel
{
    private const double FirstBidsTime = 0.01; // TIME_USED_TO_DETERMINE_OPPONENT_STARTING_POINT

    private readonly ScalableBayesianModel _model = new();
    private readonly List<BidDetails> _opponentHistory = [];
    private BidDetails _opponentBest;            // the last of the opponent's offers of highest utility (BidHistory.getBestBidDetails)
    private double _minimumOfFirstBids;          // lowest utility among its offers in (0, 0.01] of utility in (0, 1]; −1 for none
    private int _opponent, _seen, _offeredOpponentBestBid, _myBids;
    private long _domainSize;
    private double _myNashUtility, _initialGap;
    private Outcome _openingBid;
    private int[] _values = [], _otherValues = [];
    private int[][] _valueHashes = [];
    private const int MaxTop = 20;
    private readonly Outcome[] _topBid = new Outcome[MaxTop];  // the best bids for the opponent so far, best first
    private readonly double[] _topUtility = new double[MaxTop];
    private readonly int[] _topHash = new int[MaxTop];
    private readonly bool[] _topHashed = new bool[MaxTop];
    private int _topSize, _topCount;
    private ScalableBayesianEstimate? _topEstimate;
    private int _nashAt = -1;
    private int[]? _valuesByRank;
    private double? _rawNash;

    /// <inheritdoc />
    public override string Name => "NiceTitForTat";

    /// <summary>The scalable Bayesian model of the opponent.</summary>
    public IOpponentModel OpponentModel => _model;

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        if (context.PartyCount != 2) throw new NotSupportedException("NiceTitForTat is a bilateral agent: it negotiates with exactly one opponent.");
        if (!context.Space.IsDiscrete || !context.Space.IsEnumerable) throw new NotSupportedException("NiceTitForTat needs an enumerable space of discrete issues.");
        _model.Initialize(context);
        _opponent = 1 - context.PartyIndex;
        _opponentHistory.Clear();
        _minimumOfFirstBids = -1;
        _seen = _offeredOpponentBestBid = _myBids = 0;
        _domainSize = context.Space.Count;
        _myNashUtility = _initialGap = 0;
        _openingBid = SortedOutcomeSpace.For(context.Index).FirstBest;
        _values = new int[context.Space.IssueCount];
        _otherValues = new int[context.Space.IssueCount];
        _valueHashes = SortedOutcomeSpace.JavaValueHashes(context.Space);
        _nashAt = -1;
        _valuesByRank = null;
        _rawNash = null;
    }

    private bool IsDomainBig => _domainSize > 10_000;
    private double U(Outcome o) => Context.Index.Utility(o);

    private void ReceiveOffers()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer) continue;
            var details = new BidDetails(offer, U(offer), GeniusTime.OfRound(context, entry.Round, entry.Time));
            _opponentHistory.Add(details);
            if (_opponentHistory.Count == 1 || details.MyUtility >= _opponentBest.MyUtility) _opponentBest = details;
            if (InWindow(details, 0, 1, 0, FirstBidsTime) && (details.MyUtility <= _minimumOfFirstBids || _minimumOfFirstBids == -1))
                _minimumOfFirstBids = details.MyUtility;
        }
    }

    // BilateralAgent.chooseAction: opening bid; first counter-bid; then the counter-bid, each checked by the acceptance condition.
    protected override void Decide(in SaoState state)
    {
        ReceiveOffers();
        double time = GeniusTime.Of(Context, state);
        Accepting = false;
        if (_opponentHistory.Count == 0) Offer(_openingBid);
        else
        {
            var planned = _myBids == 0 ? _openingBid : ChooseCounterBid(time);
            if (IsAcceptable(planned, time)) MakeAcceptAction(time);
            else Offer(planned);
        }
    }

    private void Offer(Outcome bid)
    {
        Bid = bid;
        _myBids++;
    }

    private Outcome ChooseCounterBid(double time)
    {
        if (time <= 0.99 && !(IsDomainBig && time > 0.5))
        {
            _model.Observe(_opponent, _opponentHistory[^1].Bid, time);
            UpdateMyNashUtility();
        }
        double maximumOffered = _opponentBest.MyUtility;
        double minimumOfFirstBids = _minimumOfFirstBids != -1 ? _minimumOfFirstBids : _opponentHistory[0].MyUtility;
        double opponentConcession = maximumOffered - minimumOfFirstBids;
        double opponentConcedeFactor = Math.Min(1, opponentConcession / (_myNashUtility - minimumOfFirstBids));
        double myConcession = opponentConcedeFactor * (1 - _myNashUtility);
        double target = 1 - myConcession;
        _initialGap = 1 - minimumOfFirstBids;
        double gapToNash = Math.Max(0, target - _myNashUtility);
        target -= Bonus(time) * gapToNash;
        return MakeAppropriate(BestBidForOpponent(target));
    }

    // The original's BidHistory.filterBetween: utility in (minU, maxU], time in (minT, maxT].
    private static bool InWindow(in BidDetails b, double minU, double maxU, double minT, double maxT) =>
        minU < b.MyUtility && b.MyUtility <= maxU && minT < b.Time && b.Time <= maxT;

    private double Bonus(double time)
    {
        double d = Context.Profile.DiscountFactor;
        double discountFactor = d > 0 && d <= 1 ? d : 1;
        double discountBonus = 0.5 - 0.4 * discountFactor;
        bool isBigDomain = _domainSize > 3000;
        double minTime = isBigDomain ? 0.85 : 0.91;
        double timeBonus = time > minTime ? Math.Min(1, 20 * (time - minTime)) : 0;
        return Math.Clamp(Math.Max(discountBonus, timeBonus), 0, 1);
    }

    private void UpdateMyNashUtility()
    {
        _myNashUtility = 0.7;
        double multiplier = Math.Max(0, 1.4 - 0.6 * _initialGap);
        if (_domainSize < 200_000 && RawNashUtility() is { } nash) _myNashUtility = nash;
        _myNashUtility = Math.Clamp(_myNashUtility * multiplier, 0.5, 1);
    }

    // Own utility at the outcome of highest Nash product (own utility − reserved value)·(modelled opponent utility), the
    // first in enumeration order (first issue fastest, as Parley's index); recomputed only when the model has learned.
    // The outcomes are visited from the best for itself down, and the scan stops once the own utility minus the reserved
    // value is below a positive best product: the modelled utility is in [0, 1] (the additive sum lies between the
    // sums of the issues' extremes, taken in the same order, and floating-point addition and division are monotone), so
    // no outcome further down can reach it. Ties go to the lowest outcome index, as the first in enumeration order would.
    // The model rates NaN either every outcome or none (its extremes are then NaN or equal), so the outcomes skipped
    // would not have marked it crashed either.
    private double? RawNashUtility()
    {
        var estimate = _model.Estimate(_opponent);
        if (_nashAt == estimate.Offers && !estimate.Crashed) return _rawNash;
        var context = Context;
        var index = context.Index;
        var space = context.Space;
        double reserved = context.Profile.ReservedValue.At(0);
        double best = -1;
        long bestAt = -1;
        double? nash = null;
        var table = ValuesByRank();
        int n = _values.Length;
        for (int r = index.Count - 1; r >= 0; r--)
        {
            double mine = index.UtilityAt(r);
            if (best > 0 && mine - reserved < best) break;
            var outcome = index.OutcomeAt(r);
            ReadOnlySpan<int> values = _values;
            if (table is not null) values = table.AsSpan(r * n, n);
            else space.Decode(outcome, _values);
            double product = (mine - reserved) * estimate.Utility(values);
            long at = (long)outcome.LowIndex;
            if (product > best || (product == best && bestAt >= 0 && at < bestAt)) { best = product; bestAt = at; nash = mine; }
        }
        _nashAt = estimate.Offers;
        _rawNash = nash;
        return nash;
    }

    // Every outcome's value indices, rank by rank of the utility index (issue count per rank), for spaces of at most
    // MaxTabulated outcomes: built once per utility function and shared, it spares a decoding per outcome rated.
    private const int MaxTabulated = 1 << 16;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Parley.Preferences.UtilityIndex, int[]> RankValues = new();

    private int[]? ValuesByRank()
    {
        var context = Context;
        var index = context.Index;
        if (!index.IsExact || index.Count > MaxTabulated) return null;
        return _valuesByRank ??= RankValues.GetValue(index, i =>
        {
            var space = context.Space;
            int n = space.IssueCount;
            var table = new int[i.Count * n];
            for (int r = 0; r < i.Count; r++) space.Decode(i.OutcomeAt(r), table.AsSpan(r * n, n));
            return table;
        });
    }

    // The bids: every outcome with utility in [0.98·target, max], max from target + 0.05 up by 0.01 until two are found
    // (one once max ≥ 1); in big domains only the first two in enumeration order; none: the opening bid. Of them, the top
    // n (3 to 20: a tenth of the bids) by the model's utility for the opponent — ties in GENIUS's order, by the Java hash
    // of the BidDetails, then in enumeration order — and one of them at random. The bids are index ranks [from, to),
    // never listed: only the top n are kept, in a small buffer, by the same total order a stable sort would give them.
    private Outcome BestBidForOpponent(double target)
    {
        if (target > 1) target = 1;
        double min = target * 0.98, max = target + 0.04;
        var index = Context.Index;
        int from = index.RankAtLeast(min), to = from, count = index.Count;
        do
        {
            max += 0.01;
            while (to < count && index.UtilityAt(to) <= max) to++;
            int bids = to - from;
            if (IsDomainBig && bids > 2) return BestOfFirstTwo(from, to);
            if (bids > 1 || (max >= 1 && bids > 0)) return BestOf(from, to);
        } while (max <= 1);
        BeginTop(1);
        Consider(_openingBid);
        return PickTop();
    }

    private Outcome BestOf(int from, int to)
    {
        var index = Context.Index;
        BeginTop(to - from);
        if (ValuesByRank() is { } table)
        {
            int n = _values.Length;
            for (int r = from; r < to; r++) Consider(index.OutcomeAt(r), table.AsSpan(r * n, n));
        }
        else
            for (int r = from; r < to; r++) Consider(index.OutcomeAt(r));
        return PickTop();
    }

    // Big domains: the two first bids in enumeration order.
    private Outcome BestOfFirstTwo(int from, int to)
    {
        var index = Context.Index;
        Outcome first = index.OutcomeAt(from), second = index.OutcomeAt(from + 1);
        if (second < first) (first, second) = (second, first);
        for (int r = from + 2; r < to; r++)
        {
            var o = index.OutcomeAt(r);
            if (o < first) (first, second) = (o, first);
            else if (o < second) second = o;
        }
        BeginTop(2);
        Consider(first);
        Consider(second);
        return PickTop();
    }

    private void BeginTop(int bids)
    {
        _topSize = Math.Min(Math.Clamp((int)Math.Floor(bids / 10.0 + 0.5), 3, 20), bids);
        _topCount = 0;
        _topEstimate = _model.Estimate(_opponent);
    }

    // Rates a bid (every bid is rated: a rating can mark the estimate crashed) and keeps it when among the top.
    private void Consider(Outcome bid)
    {
        Context.Space.Decode(bid, _values);
        Consider(bid, _values);
    }

    private void Consider(Outcome bid, ReadOnlySpan<int> values)
    {
        double u = _topEstimate!.Utility(values);
        int hash = 0;
        bool hashed = false;
        int pos = _topCount;
        while (pos > 0)
        {
            int c = u.CompareTo(_topUtility[pos - 1]); // utility descending
            if (c == 0)
            {
                if (!hashed) { hash = SortedOutcomeSpace.JavaBidDetailsHash(_valueHashes, values, u, 0.0); hashed = true; }
                c = TopHash(pos - 1).CompareTo(hash);  // then hash ascending
                if (c == 0) c = _topBid[pos - 1].CompareTo(bid); // then enumeration order
            }
            if (c <= 0) break;
            pos--;
        }
        if (pos >= _topSize) return;
        int last = Math.Min(_topCount, _topSize - 1);
        for (int k = last; k > pos; k--)
        {
            _topBid[k] = _topBid[k - 1];
            _topUtility[k] = _topUtility[k - 1];
            _topHash[k] = _topHash[k - 1];
            _topHashed[k] = _topHashed[k - 1];
        }
        _topBid[pos] = bid;
        _topUtility[pos] = u;
        _topHash[pos] = hash;
        _topHashed[pos] = hashed;
        if (_topCount < _topSize) _topCount++;
    }

    private int TopHash(int k)
    {
        if (!_topHashed[k])
        {
            Context.Space.Decode(_topBid[k], _otherValues);
            _topHash[k] = SortedOutcomeSpace.JavaBidDetailsHash(_valueHashes, _otherValues, _topUtility[k], 0.0);
            _topHashed[k] = true;
        }
        return _topHash[k];
    }

    private Outcome PickTop() => _topBid[Context.Random.Next(_topCount)];

    private Outcome MakeAppropriate(Outcome planned)
    {
        var best = _opponentBest;
        return best.MyUtility >= U(planned) ? best.Bid : planned;
    }

    private bool IsAcceptable(Outcome planned, double time)
    {
        double offered = _opponentHistory[^1].MyUtility;
        if (offered >= U(planned)) return true;
        if (time < 0.98) return false;
        double timeLeft = 1 - time;
        int recent = CountInWindow(time - timeLeft, time);
        if (recent > (IsDomainBig ? 40 : 10)) return false;
        double window = timeLeft;
        int better = 0;
        double sum = 0;
        foreach (var b in _opponentHistory)
            if (InWindow(b, offered, 1, time - window, time)) { better++; sum += b.MyUtility; }
        double p = Math.Min(1, timeLeft / window);
        double allMiss = better == 0 ? 1 : Math.Pow(1 - p, better);
        double average = better == 0 ? 0 : sum / better;
        return offered > (1 - allMiss) * average;
    }

    // The opponent's offers of utility in (0, 1] made in (minT, maxT].
    private int CountInWindow(double minT, double maxT)
    {
        int count = 0;
        foreach (var b in _opponentHistory) if (InWindow(b, 0, 1, minT, maxT)) count++;
        return count;
    }

    private void MakeAcceptAction(double time)
    {
        double offered = _opponentHistory[^1].MyUtility;
        double timeLeft = 1 - time;
        int expectedBids = CountInWindow(time - timeLeft, time);
        var best = _opponentBest;
        if (expectedBids > 1 && best.MyUtility > offered && _offeredOpponentBestBid <= 3)
        {
            _offeredOpponentBestBid++;
            Offer(best.Bid);
        }
        else
        {
            Accepting = true;
            Bid = best.Bid; // not offered: the negotiation ends with the acceptance
        }
    }
}
