using Parley.Agents.Boa;
using Parley.Parties;

namespace Parley.Agents.Negotiators;

/// <summary>
/// GENIUS's older bilateral time-dependent agent (<c>agents.TimeDependentAgent</c>, the Boulware/Conceder baseline of
/// ANAC 2010–2014): target p(t) = P_min + (P_max − P_min)(1 − t^(1/e)) with P_max the best own utility and P_min the
/// larger of the worst own utility and the (undiscounted) reserved value, at GENIUS's time t without offset; bids the
/// outcome nearest the target in GENIUS's sorted outcome space (<see cref="SortedOutcomeSpace.NearUtility"/>); accepts
/// when the opponent's last offer is worth, undiscounted, at least its planned bid. Never walks away.
/// </summary>
public sealed class TimeDependentAgent(double exponent, string? name = null)
    : SortedSpaceBidder(exponent, name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TimeDependentAgent(e={exponent})"))
{
    private double _pMin, _pMax;

    /// <inheritdoc />
    public override void Initialize(NegotiatorContext context)
    {
        base.Initialize(context);
        _pMax = Space.UtilityAt(0);
        _pMin = Math.Max(Space.UtilityAt(Space.Count - 1), context.ReservedValue(0));
    }

    /// <summary>p(t) = P_min + (P_max − P_min)(1 − f(t)), f(t) = t^(1/e) (0 when e = 0).</summary>
    public double TargetUtility(double t) => _pMin + (_pMax - _pMin) * (1 - (Exponent == 0 ? 0 : Math.Pow(t, 1 / Exponent)));

    /// <inheritdoc />
    protected override double Target(in SaoState state) => TargetUtility(GeniusTime.Of(Context, state));

    /// <inheritdoc />
    protected override bool Accepts(double offered, double planned, in SaoState state) => offered >= planned;
}
