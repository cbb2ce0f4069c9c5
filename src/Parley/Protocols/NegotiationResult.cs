using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// The result of one negotiation under any protocol. Arrays are in the scenario party order of the parties seated
/// (principals and, under mediated protocols, mediators). <see cref="Utilities"/> are final: a principal's utility of the
/// agreement discounted to the agreement time, or its discounted reserved value at the end time (moved by any scenario
/// events) when there is no agreement; a mediator's is α·[agreement] + (1 − α)·(its own utility of the outcome, or its
/// reserved value without one).
/// </summary>
public sealed record NegotiationResult
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The protocol's name ("sao", "single-text", "shuttle").</summary>
    public string Protocol { get; init; } = "sao";

    /// <summary>Party names, scenario order.</summary>
    public required ImmutableArray<string> Parties { get; init; }

    /// <summary>Each party's role (principal or mediator); empty means all principals.</summary>
    public ImmutableArray<PartyRole> Roles { get; init; } = [];

    /// <summary>Negotiator name per party.</summary>
    public required ImmutableArray<string> Negotiators { get; init; }

    /// <summary>How the negotiation ended.</summary>
    public required NegotiationStatus Status { get; init; }

    /// <summary>The agreed outcome, or null.</summary>
    public required Outcome? Agreement { get; init; }

    /// <summary>The agreed outcome as one value index per issue; empty without agreement.</summary>
    public required ImmutableArray<int> AgreementValues { get; init; }

    /// <summary>Final utility per party (discounted where the scenario says so), each in [0, 1] for GENIUS scenarios.</summary>
    public required ImmutableArray<double> Utilities { get; init; }

    /// <summary>Undiscounted utility per party: of the agreement, or the reserved value at the end time without one.</summary>
    public required ImmutableArray<double> UndiscountedUtilities { get; init; }

    /// <summary>Rounds started (1 ≤ Rounds ≤ the round deadline, or 0 when nobody moved).</summary>
    public required int Rounds { get; init; }

    /// <summary>Turns taken.</summary>
    public required int Steps { get; init; }

    /// <summary>Normalised time at which the negotiation ended (1 at a deadline).</summary>
    public required double EndTime { get; init; }

    /// <summary>Party index that walked away, or −1.</summary>
    public required int WalkedAwayBy { get; init; }

    /// <summary>The failure that ended the negotiation, or null.</summary>
    public required NegotiationFailure? Failure { get; init; }

    /// <summary>Every action in order.</summary>
    public required Transcript Transcript { get; init; }

    /// <summary>
    /// The ratifier (and its principal) that refused the negotiators' agreement, if one did and no agreement followed. In
    /// alternating offers the ratifiers are asked at the end and a refusal ends the negotiation (status
    /// <see cref="NegotiationStatus.Ended"/>); the mediated protocols ask them each time every principal's negotiators
    /// accept a text, and the talks go on after a refusal (this names the last one).
    /// </summary>
    public string? RejectedByRatifier { get; init; }

    /// <summary>Wall-clock time the run took (not part of the deterministic record).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when an agreement was reached.</summary>
    public bool HasAgreement => Agreement is not null;

    /// <summary>True when party <paramref name="party"/> is a principal.</summary>
    public bool IsPrincipal(int party) => Roles.IsDefaultOrEmpty || Roles[party] == PartyRole.Principal;

    /// <summary>Σ final utilities of the principals.</summary>
    public double SocialWelfare
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < Utilities.Length; i++)
                if (IsPrincipal(i)) sum += Utilities[i];
            return sum;
        }
    }

    /// <summary>The principals' undiscounted utilities, in party order (the point quality measures place in the deal space).</summary>
    public ImmutableArray<double> PrincipalUtilities
    {
        get
        {
            if (Roles.IsDefaultOrEmpty || !Roles.Contains(PartyRole.Mediator)) return UndiscountedUtilities;
            var b = ImmutableArray.CreateBuilder<double>();
            for (int i = 0; i < UndiscountedUtilities.Length; i++)
                if (IsPrincipal(i)) b.Add(UndiscountedUtilities[i]);
            return b.ToImmutable();
        }
    }
}
