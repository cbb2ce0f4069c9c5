using Parley.Outcomes;

namespace Parley.Protocols;

/// <summary>Sets of parties as bit masks over party indices (a table has at most 64 parties).</summary>
public static class Audience
{
    /// <summary>Every party at the table.</summary>
    public const ulong Everyone = ulong.MaxValue;

    /// <summary>No party.</summary>
    public const ulong Nobody = 0;

    /// <summary>The set holding only <paramref name="party"/>.</summary>
    public static ulong Of(int party) => (uint)party < 64 ? 1UL << party : 0;

    /// <summary>True when <paramref name="set"/> holds <paramref name="party"/>.</summary>
    public static bool Contains(ulong set, int party) => (uint)party < 64 && (set & (1UL << party)) != 0;
}

/// <summary>
/// One action as a protocol hands it to the session runner, which checks, records and applies it: who acts, what it does,
/// on which outcome, to whom it is addressed and who may see it, and for tallies the votes. A value; the per-turn path
/// copies it and never allocates.
/// </summary>
public readonly record struct Move
{
    /// <summary>The acting party (scenario order), or −1 for the protocol itself (tallies, scenario events).</summary>
    public int Actor { get; init; }

    /// <summary>What the actor does.</summary>
    public NegotiationAction Action { get; init; }

    /// <summary>The outcome (offer, text, package) the action is about, or null.</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>The addressee of a message (shuttle), or −1.</summary>
    public int To { get; init; }

    /// <summary>Who may see the entry (besides the actor), as an <see cref="Audience"/> mask.</summary>
    public ulong Recipients { get; init; }

    /// <summary>Issues the action names (objections, the conceded part of a conditional concession), as a bit mask over issue indices.</summary>
    public ulong Issues { get; init; }

    /// <summary>Parties that accepted (tallies), as an <see cref="Audience"/> mask.</summary>
    public ulong Accepts { get; init; }

    /// <summary>Parties that rejected (tallies), as an <see cref="Audience"/> mask.</summary>
    public ulong Rejects { get; init; }

    /// <summary>Free text (scenario events, the reason of a failure), or null.</summary>
    public string? Note { get; init; }

    /// <summary>An earlier outcome the action refers to (the basis a single text revises), or null. Not recorded.</summary>
    public Outcome? Reference { get; init; }

    /// <summary>
    /// A move with its fields given at once, for the protocols' per-turn paths: the JIT builds it in the caller's return
    /// buffer, where an object initializer builds it in a temporary copied out after (a store-forwarding stall).
    /// </summary>
    internal Move(int actor, NegotiationAction action, Outcome? outcome, int to, ulong recipients, ulong issues = 0, string? note = null, Outcome? reference = null)
    {
        Actor = actor;
        Action = action;
        Outcome = outcome;
        To = to;
        Recipients = recipients;
        Issues = issues;
        Note = note;
        Reference = reference;
    }

    /// <summary>A move seen by everyone.</summary>
    public static Move Public(int actor, NegotiationAction action, Outcome? outcome = null) =>
        new() { Actor = actor, Action = action, Outcome = outcome, To = -1, Recipients = Audience.Everyone };
}
