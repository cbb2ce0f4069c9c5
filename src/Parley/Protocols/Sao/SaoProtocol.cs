using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Protocols.Sao;

/// <summary>
/// Stacked alternating offers (SAOP) as an <see cref="IProtocol{TState}"/>: parties move in table order; the party whose
/// turn it is, facing another party's standing offer, is asked to respond, and on a rejection (or on the first turn) to
/// propose a counter-offer; an offer is agreed once every other party has accepted it in turn. Every action is public.
/// A party leaving (a scenario event) ends the negotiation.
/// </summary>
internal readonly struct SaoProtocol : IProtocol<SaoState>
{
    private readonly IReadOnlyList<INegotiator> _negotiators;
    private readonly int _n;
    private readonly Outcomes.OutcomeSpace _space;

    public SaoProtocol(IReadOnlyList<INegotiator> negotiators, Outcomes.OutcomeSpace space)
    {
        _negotiators = negotiators;
        _n = negotiators.Count;
        _space = space;
    }

    public string Name => "sao";

    public bool Emits => false;

    public bool EmitsAfterStepsOnly => false;

    public int TurnsPerRound => _n;

    // One entry per turn, reserved up front (implemented here so the runner's call on this struct does not box it).
    public long TranscriptCapacity(long turns) => turns;

    public SaoState Initial => SaoState.Initial(_n);

    public void InitializeParty(int party, NegotiatorContext context) => _negotiators[party].Initialize(context);

    public bool IsOver(in SaoState state) => state.Status != NegotiationStatus.Running;

    public NegotiationStatus Status(in SaoState state) => state.Status;

    public Outcome? Agreement(in SaoState state) => state.Status == NegotiationStatus.Agreed ? state.StandingOffer : null;

    public bool TryEmit(in SaoState state, in SessionClock clock, out Move move)
    {
        move = default;
        return false;
    }

    public int Mover(in SaoState state) => state.Turn;

    public Move Ask(ref SaoState state, in SessionClock clock)
    {
        var s = state with { Time = clock.Time };
        int party = s.Turn;
        var negotiator = _negotiators[party];
        if (s.StandingOffer is { } standing && s.Proposer != party)
        {
            var response = negotiator.Respond(s, standing);
            switch (response)
            {
                case SaoResponse.Accept:
                    return Move.Public(party, NegotiationAction.Accept, standing);
                case SaoResponse.WalkAway:
                    return Move.Public(party, NegotiationAction.WalkAway);
                case SaoResponse.Reject:
                    break;
                default:
                    return new Move { Actor = party, Action = NegotiationAction.Fail, To = -1, Recipients = Audience.Everyone, Note = $"answered with unknown response {(int)response}" };
            }
        }
        return Move.Public(party, NegotiationAction.Offer, negotiator.Propose(s));
    }

    public string? Check(in SaoState state, in Move move) => move.Action switch
    {
        NegotiationAction.Fail => move.Note,
        NegotiationAction.Offer when move.Outcome is { } o && !_space.Contains(o) => $"offered outcome {o} outside the outcome space ({_space.Cardinality} outcomes)",
        _ => null,
    };

    public void Step(ref SaoState state, in Move move, in SessionClock clock) => state = state.Apply(move.Action, move.Outcome.GetValueOrDefault());

    public SaoState End(in SaoState state, NegotiationStatus status) => state.End(status);

    public SaoState Leave(in SaoState state, int party) => state.End(NegotiationStatus.Ended);
}
