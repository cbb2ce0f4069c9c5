using Parley.Agents.Mediators;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Interactive;
using Parley.Protocols.Sao;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Agents.Interactive;

/// <summary>
/// A negotiation with people at some seats: the scenario, the protocol, who sits where (a person, or a built-in agent
/// by name), deadlines, seed, and how long a person may leave a seat unattended. The agents' side is deterministic from
/// <see cref="Seed"/> given the people's moves when the deadline is in rounds (a wall-clock <see cref="TimeLimit"/> makes
/// time, and so the agents, depend on how fast people move).
/// </summary>
public sealed record InteractiveSetup
{
    /// <summary>The seat value that seats a person.</summary>
    public const string Person = "human";

    /// <summary>The scenario as written (mediators are seated as the protocol needs, see <see cref="Table()"/>).</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>"sao", "single-text" or "shuttle".</summary>
    public string Protocol { get; init; } = "sao";

    /// <summary>One entry per party of <see cref="Table()"/>, in table order: <see cref="Person"/> or a built-in negotiator (principals) or mediator (mediator seats) name.</summary>
    public required IReadOnlyList<string> Seats { get; init; }

    /// <summary>Deadline in rounds; null for none (then <see cref="TimeLimit"/> is required).</summary>
    public int? Rounds { get; init; }

    /// <summary>Wall-clock deadline; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of every agent's random choices.</summary>
    public int Seed { get; init; }

    /// <summary>How long a person's turn may stay unanswered: then the seat walks away (alternating offers) or is recorded as abandoned (a failure attributed to it).</summary>
    public TimeSpan SeatTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The table <paramref name="protocol"/> seats for <paramref name="scenario"/>: principals only for alternating offers; for mediated protocols the scenario's mediators, or one neutral mediator when it has none.</summary>
    public static Scenario Table(Scenario scenario, string protocol) =>
        protocol == "sao" ? Seating.PrincipalsOnly(scenario) : Seating.WithMediators(scenario, 1);

    /// <summary>The seated table of this setup.</summary>
    public Scenario Table() => Table(Scenario, Protocol);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first thing wrong (unknown protocol, seat count, unknown agent, no deadline).</summary>
    public void Validate()
    {
        if (!NegotiationSetup.Protocols.Contains(Protocol)) throw new ArgumentException($"Unknown protocol '{Protocol}'; expected one of: {string.Join(", ", NegotiationSetup.Protocols)}.");
        var table = Table();
        if (Seats.Count != table.Parties.Length)
            throw new ArgumentException($"The {Protocol} table of '{Scenario.Name}' has {table.Parties.Length} seats ({string.Join(", ", table.Parties.Select(p => p.Name))}); {Seats.Count} were given.");
        if (!Seats.Contains(Person)) throw new ArgumentException("No seat is taken by a person; run agents-only negotiations with Negotiation.Run.");
        for (int i = 0; i < Seats.Count; i++)
        {
            if (Seats[i] == Person) continue;
            if (table.Parties[i].Role == PartyRole.Principal) _ = NamedNegotiation.CreatePrincipal(Protocol, Seats[i]);
            else _ = NamedNegotiation.CreateMediator(Protocol, Seats[i]);
        }
        if (Rounds is null && TimeLimit is null) throw new ArgumentException("Give a deadline: rounds, a time limit or both.");
        if (SeatTimeout <= TimeSpan.Zero) throw new ArgumentException("The seat timeout must be positive.");
    }

    /// <summary>
    /// Runs the negotiation through the library's one entry per protocol (<see cref="Negotiation"/>), the people's seats
    /// taking their moves from <paramref name="people"/> (by party index). Blocks until it ends.
    /// </summary>
    public NegotiationResult Run(Func<int, ISeatMoves> people, TimeProvider? time = null)
    {
        Validate();
        var table = Table();
        var parties = new object[Seats.Count];
        for (int i = 0; i < parties.Length; i++)
            parties[i] = Seats[i] == Person ? new PersonSeat(people(i))
                : table.Parties[i].Role == PartyRole.Principal ? NamedNegotiation.CreatePrincipal(Protocol, Seats[i]) : NamedNegotiation.CreateMediator(Protocol, Seats[i]);
        var principals = parties.Where((_, i) => table.Parties[i].Role == PartyRole.Principal).ToArray();
        var mediators = parties.Where((_, i) => table.Parties[i].Role == PartyRole.Mediator).ToArray();
        var budget = SeatTimeout + TimeSpan.FromMinutes(1);
        return Protocol switch
        {
            "sao" => Negotiation.Run(Scenario, [.. principals.Cast<INegotiator>()], new SaoOptions { Rounds = Rounds, TimeLimit = TimeLimit, PerTurnBudget = budget, Seed = Seed }, time),
            "single-text" => Negotiation.Run(Scenario, [.. principals.Cast<IVoter>()], [.. mediators.Cast<ITextMediator>()],
                new SingleTextOptions { Rounds = Rounds, TimeLimit = TimeLimit, PerTurnBudget = budget, Seed = Seed }, time),
            _ => Negotiation.Run(Scenario, [.. principals.Cast<IShuttleParty>()], [.. mediators.Cast<IShuttleParty>()],
                new ShuttleOptions { Rounds = Rounds, TimeLimit = TimeLimit, PerTurnBudget = budget, Seed = Seed }, time),
        };
    }

    /// <summary>The same negotiation with each person's recorded moves replayed (by party index): equal, entry for entry, to the recorded one when the deadline is in rounds.</summary>
    public NegotiationResult Replay(IReadOnlyDictionary<int, IReadOnlyList<SeatMove>> moves) =>
        Run(party => new ScriptedSeatMoves(moves.TryGetValue(party, out var list) ? list : []));
}
