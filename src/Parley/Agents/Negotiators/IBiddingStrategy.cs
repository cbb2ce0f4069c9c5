using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>Decides what to offer. Part of a <see cref="ComposedNegotiator"/>; stateful, reset by <see cref="Initialize"/>.</summary>
public interface IBiddingStrategy
{
    /// <summary>Starts a negotiation. <paramref name="opponentModel"/> is the negotiator's model, if it has one.</summary>
    void Initialize(NegotiatorContext context, IOpponentModel? opponentModel);

    /// <summary>The bid to make in <paramref name="state"/>. Called at most once per turn by <see cref="ComposedNegotiator"/>.</summary>
    Outcome NextBid(in SaoState state);
}
