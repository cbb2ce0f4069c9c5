using System.Runtime.CompilerServices;
using Parley.Outcomes;
using Parley.Parties;
using Parley.Scenarios;

namespace Parley.Protocols.SingleText;

/// <summary>
/// The single-negotiating-text protocol as an <see cref="IProtocol{TState}"/>. Each round the mediator whose turn it is
/// (mediators rotate, in table order, among those present) puts one complete text to everyone; each principal answers
/// Accept, Reject or Veto, naming the issues it objects to most — answers are seen by the mediators only; the protocol
/// then tallies the answers publicly. The text becomes the agreement when every principal accepts it; otherwise the
/// mediators revise until the deadline, and a deadline without unanimous acceptance is no agreement (never a partial or
/// malformed one). A principal leaving ends the negotiation; a mediator leaving hands its rounds to the others. When
/// every principal accepts, the principals' ratifiers are asked: a refusal is announced to everyone (a Reject by that
/// principal, noted "ratification: ...", naming the issues the ratifier objects to), the principal counts as rejecting in
/// the tally, and the mediators revise from there.
/// </summary>
internal readonly struct SingleTextProtocol : IProtocol<SingleTextState>
{
    private readonly ITextMediator?[] _mediators;
    private readonly IVoter?[] _voters;
    private readonly int[] _principals;
    private readonly int[] _mediatorOrder;
    private readonly ulong _allPrincipals;
    private readonly ulong _mediatorMask;
    private readonly OutcomeSpace _space;
    private readonly TextLimits? _limits;
    private readonly Scenario _scenario;
    private readonly int[] _ratified; // principals with a ratifier
    private readonly int[] _values;

    public SingleTextProtocol(Scenario scenario, IReadOnlyList<IVoter> voters, IReadOnlyList<ITextMediator> mediators)
    {
        int n = scenario.Parties.Length;
        _space = scenario.Space;
        _limits = TextLimits.For(scenario);
        _scenario = scenario;
        _ratified = [.. Enumerable.Range(0, n).Where(i => scenario.Parties[i].Role == PartyRole.Principal && scenario.Parties[i].Ratifier is not null)];
        _values = new int[scenario.Space.IssueCount];
        _mediators = new ITextMediator?[n];
        _voters = new IVoter?[n];
        int principalCount = Negotiation.PrincipalCount(scenario);
        _principals = new int[principalCount];
        _mediatorOrder = new int[n - principalCount];
        int v = 0, m = 0;
        for (int i = 0; i < n; i++)
        {
            if (scenario.Parties[i].Role == PartyRole.Principal)
            {
                _principals[v] = i;
                _voters[i] = voters[v++];
                _allPrincipals |= Audience.Of(i);
            }
            else
            {
                _mediatorOrder[m] = i;
                _mediators[i] = mediators[m++];
                _mediatorMask |= Audience.Of(i);
            }
        }
    }

    public string Name => "single-text";

    public bool Emits => true;

    public bool EmitsAfterStepsOnly => true;

    public int TurnsPerRound => _principals.Length + 1;

    /// <summary>Rounds' worth of transcript reserved up front: a mediator that converges ends well before most deadlines.</summary>
    private const int ReservedRounds = 32;

    // Every round records its turns and a tally; reserve the first rounds' worth and let the transcript grow beyond.
    public long TranscriptCapacity(long turns)
    {
        long rounds = (turns + TurnsPerRound - 1) / TurnsPerRound;
        return Math.Min(rounds, ReservedRounds) * (TurnsPerRound + 1) + 1;
    }

    public SingleTextState Initial => new()
    {
        Mediator = _mediatorOrder.Length > 0 ? _mediatorOrder[0] : -1,
        MediatorsPresent = _mediatorMask,
    };

    public void InitializeParty(int party, NegotiatorContext context)
    {
        if (_mediators[party] is { } mediator) mediator.Initialize(context);
        else _voters[party]!.Initialize(context);
    }

    public bool IsOver(in SingleTextState state) => state.Status != NegotiationStatus.Running;

    public NegotiationStatus Status(in SingleTextState state) => state.Status;

    public Outcome? Agreement(in SingleTextState state) => state.Status == NegotiationStatus.Agreed ? state.Text : null;

    public bool TryEmit(in SingleTextState state, in SessionClock clock, out Move move)
    {
        if (state.Phase <= _principals.Length)
        {
            move = default;
            return false;
        }
        if (_ratified.Length > 0 && state.Text is { } text && (state.Accepts & _allPrincipals) == _allPrincipals && RatifierRefusing(text, clock.Time) is int refusing)
        {
            // Two-level ratification during the talks: when every principal's negotiators accept, their ratifiers are
            // asked; a refusal is announced (with the issues the ratifier objects to) and the mediators go on from it.
            var ratifier = _scenario.Parties[refusing].Ratifier!;
            move = new Move
            {
                Actor = refusing, Action = NegotiationAction.Reject, Outcome = text, To = -1, Recipients = Audience.Everyone,
                Issues = _scenario.RatifierObjections(refusing, _values),
                Note = $"ratification: {ratifier.Name} ({_scenario.Parties[refusing].Name}'s ratifier) rejects the text its negotiators accepted",
            };
            return true;
        }
        move = new Move
        {
            Actor = -1, Action = NegotiationAction.Tally, Outcome = null, To = -1, Recipients = Audience.Everyone,
            Accepts = state.Accepts, Rejects = state.Rejects | state.Vetoes,
        };
        return true;
    }

    // The first principal whose ratifier refuses the text at t (its values left in _values), or null when all approve.
    private int? RatifierRefusing(Outcome text, double t)
    {
        _space.Decode(text, _values);
        foreach (int p in _ratified)
            if (!_scenario.Ratifies(p, _values, t)) return p;
        return null;
    }

    public int Mover(in SingleTextState state) => state.Phase == 0 ? state.Mediator : _principals[state.Phase - 1];

    // Two small paths rather than one large method: each call zeroes only the locals of its own path. The time is stamped
    // in place: the state is large, and copying it to set one field is a good part of a turn. Not inlined, and one call
    // per path: the runner's move is then the return buffer of AskMediator or AskVoter itself; inlined into the runner,
    // the move came back through a temporary and was copied with wide loads of narrower stores just made, a stall.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Move Ask(ref SingleTextState state, in SessionClock clock)
    {
        state.StampTime(clock.Time);
        if (state.Phase == 0) return AskMediator(state);
        return AskVoter(state);
    }

    private Move AskMediator(in SingleTextState state)
    {
        var proposal = _mediators[state.Mediator]!.Propose(state);
        if (_limits is { } limits)
        {
            // No package is inside every limit: the mediator puts no text this round rather than one that crosses a limit.
            if (limits.Guard(proposal, state.Time) is not { } guarded)
                return new Move { Actor = state.Mediator, Action = NegotiationAction.Pass, To = -1, Recipients = Audience.Everyone, Note = NoTextInsideLimits };
            proposal = guarded;
        }
        return new Move(state.Mediator, NegotiationAction.Propose, proposal.Text, -1, Audience.Everyone, reference: proposal.Basis);
    }

    private Move AskVoter(in SingleTextState state)
    {
        int party = _principals[state.Phase - 1];
        if (state.Text is not { } text) return new Move(party, NegotiationAction.Pass, null, -1, Audience.Everyone);
        var vote = _voters[party]!.Vote(state, text);
        var action = vote.Answer switch
        {
            TextAnswer.Accept => NegotiationAction.Accept,
            TextAnswer.Reject => NegotiationAction.Reject,
            TextAnswer.Veto => NegotiationAction.Veto,
            _ => NegotiationAction.Fail,
        };
        return new Move(party, action, text, -1, state.MediatorsPresent, vote.Objections, action == NegotiationAction.Fail ? UnknownVote(vote.Answer) : null);
    }

    private const string NoTextInsideLimits = "the mediator's text crossed a principal's red line or rule, or used a withdrawn value; no package is inside them, no text put";

    private static string UnknownVote(TextAnswer answer) => $"answered with unknown vote {(int)answer}";

    public string? Check(in SingleTextState state, in Move move)
    {
        if (move.Action == NegotiationAction.Fail) return move.Note;
        if (move.Action == NegotiationAction.Propose)
        {
            if (move.Outcome is not { } text || !_space.Contains(text)) return $"put text {move.Outcome} outside the outcome space ({_space.Cardinality} outcomes)";
            if (move.Reference is { } basis && !_space.Contains(basis)) return $"named basis {basis} outside the outcome space";
        }
        if (move.Issues != 0 && _space.IssueCount < 64 && (move.Issues >> _space.IssueCount) != 0) return "objected to an issue the space does not have";
        return null;
    }

    // In place: each case sets only the fields it changes (the state is large, and a round steps it four times).
    public void Step(ref SingleTextState state, in Move move, in SessionClock clock)
    {
        double t = clock.Time;
        switch (move.Action)
        {
            case NegotiationAction.Tally:
                if (state.Text is not null && (state.Accepts & _allPrincipals) == _allPrincipals) state.Agree(t);
                else state.NextRound(t, NextMediator(state.Mediator, state.MediatorsPresent));
                return;
            case NegotiationAction.Propose:
                state.Put(t, move.Outcome, move.Reference);
                return;
            case NegotiationAction.Accept:
                state.Answered(t, Audience.Of(move.Actor), 0, 0);
                return;
            case NegotiationAction.Reject when state.Phase > _principals.Length:
                state.RatifierRejected(t, Audience.Of(move.Actor));
                return;
            case NegotiationAction.Reject:
                state.Answered(t, 0, Audience.Of(move.Actor), 0);
                return;
            case NegotiationAction.Veto:
                state.Answered(t, 0, 0, Audience.Of(move.Actor));
                return;
            case NegotiationAction.Pass:
                if (state.Phase == 0) state.Put(t, null, null);
                else state.Answered(t, 0, 0, 0);
                return;
            default:
                throw new InvalidOperationException($"Single text has no action {move.Action}.");
        }
    }

    public SingleTextState End(in SingleTextState state, NegotiationStatus status) => state with { Status = status };

    public SingleTextState Leave(in SingleTextState state, int party)
    {
        if (!Audience.Contains(_mediatorMask, party)) return state with { Status = NegotiationStatus.Ended };
        ulong present = state.MediatorsPresent & ~Audience.Of(party);
        if (present == 0) return state with { MediatorsPresent = 0, Status = NegotiationStatus.Ended };
        var s = state with { MediatorsPresent = present };
        return s.Mediator == party && s.Phase == 0 ? s with { Mediator = NextMediator(party, present) } : s;
    }

    private int NextMediator(int current, ulong present)
    {
        if (_mediatorOrder.Length == 1) return current;
        int k = Array.IndexOf(_mediatorOrder, current);
        for (int step = 1; step <= _mediatorOrder.Length; step++)
        {
            int candidate = _mediatorOrder[(k + step) % _mediatorOrder.Length];
            if (Audience.Contains(present, candidate)) return candidate;
        }
        return current;
    }
}
