using System.Collections.Immutable;
using Parley.Protocols;

namespace Parley.Tournaments;

/// <summary>How a tournament negotiation ended (stored as the lower-case text in <c>results.status</c>).</summary>
public enum NegotiationStatus
{
    /// <summary>An agreement was reached.</summary>
    Agreed,
    /// <summary>The deadline passed without agreement.</summary>
    Deadline,
    /// <summary>A party walked away.</summary>
    WalkedAway,
    /// <summary>A negotiator failed (threw, acted invalidly, overran its turn budget or never returned); see the failure columns.</summary>
    Failed,
}

/// <summary>
/// The stored result of one tournament negotiation. Arrays are in seat order (seat 0 moves first). Utilities are final
/// (discounted) and undiscounted, as the protocol defines them; without agreement they are the reserved values.
/// </summary>
public sealed record NegotiationRecord
{
    /// <summary>Index of the negotiation in the tournament plan.</summary>
    public required int Index { get; init; }

    /// <summary>How it ended.</summary>
    public required NegotiationStatus Status { get; init; }

    /// <summary>The agreement as issue → value (JSON object text), or null.</summary>
    public string? Agreement { get; init; }

    /// <summary>Final utility per seat.</summary>
    public required ImmutableArray<double> Utilities { get; init; }

    /// <summary>Undiscounted utility per seat.</summary>
    public required ImmutableArray<double> UndiscountedUtilities { get; init; }

    /// <summary>Rounds started.</summary>
    public int Rounds { get; init; }

    /// <summary>Turns taken.</summary>
    public int Steps { get; init; }

    /// <summary>Normalised time at the end (1 at the deadline).</summary>
    public double EndTime { get; init; }

    /// <summary>Σ final utilities.</summary>
    public double Welfare { get; init; }

    /// <summary>Distance of the undiscounted utility vector to the nearest Pareto-frontier point; null when not measured.</summary>
    public double? DistanceToPareto { get; init; }

    /// <summary>Distance to the Nash point; null when not measured.</summary>
    public double? DistanceToNash { get; init; }

    /// <summary>
    /// Accuracy of the opponent model of each seat whose negotiator exposes one (<see cref="Agents.Negotiators.IHasOpponentModel"/>),
    /// measured after the negotiation against the other principals' true utilities; empty when no seat has a model.
    /// </summary>
    public ImmutableArray<ModelAccuracyRecord> ModelAccuracy { get; init; } = [];

    /// <summary>What went wrong (Exception, InvalidAction, TimeBudgetExceeded, Hung, Crashed, Internal), or null.</summary>
    public string? FailureKind { get; init; }

    /// <summary>Seat of the negotiator the failure is attributed to, or null.</summary>
    public int? FailureSeat { get; init; }

    /// <summary>The failure in words, or null.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Wall-clock milliseconds the negotiation took (not part of the deterministic record).</summary>
    public double ElapsedMs { get; init; }

    /// <summary>True when the deterministic content (everything but <see cref="ElapsedMs"/>) equals <paramref name="other"/>'s.</summary>
    public bool SameOutcomeAs(NegotiationRecord other) =>
        this with { ElapsedMs = 0, Utilities = [], UndiscountedUtilities = [], ModelAccuracy = [] }
            == other with { ElapsedMs = 0, Utilities = [], UndiscountedUtilities = [], ModelAccuracy = [] }
        && Utilities.SequenceEqual(other.Utilities) && UndiscountedUtilities.SequenceEqual(other.UndiscountedUtilities)
        && ModelAccuracy.SequenceEqual(other.ModelAccuracy);
}

/// <summary>
/// How well the opponent model of the negotiator in <paramref name="Seat"/> knew the other principals at the end of a
/// negotiation (<see cref="Analysis.OpponentModelAccuracy"/>; correlations averaged over the other principals).
/// </summary>
/// <param name="Seat">The seat whose negotiator kept the model.</param>
/// <param name="Pearson">Pearson correlation of modelled and true opponent utility over the outcomes, or null.</param>
/// <param name="Kendall">Kendall τ-b of modelled and true opponent utility over the outcomes, or null.</param>
/// <param name="ParetoError">Pareto-frontier estimation error (bilateral only), or null.</param>
public readonly record struct ModelAccuracyRecord(int Seat, double? Pearson, double? Kendall, double? ParetoError);
