namespace Parley.Analysis;

/// <summary>
/// Nash, Kalai–Smorodinsky and maximum-welfare points. Each optimum over all outcomes is reached on the Pareto frontier,
/// so the functions take frontier points; they return the first maximiser in the given order (null when none applies).
/// </summary>
public static class BargainingSolutions
{
    /// <summary>The product Π(u_i − r_i) (party order), or null when some u_i &lt; r_i (not individually rational).</summary>
    public static double? NashProduct(ReadOnlySpan<double> utilities, ReadOnlySpan<double> reserved)
    {
        double product = 1;
        for (int i = 0; i < utilities.Length; i++)
        {
            double gain = utilities[i] - reserved[i];
            if (gain < 0) return null;
            product *= gain;
        }
        return product;
    }

    /// <summary>
    /// The point maximising Π(u_i − r_i) among points with every u_i ≥ r_i. Null when no point gives a positive
    /// product (no individually rational point, or none that gains anything for every party), as in the reference values.
    /// </summary>
    public static DealPoint? Nash(IReadOnlyList<DealPoint> points, IReadOnlyList<double> reserved) =>
        Listed(points, reserved.Count) is { } f && FrontierSolutions.Nash(f, [.. reserved]) is { } k ? points[(int)k] : null;

    /// <summary>Every party's best utility among points with every u_i ≥ r_i; null when there is none.</summary>
    public static double[]? Ideal(IReadOnlyList<DealPoint> points, IReadOnlyList<double> reserved) =>
        Listed(points, reserved.Count) is { } f ? FrontierSolutions.Ideal(f, [.. reserved]) : null;

    /// <summary>
    /// min_i (u_i − r_i)/(ideal_i − r_i): the Kalai–Smorodinsky objective. A party whose ideal equals its reserved value
    /// gains nothing anywhere and is left out of the minimum (1 when every party is such).
    /// </summary>
    public static double KalaiSmorodinskyObjective(ReadOnlySpan<double> utilities, ReadOnlySpan<double> reserved, ReadOnlySpan<double> ideal)
    {
        double min = 1;
        bool any = false;
        for (int i = 0; i < utilities.Length; i++)
        {
            double range = ideal[i] - reserved[i];
            if (range <= 0) continue;
            double ratio = (utilities[i] - reserved[i]) / range;
            min = any ? Math.Min(min, ratio) : ratio;
            any = true;
        }
        return min;
    }

    /// <summary>The point maximising the Kalai–Smorodinsky objective among points with every u_i ≥ r_i; null when there is none.</summary>
    public static DealPoint? KalaiSmorodinsky(IReadOnlyList<DealPoint> points, IReadOnlyList<double> reserved) =>
        Listed(points, reserved.Count) is { } f && FrontierSolutions.KalaiSmorodinsky(f, [.. reserved]) is { } k ? points[(int)k] : null;

    /// <summary>Σ u_i in party order.</summary>
    public static double Welfare(ReadOnlySpan<double> utilities)
    {
        double sum = 0;
        foreach (double u in utilities) sum += u;
        return sum;
    }

    /// <summary>The point maximising Σ u_i; null only for no points.</summary>
    public static DealPoint? MaxWelfare(IReadOnlyList<DealPoint> points) =>
        points.Count > 0 && FrontierSolutions.MaxWelfare(new ListedFrontier(points, points[0].Utilities.Length)) is { } k ? points[(int)k] : null;

    private static ListedFrontier? Listed(IReadOnlyList<DealPoint> points, int parties) =>
        points.Count == 0 ? null : new ListedFrontier(points, parties);
}
