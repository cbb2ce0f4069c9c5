using Parley.Outcomes;
using Parley.Protocols;
using Parley.Protocols.Sao;

namespace Parley.Agents;

/// <summary>
/// MiCRO (de Jonge, ANAC 2022), written directly against <see cref="INegotiator"/>: it walks down its own ranking one new
/// outcome at a time, but only while the opponents have made at least as many distinct offers as it has made distinct
/// proposals (m ≤ n); otherwise it repeats one of its earlier proposals at random. It never proposes below its reserved
/// value, and accepts an offer whose own utility is at least that of the lowest outcome it has proposed or is about to.
/// </summary>
public sealed class MicroNegotiator : INegotiator
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
        _floor = Math.Min(index.RankAtLeast(context.Profile.ReservedValue.Initial), index.Count - 1);
        _proposed = 0;
        _seen = 0;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        var context = Observe();
        var index = context.Index;
        if (WillConcede || _proposed == 0)
        {
            var bid = index.OutcomeAt(Math.Max(_next, _floor));
            if (_next > _floor) _next--;
            _proposed++;
            return bid;
        }
        return index.OutcomeAt(context.Random.Next(Math.Min(_next + 1, index.Count - 1), index.Count));
    }

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var context = Observe();
        var index = context.Index;
        int lowest = WillConcede ? Math.Max(_next, _floor) : Math.Min(_next + 1, index.Count - 1);
        double offered = index.Utility(offer);
        return offered >= index.UtilityAt(lowest) && offered >= context.ReservedValue(state.Time)
            ? SaoResponse.Accept
            : SaoResponse.Reject;
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
