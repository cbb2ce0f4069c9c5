namespace Parley.Protocols;

/// <summary>Why a negotiator failed.</summary>
public enum FailureKind : byte
{
    /// <summary>It threw an exception.</summary>
    Exception,
    /// <summary>It acted outside the rules: an outcome outside the space, an unknown answer, a message on a missing channel, accepting what crosses its red line.</summary>
    InvalidAction,
    /// <summary>It took longer than <see cref="SessionOptions.PerTurnBudget"/> for one turn.</summary>
    TimeBudgetExceeded,
}

/// <summary>A negotiation that ended because a negotiator failed; the failure is attributed to <see cref="Party"/>.</summary>
/// <param name="Party">Party index (scenario order).</param>
/// <param name="PartyName">The party's name.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Reason">Human-readable reason (exception type and message, the bad outcome, or the time taken).</param>
public sealed record NegotiationFailure(int Party, string PartyName, FailureKind Kind, string Reason);
