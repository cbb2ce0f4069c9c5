using System.Globalization;
using Parley.Outcomes;

namespace Parley.Protocols;

/// <summary>
/// One recorded action: when, who, what, on which outcome, to whom, and what that outcome is worth (undiscounted) to every
/// party. <see cref="Utilities"/> is NaN-valued when the action carries no outcome (walk-away, failure, tally, event).
/// </summary>
public readonly struct TranscriptEntry
{
    private readonly double[] _utilities;
    private readonly int _offset;
    private readonly int _count;

    internal TranscriptEntry(in HistoryEntry entry, double[] utilities, int offset, int count)
    {
        Entry = entry;
        _utilities = utilities;
        _offset = offset;
        _count = count;
    }

    /// <summary>The entry without utilities (what negotiators see).</summary>
    public HistoryEntry Entry { get; }

    /// <summary>0-based round.</summary>
    public int Round => Entry.Round;

    /// <summary>0-based index of the entry.</summary>
    public int Step => Entry.Step;

    /// <summary>Normalised time of the action.</summary>
    public double Time => Entry.Time;

    /// <summary>Acting party index (scenario order), or −1 for the protocol itself.</summary>
    public int Party => Entry.Party;

    /// <summary>What the party did.</summary>
    public NegotiationAction Action => Entry.Action;

    /// <summary>The outcome offered, proposed, relayed or accepted; null when the action carries none.</summary>
    public Outcome? Outcome => Entry.Outcome;

    /// <summary>Undiscounted utility of <see cref="Outcome"/> to each party, in party order (NaN without an outcome).</summary>
    public ReadOnlySpan<double> Utilities => new(_utilities, _offset, _count);

    /// <inheritdoc />
    public override string ToString()
    {
        var u = Utilities;
        var parts = new string[u.Length];
        for (int i = 0; i < u.Length; i++) parts[i] = u[i].ToString("R", CultureInfo.InvariantCulture);
        return $"{Entry} [{string.Join(", ", parts)}]";
    }
}

/// <summary>One action as negotiators see it: no utilities.</summary>
/// <param name="Step">0-based index of the entry in the transcript.</param>
/// <param name="Round">0-based round.</param>
/// <param name="Time">Normalised time t ∈ [0, 1].</param>
/// <param name="Party">Acting party index (scenario order), or −1 for the protocol itself (tallies, scenario events).</param>
/// <param name="Action">What the party did.</param>
/// <param name="Outcome">The outcome the action is about; null for walk-away, failure, tally and event.</param>
public readonly record struct HistoryEntry(int Step, int Round, double Time, int Party, NegotiationAction Action, Outcome? Outcome)
{
    /// <summary>The addressee of a message (shuttle), or −1.</summary>
    public int To { get; init; } = -1;

    /// <summary>Who may see the entry besides the actor (<see cref="Audience"/> mask; <see cref="Audience.Everyone"/> for public actions).</summary>
    public ulong Recipients { get; init; } = Audience.Everyone;

    /// <summary>Issues named by an objection or a conditional concession (bit mask over issue indices).</summary>
    public ulong Issues { get; init; }

    /// <summary>Parties that accepted, for a <see cref="NegotiationAction.Tally"/>.</summary>
    public ulong Accepts { get; init; }

    /// <summary>Parties that rejected, for a <see cref="NegotiationAction.Tally"/>.</summary>
    public ulong Rejects { get; init; }

    /// <summary>What a scenario event did, or null.</summary>
    public string? Note { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Step} r{Round} t={Time:R} p{Party} {Action}{(To >= 0 ? $"→p{To}" : "")} {Outcome?.ToString() ?? "-"}");
}
