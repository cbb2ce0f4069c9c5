using System.Runtime.CompilerServices;
using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;

namespace Parley.Agents.Anac.Y2016;

/// <summary>
/// The Caduceus team's own agent, the expert of score 1 in <see cref="Caduceus"/>'s portfolio, after GENIUS's
/// <c>agents.anac.y2016.caduceus.agents.Caduceus.Caduceus</c>. Multilateral; needs a linear additive profile over
/// discrete issues (the original's "sane" utility spaces copy GENIUS's discrete evaluators).
/// <list type="bullet">
/// <item><b>Best-offer phase</b>: before 83 % of the deadline (times δ) its best bid.</item>
/// <item><b>Opponent profiles</b> (<c>Opponent</c>): per opponent a frequency model that starts at zero; every offer
/// adds the round value 2t² − 101t + 100 (rounded up to three decimals) to each offered value, and to an issue's weight
/// once for every value of the opponent's previous offer (on any issue) whose name equals the issue's value now.</item>
/// <item><b>Nash product</b> (<c>NashProductCalculator</c>): its own space and every profile are normalised in place
/// (values to sum 1 per issue, weights to sum 1), and the outcomes are scanned for the largest product of utilities.
/// The original never resets its running product between outcomes, and every factor is at most 1, so its "Nash bid" is
/// the first outcome of the enumeration when every party values it above zero, and none otherwise (an opponent
/// model whose weights were all zero at a normalisation has NaN weights from then on, so none).</item>
/// <item><b>Counter-offer</b> (<c>CounterOfferGenerator</c>): outcomes become points (per issue its weighted value in
/// the normalised own space, normalised to sum 10); from its best bid's point it moves t along the direction to the
/// Nash bid (its best bid when there is none), divided by the original's norm, which is the absolute value of the last
/// component only; it offers the outcome nearest that concession point, skipping those no more than 0.1 above the best
/// bid's point in any component, and keeping the first outcome unless another is strictly nearer (with no direction,
/// a zero or NaN one, every distance is NaN: the first outcome).</item>
/// <item><b>Not playing nice</b>: a counter-offer worth less than max(0.75, reserved value) (discounted) becomes a
/// random bid worth at least that (undiscounted).</item>
/// <item><b>Acceptance</b>: the last offer received when it is worth more than its own bid plus 0.2 (discounted).</item>
/// </list>
/// The original draws the random bid by rejection from uniform bids with an unseeded generator; Parley draws uniformly
/// among the outcomes worth at least the floor (the same distribution) from the context's seeded source, and offers its
/// best bid when none is worth that much (the original would loop forever). Time is GENIUS's (<see cref="GeniusTime"/>).
/// </summary>
public sealed class Caduceus2016 : GeniusTurnAgent
{
    private const double BestOfferShare = 0.83, SelfReservationFloor = 0.75, AcceptMargin = 0.2, SameAsBestPrecision = 0.1;
    private const double PointScale = 10; // "expand the space"
    private const long BidSpaceLimit = 1 << 22; // points kept (the original's bidSpace) up to this many numbers; else computed per scan

    /// <summary>An opponent's profile: its modelled (sane) utility space and its previous offer.</summary>
    private sealed class OpponentProfile(int party, int[] radices)
    {
        public int Party { get; } = party;
        public double[] Weights { get; } = new double[radices.Length];
        public double[][] Values { get; } = [.. radices.Select(r => new double[r])];
        public int[] Previous { get; } = new int[radices.Length];
        public bool HasPrevious { get; set; }
    }

    private readonly List<OpponentProfile> _profiles = [];
    private OutcomeSpace _space = null!;
    private SortedOutcomeSpace _sorted = null!;
    private int[] _radices = [];
    private double[] _myWeights = [];   // the own sane space, normalised
    private double[][] _myValues = [];
    private int[][] _nameIds = [];      // per issue and value: the value's name, case-insensitively, as an id
    private int[] _values = [], _best = [], _nash = [], _odometer = [], _nearest = [];
    /// <summary>
    /// What depends only on the own profile (its points and the slab of candidates), computed once per utility function
    /// and shared read-only by every negotiation that uses it (with the best bid it was made for).
    /// </summary>
    private sealed record OwnPoints(Outcome Best, double[] BidSpace, int[] Order, double[] Keys, int Component);
    private static readonly ConditionalWeakTable<LinearAdditiveUtility, OwnPoints> PointsCache = new();

    private LinearAdditiveUtility _additive = null!;
    private double[]? _bidSpace;
    private int[]? _slabOrder;          // the outcomes that may be offered (finite points, not the best bid's), by one component
    private double[] _slabKeys = [];    // that component of each, ascending
    private int _slabComponent;
    private double[] _maxPoint = [], _nashPoint = [], _concession = [], _point = [];
    private Outcome _bestBid;
    private Outcome? _previousBid;
    private double _myFirstUtility, _selfReservation, _discount, _bestOfferUntil;
    private bool _rounds;
    private int _seen;

    /// <inheritdoc />
    public override string Name => "caduceus2016";

    /// <inheritdoc />
    protected override void Start(NegotiatorContext context)
    {
        if (!context.Space.IsDiscrete || context.Profile.Utility is not LinearAdditiveUtility additive)
            throw new ArgumentException("caduceus2016 needs a linear additive profile over discrete issues.");
        _space = context.Space;
        _additive = additive;
        _sorted = SortedOutcomeSpace.For(context.Index);
        int n = _space.IssueCount;
        _radices = _space.Radices.ToArray();
        _myWeights = new double[n];
        _myValues = new double[n][];
        _nameIds = new int[n][];
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < n; i++)
        {
            _myWeights[i] = additive.Weights[i];
            _myValues[i] = new double[_radices[i]];
            _nameIds[i] = new int[_radices[i]];
            for (int v = 0; v < _radices[i]; v++)
            {
                _myValues[i][v] = additive.Evaluators[i].Score(_space.Issues[i], v);
                string name = _space.Issues[i].FormatValue(v);
                if (!names.TryGetValue(name, out int id)) names[name] = id = names.Count;
                _nameIds[i][v] = id;
            }
        }
        _myFirstUtility = Normalize(_myWeights, _myValues); // the original renormalises it every turn: no change beyond rounding
        _bidSpace = null;
        _slabOrder = null;
        _values = new int[n];
        _best = new int[n];
        _nash = new int[n];
        _odometer = new int[n];
        _nearest = new int[n];
        _maxPoint = new double[n];
        _nashPoint = new double[n];
        _concession = new double[n];
        _point = new double[n];
        _bestBid = _sorted.FirstBest; // GENIUS's getMaxUtilityBid
        _space.Decode(_bestBid, _best);
        _profiles.Clear();
        _previousBid = null;
        _seen = 0;
        _selfReservation = Math.Max(SelfReservationFloor, context.ReservedValue(0));
        _discount = Profile.NormaliseDiscount(context.Profile.DiscountFactor);
        double share = BestOfferShare * _discount;
        _rounds = GeniusTime.TotalRounds(context) is not null;
        _bestOfferUntil = GeniusTime.TotalRounds(context) is int total ? total * share : share;
    }

    /// <inheritdoc />
    protected override void Decide(in SaoState state)
    {
        Hear();
        Accepting = false;
        Bid = _bestBid;
        double current = _rounds ? state.Round + 1 : state.Time; // GENIUS's getCurrentTime
        if (current < _bestOfferUntil) return;

        double time = GeniusTime.Of(Context, state);
        var bid = CounterOffer(NashBidIsFirst(), time);
        double discounting = Math.Pow(_discount, time);
        if (Context.Utility(bid) * discounting < _selfReservation) bid = RandomBid(); // "I will not play nice!"
        double previous = _previousBid is { } p ? Context.Utility(p) * discounting : 0;
        if (previous > Context.Utility(bid) * discounting + AcceptMargin) Accepting = true;
        Bid = bid;
    }

    /// <summary>The original's round value: 2t² − 101t + 100, rounded up to three decimals (its DecimalFormat, CEILING).</summary>
    public static double RoundValue(double t)
    {
        double x = 2 * Math.Pow(t, 2) - 101 * t + 100;
        double k = Math.Ceiling(x * 1000);
        // The exact sign of 1000x − k (one rounding), as DecimalFormat rounds the double's exact value.
        if (Math.FusedMultiplyAdd(x, 1000, -k) > 0) k++;
        else if (Math.FusedMultiplyAdd(x, 1000, -(k - 1)) <= 0) k--;
        return k / 1000;
    }

    /// <summary>Hears the other parties' offers: updates their profiles and the last offer received.</summary>
    private void Hear()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Party == context.PartyIndex || entry.Action != NegotiationAction.Offer || entry.Outcome is not { } offer) continue;
            var profile = ProfileOf(entry.Party);
            double roundValue = RoundValue(GeniusTime.OfRound(context, entry.Round, entry.Time));
            _space.Decode(offer, _values);
            for (int i = 0; i < _values.Length; i++)
            {
                profile.Values[i][_values[i]] += roundValue;
                if (!profile.HasPrevious) continue;
                int name = _nameIds[i][_values[i]];
                for (int j = 0; j < _values.Length; j++)
                    if (_nameIds[j][profile.Previous[j]] == name) profile.Weights[i] += roundValue;
            }
            _values.CopyTo(profile.Previous, 0);
            profile.HasPrevious = true;
            _previousBid = offer;
        }
    }

    private OpponentProfile ProfileOf(int party)
    {
        foreach (var p in _profiles) if (p.Party == party) return p;
        var profile = new OpponentProfile(party, _radices);
        _profiles.Add(profile);
        return profile;
    }

    /// <summary>
    /// The NashProductCalculator: normalises every space in place and tells whether its "Nash bid" is the first outcome
    /// (every party values it above zero; the running product is never reset, so no later outcome beats it) or none.
    /// </summary>
    private bool NashBidIsFirst()
    {
        double product = _myFirstUtility;
        foreach (var p in _profiles) product *= Normalize(p.Weights, p.Values);
        return product > 0;
    }

    /// <summary>Normalises a sane space in place; returns its utility of the first outcome (value 0 on every issue).</summary>
    private static double Normalize(double[] weights, double[][] values)
    {
        double issueSum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            var issue = values[i];
            double valueSum = 0;
            foreach (double u in issue) valueSum += u;
            for (int v = 0; v < issue.Length; v++) issue[v] /= valueSum;
            issueSum += weights[i];
        }
        double first = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= issueSum;
            first += weights[i] * values[i][0];
        }
        return first;
    }

    /// <summary>
    /// The CounterOfferGenerator's bid at <paramref name="time"/>: the outcome nearest the concession point, the best
    /// bid's point moved by <paramref name="time"/> along the (original's) unit vector towards the Nash bid.
    /// </summary>
    private Outcome CounterOffer(bool nashIsFirst, double time)
    {
        long nearest = 0;
        if (nashIsFirst) Array.Clear(_nash);
        else _best.CopyTo(_nash, 0);
        VectorizeBid(_best, _maxPoint, 0);
        VectorizeBid(_nash, _nashPoint, 0);
        int n = _maxPoint.Length;
        double norm = Math.Sqrt(Square(_nashPoint[n - 1] - _maxPoint[n - 1])); // the original's norm keeps only the last term
        bool finite = true;
        for (int i = 0; i < n; i++)
        {
            _concession[i] = _maxPoint[i] + (_nashPoint[i] - _maxPoint[i]) / norm * time;
            if (!double.IsFinite(_concession[i])) finite = false;
        }
        Array.Clear(_nearest);
        if (!finite) return _space.Encode(_nearest); // every distance is NaN or infinite: the first outcome stays
        // getBidCloseToConcessionPoint over GENIUS's enumeration order (issue 0 fastest), as Parley's outcome indices.
        long count = _space.Count;
        if (_bidSpace is null && count * n <= BidSpaceLimit) LoadPoints(count);
        if (_bidSpace is { } bidSpace)
        {
            nearest = NearestInSlab(bidSpace, _slabOrder!);
            goto Decode;
        }
        double minDistance = double.NaN, minSquares = double.NaN;
        Array.Clear(_odometer);
        for (long index = 0; index < count; index++)
        {
            double[] point;
            int offset;
            if (_bidSpace is { } all) { point = all; offset = (int)(index * n); }
            else
            {
                if (index > 0) for (int i = 0; i < n && ++_odometer[i] == _radices[i]; i++) _odometer[i] = 0;
                VectorizeBid(_odometer, _point, 0);
                point = _point;
                offset = 0;
            }
            // A partial sum of squares above the nearest's cannot give a strictly smaller distance: stop early (exact).
            double squares = SquaredDistance(point, offset, index == 0 ? double.PositiveInfinity : minSquares);
            double d = Math.Sqrt(squares);
            if (index == 0) (minDistance, minSquares) = (d, squares); // the first outcome stays unless another is strictly nearer
            else if (d < minDistance && !SameAsBest(point, offset))
            {
                (minDistance, minSquares) = (d, squares);
                nearest = index;
            }
        }
    Decode:
        for (int i = 0; i < n; i++)
        {
            (nearest, long value) = Math.DivRem(nearest, (long)_radices[i]);
            _nearest[i] = (int)value;
        }
        return _space.Encode(_nearest);
    }

    /// <summary>Every outcome's point and the slab of candidates: from the cache when made for this profile and best bid, else computed (and cached).</summary>
    private void LoadPoints(long count)
    {
        if (PointsCache.TryGetValue(_additive, out var cached) && cached.Best == _bestBid)
        {
            (_bidSpace, _slabOrder, _slabKeys, _slabComponent) = (cached.BidSpace, cached.Order, cached.Keys, cached.Component);
            return;
        }
        _bidSpace = VectorizeAll(count);
        _slabOrder = BuildSlab(_bidSpace, count);
        PointsCache.AddOrUpdate(_additive, new OwnPoints(_bestBid, _bidSpace, _slabOrder, _slabKeys, _slabComponent));
    }

    /// <summary>
    /// The outcomes the scan may choose besides the first (those with finite points not the same as the best bid's:
    /// others never win, their distance being NaN or infinite or their point excluded), sorted by the component that
    /// spreads most, for <see cref="NearestInSlab"/>.
    /// </summary>
    private int[] BuildSlab(double[] all, long count)
    {
        int n = _radices.Length;
        var candidates = new List<int>();
        for (int index = 0; index < count; index++)
        {
            int offset = index * n;
            bool finite = true;
            for (int i = 0; i < n; i++) finite &= double.IsFinite(all[offset + i]);
            if (finite && !SameAsBest(all, offset)) candidates.Add(index);
        }
        double widest = -1;
        _slabComponent = 0;
        for (int i = 0; i < n; i++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (int index in candidates) { min = Math.Min(min, all[index * n + i]); max = Math.Max(max, all[index * n + i]); }
            if (max - min > widest) { widest = max - min; _slabComponent = i; }
        }
        var order = candidates.ToArray();
        _slabKeys = new double[order.Length];
        for (int k = 0; k < order.Length; k++) _slabKeys[k] = all[order[k] * n + _slabComponent];
        Array.Sort(_slabKeys, order);
        return order;
    }

    /// <summary>
    /// getBidCloseToConcessionPoint's choice without scanning every outcome: the first outcome in enumeration order of
    /// least distance among the first outcome and the candidates (what the scan keeps: the first outcome unless another
    /// is strictly nearer, each later one only when strictly nearer). A sum of squares is at least each of its terms,
    /// so walking out from the concession point's component stops where that term alone exceeds the nearest's squared
    /// distance by a margin (10⁻⁹ relative, far beyond the rounding of a square root): no outcome beyond can be as near.
    /// </summary>
    private long NearestInSlab(double[] all, int[] order)
    {
        int n = _radices.Length;
        double best = Math.Sqrt(SquaredDistance(all, 0, double.PositiveInfinity));
        if (double.IsNaN(best)) return 0; // nothing is nearer than NaN: the first outcome stays
        long nearest = 0;
        double limit = best * best * (1 + 1e-9);
        int component = _slabComponent;
        double c = _concession[component];
        var keys = _slabKeys;
        int start = Array.BinarySearch(keys, c);
        if (start < 0) start = ~start;
        for (int k = start; k < keys.Length && Square(c - keys[k]) <= limit; k++) Visit(k);
        for (int k = start - 1; k >= 0 && Square(c - keys[k]) <= limit; k--) Visit(k);
        return nearest;

        void Visit(int k)
        {
            int index = order[k];
            double squares = SquaredDistance(all, index * n, limit);
            if (squares > limit) return;
            double d = Math.Sqrt(squares);
            if (d < best || d == best && index < nearest)
            {
                best = d;
                nearest = index;
                limit = best * best * (1 + 1e-9);
            }
        }
    }

    /// <summary>The original's <c>bidSpace</c>: every outcome's point, in outcome-index order (computed once: the own space does not change).</summary>
    private double[] VectorizeAll(long count)
    {
        int n = _radices.Length;
        var all = new double[count * n];
        Array.Clear(_odometer);
        for (long index = 0; index < count; index++)
        {
            if (index > 0) for (int i = 0; i < n && ++_odometer[i] == _radices[i]; i++) _odometer[i] = 0;
            VectorizeBid(_odometer, all, (int)(index * n));
        }
        return all;
    }

    /// <summary>The original's <c>vectorizeBid</c>: per issue weight × value in the own normalised space, normalised to sum 1, times 10.</summary>
    private void VectorizeBid(int[] bid, double[] point, int offset)
    {
        double sum = 0;
        for (int i = 0; i < bid.Length; i++)
        {
            point[offset + i] = _myWeights[i] * _myValues[i][bid[i]];
            sum += point[offset + i];
        }
        for (int i = 0; i < bid.Length; i++) point[offset + i] = point[offset + i] / sum * PointScale;
    }

    /// <summary>The squared distance from the concession point, or a partial sum once it exceeds <paramref name="bound"/>.</summary>
    private double SquaredDistance(double[] point, int offset, double bound)
    {
        double distance = 0;
        for (int i = 0; i < _concession.Length && !(distance > bound); i++) distance += Square(_concession[i] - point[offset + i]);
        return distance;
    }

    /// <summary>The original's <c>UtilFunctions.equals</c> with the best bid's point: no component more than 0.1 above it.</summary>
    private bool SameAsBest(double[] point, int offset)
    {
        for (int i = 0; i < _maxPoint.Length; i++) if (point[offset + i] - _maxPoint[i] > SameAsBestPrecision) return false;
        return true;
    }

    private static double Square(double x) => x * x;

    /// <summary>A uniformly drawn outcome worth at least the self reservation value (undiscounted); the best bid when none is.</summary>
    private Outcome RandomBid()
    {
        int low = 0, high = _sorted.Count; // first position worth less than the floor (utilities descend)
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_sorted.UtilityAt(middle) >= _selfReservation) low = middle + 1;
            else high = middle;
        }
        return low == 0 ? _bestBid : _sorted.OutcomeAt(Context.Random.Next(low));
    }
}
