using System.Collections.Immutable;
using Parley.Protocols;

namespace Parley.Analysis;

/// <summary>How good a negotiation result is, measured against the scenario's analysis.</summary>
/// <param name="DistanceToPareto">Euclidean distance in utility space from the result's undiscounted utility vector to the
/// nearest frontier point (0 on the frontier).</param>
/// <param name="DistanceToNash">Euclidean distance to the Nash point's utilities; null when no Nash point was given.</param>
/// <param name="SocialWelfare">Σ final (discounted) utilities of the principals.</param>
/// <param name="Failure">Who failed and why, or null.</param>
public sealed record QualityMeasures(double DistanceToPareto, double? DistanceToNash, double SocialWelfare, NegotiationFailure? Failure);

/// <summary>Computes <see cref="QualityMeasures"/> from a result and a caller-supplied analysis (frontier and Nash point).</summary>
public static class NegotiationQuality
{
    /// <summary>
    /// Measures <paramref name="result"/>. The point measured is <see cref="NegotiationResult.PrincipalUtilities"/>
    /// (the principals' utilities of the agreement, or their reserved values without agreement): mediators are not part
    /// of the deal space. The frontier and Nash point must be over the principals in scenario order (as
    /// <see cref="ScenarioAnalyzer"/> computes them).
    /// </summary>
    public static QualityMeasures Measure(NegotiationResult result, ParetoFrontier frontier, DealPoint? nash)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(frontier);
        var point = result.PrincipalUtilities;
        double best = frontier.DistanceTo(point.AsSpan());
        double? toNash = nash is null ? null : Distance(point, nash.Utilities);
        return new QualityMeasures(best, toNash, result.SocialWelfare, result.Failure);
    }

    /// <summary>Euclidean distance between two utility vectors of equal length.</summary>
    public static double Distance(ImmutableArray<double> a, ImmutableArray<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Utility vectors differ in length ({a.Length} and {b.Length}).");
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
