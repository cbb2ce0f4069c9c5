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
public sealed record Party(string Name, PartyRole Role, Profile Profile, string? Source = null);
