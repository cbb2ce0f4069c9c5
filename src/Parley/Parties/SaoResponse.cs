namespace Parley.Parties;

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
