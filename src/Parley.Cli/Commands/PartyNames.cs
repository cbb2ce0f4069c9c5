using Parley.Agents;
using Parley.Agents.Mediators;
using Parley.Agents.Negotiators;
using Parley.Agents.Shuttle;
using Parley.Cli.Parsing;
using Parley.Protocols;

namespace Parley.Cli.Commands;

/// <summary>
/// The built-in negotiators and mediators each protocol seats, and the one refusal of a name it does not know, in the
/// style of unknown options: "--agents: unknown negotiator 'boulwar'. Did you mean 'boulware'? (sao takes boulware,
/// linear, …, timedependent:E; see 'parley negotiate --help')".
/// </summary>
internal static class PartyNames
{
    private const string TimeDependent = NegotiatorRegistry.TimeDependentPrefix + "E";

    /// <summary>The principals' names <paramref name="protocol"/> knows, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Negotiators(string protocol) => protocol switch
    {
        "shuttle" => [.. ShuttleRegistry.Principals.Select(a => a.Name), TimeDependent],
        "single-text" => [.. NegotiatorRegistry.Available.Select(a => a.Name), NamedNegotiation.SincereVoterName, TimeDependent],
        _ => [.. NegotiatorRegistry.Available.Select(a => a.Name), TimeDependent],
    };

    /// <summary>The mediators' names <paramref name="protocol"/> knows (none under sao).</summary>
    public static IReadOnlyList<string> Mediators(string protocol) => protocol switch
    {
        "shuttle" => [.. ShuttleRegistry.Mediators.Select(a => a.Name)],
        "single-text" => [.. MediatorRegistry.Available.Select(a => a.Name)],
        _ => [],
    };

    /// <summary>True when <paramref name="name"/> is a principal <paramref name="protocol"/> can seat.</summary>
    public static bool IsNegotiator(string protocol, string name) => protocol switch
    {
        "shuttle" => Creates(() => ShuttleRegistry.CreatePrincipal(name)),
        "single-text" when NamedNegotiation.IsVoterOnly(name) => true,
        _ => NegotiatorRegistry.TryCreate(name, out _),
    };

    /// <summary>True when <paramref name="name"/> is a mediator <paramref name="protocol"/> can seat.</summary>
    public static bool IsMediator(string protocol, string name) => protocol switch
    {
        "shuttle" => Creates(() => ShuttleRegistry.CreateMediator(name)),
        "single-text" => MediatorRegistry.TryCreate(name, out _),
        _ => false,
    };

    /// <summary>The refusal of <paramref name="name"/>, unknown to <paramref name="protocol"/> as a <paramref name="kind"/> (negotiator, mediator).</summary>
    public static string UnknownMessage(string option, string kind, string name, string protocol, IReadOnlyList<string> known)
    {
        string takes = $"{protocol} takes {string.Join(", ", known)}; see 'parley negotiate --help'";
        string? nearest = OptionSuggestion.Nearest(name, known.Where(k => k != TimeDependent));
        return nearest is null
            ? $"{option}: unknown {kind} '{name}' ({takes})"
            : $"{option}: unknown {kind} '{name}'. Did you mean '{nearest}'? ({takes})";
    }

    private static bool Creates(Func<object> create)
    {
        try
        {
            create();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
