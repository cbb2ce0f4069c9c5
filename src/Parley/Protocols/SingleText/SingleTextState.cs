using Parley.Outcomes;

namespace Parley.Protocols.SingleText;

/// <summary>
/// The state of a single-negotiating-text negotiation as an immutable value. Each round one mediator (rotating among the
/// mediators present) puts a complete <see cref="Text"/>, optionally against a <see cref="Basis"/> (the text it revises);
/// then every principal answers in table order; then the protocol tallies the answers. All principals accepting makes the
/// text the agreement. The previous round's text and answers stay in the state for the mediators.
/// </summary>
public readonly record struct SingleTextState
{
    /// <summary>0-based round.</summary>
    public int Round { get; init; }

    /// <summary>Position in the round: 0 = the mediator proposes, k ≥ 1 = the k-th principal answers.</summary>
    public int Phase { get; init; }

    /// <summary>Party index of the mediator whose round it is, or −1 when no mediator is present.</summary>
    public int Mediator { get; init; }

    /// <summary>Normalised time of the current turn.</summary>
    public double Time { get; init; }

    /// <summary>The text on the table this round, or null before the mediator has put one.</summary>
    public Outcome? Text { get; init; }

    /// <summary>The text <see cref="Text"/> revises, if the mediator named one: a principal vetoes a text worse for it than the basis.</summary>
    public Outcome? Basis { get; init; }

    /// <summary>Principals that accepted <see cref="Text"/> so far this round (party mask).</summary>
    public ulong Accepts { get; init; }

    /// <summary>Principals that rejected <see cref="Text"/> this round without a veto (party mask).</summary>
    public ulong Rejects { get; init; }

    /// <summary>Principals that vetoed <see cref="Text"/> this round (party mask).</summary>
    public ulong Vetoes { get; init; }

    /// <summary>The previous round's text, or null.</summary>
    public Outcome? LastText { get; init; }

    /// <summary>The previous round's basis, or null.</summary>
    public Outcome? LastBasis { get; init; }

    /// <summary>Principals that accepted the previous round's text.</summary>
    public ulong LastAccepts { get; init; }

    /// <summary>Principals that rejected the previous round's text without a veto.</summary>
    public ulong LastRejects { get; init; }

    /// <summary>Principals that vetoed the previous round's text.</summary>
    public ulong LastVetoes { get; init; }

    /// <summary>Mediators still at the table (party mask).</summary>
    public ulong MediatorsPresent { get; init; }

    /// <summary>Whether the negotiation is running or how it ended.</summary>
    public NegotiationStatus Status { get; init; }

    /// <summary>True when the previous round's text was vetoed by nobody (all answered and none vetoed).</summary>
    public bool LastUnvetoed => LastText is not null && LastVetoes == 0;
}

/// <summary>A principal's answer to a text.</summary>
public enum TextAnswer : byte
{
    /// <summary>Agree to the text as the deal.</summary>
    Accept,
    /// <summary>Not as the deal; but it is no worse for me than the basis, so it may replace it.</summary>
    Reject,
    /// <summary>Worse for me than the basis the mediator revised: do not keep this change.</summary>
    Veto,
}

/// <summary>A principal's answer with the issues it objects to most (bit mask over issue indices; may be 0).</summary>
public readonly record struct TextVote(TextAnswer Answer, ulong Objections = 0);

/// <summary>A mediator's text and, optionally, the earlier text it revises (the basis vetoes are measured against).</summary>
public readonly record struct TextProposal(Outcome Text, Outcome? Basis = null);
