using System.Collections.Immutable;

namespace Parley.Preferences;

/// <summary>A point of a piecewise-linear reserved value: at normalised time <paramref name="Time"/> the value is <paramref name="Value"/>.</summary>
/// <param name="Time">Normalised time in [0, 1].</param>
/// <param name="Value">The (undiscounted) utility of no agreement at that time.</param>
/// <param name="Source">Where this value is taken from, or why it was chosen (free text), if given.</param>
public readonly record struct ReservedValuePoint(double Time, double Value, string? Source = null);

/// <summary>
/// The utility of no agreement (the outside option) as a function of normalised time t ∈ [0, 1]: piecewise linear through
/// the points, constant before the first and after the last. A constant reserved value is one point.
/// </summary>
public sealed class ReservedValueCurve
{
    public static readonly ReservedValueCurve Zero = Constant(0);

    public ReservedValueCurve(IEnumerable<ReservedValuePoint> points)
    {
        Points = points.OrderBy(p => p.Time).ToImmutableArray();
        if (Points.IsEmpty) throw new ArgumentException("A reserved value needs at least one point.");
        for (int i = 1; i < Points.Length; i++)
            if (Points[i].Time == Points[i - 1].Time) throw new ArgumentException($"Two reserved-value points at time {Points[i].Time}.");
    }

    public static ReservedValueCurve Constant(double value) => new([new ReservedValuePoint(0, value)]);

    public ImmutableArray<ReservedValuePoint> Points { get; }

    public bool IsConstant => Points.Length == 1;

    /// <summary>The reserved value at t = 0 (the value analyses use unless told a time).</summary>
    public double Initial => Points[0].Value;

    /// <summary>The (undiscounted) reserved value at normalised time <paramref name="t"/>.</summary>
    public double At(double t)
    {
        var p = Points;
        if (t <= p[0].Time) return p[0].Value;
        if (t >= p[^1].Time) return p[^1].Value;
        int hi = 1;
        while (p[hi].Time < t) hi++;
        var a = p[hi - 1];
        var b = p[hi];
        return a.Value + (b.Value - a.Value) * (t - a.Time) / (b.Time - a.Time);
    }
}
