using Parley.Outcomes;
using Parley.Protocols;
using Parley.Protocols.Sao;

namespace Parley.Agents;

/// <summary>Decides what to offer. Part of a <see cref="ComposedNegotiator"/>; stateful, reset by <see cref="Initialize"/>.</summary>
public interface IBiddingStrategy
{
    /// <summary>Starts a negotiation. <paramref name="opponentModel"/> is the negotiator's model, if it has one.</summary>
    void Initialize(NegotiatorContext context, IOpponentModel? opponentModel);

    /// <summary>The bid to make in <paramref name="state"/>. Called at most once per turn by <see cref="ComposedNegotiator"/>.</summary>
    Outcome NextBid(in SaoState state);
}
