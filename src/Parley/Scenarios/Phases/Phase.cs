namespace Parley.Scenarios.Phases;

/// <summary>
/// One phase of a phased agreement (e.g. "phase 1", 42 days). Phases are carried out in order; each later phase may not
/// be carried out (a party states its belief that it is, <see cref="PartyPhasing.CarriedOut"/>).
/// </summary>
/// <param name="Name">The phase's name, unique in the scenario.</param>
/// <param name="Length">Its length: days when <paramref name="InDays"/>, else normalised (a share of the whole deal). &gt; 0.</param>
/// <param name="InDays">True when <paramref name="Length"/> is in days.</param>
public sealed record Phase(string Name, double Length, bool InDays);

/// <summary>
/// An issue of a phased scenario: settled once for the whole deal (<see cref="PerPhase"/> false: one slot) or taking a
/// value in each phase (one slot per phase). A slot that <see cref="Deferrable"/> allows may be left <c>deferred</c>: not
/// settled by this agreement, to be negotiated when its phase comes.
/// </summary>
/// <param name="Issue">The issue with its own values (what every party's utility evaluates).</param>
/// <param name="PerPhase">True when the issue takes a value in each phase.</param>
/// <param name="Deferrable">
/// Per slot of the issue (one entry for a once-issue, one per phase otherwise): true when that slot may be left deferred.
/// </param>
public sealed record PhasedIssue(Outcomes.Issue Issue, bool PerPhase, System.Collections.Immutable.ImmutableArray<bool> Deferrable)
{
    /// <summary>True when any slot of the issue may be deferred.</summary>
    public bool AnyDeferrable => Deferrable.Contains(true);
}

/// <summary>
/// One slot of a phased outcome space: an issue in one phase (per-phase issues) or for the whole deal (once-issues).
/// </summary>
/// <param name="Issue">Index of the issue in <see cref="PhaseStructure.Issues"/>.</param>
/// <param name="Phase">Index of the phase, or −1 for a once-issue.</param>
/// <param name="Deferrable">True when the slot has the extra value <c>deferred</c> (its last value index).</param>
public readonly record struct Slot(int Issue, int Phase, bool Deferrable)
{
    /// <summary>True when the slot belongs to an issue settled once for the whole deal.</summary>
    public bool IsOnce => Phase < 0;
}
