namespace Parley.Protocols.Sao;

/// <summary>Why a negotiator failed.</summary>
public enum FailureKind : byte
{
    /// <summary>It threw an exception.</summary>
    Exception,
    /// <summary>It offered an outcome outside the outcome space, or answered with an unknown response.</summary>
    InvalidAction,
    /// <summary>It took longer than <see cref="SaoOptions.PerTurnBudget"/> for one turn.</summary>
    TimeBudgetExceeded,
}

/// <summary>A negotiation that ended because a negotiator failed; the failure is attributed to <see cref="Party"/>.</summary>
/// <param name="Party">Party index (scenario order).</param>
/// <param name="PartyName">The party's name.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Reason">Human-readable reason (exception type and message, the bad outcome, or the time taken).</param>
public sealed record NegotiationFailure(int Party, string PartyName, FailureKind Kind, string Reason);
