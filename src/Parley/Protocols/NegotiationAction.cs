namespace Parley.Protocols;

/// <summary>
/// What an entry of the transcript records. Every protocol uses the same vocabulary, so one transcript format, one JSON
/// writer and one per-party view serve them all; each protocol documents which actions it uses.
/// </summary>
public enum NegotiationAction : byte
{
    /// <summary>Made an offer (SAOP: a counter-offer replaces the standing offer; shuttle: a package sent along a channel).</summary>
    Offer,
    /// <summary>Accepted an offer, a text or a package.</summary>
    Accept,
    /// <summary>Walked away: the negotiation ends without agreement.</summary>
    WalkAway,
    /// <summary>Failed (threw, acted outside the rules, or overran its turn budget): the negotiation ends, attributed to it.</summary>
    Fail,
    /// <summary>Rejected a text or a package (optionally naming the issues it objects to most).</summary>
    Reject,
    /// <summary>A mediator put a complete single negotiating text, or a bridging package, to the principals.</summary>
    Propose,
    /// <summary>The protocol's count of the principals' answers to a text (<see cref="HistoryEntry.Accepts"/>, <see cref="HistoryEntry.Rejects"/>).</summary>
    Tally,
    /// <summary>A mediator passed on a package it received from another party.</summary>
    Relay,
    /// <summary>A conditional concession: "I give the issues in <see cref="HistoryEntry.Issues"/> as in this package if you give the rest".</summary>
    Concede,
    /// <summary>An objection to the issues in <see cref="HistoryEntry.Issues"/> of a package.</summary>
    Object,
    /// <summary>A message sent earlier along a channel with a delay reached its addressee.</summary>
    Deliver,
    /// <summary>A scenario event fired (reserved value change, issue value withdrawn, party leaving or joining); see <see cref="HistoryEntry.Note"/>.</summary>
    Event,
    /// <summary>The party had nothing to say this turn (shuttle), or was absent from the table.</summary>
    Pass,
    /// <summary>Rejected a text as worse for it than the text it revises (single text): the change must not be kept.</summary>
    Veto,
}

/// <summary>Where a negotiation stands, in any protocol.</summary>
public enum NegotiationStatus : byte
{
    /// <summary>Still running.</summary>
    Running,
    /// <summary>Every principal agreed to the same outcome.</summary>
    Agreed,
    /// <summary>A party walked away.</summary>
    WalkedAway,
    /// <summary>The deadline (rounds or wall-clock time) passed without agreement.</summary>
    Deadline,
    /// <summary>A party failed; see <see cref="NegotiationResult.Failure"/>.</summary>
    Failed,
    /// <summary>The table broke up without a failure: a principal left, or the last mediator left (a scenario event).</summary>
    Ended,
}
