using Parley.Agents;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// The mediated protocols in a tournament (single negotiating text, shuttle diplomacy): the competitors take the
/// principals' seats; the mediators named in the protocol settings (default: the protocol's default mediator) take the
/// scenario's mediator seats, or join as extra seats when the scenario has none.
/// </summary>
internal sealed class MediatedTournamentProtocol(ProtocolSettings settings) : ITournamentProtocol
{
    private readonly string _name = settings.Name.ToLowerInvariant();
    private readonly IReadOnlyList<string> _mediators = settings.Mediators.IsDefaultOrEmpty ? [NamedNegotiation.DefaultMediator(settings.Name.ToLowerInvariant())] : settings.Mediators;

    public string Name => _name;

    public Type PrincipalType => _name == "shuttle" ? typeof(IShuttleParty) : typeof(IVoter);

    public object CreateBuiltIn(string name) => NamedNegotiation.CreatePrincipal(_name, name);

    /// <summary>Checks the mediator names; throws <see cref="ArgumentException"/> naming the unknown one.</summary>
    public void CheckMediators()
    {
        foreach (var m in _mediators) _ = NamedNegotiation.CreateMediator(_name, m);
    }

    public string? Unsuitable(Scenario scenario) => ProtocolRecords.Unsuitable(scenario);

    public Scenario Table(Scenario scenario) => scenario;

    public NegotiationRecord Run(Scenario table, IReadOnlyList<object> seats, int seed)
    {
        int mediatorSeats = table.Parties.Count(p => p.Role == PartyRole.Mediator);
        int count = mediatorSeats > 0 ? mediatorSeats : _mediators.Count;
        var mediators = Enumerable.Range(0, count).Select(k => NamedNegotiation.CreateMediator(_name, _mediators[k % _mediators.Count])).ToArray();
        NegotiationResult result = _name == "shuttle"
            ? Negotiation.Run(table, [.. seats.Cast<IShuttleParty>()], [.. mediators.Cast<IShuttleParty>()],
                new ShuttleOptions { Rounds = settings.Rounds, TimeLimit = settings.TimeLimit, PerTurnBudget = settings.TurnBudget, Seed = seed })
            : Negotiation.Run(table, [.. seats.Cast<IVoter>()], [.. mediators.Cast<ITextMediator>()],
                new SingleTextOptions { Rounds = settings.Rounds, TimeLimit = settings.TimeLimit, PerTurnBudget = settings.TurnBudget, Seed = seed });
        return ProtocolRecords.From(table, result);
    }
}
