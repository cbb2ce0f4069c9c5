using Parley.Agents.Negotiators;



namespace Parley.Agents;

/// <summary>
/// A negotiation described by names, as the command line and reports give it: which protocol, which built-in negotiators
/// for the principals (the list repeats when shorter than the table), which mediators, deadlines, budget and seed.
/// <see cref="Validate"/> names the first thing wrong.
/// </summary>
public sealed record NegotiationSetup
{
    /// <summary>The protocols <see cref="NamedNegotiation.Run(Scenarios.Scenario, NegotiationSetup, TimeProvider?)"/> knows.</summary>
    public static IReadOnlyList<string> Protocols { get; } = ["sao", "single-text", "shuttle"];

    /// <summary>Protocol name: "sao", "single-text" or "shuttle".</summary>
    public string Protocol { get; init; } = "sao";

    /// <summary>Negotiator names for the principals, in party order (repeating when shorter).</summary>
    public IReadOnlyList<string> Negotiators { get; init; } = ["boulware", "conceder"];

    /// <summary>
    /// Mediator names for the scenario's mediators, in party order (repeating when shorter); for a scenario without
    /// mediators, one neutral mediator is seated per name. Empty: the protocol's default ("hillclimber" for single text,
    /// "bridging" for shuttle). Ignored by SAOP, which seats no mediator.
    /// </summary>
    public IReadOnlyList<string> Mediators { get; init; } = [];

    /// <summary>Deadline in rounds; null for none (then <see cref="TimeLimit"/> is required).</summary>
    public int? Rounds { get; init; } = 1000;

    /// <summary>Wall-clock deadline; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Longest one party may take for one turn.</summary>
    public TimeSpan PerTurnBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unknown protocol, negotiator or mediator.</summary>
    public void Validate()
    {
        if (!Protocols.Contains(Protocol)) throw new ArgumentException($"Unknown protocol '{Protocol}'; expected one of: {string.Join(", ", Protocols)}.");
        if (Negotiators.Count == 0) throw new ArgumentException("Give at least one negotiator name.");
        foreach (var name in Negotiators) _ = NamedNegotiation.CreatePrincipal(Protocol, name);
        if (Protocol != "sao")
            foreach (var name in Mediators) _ = NamedNegotiation.CreateMediator(Protocol, name);
    }
}
