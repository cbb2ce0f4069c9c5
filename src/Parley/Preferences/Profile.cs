namespace Parley.Preferences;

/// <summary>
/// Everything a party prefers: its utility function, its reserved value (possibly moving with time) and its discount
/// factor d ∈ (0, 1]. Discounted utility is u · d^t with t clamped to [0, 1]; the reserved value is discounted the same way.
/// </summary>
public sealed record Profile(UtilityFunction Utility, ReservedValueCurve ReservedValue, double DiscountFactor = 1.0)
{
    /// <summary>GENIUS reads a discount factor ≤ 0 or > 1 as "no discount".</summary>
    public static double NormaliseDiscount(double d) => d <= 0 || d > 1 ? 1.0 : d;

    public double Discount(double utility, double t)
    {
        if (DiscountFactor >= 1.0) return utility;
        return utility * Math.Pow(DiscountFactor, Math.Clamp(t, 0.0, 1.0));
    }

    /// <summary>The discounted reserved value at normalised time <paramref name="t"/>.</summary>
    public double ReservedAt(double t) => Discount(ReservedValue.At(t), t);
}
