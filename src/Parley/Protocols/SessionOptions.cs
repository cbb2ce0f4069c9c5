namespace Parley.Protocols;

/// <summary>
/// What every protocol's options share: deadlines, the per-turn budget and the seed. At least one deadline
/// (<see cref="Rounds"/> or <see cref="TimeLimit"/>) is required. With <see cref="Rounds"/> given, normalised time is
/// t = turn / (Rounds × turns per round) — it equals round / Rounds at the start of each round — and wall-clock time only
/// ends the negotiation (when <see cref="TimeLimit"/> is also given), never changes a choice; with only a time limit,
/// t = elapsed / TimeLimit. Each protocol derives its own validated options type from this one.
/// </summary>
public abstract record SessionOptions
{
    /// <summary>Deadline in rounds; null for none. What a round is depends on the protocol.</summary>
    public int? Rounds { get; init; }

    /// <summary>Wall-clock deadline; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Longest a party may take for one turn; exceeding it fails the negotiation, attributed to that party.</summary>
    public TimeSpan PerTurnBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed from which every party's seed is derived: same seed ⇒ same transcript.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the options are inconsistent.</summary>
    public virtual void Validate()
    {
        if (Rounds is null && TimeLimit is null) throw new ArgumentException("Give a deadline: Rounds, TimeLimit or both.");
        if (Rounds is <= 0) throw new ArgumentException($"Rounds must be positive, got {Rounds}.");
        if (Rounds > 100_000_000) throw new ArgumentException($"Rounds must be at most 100,000,000, got {Rounds}.");
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero) throw new ArgumentException($"TimeLimit must be positive, got {limit}.");
        if (PerTurnBudget <= TimeSpan.Zero) throw new ArgumentException($"PerTurnBudget must be positive, got {PerTurnBudget}.");
    }
}
