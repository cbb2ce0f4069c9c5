using System.Collections.Immutable;

namespace Parley.Plots;

/// <summary>One entry of a recorded negotiation: who acted, how, and the utility of the outcome it put forward.</summary>
/// <param name="Round">Round of the entry (0-based).</param>
/// <param name="Time">Relative time in [0, 1].</param>
/// <param name="Actor">The party (principal or mediator) that acted.</param>
/// <param name="Action">What it did (<c>offer</c>, <c>accept</c>, <c>endNegotiation</c>, a mediator's <c>propose</c>, …).</param>
/// <param name="Utilities">Utility of the outcome to each principal (<see cref="RunRecord.Parties"/> order); empty when the entry carries no outcome.</param>
/// <param name="Recipients">Who the entry was addressed to, when the protocol says (shuttle and mediated runs).</param>
public sealed record RunEntry(int Round, double Time, string Actor, string Action, ImmutableArray<double> Utilities, ImmutableArray<string> Recipients)
{
    /// <summary>True when the entry carries an outcome (its own or one it answers).</summary>
    public bool HasOutcome => !Utilities.IsDefaultOrEmpty;

    /// <summary>True when the actor puts its own outcome forward: an offer, a mediator's text, a conditional concession.</summary>
    public bool IsProposal => HasOutcome && Action is "offer" or "propose" or "concede";

    /// <summary>True when the entry is a message from the actor to one addressee (shuttle), other than the delivery of an earlier one.</summary>
    public bool IsMessage => !Recipients.IsDefaultOrEmpty && Actor.Length > 0 && Action != "deliver";
}

/// <summary>A negotiation as <c>parley negotiate --out run.json</c> records it, reduced to what a plot shows.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioLocation">Where the scenario was read from, when the file says.</param>
/// <param name="Parties">The principals, in the order of every utility vector (mediators are actors, not parties here).</param>
/// <param name="Entries">The transcript.</param>
/// <param name="Agreement">Undiscounted utility of the agreement to each principal, or null without agreement.</param>
/// <param name="Rounds">Rounds used.</param>
/// <param name="EndTime">Relative time at which the negotiation ended.</param>
/// <param name="Status">How it ended (e.g. <c>agreement</c>, <c>timedOut</c>).</param>
public sealed record RunRecord(
    string Scenario,
    string? ScenarioLocation,
    ImmutableArray<string> Parties,
    ImmutableArray<RunEntry> Entries,
    ImmutableArray<double>? Agreement,
    int Rounds,
    double EndTime,
    string Status)
{
    /// <summary>Everyone who put an outcome on the table, principals first then others (mediators) in order of appearance.</summary>
    public IReadOnlyList<string> Proposers =>
        [.. Parties.Where(p => Entries.Any(e => e.Actor == p && e.IsProposal)),
         .. Entries.Where(e => e.IsProposal && !Parties.Contains(e.Actor)).Select(e => e.Actor).Distinct()];

    /// <summary>Everyone at the table in the order of the transcript's messages: principals first, then mediators.</summary>
    public IReadOnlyList<string> Seats =>
        [.. Parties, .. Entries.SelectMany(e => e.Recipients.IsDefaultOrEmpty ? [e.Actor] : e.Recipients.Prepend(e.Actor))
            .Where(a => a.Length > 0 && !Parties.Contains(a)).Distinct()];
}
