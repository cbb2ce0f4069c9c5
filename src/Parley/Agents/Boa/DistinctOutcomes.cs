using Parley.Outcomes;

namespace Parley.Agents.Boa;

/// <summary>
/// A set of outcomes that answers "first time?" without hashing in a small space: one flag per outcome index when the
/// space has at most <see cref="FlagLimit"/> outcomes, else (and for value-vector outcomes) a hash set. For agents
/// that count each distinct bid once (a Java <c>HashSet&lt;Bid&gt;</c> in the originals).
/// </summary>
internal sealed class DistinctOutcomes(OutcomeSpace space)
{
    private const long FlagLimit = 1 << 16;
    private readonly bool[]? _flags = space.IsEnumerable && space.Count <= FlagLimit ? new bool[space.Count] : null;
    private readonly HashSet<Outcome> _set = [];

    /// <summary>Adds <paramref name="outcome"/>; true when it was not in the set.</summary>
    public bool Add(Outcome outcome)
    {
        if (_flags is null || !outcome.IsIndex) return _set.Add(outcome);
        ref bool seen = ref _flags[(int)outcome.LowIndex];
        if (seen) return false;
        seen = true;
        return true;
    }
}
