using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Protocols.Sao;

/// <summary>
/// The result of one negotiation. Arrays are in scenario party order. <see cref="Utilities"/> are final: the agreement's
/// utility discounted to the agreement time, or each party's discounted reserved value at the end time when there is no
/// agreement (deadline, walk-away or failure).
/// </summary>
public sealed record NegotiationResult
{
    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Party names, scenario order.</summary>
    public required ImmutableArray<string> Parties { get; init; }

    /// <summary>Negotiator name per party.</summary>
    public required ImmutableArray<string> Negotiators { get; init; }

    /// <summary>How the negotiation ended.</summary>
    public required SaoStatus Status { get; init; }

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

    /// <summary>Wall-clock time the run took (not part of the deterministic record).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when an agreement was reached.</summary>
    public bool HasAgreement => Agreement is not null;

    /// <summary>Σ final utilities.</summary>
    public double SocialWelfare
    {
        get
        {
            double sum = 0;
            foreach (double u in Utilities) sum += u;
            return sum;
        }
    }
}
