using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Anac;

/// <summary>
/// An ANAC agent that, as GENIUS's agents do in <c>chooseAction</c>, decides its whole move once per turn: accept the
/// standing offer, or the bid to make. <see cref="Respond"/> and <see cref="Propose"/> of one turn share that decision;
/// an acceptance or a bid that crosses the party's limits (red lines, withdrawn values) becomes a rejection, or the
/// nearest allowed bid.
/// </summary>
public abstract class GeniusTurnAgent : INegotiator
{
    private NegotiatorContext? _context;
    private int _decidedStep = -1;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The current negotiation's context.</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <summary>The current negotiation's context, or null before the first.</summary>
    protected NegotiatorContext? CurrentContext => _context;

    /// <summary>True when this turn's decision is to accept the standing offer.</summary>
    protected bool Accepting { get; set; }

    /// <summary>True when this turn's decision is to end the negotiation (GENIUS's <c>EndNegotiation</c>); reset every turn.</summary>
    protected bool WalkingAway { get; set; }

    /// <summary>This turn's bid (when not accepting).</summary>
    protected Outcome Bid { get; set; }

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _decidedStep = -1;
        Accepting = false;
        Start(context);
    }

    /// <summary>Resets the agent for a new negotiation in <paramref name="context"/>.</summary>
    protected abstract void Start(NegotiatorContext context);

    /// <summary>Decides this turn's move: sets <see cref="Accepting"/> and, when not accepting, <see cref="Bid"/>.</summary>
    protected abstract void Decide(in SaoState state);

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        DecideOnce(state);
        if (WalkingAway) return SaoResponse.WalkAway;
        return Accepting && Context.IsAllowed(offer, state.Time) ? SaoResponse.Accept : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        DecideOnce(state);
        return Context.NearestAllowed(Bid, state.Time); // the bid itself when allowed
    }

    private void DecideOnce(in SaoState state)
    {
        if (_decidedStep == state.Step) return;
        _decidedStep = state.Step;
        WalkingAway = false;
        Decide(state);
    }
}
