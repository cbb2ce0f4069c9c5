
namespace Parley.Parties;

/// <summary>
/// A party under the shuttle protocol, principal or mediator: on each of its turns it sends at most one message to one
/// party it has a channel to. It learns what reached it from its <see cref="NegotiatorContext.History"/> (see
/// <see cref="ShuttleInbox"/>). Sending along a channel that does not exist fails the negotiation, attributed to it.
/// </summary>
public interface IShuttleParty
{
    /// <summary>Display name.</summary>
    string Name { get; }

    /// <summary>Starts a negotiation.</summary>
    void Initialize(NegotiatorContext context);

    /// <summary>The message to send this turn, or <see cref="ShuttleMessage.Pass"/>.</summary>
    ShuttleMessage Act(in ShuttleState state);
}
