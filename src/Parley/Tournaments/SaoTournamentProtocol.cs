using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Sao;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>Stacked alternating offers in a tournament: every principal takes a seat; mediators have no turn.</summary>
internal sealed class SaoTournamentProtocol(ProtocolSettings settings) : ITournamentProtocol
{
    private readonly SaoOptions _options = new() { Rounds = settings.Rounds, TimeLimit = settings.TimeLimit, PerTurnBudget = settings.TurnBudget };

    public string Name => "sao";

    public string? Unsuitable(Scenario scenario)
    {
        int principals = scenario.Principals.Count();
        if (principals < 2) return $"it has {principals} principal(s); expected at least two";
        if (!scenario.Space.IsIndexable) return "its outcome space has no outcome index (a continuous real issue, or more than 2^128 outcomes); discretise real issues with 'steps'";
        return null;
    }

    public Scenario Table(Scenario scenario) => Seating.PrincipalsOnly(scenario); // channels and events re-indexed

    public NegotiationRecord Run(Scenario table, IReadOnlyList<INegotiator> seats, int seed)
    {
        var result = Negotiation.Run(table, seats, _options with { Seed = seed });
        return new NegotiationRecord
        {
            Index = -1,
            Status = result.Status switch
            {
                Protocols.NegotiationStatus.Agreed => NegotiationStatus.Agreed,
                Protocols.NegotiationStatus.WalkedAway => NegotiationStatus.WalkedAway,
                Protocols.NegotiationStatus.Failed => NegotiationStatus.Failed,
                _ => NegotiationStatus.Deadline,
            },
            Agreement = result.HasAgreement ? AgreementText.Format(table.Space, result.AgreementValues) : null,
            Utilities = result.Utilities,
            UndiscountedUtilities = result.UndiscountedUtilities,
            Rounds = result.Rounds,
            Steps = result.Steps,
            EndTime = result.EndTime,
            Welfare = result.SocialWelfare,
            FailureKind = result.Failure?.Kind.ToString(),
            FailureSeat = result.Failure?.Party,
            FailureReason = result.Failure?.Reason,
            ElapsedMs = result.Elapsed.TotalMilliseconds,
        };
    }
}
