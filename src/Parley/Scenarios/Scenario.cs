using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Scenarios;

/// <summary>A negotiation scenario: the outcome space and the parties with their preferences.</summary>
public sealed record Scenario(string Name, OutcomeSpace Space, ImmutableArray<Party> Parties)
{
    /// <summary>Where the scenario was read from (folder or file), if it was read.</summary>
    public string? Location { get; init; }

    /// <summary>Things worth telling a user that do not stop the scenario from loading (e.g. weights that do not sum to 1).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The parties whose agreement makes a deal (everyone but mediators).</summary>
    public IEnumerable<Party> Principals => Parties.Where(p => p.Role == PartyRole.Principal);
}
