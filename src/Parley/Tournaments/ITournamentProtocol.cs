using Parley.Parties;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// The seam between tournaments and protocols: what a tournament needs to run one negotiation under a named protocol.
/// Implementations are stateless and thread-safe.
/// </summary>
public interface ITournamentProtocol
{
    /// <summary>The protocol's name in tournament files.</summary>
    string Name { get; }

    /// <summary>Why <paramref name="scenario"/> cannot run under this protocol, or null when it can.</summary>
    string? Unsuitable(Scenario scenario);

    /// <summary>The scenario as it is seated: its principals take the competitors' seats, in party order (mediators, if
    /// the protocol seats them, keep their places and are not competitors).</summary>
    Scenario Table(Scenario scenario);

    /// <summary>The kind of object a competitor must be under this protocol (e.g. <see cref="INegotiator"/>).</summary>
    Type PrincipalType { get; }

    /// <summary>A new built-in competitor called <paramref name="name"/>; throws <see cref="ArgumentException"/> when unknown.</summary>
    object CreateBuiltIn(string name);

    /// <summary>
    /// Runs one negotiation of <paramref name="table"/> (a <see cref="Table"/>) with one fresh competitor per principal
    /// seat (of <see cref="PrincipalType"/>) and the given seed. Failures are recorded in the result, never thrown.
    /// <see cref="NegotiationRecord.Index"/> and the quality measures are left for the caller; utilities are the
    /// principals', in seat order.
    /// </summary>
    NegotiationRecord Run(Scenario table, IReadOnlyList<object> seats, int seed);
}
