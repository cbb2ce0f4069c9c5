using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Analysis;

/// <summary>
/// An outcome together with its utility to each party (party order of the scenario). <see cref="Values"/> holds one value
/// index per issue, so a point exists even in spaces too large to index.
/// </summary>
public sealed record DealPoint(ImmutableArray<double> Utilities, ImmutableArray<int> Values)
{
    /// <summary>The outcome index, for indexable spaces.</summary>
    public Outcome ToOutcome(OutcomeSpace space) => space.Encode(Values.AsSpan());
}
