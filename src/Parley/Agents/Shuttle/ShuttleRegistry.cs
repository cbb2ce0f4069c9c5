using System.Globalization;
using Parley.Agents.Negotiators;
using Parley.Parties;

namespace Parley.Agents.Shuttle;

/// <summary>Resolves built-in shuttle principals and mediators by name (case-insensitive), e.g. for the command line.</summary>
public static class ShuttleRegistry
{
    private static readonly (NegotiatorInfo Info, Func<IShuttleParty> Create)[] PrincipalEntries =
    [
        (new("boulware", "Time-dependent, e = 0.2: puts forward the package at its target, accepts what reaches it at or above target."), () => new TimeDependentShuttlePrincipal(0.2, "Boulware")),
        (new("linear", "Time-dependent, e = 1."), () => new TimeDependentShuttlePrincipal(1.0, "Linear")),
        (new("conceder", "Time-dependent, e = 2."), () => new TimeDependentShuttlePrincipal(2.0, "Conceder")),
        (new("hardliner", "Time-dependent, e = 0: never lowers its target."), () => new TimeDependentShuttlePrincipal(0.0, "Hardliner")),
        (new("leastimportantfirst", "Concedes on its least important issues first, giving the values the other side last asked for; sends conditional concessions."), () => new LeastImportantFirstPrincipal()),
    ];

    private static readonly (NegotiatorInfo Info, Func<IShuttleParty> Create)[] MediatorEntries =
    [
        (new("relay", "Carries each principal's latest package to the other side."), () => new RelayMediator()),
        (new("bridging", "Proposes packages mixing the principals' positions that their past answers suggest both accept; carries acceptances."), () => new BridgingMediator()),
    ];

    /// <summary>Built-in shuttle principals (also <c>timedependent:E</c>).</summary>
    public static IReadOnlyList<NegotiatorInfo> Principals { get; } = PrincipalEntries.Select(e => e.Info).ToArray();

    /// <summary>Built-in shuttle mediators.</summary>
    public static IReadOnlyList<NegotiatorInfo> Mediators { get; } = MediatorEntries.Select(e => e.Info).ToArray();

    /// <summary>A new shuttle principal called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when unknown.</summary>
    public static IShuttleParty CreatePrincipal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        foreach (var (info, create) in PrincipalEntries)
            if (string.Equals(info.Name, trimmed, StringComparison.OrdinalIgnoreCase)) return create();
        if (trimmed.StartsWith(NegotiatorRegistry.TimeDependentPrefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(trimmed.AsSpan(NegotiatorRegistry.TimeDependentPrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double e)
            && e >= 0 && double.IsFinite(e))
            return new TimeDependentShuttlePrincipal(e);
        throw new ArgumentException($"Unknown shuttle negotiator '{name}'. Available: {string.Join(", ", Principals.Select(a => a.Name))}, or {NegotiatorRegistry.TimeDependentPrefix}E.", nameof(name));
    }

    /// <summary>A new shuttle mediator called <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when unknown.</summary>
    public static IShuttleParty CreateMediator(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (info, create) in MediatorEntries)
            if (string.Equals(info.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) return create();
        throw new ArgumentException($"Unknown shuttle mediator '{name}'. Available: {string.Join(", ", Mediators.Select(a => a.Name))}.", nameof(name));
    }
}
