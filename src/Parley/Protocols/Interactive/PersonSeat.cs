using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Protocols.Interactive;

/// <summary>
/// A seat at the table whose moves come from a person (or a replayed recording of one): the same party contracts the
/// built-in agents implement, so the protocols and the session runner treat it like any agent. Under alternating offers
/// a person's one decision (accept, walk away, or counter-offer) answers both <see cref="INegotiator.Respond"/> and the
/// <see cref="INegotiator.Propose"/> that follows a rejection.
/// </summary>
public sealed class PersonSeat(ISeatMoves moves) : INegotiator, IVoter, ITextMediator, IShuttleParty
{
    private NegotiatorContext? _context;
    private Outcome? _counterOffer;

    /// <summary>The name transcripts and results give a person's seat.</summary>
    public const string PersonName = "person";

    /// <inheritdoc cref="INegotiator.Name" />
    public string Name => PersonName;

    /// <summary>The seat's context once the negotiation has started.</summary>
    public NegotiatorContext? Context => _context;

    /// <summary>The single-text state the seat last faced as a mediator (what a mediator asked for a suggestion sees).</summary>
    public SingleTextState TextState { get; private set; }

    /// <inheritdoc cref="INegotiator.Initialize" />
    public void Initialize(NegotiatorContext context)
    {
        _context = context;
        _counterOffer = null;
        moves.Started(this);
    }

    private SeatMove Ask(in SeatPrompt prompt)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        var move = moves.Next(context.PartyIndex, prompt);
        if (move.Action == NegotiationAction.Fail) throw new SeatAbandonedException();
        return move;
    }

    /// <inheritdoc />
    public Outcome Propose(in SaoState state)
    {
        if (_counterOffer is { } counter)
        {
            _counterOffer = null;
            return counter;
        }
        return Ask(new SeatPrompt(SeatQuestion.Propose, state.Round, state.Time, state.StandingOffer)).Outcome.GetValueOrDefault();
    }

    /// <inheritdoc />
    public SaoResponse Respond(in SaoState state, Outcome offer)
    {
        var move = Ask(new SeatPrompt(SeatQuestion.Respond, state.Round, state.Time, offer));
        switch (move.Action)
        {
            case NegotiationAction.Accept: return SaoResponse.Accept;
            case NegotiationAction.WalkAway: return SaoResponse.WalkAway;
            default:
                _counterOffer = move.Outcome.GetValueOrDefault();
                return SaoResponse.Reject;
        }
    }

    /// <inheritdoc />
    public TextVote Vote(in SingleTextState state, Outcome text)
    {
        var move = Ask(new SeatPrompt(SeatQuestion.Vote, state.Round, state.Time, text, state.Basis));
        var answer = move.Action switch
        {
            NegotiationAction.Accept => TextAnswer.Accept,
            NegotiationAction.Veto => TextAnswer.Veto,
            _ => TextAnswer.Reject,
        };
        return new TextVote(answer, move.Issues);
    }

    /// <inheritdoc />
    public TextProposal Propose(in SingleTextState state)
    {
        TextState = state;
        var move = Ask(new SeatPrompt(SeatQuestion.PutText, state.Round, state.Time, null, state.LastText));
        return new TextProposal(move.Outcome.GetValueOrDefault(), move.Basis);
    }

    /// <inheritdoc />
    public ShuttleMessage Act(in ShuttleState state)
    {
        var move = Ask(new SeatPrompt(SeatQuestion.Send, state.Round, state.Time));
        return move.Action == NegotiationAction.Pass ? ShuttleMessage.Pass : new ShuttleMessage(move.Action, move.To, move.Outcome, move.Issues);
    }
}
