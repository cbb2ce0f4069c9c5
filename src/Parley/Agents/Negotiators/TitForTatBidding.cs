using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// Relative tit-for-tat (Faratin et al.), measured in own utility: it concedes from its best utility by as much as the
/// opponents' offers have improved for it since their first offer. Target = P_max − max(0, u(latest offer) − u(first
/// offer)), never below P_min at the current time (see <see cref="TimeDependentBidding.Range"/>); offers the outcome with the lowest own
/// utility ≥ target.
/// </summary>
public sealed class TitForTatBidding : IBiddingStrategy
{
    private NegotiatorContext? _context;
    private double _time;
    private double _first;
    private double _latest;

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        _time = 0;
        _first = double.NaN;
        _latest = double.NaN;
    }

    /// <summary>The target utility as of the latest bid (at its time).</summary>
    public double TargetUtility
    {
        get
        {
            var (min, max) = TimeDependentBidding.Range(_context ?? throw new InvalidOperationException("Initialize has not been called."), _time);
            return double.IsNaN(_first) ? max : Math.Max(min, max - Math.Max(0.0, _latest - _first));
        }
    }

    /// <inheritdoc />
    public Outcome NextBid(in SaoState state)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        _time = state.Time;
        if (state.StandingOffer is { } offer && state.Proposer != context.PartyIndex)
        {
            double u = context.Index.Utility(offer);
            if (double.IsNaN(_first)) _first = u;
            _latest = u;
        }
        return context.Index.AtLeast(TargetUtility);
    }
}
