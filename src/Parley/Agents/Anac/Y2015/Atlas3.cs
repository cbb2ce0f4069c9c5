using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;
using Parley.Protocols;

namespace Parley.Agents.Anac.Y2015;

/// <summary>
/// Atlas3, winner of ANAC 2015 (Mori and Ito, Nagoya Institute of Technology), after GENIUS's
/// <c>agents.anac.y2015.Atlas3.Atlas3</c>. Multilateral. Its parts, named as in the original:
/// <list type="bullet">
/// <item><b>Negotiating info</b>: per opponent, value frequencies of its offers (and one table over all opponents); the
/// best utility offered so far (BOU); the <b>popular bid list</b> (PBList), the distinct bids every other party supported
/// (an offer followed by acceptances from all the remaining opponents), best first for Atlas3, and its maximum (MPBU).</item>
/// <item><b>Strategy</b>: a 2×2 <b>game matrix</b> of the final phase (hard-line or compromise, for Atlas3 and the
/// others) with the compromise worth C = BOU bilaterally, MPBU with more parties; the opponents' mixed equilibrium q
/// gives the expected utility E of the final offer phase, and the threshold is E + (1 − E)(1 − t) without discount,
/// max(1 − t/d, E/d^t) with discount factor d. An offer worth at least the threshold is accepted; when the discounted
/// reserved value reaches it Atlas3 walks away.</item>
/// <item><b>Bid search</b>: from a random bid, a <b>neighbourhood search</b> (every one-issue change; the least good
/// bids at or above the threshold, one drawn at random); failing that a <b>relative-utility search</b> from the best
/// bid (linear spaces), or <b>simulated annealing</b> (T from 1 to 0.0001, cooling 0.999) once the relative search has
/// failed; failing that the best bid. Then each issue, in random order, takes the value the opponents offered most
/// when that costs Atlas3 nothing.</item>
/// <item><b>Final offer phase</b>: when fewer of its own turns remain than popular bids (plus one), Atlas3 offers the
/// popular bids one by one, best first, while each is worth more than the offer on the table and its reserved value;
/// otherwise accepts the offer on the table when worth more than its reserved value.</item>
/// </list>
/// Kept from the original because they shape its behaviour: a party counts as supporting a bid when it accepts after
/// it, and a bid Atlas3 did not hear (its own) is never the "offered bid", so with three parties an acceptance of
/// Atlas3's own offer adds the previous opponent offer to the popular list; bilaterally every distinct opponent offer is
/// "popular" (the opponent's offer is supported by all n − 1 = 1 other parties), so the final offer phase starts as
/// many own turns before the deadline as the opponent has offered distinct bids. The best bid is searched at the start
/// by simulated annealing (threshold 1) as in the original and updated by every later search. Time is GENIUS's
/// (<see cref="GeniusTime"/>); the original's unseeded <c>java.util.Random</c> and <c>Collections.shuffle</c> are the
/// context's seeded random source. Real-valued issues are searched over Parley's discretised values, as the original
/// does for integer issues. Atlas3 cannot walk away before the first offer (Parley asks the first mover for an offer).
/// </summary>
public sealed class Atlas3 : INegotiator
{
    private const double StartTemperature = 1.0, EndTemperature = 0.0001, Cool = 0.999;
    private const double FinalPhaseTime = 1.0, PConcedeFirst = 0.5;

    private NegotiatorContext? _context;
    private UtilityFunction? _utility;
    private int[][] _valueOrder = [];          // scratch for shuffled value orders
    private int[] _issueOrder = [];
    private int[][] _allFrequency = [];        // value counts over all opponents' offers
    private readonly Dictionary<int, int[][]> _opponentFrequency = [];
    private double[][] _relativeUtility = [];  // u(best with issue i set to v) − u(best), at the start
    private int[] _maxBid = [];
    private double _maxBidUtility;
    private bool _linear;
    private double _bou, _mpbu;
    private readonly List<Outcome> _popularBids = [];
    private readonly List<double> _popularUtilities = [];
    private DistinctOutcomes? _popularSet;
    private int _supporters, _concessionIndex, _ownTurns, _seen;
    private double _timeScale;
    private Outcome? _offeredBid;
    private int _decidedStep = -1;
    private SaoResponse _decidedResponse;
    private Outcome _decidedBid;
    private double[][]? _scores;                // per issue the weighted scores of a tabulated linear additive utility
    private int[] _values = [], _baseBid = [], _bid = [], _current = [];
    private Targets _targets = new(0);
    private bool _searchedMaxBid;

    /// <inheritdoc />
    public string Name => "Atlas3";

    /// <summary>The popular bids so far, best first for Atlas3.</summary>
    public IReadOnlyList<Outcome> PopularBids => _popularBids;

    /// <summary>True once the relative-utility search has failed and bids are searched by simulated annealing.</summary>
    public bool SearchesByAnnealing => !_linear;

    /// <summary>The best utility any opponent has offered Atlas3 so far (BOU).</summary>
    public double BestOfferedUtility => _bou;

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _utility = context.Profile.Utility;
        var space = context.Space;
        int n = space.IssueCount;
        _valueOrder = [.. space.Issues.Select(i => Enumerable.Range(0, i.ValueCount).ToArray())];
        _issueOrder = [.. Enumerable.Range(0, n)];
        _allFrequency = [.. space.Issues.Select(i => new int[i.ValueCount])];
        _opponentFrequency.Clear();
        _linear = true;
        _bou = _mpbu = 0;
        _popularBids.Clear();
        _popularUtilities.Clear();
        _popularSet = null;
        _supporters = _concessionIndex = _ownTurns = _seen = 0;
        _timeScale = 0;
        _offeredBid = null;
        _decidedStep = -1;
        _scores = ScoreTables(_utility);
        _values = new int[n];
        _baseBid = new int[n];
        _bid = new int[n];
        _current = new int[n];
        _targets = new Targets(n);
        _searchedMaxBid = false;
    }

    /// <summary>
    /// The original's start-up search for its best bid (and the relative utilities around it), made at the first
    /// decision: its random source is its own (nothing else draws from it before), so this is the same search, and a
    /// negotiation that ends before Atlas3 decides (as Caduceus's expert, asked only late) skips it.
    /// </summary>
    private void SearchMaxBid()
    {
        _searchedMaxBid = true;
        var context = Context;
        var space = context.Space;
        int n = space.IssueCount;
        InitMaxBid(context.ReservedValue(0));
        _relativeUtility = new double[n][];
        var probe = (int[])_maxBid.Clone();
        for (int i = 0; i < n; i++)
        {
            _relativeUtility[i] = new double[_valueOrder[i].Length];
            for (int v = 0; v < _relativeUtility[i].Length; v++)
            {
                probe[i] = v;
                _relativeUtility[i][v] = Utility(probe) - _maxBidUtility;
            }
            probe[i] = _maxBid[i];
        }
    }

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Decide(state);
        return _decidedResponse == SaoResponse.Accept && !Context.IsAllowed(offer, state.Time) ? SaoResponse.Reject : _decidedResponse;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        Decide(state);
        return Context.NearestAllowed(_decidedBid, state.Time); // the bid itself when allowed
    }

    /// <summary>The threshold at GENIUS time <paramref name="t"/> from the game matrix of the final offer phase.</summary>
    public double Threshold(double t, int partyCount)
    {
        double df = Profile.NormaliseDiscount(Context.Profile.DiscountFactor), rv = Context.ReservedValue(t);
        double c = partyCount == 2 ? _bou : _mpbu;   // the compromise's estimated utility
        double a11 = rv * df;                          // both hard-line
        double a12 = Math.Pow(df, FinalPhaseTime);     // Atlas3 hard-line, others compromise
        double a21 = c >= rv ? c * Math.Pow(df, FinalPhaseTime) : rv * df; // Atlas3 compromises, others hard-line
        double a22 = PConcedeFirst * a21 + (1.0 - PConcedeFirst) * a12;    // both compromise
        double q = 1.0;                                // the opponents' equilibrium probability of hard-line
        if (a12 - a22 != 0 && 1.0 - (a11 - a21) / (a12 - a22) != 0) q = 1.0 / (1.0 - (a11 - a21) / (a12 - a22));
        if (q < 0.0 || q > 1.0) q = 1.0;
        double target = (q * a21 + (1 - q) * a22) / Math.Pow(df, t);
        return df == 1.0 ? target + (1.0 - target) * (1.0 - t) : Math.Max(1.0 - t / df, target);
    }

    private void Decide(in SaoState state)
    {
        if (_decidedStep == state.Step) return;
        _decidedStep = state.Step;
        if (!_searchedMaxBid) SearchMaxBid();
        var context = Context;
        Observe(state.PartyCount);
        double t = GeniusTime.Of(context, state);
        _ownTurns++;
        _timeScale = t / _ownTurns;
        double rv = context.ReservedValue(t);
        _decidedResponse = SaoResponse.Reject;
        double offeredUtility = _offeredBid is { } o ? context.Utility(o) : 0;
        bool finalPhase = t > 1.0 - _timeScale * (_popularBids.Count + 1);
        if (finalPhase)
        {
            // Final offer phase: walk back through the popular bids, best first.
            if (_concessionIndex < _popularBids.Count)
            {
                double cUtility = _popularUtilities[_concessionIndex];
                if (cUtility > offeredUtility && cUtility > rv)
                {
                    _decidedBid = _popularBids[_concessionIndex++];
                    return;
                }
                if (offeredUtility > rv && _offeredBid is not null) { _decidedResponse = SaoResponse.Accept; _decidedBid = _offeredBid.Value; return; }
            }
            else if (offeredUtility >= rv && _offeredBid is not null) { _decidedResponse = SaoResponse.Accept; _decidedBid = _offeredBid.Value; return; }
        }
        double threshold = Threshold(t, state.PartyCount); // the same value wherever the original recomputes it this turn
        if (!finalPhase && _offeredBid is not null)
        {
            if (offeredUtility >= threshold) { _decidedResponse = SaoResponse.Accept; _decidedBid = _offeredBid.Value; return; }
            double df = Profile.NormaliseDiscount(context.Profile.DiscountFactor);
            if (rv * Math.Pow(df, t) >= threshold) { _decidedResponse = SaoResponse.WalkAway; _decidedBid = _offeredBid.Value; return; }
        }
        _decidedBid = SearchBid(threshold);
    }

    /// <summary>Reads the actions of the other parties since the last turn, as the original's <c>receiveMessage</c>.</summary>
    private void Observe(int partyCount)
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Party == context.PartyIndex) continue;
            if (entry.Action == NegotiationAction.Accept)
            {
                OpponentFrequency(entry.Party);
                _supporters++;
            }
            else if (entry.Action == NegotiationAction.Offer && entry.Outcome is { } offer)
            {
                var counts = OpponentFrequency(entry.Party);
                _supporters = 1;
                _offeredBid = offer;
                double u = context.Utility(offer);
                if (u > _bou) _bou = u;
                var values = _values;
                context.Space.Decode(offer, values);
                for (int i = 0; i < values.Length; i++) { counts[i][values[i]]++; _allFrequency[i][values[i]]++; }
            }
            else continue;
            if (_supporters == partyCount - 1 && _offeredBid is { } popular) AddPopularBid(popular);
        }
    }

    private int[][] OpponentFrequency(int party)
    {
        if (!_opponentFrequency.TryGetValue(party, out var counts))
            _opponentFrequency[party] = counts = [.. Context.Space.Issues.Select(i => new int[i.ValueCount])];
        return counts;
    }

    /// <summary>Adds a bid to the popular list once, keeping it sorted best first (stable: after bids as good).</summary>
    private void AddPopularBid(Outcome bid)
    {
        _popularSet ??= new DistinctOutcomes(Context.Space);
        if (!_popularSet.Add(bid)) return;
        double u = Context.Utility(bid);
        _mpbu = Math.Max(_mpbu, u);
        // After the last bid worth at least u (the list descends): found by bisection.
        int at = 0, end = _popularUtilities.Count;
        while (at < end)
        {
            int middle = (at + end) >>> 1;
            if (_popularUtilities[middle] < u) end = middle;
            else at = middle + 1;
        }
        _popularBids.Insert(at, bid);
        _popularUtilities.Insert(at, u);
    }

    // ---- Bid search -------------------------------------------------------------------------------------------

    private Outcome SearchBid(double threshold)
    {
        var random = Context.Random;
        var baseBid = _baseBid;
        for (int i = 0; i < baseBid.Length; i++) baseBid[i] = random.Next(_valueOrder[i].Length);
        var bid = _bid;
        NeighbourhoodSearch(baseBid, threshold, bid);
        if (Utility(bid) < threshold) AppropriateSearch(baseBid, threshold, bid);
        if (Utility(bid) < threshold) _maxBid.AsSpan().CopyTo(bid);
        ConvertByFrequency(bid);
        return Context.Space.Encode(bid);
    }

    /// <summary>The utility of a bid: the profile's, summed as <see cref="LinearAdditiveUtility"/> sums its tables when it has them.</summary>
    private double Utility(int[] bid)
    {
        if (_scores is not { } scores) return _utility!.Utility(bid);
        double sum = 0;
        for (int i = 0; i < scores.Length; i++) sum += scores[i][bid[i]];
        return sum > 1.0 ? 1.0 : sum;
    }

    /// <summary>The weighted score tables of a linear additive utility whose every issue is tabulated (its own sum reads them), else null.</summary>
    private static double[][]? ScoreTables(UtilityFunction utility)
    {
        if (utility is not LinearAdditiveUtility additive) return null;
        var tables = new double[utility.Space.IssueCount][];
        for (int i = 0; i < tables.Length; i++)
        {
            if (!additive.IsTabulated(i)) return null;
            tables[i] = additive.WeightedScores(i).ToArray();
        }
        return tables;
    }

    private void UpdateMaxBid(int[] bid, double utility)
    {
        if (utility < _maxBidUtility) return;
        bid.AsSpan().CopyTo(_maxBid);
        _maxBidUtility = utility;
    }

    /// <summary>Writes into <paramref name="result"/> one of the least good one-issue changes of <paramref name="baseBid"/> still at or above the threshold, drawn at random (else the base bid).</summary>
    private void NeighbourhoodSearch(int[] baseBid, double threshold, int[] result)
    {
        var targets = _targets;
        targets.Clear();
        var random = Context.Random;
        var current = _current;
        baseBid.AsSpan().CopyTo(current);
        for (int i = 0; i < current.Length; i++)
        {
            for (int v = 0; v < _valueOrder[i].Length; v++)
            {
                current[i] = v;
                double u = Utility(current);
                UpdateMaxBid(current, u);
                targets.Collect(current, u, threshold, random);
            }
            current[i] = baseBid[i];
        }
        (targets.Count == 0 ? baseBid : targets.Chosen).AsSpan().CopyTo(result);
    }

    /// <summary>
    /// The original's list of the least good bids at or above the threshold (one entry per time a bid is met, so a bid
    /// met twice is twice as likely), from which it draws one uniformly: kept as a reservoir sample of one, which
    /// draws from the same distribution without storing the list.
    /// </summary>
    private sealed class Targets(int issues)
    {
        public int[] Chosen { get; } = new int[issues];
        public int Count { get; private set; }
        private double _utility;

        public void Clear() => Count = 0;

        public void Collect(int[] bid, double u, double threshold, Random random)
        {
            if (u < threshold) return;
            if (Count == 0 || u < _utility) { Count = 1; _utility = u; bid.AsSpan().CopyTo(Chosen); }
            else if (u == _utility && random.Next(++Count) == 0) bid.AsSpan().CopyTo(Chosen);
        }
    }

    /// <summary>From <paramref name="baseBid"/>, the relative-utility search or annealing, into <paramref name="bid"/>.</summary>
    private void AppropriateSearch(int[] baseBid, double threshold, int[] bid)
    {
        baseBid.AsSpan().CopyTo(bid);
        if (_linear)
        {
            RelativeUtilitySearch(threshold, bid);
            if (Utility(bid) < threshold) _linear = false; // from now on, the search for non-linear spaces
        }
        if (!_linear)
        {
            var found = SimulatedAnnealing(bid, threshold);
            double u = Utility(found);
            if (u <= 1.0 && u >= threshold && found != bid) found.AsSpan().CopyTo(bid);
        }
    }

    /// <summary>From the best bid, each issue (random order) takes the first value (random order) whose relative loss keeps the sum above threshold − 1.</summary>
    private void RelativeUtilitySearch(double threshold, int[] bid)
    {
        var random = Context.Random;
        _maxBid.AsSpan().CopyTo(bid);
        double d = threshold - 1.0, concessionSum = 0.0;
        random.Shuffle(_issueOrder);
        foreach (int i in _issueOrder)
        {
            var values = _valueOrder[i];
            for (int k = 0; k < values.Length; k++) values[k] = k;
            random.Shuffle(values);
            foreach (int v in values)
            {
                double relative = _relativeUtility[i][v];
                if (d <= concessionSum + relative)
                {
                    bid[i] = v;
                    concessionSum += relative;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Simulated annealing towards utility = threshold; the least good bids at or above it, one at random: the
    /// collected bid, or <paramref name="baseBid"/> itself (unchanged) when none (or when not collecting).
    /// </summary>
    private int[] SimulatedAnnealing(int[] baseBid, double threshold, bool collect = true)
    {
        var random = Context.Random;
        var current = _current;
        baseBid.AsSpan().CopyTo(current);
        double currentUtility = Utility(current);
        var targets = _targets;
        targets.Clear();
        for (double temperature = StartTemperature; temperature > EndTemperature; temperature *= Cool)
        {
            // The next bid is the current one with one issue changed: changed in place, and changed back if refused.
            int issue = random.Next(current.Length);
            int old = current[issue];
            current[issue] = random.Next(_valueOrder[issue].Length);
            double nextUtility = Utility(current);
            UpdateMaxBid(current, nextUtility);
            double newCost = Math.Abs(threshold - nextUtility), currentCost = Math.Abs(threshold - currentUtility);
            if (newCost < currentCost || Accepts(-Math.Abs(newCost - currentCost) / temperature, random.NextDouble()))
                currentUtility = nextUtility;
            else current[issue] = old;
            if (collect) targets.Collect(current, currentUtility, threshold, random);
        }
        return targets.Count == 0 ? baseBid : targets.Chosen;
    }

    /// <summary>
    /// The annealing's <c>Math.Exp(x) &gt; draw</c> for x ≤ 0, without the exponential where bounds decide it (exact):
    /// with y = −x ≥ 0, 1 − y + y²/2 − y³/6 ≤ e^−y ≤ 1 / (1 + y + y²/2); the margins of 10⁻⁹ exceed every rounding of the
    /// bounds and of Math.Exp, so only a draw within them of the exponential needs it.
    /// </summary>
    private static bool Accepts(double x, double draw)
    {
        double y = -x;
        if (y >= 0)
        {
            if (draw * (1 + y * (1 + y * 0.5)) > 1 + 1e-9) return false;
            if (1 - y * (1 - y * (0.5 - y / 6)) > draw + 1e-9) return true;
        }
        return Math.Exp(x) > draw;
    }

    /// <summary>The initial search for the best bid: simulated annealing towards 1 from a random bid, once per issue at most.</summary>
    private void InitMaxBid(double reservedValue)
    {
        var space = Context.Space;
        var random = Context.Random;
        _maxBid = new int[space.IssueCount];
        for (int i = 0; i < _maxBid.Length; i++) _maxBid[i] = random.Next(_valueOrder[i].Length);
        _maxBidUtility = Utility(_maxBid);
        for (int k = 0; k < space.IssueCount; k++)
        {
            // The original repeats while the best bid is below the reserved value; bounded here, as its search can
            // never exceed the best outcome.
            int tries = 0;
            // Only its updates of the best bid count; it starts from a copy of the best bid, taken before any update.
            do SimulatedAnnealing(_maxBid, 1.0, collect: false);
            while (_maxBidUtility < reservedValue && ++tries < 100 && _maxBidUtility < Context.Index.MaxUtility);
            if (_maxBidUtility == 1.0) break;
        }
    }

    /// <summary>Each issue, in random order, takes the value all opponents offered most (ties at random) when that costs nothing.</summary>
    private void ConvertByFrequency(int[] bid)
    {
        var random = Context.Random;
        random.Shuffle(_issueOrder);
        double u = Utility(bid);
        foreach (int i in _issueOrder)
        {
            int old = bid[i];
            bid[i] = MostFrequentValue(i, random);
            double next = Utility(bid);
            if (next >= u) u = next;
            else bid[i] = old;
        }
    }

    private int MostFrequentValue(int issue, Random random)
    {
        var values = _valueOrder[issue];
        for (int k = 0; k < values.Length; k++) values[k] = k;
        random.Shuffle(values);
        int best = -1, bestCount = 0;
        foreach (int v in values)
        {
            int f = _allFrequency[issue][v];
            if (best < 0 || f > bestCount) { best = v; bestCount = f; }
        }
        return best;
    }
}
