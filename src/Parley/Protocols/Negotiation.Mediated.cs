using Parley.Agents;
using Parley.Protocols.Sao;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Protocols;

public static partial class Negotiation
{
    /// <summary>
    /// Runs one single-negotiating-text negotiation: one voter per principal and one mediator per mediator seat, both in
    /// scenario party order. A scenario without mediators gets one neutral mediator per mediator given
    /// (<see cref="Seating.WithMediators"/>). Failures are recorded in the result, never thrown; invalid arguments throw
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<IVoter> voters, IReadOnlyList<ITextMediator> mediators, SingleTextOptions options, TimeProvider? time = null)
    {
        var seated = SeatMediated(scenario, voters, mediators, options);
        if (mediators.Count == 0) throw new ArgumentException("The single-text protocol needs at least one mediator.");
        var names = new string[seated.Parties.Length];
        for (int i = 0, v = 0, m = 0; i < names.Length; i++)
            names[i] = seated.Parties[i].Role == PartyRole.Principal ? voters[v++].Name : mediators[m++].Name;
        var protocol = new SingleTextProtocol(seated, voters, mediators);
        return new SessionRunner<SingleTextProtocol, SingleTextState>(seated, protocol, names, options, time ?? TimeProvider.System).Run();
    }

    /// <summary>
    /// Runs one shuttle negotiation: one shuttle party per principal and per mediator seat, each in scenario party order.
    /// A scenario without mediators gets one neutral mediator per mediator given (<see cref="Seating.WithMediators"/>).
    /// Messages go only along the scenario's channels. Failures are recorded in the result, never thrown; invalid
    /// arguments throw <see cref="ArgumentException"/>.
    /// </summary>
    public static NegotiationResult Run(Scenario scenario, IReadOnlyList<IShuttleParty> principals, IReadOnlyList<IShuttleParty> mediators, ShuttleOptions options, TimeProvider? time = null)
    {
        var seated = SeatMediated(scenario, principals, mediators, options);
        var parties = InPartyOrder(seated, principals, mediators);
        for (int i = 0; i < parties.Length; i++)
            for (int j = 0; j < i; j++)
                if (ReferenceEquals(parties[i], parties[j])) throw new ArgumentException($"Parties {j} and {i} have the same negotiator instance; give each its own.");
        var protocol = new ShuttleProtocol(seated, parties);
        return new SessionRunner<ShuttleProtocol, ShuttleState>(seated, protocol, parties.Select(p => p.Name).ToArray(), options, time ?? TimeProvider.System).Run();
    }

    /// <summary>
    /// The table of a mediated protocol: <paramref name="scenario"/> with its mediators (or neutral ones, one per mediator
    /// given), checked to hold one principal negotiator per principal and one mediator per mediator seat.
    /// </summary>
    private static Scenario SeatMediated<TPrincipal, TMediator>(Scenario scenario, IReadOnlyList<TPrincipal> principals, IReadOnlyList<TMediator> mediators, SessionOptions options)
        where TPrincipal : class where TMediator : class
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(mediators);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seated = Seating.WithMediators(scenario, mediators.Count);
        int principalCount = PrincipalCount(seated);
        CheckTable(seated, principals, "principals", principalCount);
        CheckTable(seated, mediators, "mediator seats", seated.Parties.Length - principalCount);
        return seated;
    }

    /// <summary>The principals' and mediators' items merged into the seated table's party order.</summary>
    private static T[] InPartyOrder<T>(Scenario seated, IReadOnlyList<T> principals, IReadOnlyList<T> mediators)
    {
        var ordered = new T[seated.Parties.Length];
        int p = 0, m = 0;
        for (int i = 0; i < ordered.Length; i++)
            ordered[i] = seated.Parties[i].Role == PartyRole.Principal ? principals[p++] : mediators[m++];
        return ordered;
    }

    /// <summary>
    /// Runs one negotiation described by names — the one call for reports and other hosts: the protocol, built-in
    /// negotiators for the principals and mediators for the mediator seats, deadlines and seed. Mediators are seated as
    /// the protocol needs: SAOP leaves them out; single text and shuttle seat the scenario's mediators, or neutral ones on
    /// a scenario without. Unknown names and impossible tables throw <see cref="ArgumentException"/>.
    /// </summary>
    public static NegotiationResult Run(Scenario scenario, NegotiationSetup setup, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        int principals = scenario.Principals.Count();
        int mediatorSeats = scenario.Parties.Length - principals;
        var mediatorNames = setup.Mediators.Count > 0 ? setup.Mediators : [DefaultMediator(setup.Protocol)];
        int mediatorCount = mediatorSeats > 0 ? mediatorSeats : mediatorNames.Count;
        string Principal(int k) => setup.Negotiators[k % setup.Negotiators.Count];
        string Mediator(int k) => mediatorNames[k % mediatorNames.Count];
        switch (setup.Protocol)
        {
            case "sao":
                return Run(scenario, Enumerable.Range(0, principals).Select(k => (INegotiator)CreatePrincipal("sao", Principal(k))).ToArray(),
                    new SaoOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed }, time);
            case "single-text":
                return Run(scenario,
                    Enumerable.Range(0, principals).Select(k => (IVoter)CreatePrincipal("single-text", Principal(k))).ToArray(),
                    Enumerable.Range(0, mediatorCount).Select(k => (ITextMediator)CreateMediator("single-text", Mediator(k))).ToArray(),
                    new SingleTextOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed }, time);
            case "shuttle":
                return Run(scenario,
                    Enumerable.Range(0, principals).Select(k => (IShuttleParty)CreatePrincipal("shuttle", Principal(k))).ToArray(),
                    Enumerable.Range(0, mediatorCount).Select(k => (IShuttleParty)CreateMediator("shuttle", Mediator(k))).ToArray(),
                    new ShuttleOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed }, time);
            default:
                throw new ArgumentException($"Unknown protocol '{setup.Protocol}'; expected one of: {string.Join(", ", NegotiationSetup.Protocols)}.");
        }
    }

    /// <summary>Runs one negotiation by names with a round deadline: see <see cref="Run(Scenario, NegotiationSetup, TimeProvider?)"/>.</summary>
    public static NegotiationResult Run(Scenario scenario, string protocol, IReadOnlyList<string> negotiators, IReadOnlyList<string>? mediators = null, int seed = 0, int rounds = 1000) =>
        Run(scenario, new NegotiationSetup { Protocol = protocol, Negotiators = negotiators, Mediators = mediators ?? [], Seed = seed, Rounds = rounds });

    /// <summary>The mediator a protocol seats when none is named.</summary>
    public static string DefaultMediator(string protocol) => protocol == "shuttle" ? "bridging" : "hillclimber";

    /// <summary>A new built-in principal negotiator for <paramref name="protocol"/>; throws <see cref="ArgumentException"/> naming what is available.</summary>
    internal static object CreatePrincipal(string protocol, string name)
    {
        if (protocol == "shuttle") return ShuttleRegistry.CreatePrincipal(name);
        if (protocol == "single-text" && IsVoterOnly(name)) return new SincereVoter();
        var negotiator = NegotiatorRegistry.Create(name);
        if (protocol == "single-text" && negotiator is not IVoter)
            throw new ArgumentException($"Negotiator '{name}' cannot answer single texts; use one of: {string.Join(", ", NegotiatorRegistry.Available.Where(a => NegotiatorRegistry.Create(a.Name) is IVoter).Select(a => a.Name))}.");
        return negotiator;
    }

    /// <summary>The name of the built-in voter that has no alternating-offers negotiator: <see cref="SincereVoter"/>.</summary>
    public const string SincereVoterName = "sincere";

    /// <summary>True when <paramref name="name"/> names a single-text voter that is not a negotiator (<see cref="SincereVoterName"/>).</summary>
    public static bool IsVoterOnly(string name) => string.Equals(name?.Trim(), SincereVoterName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A new built-in mediator for <paramref name="protocol"/>; throws <see cref="ArgumentException"/> naming what is available.</summary>
    internal static object CreateMediator(string protocol, string name) => protocol switch
    {
        "shuttle" => ShuttleRegistry.CreateMediator(name),
        _ => MediatorRegistry.Create(name),
    };
}
