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
/// <param name="Profile">Utility function, reserved value, discount factor and red lines.</param>
/// <param name="Source">Where the party's position as a whole is taken from (free text, e.g. "reuters.com, 7 Feb 2024").</param>
public sealed record Party(string Name, PartyRole Role, Profile Profile, string? Source = null)
{
    private readonly double _stake;

    /// <summary>Sources of individual parts of the position, keyed by the issue they support.</summary>
    public ImmutableDictionary<string, string> PositionSources { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// A mediator's stake α ∈ [0, 1] in any agreement being reached (0 for principals and for mediators that state none):
    /// its utility is α·[agreement reached] + (1 − α)·(its own issue preferences); see <see cref="MediatorUtility"/>.
    /// </summary>
    public double Stake
    {
        get => _stake;
        init => _stake = MediatorUtility.ValidateStake(value);
    }

    /// <summary>The body that must approve what this principal's negotiators accept, if any.</summary>
    public Ratifier? Ratifier { get; init; }

    /// <summary>Where the stake is taken from, or why it was chosen, if given.</summary>
    public string? StakeSource { get; init; }

    /// <summary>This party's utility for the agreement <paramref name="values"/>, counting its stake: α + (1 − α)·u(values).</summary>
    public double UtilityOfAgreement(ReadOnlySpan<int> values) => MediatorUtility.OfAgreement(Stake, Profile.Utility.Utility(values));

    /// <summary>This party's utility when no agreement is reached by <paramref name="t"/>: (1 − α)·(reserved value at t).</summary>
    public double UtilityOfNoAgreement(double t) => MediatorUtility.OfNoAgreement(Stake, Profile.ReservedAt(t));
}
