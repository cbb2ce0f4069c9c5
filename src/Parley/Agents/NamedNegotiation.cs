using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Agents.Voters;
using Parley.Parties;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Protocols.Shuttle;
using Parley.Protocols.SingleText;
using Parley.Scenarios;

namespace Parley.Agents;

/// <summary>
/// Negotiations described by names: resolves the built-in agents' names (<see cref="NegotiatorRegistry"/>,
/// <see cref="MediatorRegistry"/>, <see cref="ShuttleRegistry"/>) into parties and runs them with
/// <see cref="Negotiation"/>. The protocols themselves know only the party contracts (<see cref="Parley.Parties"/>).
/// </summary>
public static class NamedNegotiation
{
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
                return Negotiation.Run(scenario, Enumerable.Range(0, principals).Select(k => (INegotiator)CreatePrincipal("sao", Principal(k))).ToArray(),
                    new SaoOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed }, time);
            case "single-text":
                return Negotiation.Run(scenario,
                    Enumerable.Range(0, principals).Select(k => (IVoter)CreatePrincipal("single-text", Principal(k))).ToArray(),
                    Enumerable.Range(0, mediatorCount).Select(k => (ITextMediator)CreateMediator("single-text", Mediator(k))).ToArray(),
                    new SingleTextOptions { Rounds = setup.Rounds, TimeLimit = setup.TimeLimit, PerTurnBudget = setup.PerTurnBudget, Seed = setup.Seed }, time);
            case "shuttle":
                return Negotiation.Run(scenario,
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
