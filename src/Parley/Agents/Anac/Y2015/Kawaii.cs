using Parley.Agents.Boa;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac.Y2015;

/// <summary>
/// kawaii (team "fairy", ANAC 2015), after GENIUS's <c>agents.anac.y2015.fairy.kawaii</c>; in Parley one of Caduceus's
/// experts. Multilateral.
/// <list type="bullet">
/// <item><b>Threshold</b>: 1 − 0.2·t², lowered towards 0.8 by the share of the other parties that accepted since it last
/// looked (a look clears the record), times δ^t, never below 0.8.</item>
/// <item><b>Acceptance</b>: an offer worth at least the threshold; it walks away when the discounted reserved value
/// exceeds the threshold.</item>
/// <item><b>Bids</b>: the relative-utility search from its best bid (<see cref="RelativeUtilitySearch"/>) for the
/// threshold; its best bid when that falls short.</item>
/// </list>
/// The original looks for its best bid by simulated annealing at the start; in the linear additive spaces it is meant
/// for that finds the best bid (utility 1), which Parley takes directly. Where the relative search falls short (a
/// non-linear space) the original anneals once more and falls back to the best bid; Parley falls back at once.
/// The number of parties is the table's (GENIUS tells it with its "NumberOfAgents" message). Time is GENIUS's
/// (<see cref="GeniusTime"/>); random orders come from the context's seeded source.
/// </summary>
public sealed class Kawaii : INegotiator
{
    private const double MinThreshold = 0.8;

    private NegotiatorContext? _context;
    private RelativeUtilitySearch _search = null!;
    private readonly List<int> _opponents = [];          // in the order first heard
    private bool[] _heard = [];                           // by party index: an opponent heard (is in _opponents)
    private bool[] _accepted = [];                        // by party index: its last action was an acceptance (since the last look)
    private int[] _bid = [];
    private int _seen, _decidedStep = -1;
    private double _discount, _reservation;
    private SaoResponse _response;
    private Outcome _offer;

    /// <inheritdoc />
    public string Name => "kawaii";

    private NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Space.IsDiscrete) throw new ArgumentException("kawaii needs discrete issues.");
        _context = context;
        var best = new int[context.Space.IssueCount];
        context.Space.Decode(SortedOutcomeSpace.For(context.Index).FirstBest, best);
        _search = new RelativeUtilitySearch(context.Profile.Utility, best);
        _bid = new int[best.Length];
        _opponents.Clear();
        _heard = new bool[context.PartyCount];
        _accepted = new bool[context.PartyCount];
        _seen = 0;
        _decidedStep = -1;
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
        double time = GeniusTime.Of(context, state);
        if (canAccept && state.StandingOffer is { } offered && context.Utility(offered) >= Threshold(time) && context.IsAllowed(offered, state.Time))
        {
            _response = SaoResponse.Accept;
            return;
        }
        if (_reservation * Math.Pow(_discount, time) > Threshold(time))
        {
            _response = SaoResponse.WalkAway;
            return;
        }
        _response = SaoResponse.Reject;
        double threshold = Threshold(time);
        _search.Search(threshold, context.Random, _bid);
        var bid = context.Profile.Utility.Utility(_bid) >= threshold ? _bid : _search.Best;
        _offer = context.NearestAllowed(context.Space.Encode(bid), state.Time);
    }

    /// <summary>The threshold at <paramref name="time"/>; looking clears the record of acceptances, as in the original.</summary>
    public double Threshold(double time)
    {
        double threshold = 1.0 - (1.0 - MinThreshold) * Math.Pow(time, 1.0 / 0.5);
        int acceptNum = 0;
        foreach (int party in _opponents)
            if (_accepted[party]) acceptNum++;
        int negotiatorNum = Context.PartyCount - 1;
        threshold -= (threshold - MinThreshold) * acceptNum / negotiatorNum;
        Array.Clear(_accepted);
        threshold *= Math.Pow(_discount, time);
        return threshold < MinThreshold ? MinThreshold : threshold;
    }

    private void Hear()
    {
        var context = Context;
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Party == context.PartyIndex) continue;
            bool accept = entry.Action == Protocols.NegotiationAction.Accept;
            if (!accept && entry.Action != Protocols.NegotiationAction.Offer) continue;
            if (entry.Party >= _heard.Length)
            {
                Array.Resize(ref _heard, entry.Party + 1);
                Array.Resize(ref _accepted, entry.Party + 1);
            }
            if (!_heard[entry.Party]) { _heard[entry.Party] = true; _opponents.Add(entry.Party); }
            _accepted[entry.Party] = accept;
        }
    }
}
