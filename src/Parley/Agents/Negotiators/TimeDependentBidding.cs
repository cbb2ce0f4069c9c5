using Parley.Outcomes;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// Time-dependent concession (Faratin, Sierra and Jennings 1998): target utility
/// u(t) = P_min(t) + (P_max − P_min(t)) · (1 − t^(1/e)), where P_max is the best own utility and P_min(t) the larger of
/// the reserved value at t and the worst own utility (so an outside option that moves with time moves the curve, and no
/// bid is ever below the reserved value of its moment). e &lt; 1 concedes late (Boulware), e = 1 linearly, e &gt; 1 early
/// (Conceder); e = 0 never concedes (Hardliner). Offers the outcome with the lowest own utility ≥ u(t).
/// </summary>
public sealed class TimeDependentBidding : IBiddingStrategy
{
    private NegotiatorContext? _context;
    private int _hint;

    /// <summary>Creates the strategy with concession exponent <paramref name="exponent"/> (e ≥ 0).</summary>
    public TimeDependentBidding(double exponent)
    {
        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent)) throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The concession exponent must be finite and ≥ 0.");
        Exponent = exponent;
    }

    /// <summary>The concession exponent e.</summary>
    public double Exponent { get; }

    /// <inheritdoc />
    public void Initialize(NegotiatorContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        _hint = context.Index.Count - 1;
    }

    /// <summary>The target utility at normalised time <paramref name="t"/>.</summary>
    public double TargetUtility(double t)
    {
        var (min, max) = Range(_context ?? throw new InvalidOperationException("Initialize has not been called."), t);
        return Target(t, Exponent, min, max);
    }

    /// <inheritdoc />
    public Outcome NextBid(in SaoState state)
    {
        var context = _context ?? throw new InvalidOperationException("Initialize has not been called.");
        var index = context.Index;
        int rank = index.RankAtLeast(TargetUtility(state.Time), _hint);
        if (rank >= index.Count) rank = index.Count - 1;
        _hint = rank;
        return index.OutcomeAt(rank);
    }

    /// <summary>u(t) = min + (max − min)(1 − t^(1/e)); max when e = 0.</summary>
    public static double Target(double t, double exponent, double min, double max)
    {
        if (exponent <= 0) return max;
        t = Math.Clamp(t, 0.0, 1.0);
        double conceded = exponent == 1.0 ? t : Conceded(t, 1.0 / exponent);
        return min + (max - min) * (1.0 - conceded);
    }

    /// <summary>t^p, with the common exponents of Boulware (p = 5) and Conceder (p = 0.5) by multiplication or square root.</summary>
    private static double Conceded(double t, double p) => p switch
    {
        0.5 => Math.Sqrt(t),
        2.0 => t * t,
        5.0 => t * t * t * t * t,
        _ => Math.Pow(t, p),
    };

    /// <summary>(P_min, P_max) at normalised time <paramref name="t"/>: P_max the best own utility, P_min the larger of
    /// the reserved value at t and the worst own utility (never above P_max).</summary>
    public static (double Min, double Max) Range(NegotiatorContext context, double t)
    {
        double max = context.Index.MaxUtility;
        double min = Math.Min(max, Math.Max(context.ReservedValue(t), context.Index.MinUtility));
        return (min, max);
    }
}
