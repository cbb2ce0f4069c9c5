using Parley.Agents;
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

    /// <summary>The scenario as it is seated: the parties that take a negotiator, in seat order.</summary>
    Scenario Table(Scenario scenario);

    /// <summary>
    /// Runs one negotiation of <paramref name="table"/> (a <see cref="Table"/>) with one fresh negotiator per seat and the
    /// given seed. Negotiator failures are recorded in the result, never thrown. <see cref="NegotiationRecord.Index"/>
    /// and the quality measures are left for the caller.
    /// </summary>
    NegotiationRecord Run(Scenario table, IReadOnlyList<INegotiator> seats, int seed);
}
