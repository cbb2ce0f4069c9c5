using Parley.Outcomes;

namespace Parley.Parties;

/// <summary>
/// A negotiator for stacked alternating offers: two methods, <see cref="Propose"/> and <see cref="Respond"/>.
/// On its turn, a party facing another party's standing offer is asked to <see cref="Respond"/>; on
/// <see cref="SaoResponse.Reject"/> (and on the very first turn) it is asked to <see cref="Propose"/> a counter-offer.
/// Instances are stateful and used by one negotiation at a time; <see cref="Initialize"/> starts each negotiation and
/// must reset all state. Exceptions, outcomes outside the space and turns longer than the per-turn budget fail the
/// negotiation, attributed to this negotiator.
/// </summary>
public interface INegotiator
{
    /// <summary>Display name (e.g. "Boulware").</summary>
    string Name { get; }

    /// <summary>Called once before the first turn with everything this party may know.</summary>
    void Initialize(NegotiatorContext context);

    /// <summary>The offer to make now. Must lie in the outcome space.</summary>
    Outcome Propose(in SaoState state);

    /// <summary>The answer to <paramref name="offer"/> (the standing offer, made by <see cref="SaoState.Proposer"/>).</summary>
    SaoResponse Respond(in SaoState state, Outcome offer);
}
