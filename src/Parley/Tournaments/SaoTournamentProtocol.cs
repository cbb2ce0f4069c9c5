using Parley.Agents.Negotiators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>Stacked alternating offers in a tournament: every principal takes a seat; mediators have no turn.</summary>
internal sealed class SaoTournamentProtocol(ProtocolSettings settings) : ITournamentProtocol
{
    // Each runner thread records into one transcript, emptied per negotiation: a tournament keeps only the results.
    [ThreadStatic] private static Transcript? t_transcript;
    private readonly SaoOptions _options = new() { Rounds = settings.Rounds, TimeLimit = settings.TimeLimit, PerTurnBudget = settings.TurnBudget };

    public string Name => "sao";

    public Type PrincipalType => typeof(INegotiator);

    public object CreateBuiltIn(string name) => NegotiatorRegistry.Create(name);

    public string? Unsuitable(Scenario scenario) => ProtocolRecords.Unsuitable(scenario);

    public Scenario Table(Scenario scenario) => Seating.PrincipalsOnly(scenario);

    public NegotiationRecord Run(Scenario table, IReadOnlyList<object> seats, int seed)
    {
        var negotiators = new INegotiator[seats.Count];
        for (int i = 0; i < negotiators.Length; i++) negotiators[i] = (INegotiator)seats[i];
        return ProtocolRecords.From(table, Negotiation.Run(table, negotiators, _options with { Seed = seed }, null, t_transcript ??= new Transcript(2, 4)));
    }
}
