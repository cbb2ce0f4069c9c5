using System.Collections.Immutable;
using Parley.Outcomes;

namespace Parley.Preferences;

/// <summary>One inclusive bound on one issue of a hyper-rectangle constraint, in value indices.</summary>
public readonly record struct IssueBound(int Issue, int MinIndex, int MaxIndex)
{
    /// <summary>
    /// The bound [<paramref name="min"/>, <paramref name="max"/>] in issue values, clipped to the issue's range. A bound
    /// wholly outside the range becomes an empty (never matching) one.
    /// </summary>
    public static IssueBound OfValues(int issue, IntegerIssue integer, long min, long max)
    {
        long from = Math.Max(min, integer.Min) - integer.Min, to = Math.Min(max, integer.Max) - integer.Min;
        return new IssueBound(issue, (int)Math.Clamp(from, -1, int.MaxValue), (int)Math.Clamp(to, -1, int.MaxValue));
    }
}

/// <summary>A constraint that adds <see cref="Utility"/> when every bound contains the outcome's value.</summary>
public sealed record HyperRectangle(ImmutableArray<IssueBound> Bounds, double Utility)
{
    /// <summary>True when every bound contains the outcome's value (one value index per issue).</summary>
    public bool Contains(ReadOnlySpan<int> values) => Contains(Bounds.AsSpan(), values);

    /// <summary>
    /// True when every bound, except those on <paramref name="exceptIssue"/>, contains the outcome's value: the one
    /// containment test of hyper-rectangle utilities (evaluation, and sweeps of one issue's values).
    /// </summary>
    public static bool Contains(ReadOnlySpan<IssueBound> bounds, ReadOnlySpan<int> values, int exceptIssue = -1)
    {
        foreach (var bound in bounds)
        {
            if (bound.Issue == exceptIssue) continue;
            int v = values[bound.Issue];
            if (v < bound.MinIndex || v > bound.MaxIndex) return false;
        }
        return true;
    }
}

/// <summary>
/// The ANAC 2014 nonlinear constraint-based utility (GENIUS <c>utility_space type="nonlinear"</c>): the sum of the utility
/// of every hyper-rectangle whose inclusive bounds contain the outcome, divided by <see cref="MaxUtility"/>, capped at 1.
/// </summary>
public sealed class HyperRectangleUtility : UtilityFunction
{
    private readonly IssueBound[][] _bounds;
    private readonly double[] _utilities;

    public HyperRectangleUtility(OutcomeSpace space, IEnumerable<HyperRectangle> rectangles, double maxUtility) : base(space)
    {
        Rectangles = rectangles.ToImmutableArray();
        MaxUtility = maxUtility;
        _bounds = Rectangles.Select(r => r.Bounds.ToArray()).ToArray();
        _utilities = Rectangles.Select(r => r.Utility).ToArray();
    }

    public ImmutableArray<HyperRectangle> Rectangles { get; }

    /// <summary>The normaliser (GENIUS <c>maxutility</c>).</summary>
    public double MaxUtility { get; }

    public override double Utility(ReadOnlySpan<int> values)
    {
        double sum = 0;
        for (int r = 0; r < _bounds.Length; r++)
            if (HyperRectangle.Contains(_bounds[r], values)) sum += _utilities[r];
        double u = sum / MaxUtility;
        return u > 1.0 ? 1.0 : u;
    }
}
