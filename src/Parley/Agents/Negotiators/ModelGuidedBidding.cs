using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// HardHeaded-style bidding: a time-dependent target u(t) (see <see cref="TimeDependentBidding"/>), then, among the
/// ranked outcomes with own utility in [u(t), u(t) + <see cref="Band"/>), the one the opponent model predicts the
/// opponents value most (ties: higher own utility). At most <see cref="MaxCandidates"/> outcomes of the band are
/// examined, evenly spaced by rank. Without an opponent model it offers the best outcome of the band.
/// </summary>
public sealed class ModelGuidedBidding : IBiddingStrategy
{
    private NegotiatorContext? _context;
    private IOpponentModel? _model;

    /// <summary>Creates the strategy.</summary>
    /// <param name="exponent">Concession exponent e of the target (≥ 0).</param>
    /// <param name="band">Width of the own-utility band above the target (&gt; 0).</param>
    /// <param name="maxCandidates">Most outcomes examined per bid (≥ 1).</param>
    public ModelGuidedBidding(double exponent = 0.1, double band = 0.05, int maxCandidates = 64)
    {
        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent)) throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The concession exponent must be finite and ≥ 0.");
        if (!(band > 0)) throw new ArgumentOutOfRangeException(nameof(band), band, "The band must be positive.");
        if (maxCandidates < 1) throw new ArgumentOutOfRangeException(nameof(maxCandidates), maxCandidates, "Examine at least one candidate.");
        Exponent = exponent;
        Band = band;
        MaxCandidates = maxCandidates;
    }

    /// <summary>Concession exponent e.</summary>
    public double Exponent { get; }

    /// <summary>Width of the band above the target.</summary>
    public double Band { get; }

    /// <summary>Most outcomes examined per bid.</summary>
    public int MaxCandidates { get; }

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        _model = opponentModel;
    }

    /// <inheritdoc />
    public Outcome NextBid(in SaoState state)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        var index = context.Index;
        var (min, max) = TimeDependentBidding.Range(context, state.Time);
        double target = TimeDependentBidding.Target(state.Time, Exponent, min, max);
        int lo = index.RankAtLeast(target);
        if (lo >= index.Count) return index.Best;
        int hi = Math.Max(lo + 1, index.RankAtLeast(target + Band));
        if (_model is null) return index.OutcomeAt(hi - 1);
        int step = Math.Max(1, (hi - lo) / MaxCandidates);
        int bestRank = hi - 1;
        double bestPrediction = double.NegativeInfinity;
        for (int r = hi - 1; r >= lo; r -= step)
        {
            double p = _model.PredictUtility(index.OutcomeAt(r));
            if (p > bestPrediction)
            {
                bestPrediction = p;
                bestRank = r;
            }
        }
        return index.OutcomeAt(bestRank);
    }
}
