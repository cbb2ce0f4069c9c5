using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;

namespace Parley.Agents.Anac.Y2015;

/// <summary>
/// ParsAgent, ANAC 2015 (Khosravimehr and Nassiri-Mofakham), after GENIUS's
/// <c>agents.anac.y2015.ParsAgent.ParsAgent</c>. Multilateral. A time-dependent party
/// (<see cref="TimeDependentParty.TargetUtility"/>, e = 0.15, or 0.2 when the domain is discounted) whose target has a
/// floor of 0.7, and three ways of making a bid, tried in this order:
/// <list type="bullet">
/// <item><b>Accepted-bid neighbours</b> (<c>getNNBid</c>): once some party has accepted an offer, every such bid with one
/// issue — drawn with probability its weight — set to a random value, once per issue; the best for ParsAgent above the
/// target.</item>
/// <item><b>Mutual issues</b> (<c>getMutualIssues</c>): per issue, the value both opponents name most often (their top
/// value, or one of their two most frequent values when fewer than half the issues agree on the top one); the other
/// issues at their first value. Offered when above the target.</item>
/// <item><b>My best bid</b> (<c>getMybestBid</c>): its best bid with its least important issue — drawn with probability
/// proportional to 1/weight, else the issue of lowest weight — set to a random value that keeps the bid above the
/// target.</item>
/// </list>
/// It accepts an offer worth more than the target (never below 0.7) and never walks away.
/// Kept from the original because they shape its behaviour:
/// <list type="bullet">
/// <item>the first mover's first bid: the target is not defined before the first offer is heard (the discount flag that
/// picks e is unset, and the Java throws), so the worst issue of the best bid gets any random value;</item>
/// <item>the "first value" of an issue without mutual value: the original means the best value of the issue but stops
/// after looking at the first (for integer issues it does take the best bid's value);</item>
/// <item>the top two values per opponent are found in the order of a Java <c>HashMap</c> (<see cref="JavaOrder"/>), and a
/// new maximum does not push the old one to second place;</item>
/// <item>when a party accepts, the bid recorded as accepted is the last offer ParsAgent heard, which is not the accepted
/// one when the acceptance is of ParsAgent's own offer; the list of accepted bids keeps the original's insertion rule;</item>
/// <item>under a round deadline the target of the first round is exactly 1, so nothing is above it: the second mover's
/// first bid, too, is the best bid with a random value of its worst issue.</item>
/// </list>
/// The search in <c>getMybestBid</c> draws random values until one is above the target or a millisecond of wall time
/// has passed (hundreds of draws); here it draws uniformly among the values above the target (the distribution that
/// rejection sampling converges to), else any value. Math.random and the party's random source are the context's
/// seeded <see cref="Random"/>. Issue weights are those of a linear-additive profile (equal weights otherwise: the
/// original requires an additive space); real-valued issues are Parley's discretised values.
/// </summary>
public sealed class ParsAgent : GeniusTurnAgent
{
    private const double MinimumTarget = 0.7;
    private const double UndiscountedE = 0.15, DiscountedE = 0.20;

    private UtilityFunction? _utility;
    private double[] _weights = [];
    private int[] _bestBid = [];
    private double[][] _bestBidWith = [];       // u(best bid with issue i set to value v)
    private bool[] _isInteger = [];
    private bool _hasReal;
    private int[] _values = [];
    private readonly OpponentCounts[] _opponents = [new(), new()]; // A: the first to offer; B: everyone else
    private int _opponentA = -1, _opponentB = -1;
    private readonly List<AcceptedBid> _acceptedBids = [];
    private bool _acceptedUnknownBid;           // an acceptance heard before any offer (the original then fails)
    private bool? _withDiscount;
    private Outcome? _lastBid;
    private bool _lastActionAccept;
    private int _seen;
    private int[] _mutual = [];                 // per issue the mutual value, −1 for none
    private readonly int[] _topA = new int[2], _topB = new int[2];

    /// <inheritdoc />
    public override string Name => "ParsAgent";

    private sealed record AcceptedBid(Outcome Bid, int[] Values, double Utility);

    /// <summary>Per issue, how often one opponent named each value, and the values in the order it first named them.</summary>
    private sealed class OpponentCounts
    {
        public int[][] Count = [];
        public int[][] Seen = [];           // values in first-named order
        public int[] SeenCount = [];
        public int[][] SeenHash = [];       // the Java hash of each named value's text, in first-named order
        public int[][] IterationOrder = []; // the Java HashMap's iteration order over the named values
        public bool Offered;

        public void Reset(OutcomeSpace space)
        {
            Count = [.. space.Issues.Select(i => new int[i.ValueCount])];
            Seen = [.. space.Issues.Select(i => new int[i.ValueCount])];
            SeenCount = new int[space.IssueCount];
            SeenHash = [.. space.Issues.Select(i => new int[i.ValueCount])];
            IterationOrder = [.. space.Issues.Select(_ => Array.Empty<int>())];
            Offered = false;
        }

        public void Add(OutcomeSpace space, ReadOnlySpan<int> values)
        {
            Offered = true;
            for (int i = 0; i < values.Length; i++)
            {
                int v = values[i];
                if (Count[i][v]++ > 0) continue;
                var issue = space.Issues[i];
                // ValueDiscrete hashes as its text; ValueInteger's hash is 0, so its map keeps insertion order.
                SeenHash[i][SeenCount[i]] = issue is IntegerIssue ? 0 : JavaOrder.StringHash(issue.FormatValue(v));
                Seen[i][SeenCount[i]++] = v;
                IterationOrder[i] = HashMapOrder(Seen[i].AsSpan(0, SeenCount[i]), SeenHash[i].AsSpan(0, SeenCount[i]));
            }
        }

        /// <summary>
        /// The values in a Java HashMap's iteration order (<see cref="JavaOrder.HashMapPositions"/>): by bucket of their
        /// hash at the map's capacity, then in insertion order.
        /// </summary>
        private static int[] HashMapOrder(ReadOnlySpan<int> values, ReadOnlySpan<int> hashes)
        {
            int n = values.Length, capacity = JavaOrder.HashMapCapacity(n);
            var order = new int[n];
            Span<int> buckets = n <= 256 ? stackalloc int[n] : new int[n];
            for (int k = 0; k < n; k++)
            {
                int bucket = JavaOrder.Bucket(hashes[k], capacity), at = k;
                while (at > 0 && buckets[at - 1] > bucket)
                {
                    buckets[at] = buckets[at - 1];
                    order[at] = order[at - 1];
                    at--;
                }
                buckets[at] = bucket;
                order[at] = values[k];
            }
            return order;
        }

        /// <summary>The original's "two most frequent values": a new maximum replaces the first without moving it to second.</summary>
        public void TopTwo(int issue, int[] top)
        {
            int max0 = 0, max1 = 0;
            top[0] = top[1] = -1;
            foreach (int v in IterationOrder[issue])
            {
                int c = Count[issue][v];
                if (c > max0) { max0 = c; top[0] = v; }
                else if (c > max1) { max1 = c; top[1] = v; }
            }
        }
    }

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        var space = context.Space;
        int n = space.IssueCount;
        _utility = context.Profile.Utility;
        _weights = _utility is LinearAdditiveUtility linear ? [.. linear.Weights] : [.. Enumerable.Repeat(1.0 / n, n)];
        _bestBid = new int[n];
        space.Decode(SortedOutcomeSpace.For(context.Index).FirstBest, _bestBid); // getMaxUtilityBid
        _values = new int[n];
        _bestBidWith = new double[n][];
        _bestBid.AsSpan().CopyTo(_values);
        for (int i = 0; i < n; i++)
        {
            _bestBidWith[i] = new double[space.Issues[i].ValueCount];
            for (int v = 0; v < _bestBidWith[i].Length; v++)
            {
                _values[i] = v;
                _bestBidWith[i][v] = _utility.Utility(_values);
            }
            _values[i] = _bestBid[i];
        }
        _isInteger = [.. space.Issues.Select(i => i is IntegerIssue)];
        _hasReal = space.Issues.Any(i => i is RealIssue);
        foreach (var o in _opponents) o.Reset(space);
        _opponentA = _opponentB = -1;
        _acceptedBids.Clear();
        _acceptedUnknownBid = false;
        _withDiscount = null;
        _lastBid = null;
        _lastActionAccept = false;
        _seen = 0;
        _mutual = new int[n];
    }

    /// <summary>The target at GENIUS time <paramref name="t"/> (never below 0.7), or NaN while it is undefined.</summary>
    public double Target(double t)
    {
        if (_withDiscount is not bool discounted) return double.NaN; // the original throws here
        double target = TimeDependentParty.TargetUtility(discounted ? DiscountedE : UndiscountedE, t, GeniusTime.Offset(Context));
        return target < MinimumTarget ? MinimumTarget : target; // NaN stays NaN, as in the Java
    }

    /// <inheritdoc />
    protected override void Decide(in SaoState state)
    {
        var context = Context;
        Observe();
        Accepting = false;
        if (_lastBid is not { } lastBid)
        {
            Bid = MyBestBid(double.NaN);
            return;
        }
        double target = Target(GeniusTime.Of(context, state));
        if (context.Utility(lastBid) > target)
        {
            Accepting = true;
            Bid = lastBid;
            return;
        }
        // Null when the original fails inside its bid search (an accepted bid it never heard; an issue type its mutual
        // bid does not support) and falls back to its best bid.
        var bid = _acceptedUnknownBid ? null : OfferMyNewBid(target);
        if (bid is null || !_lastActionAccept && context.Utility(bid.Value) < target) bid = MyBestBid(target);
        Bid = bid.Value;
    }

    /// <summary>The other parties' actions since the last turn, as the original's <c>receiveMessage</c>.</summary>
    private void Observe()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Party == context.PartyIndex) continue;
            _lastActionAccept = entry.Action == NegotiationAction.Accept;
            if (entry.Action == NegotiationAction.Offer && entry.Outcome is { } offer)
            {
                double u = context.Utility(offer);
                if (_withDiscount is null)
                {
                    double d = Profile.NormaliseDiscount(context.Profile.DiscountFactor);
                    _withDiscount = u * Math.Pow(d, GeniusTime.OfRound(context, entry.Round, entry.Time)) != u;
                }
                if (_opponentA < 0) _opponentA = entry.Party;
                else if (_opponentB < 0 && entry.Party != _opponentA) _opponentB = entry.Party;
                context.Space.Decode(offer, _values);
                _opponents[entry.Party == _opponentA ? 0 : 1].Add(context.Space, _values);
                _lastBid = offer;
            }
            else if (entry.Action == NegotiationAction.Accept)
            {
                if (_lastBid is { } accepted) AddAcceptedBid(accepted);
                else if (_acceptedBids.Count == 0) _acceptedUnknownBid = true; // the Java adds a null entry
            }
        }
    }

    /// <summary>The original's insertion into its list of accepted bids: after the last bid worth no more, unless already there.</summary>
    private void AddAcceptedBid(Outcome bid)
    {
        if (_acceptedUnknownBid) return; // the Java's null entry makes every later insertion fail
        double u = Context.Utility(bid);
        int at = _acceptedBids.Count;
        for (int i = 0; i < _acceptedBids.Count; i++)
        {
            if (_acceptedBids[i].Utility > u) continue;
            if (_acceptedBids[i].Bid == bid) return;
            at = i;
        }
        var values = new int[Context.Space.IssueCount];
        Context.Space.Decode(bid, values);
        _acceptedBids.Insert(at, new AcceptedBid(bid, values, u));
    }

    private Outcome? OfferMyNewBid(double target)
    {
        var context = Context;
        if (_acceptedBids.Count > 0 && AcceptedBidNeighbour(target) is { } neighbour && context.Utility(neighbour) >= target)
            return neighbour;
        if (_hasReal) return null; // the original's mutual bid throws on a real issue
        MutualIssues();
        for (int i = 0; i < _values.Length; i++)
            _values[i] = _mutual[i] >= 0 ? _mutual[i] : _isInteger[i] ? _bestBid[i] : 0; // the original's MyBestValue bug
        var bid = context.Space.Encode(_values);
        return context.Utility(bid) > target ? bid : MyBestBid(target);
    }

    /// <summary>
    /// <c>getNNBid</c>: once per issue, an issue drawn by weight; every accepted bid with that issue at a random value;
    /// the best for ParsAgent above the target, or null.
    /// </summary>
    private Outcome? AcceptedBidNeighbour(double target)
    {
        var random = Context.Random;
        var space = Context.Space;
        double best = 0;
        Outcome? bestBid = null;
        for (int k = 0; k < _weights.Length; k++)
        {
            int issue = ChooseBestIssue(random);
            if (issue < 0) continue; // the Java fails on issue number 0 before drawing
            foreach (var accepted in _acceptedBids)
            {
                accepted.Values.AsSpan().CopyTo(_values);
                _values[issue] = random.Next(space.Issues[issue].ValueCount);
                double u = _utility!.Utility(_values);
                if (u > target && u > best)
                {
                    best = u;
                    bestBid = space.Encode(_values);
                }
            }
        }
        return bestBid;
    }

    /// <summary>
    /// <c>getMutualIssues</c>: per issue the value both opponents name most, −1 where they differ; when fewer than half the
    /// issues agree (and no bid has been accepted yet), a match among their two most frequent values.
    /// </summary>
    private void MutualIssues()
    {
        Array.Fill(_mutual, -1);
        var a = _opponents[0];
        var b = _opponents[1];
        if (!a.Offered || !b.Offered) return;
        int agreed = MutualPass(strict: true);
        if (_acceptedBids.Count == 0 && agreed < 0.5 * _mutual.Length)
        {
            Array.Fill(_mutual, -1);
            MutualPass(strict: false);
        }
    }

    private int MutualPass(bool strict)
    {
        int agreed = 0;
        for (int i = 0; i < _mutual.Length; i++)
        {
            _opponents[0].TopTwo(i, _topA);
            _opponents[1].TopTwo(i, _topB);
            if (strict)
            {
                if (_topA[0] >= 0 && _topA[0] == _topB[0]) _mutual[i] = _topA[0];
            }
            else
            {
                for (int m = 0; m < 2 && _mutual[i] < 0; m++)
                    for (int z = 0; z < 2 && _mutual[i] < 0; z++)
                        if (_topA[m] >= 0 && _topA[m] == _topB[z]) _mutual[i] = _topA[m];
            }
            if (_mutual[i] >= 0) agreed++;
        }
        return agreed;
    }

    /// <summary>
    /// <c>getMybestBid</c>: the best bid with its least important issue (<see cref="ChooseWorstIssue"/>) at a random
    /// value above the target, any random value when none is (or when the target is undefined).
    /// </summary>
    private Outcome MyBestBid(double target)
    {
        var random = Context.Random;
        int issue = ChooseWorstIssue(random);
        var with = _bestBidWith[issue];
        int above = 0;
        foreach (double u in with) if (u > target) above++;
        int value;
        if (above == 0) value = random.Next(with.Length);
        else
        {
            int k = random.Next(above);
            value = 0;
            for (int v = 0; v < with.Length; v++)
                if (with[v] > target && k-- == 0) { value = v; break; }
        }
        _bestBid.AsSpan().CopyTo(_values);
        _values[issue] = value;
        return Context.Space.Encode(_values);
    }

    /// <summary>
    /// <c>chooseWorstIssue</c>: from the last issue down, the first where the running sum of 1/weight exceeds a uniform
    /// draw on [0, 100); failing that the issue of lowest weight (the last such going down).
    /// </summary>
    private int ChooseWorstIssue(Random random)
    {
        double r = random.NextDouble() * 100, sum = 0, min = 1.0;
        int lowest = 0;
        for (int i = _weights.Length - 1; i >= 0; i--)
        {
            sum += 1.0 / _weights[i];
            if (_weights[i] < min) { min = _weights[i]; lowest = i; }
            if (sum > r) return i;
        }
        return lowest;
    }

    /// <summary><c>chooseBestIssue</c>: from the last issue down, the first where the running weight sum exceeds a uniform draw; −1 if none.</summary>
    private int ChooseBestIssue(Random random)
    {
        double r = random.NextDouble(), sum = 0;
        for (int i = _weights.Length - 1; i >= 0; i--)
        {
            sum += _weights[i];
            if (sum > r) return i;
        }
        return -1;
    }
}
