using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Protocols;

/// <summary>When a turn happens: its 0-based index, its 0-based round and its normalised time t ∈ [0, 1].</summary>
public readonly record struct SessionClock(int Turn, int Round, double Time);

/// <summary>
/// The rules of one protocol over an immutable state value: the initial state, who moves, how to ask the mover, what is
/// legal, the step to the next state, and termination. The session runner (<see cref="Negotiation"/>) is the only
/// mutator: it owns the clock, deadlines, per-turn budgets, failure attribution, scenario events and the transcript, and
/// calls these members in order. A new protocol implements this interface and touches no other protocol.
/// </summary>
/// <typeparam name="TState">The protocol's state; a value.</typeparam>
public interface IProtocol<TState> where TState : struct
{
    /// <summary>The protocol's name as the command line spells it (e.g. "sao").</summary>
    string Name { get; }

    /// <summary>Turns in one round (the unit of the round deadline).</summary>
    int TurnsPerRound { get; }

    /// <summary>
    /// Transcript entries to reserve for a negotiation of at most <paramref name="turns"/> turns (the transcript grows
    /// geometrically beyond, allocating nothing per turn in the steady state). Default: one entry per turn — right for a
    /// protocol that usually runs to its deadline; one whose negotiations usually end early reserves less, since memory
    /// reserved and never used is most of what a short negotiation costs.
    /// </summary>
    long TranscriptCapacity(long turns) => turns;

    /// <summary>False when <see cref="TryEmit"/> never emits (the runner then never asks).</summary>
    bool Emits { get; }

    /// <summary>
    /// True when what <see cref="TryEmit"/> emits depends on the state alone, never on the clock (a tally due once every
    /// answer is in): only a step or an event can then make an emission due, and the runner looks for one after those
    /// only, not again before each turn. False when an emission can fall due with time alone (a delayed message).
    /// </summary>
    bool EmitsAfterStepsOnly { get; }

    /// <summary>Starts party <paramref name="party"/>'s negotiator with its context; an exception fails the negotiation, attributed to it.</summary>
    void InitializeParty(int party, NegotiatorContext context);

    /// <summary>The state before anyone has moved.</summary>
    TState Initial { get; }

    /// <summary>True once the state is terminal (agreed, walked away, failed, expired or ended).</summary>
    bool IsOver(in TState state);

    /// <summary>How the negotiation stands.</summary>
    NegotiationStatus Status(in TState state);

    /// <summary>The agreement of a terminal state, or null.</summary>
    Outcome? Agreement(in TState state);

    /// <summary>An action of the protocol itself due before the next turn (a tally, a delayed message arriving), if any.</summary>
    bool TryEmit(in TState state, in SessionClock clock, out Move move);

    /// <summary>The party whose turn it is.</summary>
    int Mover(in TState state);

    /// <summary>
    /// Asks the mover for its action. Exceptions are the mover's failure. The protocol may stamp
    /// <paramref name="state"/> with the turn's time (what the mover sees); nothing else of it changes.
    /// </summary>
    Move Ask(ref TState state, in SessionClock clock);

    /// <summary>Null when <paramref name="move"/> is legal in <paramref name="state"/>; otherwise why not (the mover's failure).</summary>
    string? Check(in TState state, in Move move);

    /// <summary>
    /// Advances <paramref name="state"/> past <paramref name="move"/>: afterwards it is the state after the move (a
    /// function of the state, the move and the clock alone). In place, so that a large state is not copied whole per turn.
    /// </summary>
    void Step(ref TState state, in Move move, in SessionClock clock);

    /// <summary>The state that ends the negotiation with <paramref name="status"/> (deadline, failure, a party leaving).</summary>
    TState End(in TState state, NegotiationStatus status);

    /// <summary>
    /// The state after party <paramref name="party"/> leaves the table (a scenario event); the protocol decides whether
    /// the negotiation goes on (e.g. another mediator remains) or ends.
    /// </summary>
    TState Leave(in TState state, int party);
}
