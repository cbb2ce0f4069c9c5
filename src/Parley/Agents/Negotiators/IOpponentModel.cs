using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// Estimates how much the other parties value outcomes, from what they offer. Part of a <see cref="ComposedNegotiator"/>,
/// which feeds it every offer made by another party, in order.
/// </summary>
public interface IOpponentModel
{
    /// <summary>Starts a negotiation (resets all learning).</summary>
    void Initialize(NegotiatorContext context);

    /// <summary>Learns from an offer <paramref name="party"/> made at normalised time <paramref name="time"/>.</summary>
    void Observe(int party, Outcome offer, double time);

    /// <summary>Estimated utility of <paramref name="outcome"/> to <paramref name="party"/>, in [0, 1].</summary>
    double PredictUtility(int party, Outcome outcome);

    /// <summary>Estimated utility of <paramref name="outcome"/> averaged over every other party that has made an offer (0.5 before any).</summary>
    double PredictUtility(Outcome outcome);
}

/// <summary>
/// A negotiator that keeps an opponent model others may read: tournaments measure its accuracy against the true
/// opponent utilities after each negotiation (<see cref="Analysis.OpponentModelAccuracy"/>).
/// </summary>
public interface IHasOpponentModel
{
    /// <summary>The model as it stands (after a negotiation: what it learned in it), or null when there is none.</summary>
    IOpponentModel? OpponentModel { get; }
}
