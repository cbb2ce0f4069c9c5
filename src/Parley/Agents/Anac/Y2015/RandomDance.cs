using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Preferences;

namespace Parley.Agents.Anac.Y2015;

/// <summary>
/// RandomDance (ANAC 2015), after GENIUS's <c>agents.anac.y2015.RandomDance.RandomDance</c>; in Parley one of Caduceus's
/// experts. Multilateral.
/// <list type="bullet">
/// <item><b>Player data</b>: per other party, three frequency models of its offers (values it names gain 1, then the
/// increment is multiplied by 1, 1.05 or 0.95: constant, growing or fading relevance; issue weights are the issues'
/// largest counts over their sum; a repeated bid is not counted again); its own utility normalised between its worst
/// and best bid. Each decision draws one of the three models per party.</item>
/// <item><b>Nash player</b>: the party whose last offer is worth most to everyone else (the product of their
/// utilities) joins a list of the last 200 such parties.</item>
/// <item><b>Target</b>: the best of three joint bids (each issue the value with the largest sum over all parties'
/// models) is worth m to it; target 1 − (1 − m)·t^δ (t³ when undiscounted).</item>
/// <item><b>Bid</b>: the other parties weighted at random (by their Nash count, equally, or alternately 1 and 0.01),
/// normalised; its own weight w/(1 − w) grows with w from 0 in steps of 0.01 until the joint bid is worth more than the
/// target (its best bid when none is).</item>
/// <item><b>Acceptance</b>: an offer worth more than the target, or anything when five more decisions at the pace of
/// the last two would pass the deadline; it walks away when the target falls below its reserved value.</item>
/// </list>
/// Kept from the original: the step of w runs on past 1, where its own weight turns negative (those bids are rarely
/// worth the target); the acceptance of the last heard offer when an acceptance is recorded for a party (it is that
/// offer that is counted for the party); the pace test, which accepts on its first decision when that comes late (as
/// inside Caduceus). Parties are iterated in the order first heard (the original's Java HashMap order of their ids);
/// every random draw (Math.random, the random start of the joint bid) is the context's seeded source; the worst bid is
/// GENIUS's sorted outcome space's.
/// </summary>
public sealed class RandomDance : INegotiator
{
    private const int NashCountMax = 200, NumberOfAcceptSafety = 5, NumberOfRandomTargetCheck = 3;
    private static readonly double[] Dertas = [1.0, 1.05, 0.95];

    private NegotiatorContext? _context;
    private readonly List<int> _parties = [];                       // other parties, in the order first heard
    private readonly List<Player> _players = [];                    // as _parties
    private Player?[] _byParty = [];                                 // by party index
    private readonly List<int> _nash = [];
    private PlayerData? _my;
    private PlayerData[] _drawn = [], _targetDrawn = [];             // this decision's model per party (index as _parties); the target's
    private double[] _weights = [];
    private int[] _bid = [], _values = [], _radices = [], _offsets = [];
    private double[] _others = [], _mine = [];                       // per (issue, value): the others' weighted sum; its own model's value
    private int[] _contenders = [], _contenderCount = [];            // per issue, the values no earlier value dominates (from _offsets)
    private Outcome? _olderBid;
    private double _olderTime, _discount, _reservation;
    private int _seen, _decidedStep = -1;
    private SaoResponse _response;
    private Outcome _offer;

    /// <inheritdoc />
    public string Name => "RandomDance";

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Space.IsDiscrete) throw new ArgumentException("RandomDance needs discrete issues.");
        _context = context;
        _parties.Clear();
        _players.Clear();
        _byParty = new Player?[context.PartyCount];
        _nash.Clear();
        _my = null;
        _olderBid = null;
        _olderTime = 0;
        _seen = 0;
        _decidedStep = -1;
        _bid = new int[context.Space.IssueCount];
        _values = new int[context.Space.IssueCount];
        _radices = context.Space.Radices.ToArray();
        _offsets = new int[_radices.Length + 1];
        for (int i = 0; i < _radices.Length; i++) _offsets[i + 1] = _offsets[i] + _radices[i];
        _others = new double[_offsets[^1]];
        _mine = new double[_offsets[^1]];
        _contenders = new int[_offsets[^1]];
        _contenderCount = new int[_radices.Length];
        double d = context.Profile.DiscountFactor;
        _discount = d > 0 && d <= 1 ? d : 1;
        _reservation = context.ReservedValue(0);
    }

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        Decide(state, canAccept: true);
        return _response;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        Decide(state, canAccept: false);
        return _offer;
    }

    private void Decide(in SaoState state, bool canAccept)
    {
        if (_decidedStep == state.Step) return;
        _decidedStep = state.Step;
        Hear();
        var context = Context;
        var random = context.Random;
        _my ??= MyData(context);

        // This decision's model of each party.
        if (_drawn.Length < _parties.Count) { _drawn = new PlayerData[_parties.Count]; _targetDrawn = new PlayerData[_parties.Count]; }
        for (int k = 0; k < _parties.Count; k++) _drawn[k] = _players[k].Models[random.Next(Dertas.Length)];

        // The party whose last offer everyone else likes most joins the Nash list.
        double maxValue = -999;
        int maxPlayer = -1;
        for (int p = 0; p < _parties.Count; p++)
        {
            int party = _parties[p];
            if (_players[p].OlderBid is not { } older) continue;
            context.Space.Decode(older, _values);
            double utility = _my.Utility(_values);
            for (int k = 0; k < _parties.Count; k++)
                if (_parties[k] != party) utility *= _drawn[k].Utility(_values);
            if (utility > maxValue) { maxValue = utility; maxPlayer = party; }
        }
        if (maxPlayer >= 0) _nash.Add(maxPlayer);
        while (_nash.Count > NashCountMax) _nash.RemoveAt(0);

        SetWeights(random);
        double time = GeniusTime.Of(context, state);
        double target = Target(time, random);
        double offered = _olderBid is { } b ? context.Utility(b) : 0;
        var bid = SearchBid(target, random);
        bool accept = IsAccept(time, target, offered);
        if (target < _reservation) _response = SaoResponse.WalkAway;
        else if (accept && canAccept && state.StandingOffer is { } standing && context.IsAllowed(standing, state.Time)) _response = SaoResponse.Accept;
        else _response = SaoResponse.Reject;
        _offer = context.NearestAllowed(bid, state.Time);
    }

    private bool IsAccept(double time, double target, double utility)
    {
        double d = time - _olderTime;
        _olderTime = time;
        if (time + d * NumberOfAcceptSafety > 1.0) return true;
        if (_olderBid is null) return false;
        return utility > target;
    }

    // getWeights: by Nash count (0.0001 + count), all equal, or alternately 1 and 0.01 from a random start.
    private void SetWeights(Random random)
    {
        if (_weights.Length < _parties.Count) _weights = new double[_parties.Count];
        int rule = (int)(random.NextDouble() * 3);
        switch (rule)
        {
            case 0:
                for (int k = 0; k < _parties.Count; k++)
                {
                    _weights[k] = 0.0001;
                    foreach (int p in _nash) if (p == _parties[k]) _weights[k] += 1.0;
                }
                break;
            case 2:
                bool flag = random.NextDouble() < 0.5;
                for (int k = 0; k < _parties.Count; k++)
                {
                    _weights[k] = flag ? 1.0 : 0.01;
                    flag = !flag;
                }
                break;
            default:
                for (int k = 0; k < _parties.Count; k++) _weights[k] = 1.0;
                break;
        }
    }

    /// <summary>1 − (1 − m)·t^δ (t³ when undiscounted), m the best of three joint bids drawn with equal weights.</summary>
    private double Target(double time, Random random)
    {
        double max = 0;
        for (int i = 0; i < NumberOfRandomTargetCheck; i++)
        {
            for (int k = 0; k < _parties.Count; k++) _targetDrawn[k] = _players[k].Models[random.Next(Dertas.Length)];
            TabulateModels(_targetDrawn, othersWeight: 1.0);
            JointBid(1.0, random);
            max = Math.Max(max, Context.Profile.Utility.Utility(_bid));
        }
        double target = 1.0 - (1.0 - max) * Math.Pow(time, _discount);
        if (_discount > 0.99) target = 1.0 - (1.0 - max) * Math.Pow(time, 3);
        return target;
    }

    // SearchBid: the others' weights normalised; its own weight w / (1 − w) for w = 0, 0.01, … below 9.999.
    private Outcome SearchBid(double target, Random random)
    {
        double sum = 0;
        for (int k = 0; k < _parties.Count; k++) sum += _weights[k];
        for (int k = 0; k < _parties.Count; k++) _weights[k] /= sum;
        var utility = Context.Profile.Utility;
        // A linear additive utility is capped at 1: with a target of 1 or more no joint bid can be worth more, so only
        // the joint bids' random draws are made (the original makes them, and searches in vain).
        bool reachable = !(target >= 1.0 && utility is LinearAdditiveUtility);
        if (reachable) TabulateModels(_drawn, othersWeight: double.NaN);
        for (double w = 0; w < 9.999; w += 0.01)
        {
            if (!reachable)
            {
                for (int i = 0; i < _radices.Length; i++) random.Next(_radices[i]);
                continue;
            }
            JointBid(w / (1.0 - w), random);
            if (utility.Utility(_bid) > target) return Context.Space.Encode(_bid);
        }
        return SortedOutcomeSpace.For(Context.Index).FirstBest;
    }

    /// <summary>
    /// Tabulates, per issue and value, the others' weighted sum of <paramref name="models"/> (with
    /// <paramref name="othersWeight"/>, or their weights when NaN) summed in party order from 0 as the original does, and
    /// its own model's value: <see cref="JointBid"/> then adds its own term, the original's last addition.
    /// </summary>
    private void TabulateModels(PlayerData[] models, double othersWeight)
    {
        for (int i = 0; i < _radices.Length; i++)
        {
            int offset = _offsets[i];
            for (int v = 0; v < _radices[i]; v++)
            {
                double value = 0;
                for (int k = 0; k < _parties.Count; k++)
                    value += models[k].Value(i, v) * (double.IsNaN(othersWeight) ? _weights[k] : othersWeight);
                _others[offset + v] = value;
                _mine[offset + v] = _my!.Value(i, v);
            }
            // A value that an earlier one matches or beats on both tables never wins for an own weight m >= 0:
            // rounding is monotone, so the earlier value's sum is at least as large and the scan keeps the first.
            int count = 0;
            for (int v = 0; v < _radices[i]; v++)
            {
                bool dominated = false;
                for (int k = 0; k < count && !dominated; k++)
                {
                    int u = _contenders[offset + k];
                    dominated = _others[offset + u] >= _others[offset + v] && _mine[offset + u] >= _mine[offset + v];
                }
                if (!dominated) _contenders[offset + count++] = v;
            }
            _contenderCount[i] = count;
        }
    }

    /// <summary>
    /// SearchBidWithWeights over the models tabulated by <see cref="TabulateModels"/>: each issue the value with the
    /// largest weighted sum (own model with <paramref name="myWeight"/>). The original starts from a random bid whose
    /// values are all replaced (unless no sum exceeds −1); the draw is kept.
    /// </summary>
    private void JointBid(double myWeight, Random random)
    {
        var radices = _radices;
        for (int i = 0; i < _bid.Length; i++) _bid[i] = random.Next(radices[i]);
        if (double.IsFinite(myWeight) && myWeight >= 0)
        {
            for (int i = 0; i < _bid.Length; i++)
            {
                double max = -1;
                int best = _bid[i], offset = _offsets[i];
                for (int k = 0; k < _contenderCount[i]; k++)
                {
                    int v = _contenders[offset + k];
                    double value = _others[offset + v] + _mine[offset + v] * myWeight;
                    if (value > max) { max = value; best = v; }
                }
                _bid[i] = best;
            }
            return;
        }
        for (int i = 0; i < _bid.Length; i++)
        {
            double max = -1;
            int best = _bid[i], offset = _offsets[i];
            for (int v = 0; v < radices[i]; v++)
            {
                double value = _others[offset + v] + _mine[offset + v] * myWeight;
                if (value > max) { max = value; best = v; }
            }
            _bid[i] = best;
        }
    }

    private void Hear()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Party == context.PartyIndex) continue;
            bool offer = entry.Action == Protocols.NegotiationAction.Offer;
            if (!offer && entry.Action != Protocols.NegotiationAction.Accept) continue;
            if (entry.Party >= _byParty.Length) Array.Resize(ref _byParty, entry.Party + 1);
            if (_byParty[entry.Party] is not { } player)
            {
                _byParty[entry.Party] = player = new Player([.. Dertas.Select(d => new PlayerData(context.Space, d))], new DistinctOutcomes(context.Space));
                _parties.Add(entry.Party);
                _players.Add(player);
            }
            if (offer) _olderBid = entry.Outcome;
            player.OlderBid = _olderBid;
            // Each of the three models counts a bid once (the original keeps a history per model; theirs are always equal).
            if (_olderBid is { } bid && player.Offered.Add(bid))
            {
                context.Space.Decode(bid, _values);
                foreach (var m in player.Models) m.AddBid(_values);
            }
        }
    }

    // Its own utility normalised: u(worst bid with issue i at v) − u(worst), weighted 1 / (1 − u(worst)).
    private static PlayerData MyData(NegotiatorContext context)
    {
        var space = context.Space;
        var utility = context.Profile.Utility;
        var worst = new int[space.IssueCount];
        space.Decode(SortedOutcomeSpace.For(context.Index).Worst, worst);
        double min = utility.Utility(worst);
        var data = new PlayerData(space, 1.0);
        var probe = new int[worst.Length];
        for (int i = 0; i < worst.Length; i++)
        {
            worst.CopyTo(probe, 0);
            for (int v = 0; v < space.Issues[i].ValueCount; v++)
            {
                probe[i] = v;
                data.Counts[i][v] = utility.Utility(probe) - min;
            }
            data.Weights[i] = 1.0 / (1.0 - min);
        }
        return data;
    }

    /// <summary>What RandomDance knows of one other party: its three models, the last offer heard when it acted, the distinct bids counted.</summary>
    private sealed class Player(PlayerData[] models, DistinctOutcomes offered)
    {
        public PlayerData[] Models { get; } = models;
        public DistinctOutcomes Offered { get; } = offered;
        public Outcome? OlderBid { get; set; }
    }

    /// <summary>One frequency model: per issue value counts (incremented by a factor <c>derta</c> each time), the largest count, a weight.</summary>
    private sealed class PlayerData
    {
        public readonly double[][] Counts;
        public readonly double[] Weights, Max, Adder;
        private readonly double _derta;

        public PlayerData(OutcomeSpace space, double derta)
        {
            int n = space.IssueCount;
            Counts = [.. space.Issues.Select(i => new double[i.ValueCount])];
            Weights = new double[n];
            Max = new double[n];
            Adder = new double[n];
            Array.Fill(Weights, 1.0);
            Array.Fill(Max, 1.0);
            Array.Fill(Adder, 1.0);
            _derta = derta;
        }

        public double Value(int issue, int value) => Counts[issue][value] / Max[issue] * Weights[issue];

        public double Utility(ReadOnlySpan<int> values)
        {
            double u = 0;
            for (int i = 0; i < values.Length; i++) u += Value(i, values[i]);
            return u;
        }

        /// <summary>Counts a bid not counted before.</summary>
        public void AddBid(ReadOnlySpan<int> values)
        {
            double countSum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                Counts[i][values[i]] += Adder[i];
                Max[i] = Math.Max(Max[i], Counts[i][values[i]]);
                Adder[i] *= _derta;
                countSum += Max[i];
            }
            for (int i = 0; i < values.Length; i++) Weights[i] = Max[i] / countSum;
        }
    }
}
