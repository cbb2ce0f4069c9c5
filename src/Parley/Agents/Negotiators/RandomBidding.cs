using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// Offers a ranked outcome drawn uniformly (with the negotiator's seeded random source) among those whose own utility is
/// at least the reserved value at the current time.
/// </summary>
public sealed class RandomBidding : IBiddingStrategy
{
    private NegotiatorContext? _context;

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context, IOpponentModel? opponentModel) => _context = context;

    /// <inheritdoc />
    public Outcome NextBid(in SaoState state)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        return context.Index.RandomAtLeast(context.Random, context.ReservedValue(state.Time));
    }
}
