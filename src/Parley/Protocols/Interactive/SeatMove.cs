using Parley.Outcomes;

namespace Parley.Protocols.Interactive;

/// <summary>What a seat is asked on its turn; each question allows its own actions (see <see cref="SeatRules"/>).</summary>
public enum SeatQuestion : byte
{
    /// <summary>Alternating offers, facing another party's standing offer: accept it, walk away, or make a counter-offer.</summary>
    Respond,
    /// <summary>Alternating offers, the first turn (no offer on the table): make an offer.</summary>
    Propose,
    /// <summary>Single text, a principal: accept, reject or veto the text (naming the issues objected to).</summary>
    Vote,
    /// <summary>Single text, a mediator: put the next complete text (optionally against a basis it revises).</summary>
    PutText,
    /// <summary>Shuttle: send one message along one of the seat's channels, or pass.</summary>
    Send,
}

/// <summary>The question a seat faces now, with what the protocol shows it.</summary>
/// <param name="Question">What is asked.</param>
/// <param name="Round">0-based round of the turn.</param>
/// <param name="Time">Normalised time t ∈ [0, 1] of the turn.</param>
/// <param name="Offer">The standing offer (alternating offers) or the text put to the vote (single text), or null.</param>
/// <param name="Basis">The text the voted text revises (single text), or the previous round's text (mediator), or null.</param>
public readonly record struct SeatPrompt(SeatQuestion Question, int Round, double Time, Outcome? Offer = null, Outcome? Basis = null);

/// <summary>
/// A person's move at a seat, in the protocol's vocabulary: Offer / Accept / WalkAway (alternating offers), Accept /
/// Reject / Veto (single-text votes), Propose (single-text mediator), Offer / Concede / Object / Accept / Reject / Relay /
/// Propose / Pass (shuttle, with the addressee). <see cref="NegotiationAction.Fail"/> marks a seat abandoned (no move
/// before its time ran out) where the protocol has no walk-away.
/// </summary>
/// <param name="Action">What the person does.</param>
/// <param name="Outcome">The offer, text or package, or null.</param>
/// <param name="To">Addressee (shuttle), or −1.</param>
/// <param name="Issues">Objected or conceded issues (bit mask over issue indices).</param>
/// <param name="Basis">The earlier text a single text revises, or null.</param>
public readonly record struct SeatMove(NegotiationAction Action, Outcome? Outcome = null, int To = -1, ulong Issues = 0, Outcome? Basis = null)
{
    /// <summary>The move recorded when a seat is abandoned under a protocol without walk-away.</summary>
    public static SeatMove Abandoned => new(NegotiationAction.Fail);
}

/// <summary>Where the moves of a person's seat come from: a person deciding now, or a recorded list replayed.</summary>
public interface ISeatMoves
{
    /// <summary>Called once when the negotiation starts; <see cref="PersonSeat.Context"/> holds everything the seat may know.</summary>
    void Started(PersonSeat seat);

    /// <summary>The seat's move for <paramref name="prompt"/>; blocks until there is one.</summary>
    SeatMove Next(int party, in SeatPrompt prompt);
}

/// <summary>Thrown by a seat that was abandoned: the runner records the failure, attributed to the seat.</summary>
public sealed class SeatAbandonedException() : Exception("the seat was abandoned: no move before its time ran out");

/// <summary>
/// Thrown by a seat whose wall-clock deadline passed while the person was deciding: the session runner then ends the
/// negotiation at its deadline, exactly as if the deadline had passed before the turn.
/// </summary>
public sealed class DeadlinePassedException() : Exception("the negotiation's time limit passed during the turn");

/// <summary>Replays a recorded list of moves for one seat, in order.</summary>
public sealed class ScriptedSeatMoves(IReadOnlyList<SeatMove> moves) : ISeatMoves
{
    private int _next;

    /// <inheritdoc />
    public void Started(PersonSeat seat) => _next = 0;

    /// <inheritdoc />
    public SeatMove Next(int party, in SeatPrompt prompt) =>
        _next < moves.Count ? moves[_next++] : throw new InvalidOperationException($"the script of party {party} has {moves.Count} moves; a move for turn {prompt.Question} in round {prompt.Round} was asked beyond them");
}
