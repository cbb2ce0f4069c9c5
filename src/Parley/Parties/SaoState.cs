using Parley.Outcomes;
using Parley.Protocols;

namespace Parley.Parties;

/// <summary>
/// The state of a stacked-alternating-offers negotiation as an immutable value. Parties move in table order
/// (<see cref="Turn"/> = <see cref="Step"/> mod <see cref="PartyCount"/>); <see cref="Apply"/> gives the state after one
/// action, and the engine loop is its only caller. Holds nothing private to any party.
/// </summary>
public readonly record struct SaoState
{
    /// <summary>Number of parties at the table (≥ 2).</summary>
    public int PartyCount { get; init; }

    /// <summary>Number of turns taken so far (0-based index of the current turn).</summary>
    public int Step { get; init; }

    /// <summary>Normalised time t ∈ [0, 1] of the current turn.</summary>
    public double Time { get; init; }

    /// <summary>The offer on the table, or null before the first offer.</summary>
    public Outcome? StandingOffer { get; init; }

    /// <summary>Party index of whoever made <see cref="StandingOffer"/>; −1 before the first offer.</summary>
    public int Proposer { get; init; }

    /// <summary>How many parties have accepted the standing offer since it was made.</summary>
    public int Acceptances { get; init; }

    /// <summary>Whether the negotiation is running or how it ended.</summary>
    public NegotiationStatus Status { get; init; }

    /// <summary>0-based round: every party moves once per round.</summary>
    public int Round => Step / PartyCount;

    /// <summary>Party index whose turn it is.</summary>
    public int Turn => Step % PartyCount;

    /// <summary>The state before anyone has moved.</summary>
    public static SaoState Initial(int partyCount) =>
        partyCount >= 2 ? new SaoState { PartyCount = partyCount, Proposer = -1 }
                        : throw new ArgumentOutOfRangeException(nameof(partyCount), partyCount, "A negotiation needs at least two parties.");

    /// <summary>
    /// The state after the party whose turn it is takes <paramref name="action"/> (<paramref name="offer"/> is used only
    /// for <see cref="NegotiationAction.Offer"/>). An offer is agreed once all <see cref="PartyCount"/> − 1 other parties accept it.
    /// </summary>
    public SaoState Apply(NegotiationAction action, Outcome offer = default)
    {
        if (Status != NegotiationStatus.Running) throw new InvalidOperationException($"The negotiation has ended ({Status}).");
        switch (action)
        {
            case NegotiationAction.Offer:
                return this with { StandingOffer = offer, Proposer = Turn, Acceptances = 0, Step = Step + 1 };
            case NegotiationAction.Accept:
                if (StandingOffer is null || Proposer == Turn) throw new InvalidOperationException("There is no offer from another party to accept.");
                int accepted = Acceptances + 1;
                return this with
                {
                    Acceptances = accepted,
                    Status = accepted == PartyCount - 1 ? NegotiationStatus.Agreed : NegotiationStatus.Running,
                    Step = Step + 1,
                };
            case NegotiationAction.WalkAway:
                return this with { Status = NegotiationStatus.WalkedAway, Step = Step + 1 };
            case NegotiationAction.Fail:
                return this with { Status = NegotiationStatus.Failed, Step = Step + 1 };
            case NegotiationAction.Pass:
                return this with { Step = Step + 1 };
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>The state when the deadline passes before the current turn.</summary>
    public SaoState Expire() => End(NegotiationStatus.Deadline);

    /// <summary>The state that ends the negotiation with <paramref name="status"/> (deadline, failure, a party leaving).</summary>
    public SaoState End(NegotiationStatus status) =>
        Status == NegotiationStatus.Running ? this with { Status = status } : throw new InvalidOperationException($"The negotiation has ended ({Status}).");
}
