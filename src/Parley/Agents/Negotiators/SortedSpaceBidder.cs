using Parley.Agents.Boa;
using Parley.Agents.Voters;
using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// What GENIUS's two time-dependent baselines share: a concession exponent, one bid per turn taken from GENIUS's sorted
/// outcome space at a target utility (<see cref="SortedOutcomeSpace.NearUtility"/>), red lines respected, and single-text
/// voting by the same acceptance rule. <see cref="TimeDependentParty"/> and <see cref="TimeDependentAgent"/> differ in
/// their target and acceptance.
/// </summary>
public abstract class SortedSpaceBidder : INegotiator, IVoter
{
    private NegotiatorContext? _context;
    private int _bidStep = -1;
    private Outcome _bid;

    /// <summary>Validates the exponent (finite, ≥ 0) and sets the display name.</summary>
    protected SortedSpaceBidder(double exponent, string name)
    {
        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent)) throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The concession exponent must be finite and ≥ 0.");
        Exponent = exponent;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The concession exponent e (0.2 Boulware, 1 linear, 2 Conceder).</summary>
    public double Exponent { get; }

    /// <summary>GENIUS's sorted outcome space of this party's utility.</summary>
    protected SortedOutcomeSpace Space { get; private set; } = null!;

    /// <summary>The current negotiation's context.</summary>
    protected NegotiatorContext Context => _context ?? throw new InvalidOperationException("Initialize has not been called.");

    /// <inheritdoc />
    public virtual void Initialize(NegotiatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Space = SortedOutcomeSpace.For(context.Index);
        _bidStep = -1;
    }

    /// <summary>The target utility of the turn in <paramref name="state"/>.</summary>
    protected abstract double Target(in SaoState state);

    /// <summary>True when <paramref name="offered"/> should be accepted given the planned bid worth <paramref name="planned"/> (undiscounted) at <paramref name="state"/>.</summary>
    protected abstract bool Accepts(double offered, double planned, in SaoState state);

    /// <inheritdoc />
    public Outcome Propose(in SaoState state) => Bid(state);

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var context = Context;
        if (!context.IsAllowed(offer, state.Time)) return SaoResponse.Reject;
        return Accepts(context.Index.Utility(offer), context.Index.Utility(Bid(state)), state) ? SaoResponse.Accept : SaoResponse.Reject;
    }

    /// <inheritdoc />
    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        var context = Context;
        double offered = context.Index.Utility(text);
        if (TextVotes.Vetoes(context, state, text, offered)) return new TextVote(TextAnswer.Veto, context.Objections(text));
        int parties = Math.Max(2, context.PartyCount);
        var asked = SaoState.Initial(parties) with { Time = state.Time, Step = state.Round * parties };
        return Accepts(offered, context.Index.Utility(Bid(asked)), asked) ? new TextVote(TextAnswer.Accept) : new TextVote(TextAnswer.Reject, context.Objections(text));
    }

    /// <summary>The bid of this turn (computed once per turn, so the acceptance test and the counter-offer agree).</summary>
    private Outcome Bid(in SaoState state)
    {
        if (_bidStep != state.Step)
        {
            var context = Context;
            _bid = Space.NearUtility(Target(state));
            if (context.HasLimits && !context.IsAllowed(_bid, state.Time)) _bid = context.NearestAllowed(_bid, state.Time);
            _bidStep = state.Step;
        }
        return _bid;
    }
}
