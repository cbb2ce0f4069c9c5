using System.Collections.Immutable;
using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>What a party does at the table.</summary>
public enum PartyRole
{
    /// <summary>A principal: has a stake and must agree to a deal.</summary>
    Principal,
    /// <summary>A mediator: carries and proposes texts; its own utility (if any) is not required for agreement.</summary>
    Mediator,
}

/// <summary>A party to a negotiation with its preferences and, for modelled scenarios, the source of its position.</summary>
/// <param name="Name">The party's name, unique in the scenario.</param>
/// <param name="Role">Principal or mediator.</param>
/// <param name="Profile">Utility function, reserved value and discount factor.</param>
/// <param name="Source">Where the party's position as a whole is taken from (free text, e.g. "reuters.com, 7 Feb 2024").</param>
public sealed record Party(string Name, PartyRole Role, Profile Profile, string? Source = null)
{
    /// <summary>Sources of individual parts of the position, keyed by the issue they support.</summary>
    public ImmutableDictionary<string, string> PositionSources { get; init; } = ImmutableDictionary<string, string>.Empty;
}
