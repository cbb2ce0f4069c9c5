namespace Parley.Preferences;

/// <summary>
/// Everything a party prefers: its utility function, its reserved value (possibly moving with time), its discount
/// factor d ∈ (0, 1] and its red lines. Discounted utility is u · d^t with t clamped to [0, 1]; the reserved value is
/// discounted the same way. An outcome that crosses a red line is unacceptable whatever its utility.
/// </summary>
public sealed record Profile(UtilityFunction Utility, ReservedValueCurve ReservedValue, double DiscountFactor = 1.0)
{
    /// <summary>Values the party will never accept (<see cref="Preferences.RedLines.None"/> unless declared).</summary>
    public RedLines RedLines { get; init; } = RedLines.None;

    /// <summary>GENIUS reads a discount factor ≤ 0 or > 1 as "no discount".</summary>
    public static double NormaliseDiscount(double d) => d <= 0 || d > 1 ? 1.0 : d;

    public double Discount(double utility, double t)
    {
        if (DiscountFactor >= 1.0) return utility;
        return utility * Math.Pow(DiscountFactor, Math.Clamp(t, 0.0, 1.0));
    }

    /// <summary>The discounted reserved value at normalised time <paramref name="t"/>.</summary>
    public double ReservedAt(double t) => Discount(ReservedValue.At(t), t);

    /// <summary>
    /// True when the party can accept the outcome at time <paramref name="t"/> against the reserved value
    /// <paramref name="reserved"/> (already discounted): it crosses no red line and its discounted utility is at least
    /// <paramref name="reserved"/>.
    /// </summary>
    public bool Accepts(ReadOnlySpan<int> values, double t, double reserved) =>
        !RedLines.Crosses(values) && Discount(Utility.Utility(values), t) >= reserved;
}
