using Parley.Agents.Voters;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Protocols;

namespace Parley.Agents.Negotiators;

/// <summary>
/// MiCRO (de Jonge, ANAC 2022), written directly against <see cref="INegotiator"/>: it walks down its own ranking one new
/// outcome at a time, but only while the opponents have made at least as many distinct offers as it has made distinct
/// proposals (m ≤ n); otherwise it repeats one of its earlier proposals at random. It never proposes below its reserved
/// value at the moment of proposing (an outside option that moves with time moves that floor), and accepts an offer
/// whose own utility is at least that of the lowest outcome it has proposed or is about to, and at least its reserved
/// value at that moment.
/// It also votes under the single-negotiating-text protocol (<see cref="IVoter"/>) with the same rule: each distinct text
/// put to it counts as an offer received, each vote as a turn in which it would propose (so it walks one outcome down
/// its ranking per new distinct text), and it accepts a text its acceptance rule accepts; a text worse for it than the
/// text the mediator revises, or across its red lines, is vetoed; any other is rejected naming the issues that cost it most.
/// </summary>
public sealed class MicroNegotiator : INegotiator, IVoter
{
    private NegotiatorContext? _context;
    private readonly HashSet<Outcome> _received = [];
    private int _next;
    private int _floor;
    private int _proposed;
    private int _seen;

    /// <inheritdoc />
    public string Name => "MiCRO";

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        _context = context;
        _received.Clear();
        var index = context.Index;
        _next = index.Count - 1;
        _floor = Math.Min(index.RankAtLeast(context.ReservedValue(0)), index.Count - 1);
        _proposed = 0;
        _seen = 0;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        var context = Observe();
        var index = context.Index;
        int floor = FloorAt(state.Time);
        if (WillConcede || _proposed == 0)
        {
            var bid = index.OutcomeAt(Math.Max(_next, floor));
            if (_next > floor) _next--;
            _proposed++;
            return bid;
        }
        return index.OutcomeAt(context.Random.Next(Math.Max(Math.Min(_next + 1, index.Count - 1), floor), index.Count));
    }

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var context = Observe();
        var index = context.Index;
        int floor = FloorAt(state.Time);
        int lowest = Math.Max(WillConcede ? _next : Math.Min(_next + 1, index.Count - 1), floor);
        double offered = index.Utility(offer);
        return offered >= index.UtilityAt(lowest) && offered >= context.ReservedValue(state.Time)
            ? SaoResponse.Accept
            : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        var context = Observe();
        var index = context.Index;
        double offered = index.Utility(text);
        if (TextVotes.Vetoes(context, state, text, offered)) return new TextVote(TextAnswer.Veto, context.Objections(text));
        _received.Add(text);
        int floor = FloorAt(state.Time);
        // The lowest outcome it has proposed or proposes this turn (a new one while m ≤ n), as under alternating offers.
        int lowest;
        if (WillConcede || _proposed == 0)
        {
            lowest = Math.Max(_next, floor);
            if (_next > floor) _next--;
            _proposed++;
        }
        else
        {
            lowest = Math.Max(Math.Min(_next + 1, index.Count - 1), floor);
        }
        return offered >= index.UtilityAt(lowest) && offered >= context.ReservedValue(state.Time)
            ? new TextVote(TextAnswer.Accept)
            : new TextVote(TextAnswer.Reject, context.Objections(text));
    }

    /// <summary>The lowest rank at or above the reserved value at <paramref name="t"/> (the best outcome when none is);
    /// searched from the previous floor, so a constant reserved value costs one comparison.</summary>
    private int FloorAt(double t)
    {
        var index = _context!.Index;
        _floor = Math.Min(index.RankAtLeast(_context.ReservedValue(t), _floor), index.Count - 1);
        return _floor;
    }

    private bool WillConcede => _proposed <= _received.Count;

    private NegotiatorContext Observe()
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        var history = context.History;
        for (; _seen < history.Count; _seen++)
        {
            var entry = history[_seen];
            if (entry.Action == NegotiationAction.Offer && entry.Party != context.PartyIndex && entry.Outcome is { } o) _received.Add(o);
        }
        return context;
    }
}
