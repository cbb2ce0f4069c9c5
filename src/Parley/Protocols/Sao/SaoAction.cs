namespace Parley.Protocols.Sao;

/// <summary>What a party did on its turn, as recorded in the transcript.</summary>
public enum SaoAction : byte
{
    /// <summary>Made an offer (a counter-offer replaces the standing offer and restarts acceptance counting).</summary>
    Offer,
    /// <summary>Accepted the standing offer.</summary>
    Accept,
    /// <summary>Walked away: the negotiation ends without agreement.</summary>
    WalkAway,
    /// <summary>Failed (threw, offered an outcome outside the space, or exceeded its per-turn budget): the negotiation ends.</summary>
    Fail,
}

/// <summary>A negotiator's answer to the standing offer.</summary>
public enum SaoResponse : byte
{
    /// <summary>Reject the standing offer; the protocol then asks the negotiator for a counter-offer.</summary>
    Reject,
    /// <summary>Accept the standing offer.</summary>
    Accept,
    /// <summary>Leave the table; everyone gets their reserved value.</summary>
    WalkAway,
}

/// <summary>Where a negotiation stands.</summary>
public enum SaoStatus : byte
{
    /// <summary>Still running.</summary>
    Running,
    /// <summary>Every other party accepted the standing offer in turn.</summary>
    Agreed,
    /// <summary>A party walked away.</summary>
    WalkedAway,
    /// <summary>The deadline (rounds or wall-clock time) passed without agreement.</summary>
    Deadline,
    /// <summary>A negotiator failed; see <see cref="NegotiationResult.Failure"/>.</summary>
    Failed,
}
