using Parley.Agents.Boa;
using Parley.Agents.Negotiators;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2018;

/// <summary>
/// AgreeableAgent2018, winner of ANAC 2018 (Mirzayi, University of Tehran), after GENIUS's
/// <c>agents.anac.y2018.agreeableagent2018.AgreeableAgent2018</c>. Multilateral (models up to two opponents).
/// <list type="bullet">
/// <item><b>Target utility</b>: 1 until t = 0.2, then a Boulware curve P_min + (P_max − P_min)(1 − t'^(1/0.1)) over the
/// renormalised time t' = (t − 0.2)/0.8, never below 0.8.</item>
/// <item><b>Bidding</b>: before the opponent model may be used (t ≥ 0.2, 0.3 or 0.4 for domains of fewer than 1 000,
/// fewer than 10 000, or more outcomes) the outcome nearest the target (GENIUS's unsorted outcome space: the first in
/// enumeration order); afterwards a <b>roulette wheel</b> over the outcomes strictly within a neighbourhood
/// ±0.05·(1 − target curve) of the target, weighted by the sum of the opponents' modelled utilities.</item>
/// <item><b>Opponent model</b>: per opponent, value frequencies; an issue's weight is the standard deviation of its
/// values' counts; a bid's utility is Σ (count/bids)·(weight/Σ weights), divided by the number of issues.</item>
/// <item><b>Acceptance</b>: the last offer is accepted when worth at least its next bid, or from t = 0.99 when worth at
/// least its reserved value.</item>
/// </list>
/// Behaviour-shaping bugs kept: when the neighbourhood holds no outcome, or the roulette wheel cannot pick one (all
/// modelled utilities 0 or undefined), the original fails with an index error that its handler turns into offering its
/// best bid without considering acceptance; this agent does the same. Time is GENIUS's (<see cref="GeniusTime"/>);
/// <c>Math.random()</c> is the context's seeded random source.
/// </summary>
public sealed class AgreeableAgent2018 : INegotiator, IHasOpponentModel
{
    private const double TimeToConcede = 0.2, NeighbourhoodFactor = 0.05, ConcessionFactor = 0.1, MinimumUtility = 0.8;
    private NegotiatorContext? _context;
    private SortedOutcomeSpace? _space;
    private double _pMin, _pMax, _timeForUsingModel;
    private bool _canUseModel;
    private readonly ValueFrequencyModel?[] _models = new ValueFrequencyModel?[2];
    private readonly int[] _modelled = [-1, -1];
    private int _seen;
    private readonly List<Outcome> _range = [];
    private int[] _values = [];
    private int _decidedStep = -1;
    private Outcome _decidedBid;
    private bool _decidedAccept;

    /// <inheritdoc />
    public string Name => "AgreeableAgent2018";

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _space = SortedOutcomeSpace.For(context.Index);
        _pMin = context.Index.MinUtility;
        _pMax = context.Index.MaxUtility;
        var space = context.Space;
        _canUseModel = space.Issues.All(i => i is DiscreteIssue);
        double size = space.Cardinality is { } c ? (double)c : double.PositiveInfinity;
        _timeForUsingModel = size < 1000 ? 0.2 : size < 10000 ? 0.3 : 0.4;
        _models[0] = _canUseModel ? new ValueFrequencyModel(space) : null;
        _models[1] = _canUseModel ? new ValueFrequencyModel(space) : null;
        _modelled[0] = _modelled[1] = -1;
        _seen = 0;
        _values = new int[space.IssueCount];
        _decidedStep = -1;
    }

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    private OpponentModelView? _view;

    /// <summary>AgreeableAgent2018's frequency model of each opponent it models (at most two), in [0, 1].</summary>
    public IOpponentModel OpponentModel => _view ??= new OpponentModelView(() => _context, (party, outcome) =>
    {
        int slot = _modelled[0] == party ? 0 : _modelled[1] == party ? 1 : -1;
        if (_context is not { } c || slot < 0 || _models[slot] is not { } model) return null;
        var values = new int[c.Space.IssueCount];
        c.Space.Decode(outcome, values);
        return model.Utility(values);
    });

    /// <summary>The target utility at GENIUS time <paramref name="t"/> before the 0.8 floor.</summary>
    public double UtilityByTime(double t) =>
        t < TimeToConcede ? 1 : _pMin + (_pMax - _pMin) * (1 - Math.Pow((t - TimeToConcede) / (1 - TimeToConcede), 1.0 / ConcessionFactor));

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Decide(state, offer);
        return _decidedAccept && Context.IsAllowed(offer, state.Time) ? SaoResponse.Accept : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        if (state.StandingOffer is not { } offer) return Allowed(_space!.FirstBest, state);
        Decide(state, offer);
        return _decidedBid;
    }

    private void Decide(in SaoState state, Outcome lastOffer)
    {
        if (_decidedStep == state.Step) return;
        _decidedStep = state.Step;
        var context = Context;
        Observe();
        double t = GeniusTime.Of(context, state);
        if (!TryNextBid(t, out var bid))
        {
            _decidedBid = Allowed(_space!.FirstBest, state);
            _decidedAccept = false;
            return;
        }
        _decidedBid = Allowed(bid, state);
        double offered = context.Index.Utility(lastOffer);
        _decidedAccept = offered >= context.Index.Utility(bid) || (t >= 0.99 && offered >= context.ReservedValue(t));
    }

    private Outcome Allowed(Outcome bid, in SaoState state)
    {
        var context = Context;
        return context.NearestAllowed(bid, state.Time); // the bid itself when allowed
    }

    private bool TryNextBid(double t, out Outcome bid)
    {
        double target = Math.Max(UtilityByTime(t), MinimumUtility);
        if (!(t >= _timeForUsingModel && _canUseModel))
        {
            bid = _space!.FirstNearUtility(target);
            return true;
        }
        double neighbourhood = t < TimeToConcede ? 0 : NeighbourhoodFactor * (1 - UtilityByTime(t));
        _space!.OutcomesStrictlyBetween(target - neighbourhood, target + neighbourhood, _range);
        if (_range.Count == 1) { bid = _range[0]; return true; }
        int chosen = RouletteWheel();
        bid = chosen < _range.Count ? _range[chosen] : default;
        return chosen < _range.Count; // the original's index error: no bid
    }

    private int RouletteWheel()
    {
        var space = Context.Space;
        int size = _range.Count;
        Span<double> sums = size <= 256 ? stackalloc double[size] : new double[size];
        double total = 0;
        for (int i = 0; i < size; i++)
        {
            space.Decode(_range[i], _values);
            sums[i] = _models[0]!.Utility(_values) + _models[1]!.Utility(_values);
            total += sums[i];
        }
        double draw = Context.Random.NextDouble();
        double integrate = 0;
        for (int i = 0; i < size; i++)
        {
            integrate += sums[i] / total;
            if (integrate >= draw) return i;
        }
        return size;
    }

    private void Observe()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action != Protocols.NegotiationAction.Offer || entry.Party == context.PartyIndex || entry.Outcome is not { } offer || !_canUseModel) continue;
            int slot = _modelled[0] == entry.Party ? 0 : _modelled[1] == entry.Party ? 1 : _modelled[0] < 0 ? 0 : _modelled[1] < 0 ? 1 : -1;
            if (slot < 0) continue;
            _modelled[slot] = entry.Party;
            context.Space.Decode(offer, _values);
            _models[slot]!.Update(_values);
        }
    }

    /// <summary>AgreeableAgent2018's frequency model: value counts, issue weights from the counts' standard deviation.</summary>
    private sealed class ValueFrequencyModel
    {
        private readonly int[][] _counts;
        private readonly double[] _weights;
        private int _bids;

        public ValueFrequencyModel(OutcomeSpace space)
        {
            _counts = [.. space.Issues.Select(i => new int[i.ValueCount])];
            _weights = new double[space.IssueCount];
        }

        public void Update(ReadOnlySpan<int> values)
        {
            _bids++;
            for (int i = 0; i < _counts.Length; i++) _counts[i][values[i]]++;
            for (int i = 0; i < _counts.Length; i++) _weights[i] = StandardDeviation(_counts[i]);
        }

        public double Utility(ReadOnlySpan<int> values)
        {
            if (_bids == 0) return 0;
            double weightSum = 0;
            foreach (double w in _weights) weightSum += w;
            double sum = 0;
            for (int i = 0; i < _counts.Length; i++) sum += (double)_counts[i][values[i]] / _bids * (_weights[i] / weightSum);
            return sum / _counts.Length;
        }

        private static double StandardDeviation(int[] counts)
        {
            double mean = 0;
            foreach (int c in counts) mean += c;
            mean /= counts.Length;
            double sum2 = 0;
            foreach (int c in counts) sum2 += (mean - c) * (mean - c);
            return sum2 != 0 ? Math.Sqrt(sum2 / counts.Length) : 0;
        }
    }
}
