using System.Collections.Immutable;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>
/// How Parley's Pareto frontier relates to a published one, point by published point (docs/analysis.md). With
/// tolerance ε: a published point p is <see cref="Matched"/> when some Parley point q has |q_i − p_i| ≤ ε for every
/// party; otherwise it is <see cref="Dominated"/> when some Parley point q strictly dominates it (q_i ≥ p_i − ε for every
/// party and q_j &gt; p_j + ε for some party); otherwise it is <see cref="Missed"/>: Parley's frontier has no point at or
/// beyond it. The three counts add up to <see cref="PublishedPoints"/>.
/// </summary>
/// <param name="File">The published frontier's file.</param>
/// <param name="PublishedPoints">How many points the file lists.</param>
/// <param name="Dominated">Published points strictly dominated by a point of Parley's frontier.</param>
/// <param name="Matched">Published points that Parley's frontier reaches (every utility within the tolerance).</param>
/// <param name="Missed">Published points that Parley's frontier neither reaches nor dominates.</param>
/// <param name="Tolerance">The ε used: published files carry single-precision utilities.</param>
public sealed record PublishedFrontierComparison(string File, int PublishedPoints, int Dominated, int Matched, int Missed, double Tolerance)
{
    /// <summary>Default ε: published ANAC frontiers are written in single precision (about 7 significant digits).</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>
    /// Compares <paramref name="published"/> with <paramref name="frontier"/>. Throws <see cref="ScenarioFormatException"/>
    /// (naming the published file) when its points do not have one utility per principal.
    /// </summary>
    public static PublishedFrontierComparison Compare(PublishedFrontier published, IReadOnlyList<DealPoint> frontier, int principals, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(frontier);
        int width = published.Points[0].Length;
        if (width != principals)
            throw new ScenarioFormatException(published.File, null, $"points have {width} utilities; expected {principals}, one per principal of the scenario");
        int dominated = 0, matched = 0;
        foreach (var p in published.Points)
        {
            switch (Classify(p, frontier, tolerance))
            {
                case Relation.Matched: matched++; break;
                case Relation.Dominated: dominated++; break;
            }
        }
        int count = published.Points.Length;
        return new PublishedFrontierComparison(published.File, count, dominated, matched, count - dominated - matched, tolerance);
    }

    private enum Relation { Missed, Dominated, Matched }

    private static Relation Classify(ImmutableArray<double> p, IReadOnlyList<DealPoint> frontier, double eps)
    {
        var result = Relation.Missed;
        foreach (var point in frontier)
        {
            var q = point.Utilities;
            bool within = true, atLeast = true, better = false;
            for (int i = 0; i < p.Length; i++)
            {
                double d = q[i] - p[i];
                if (Math.Abs(d) > eps) within = false;
                if (d < -eps) atLeast = false;
                if (d > eps) better = true;
            }
            if (within) return Relation.Matched;
            if (atLeast && better) result = Relation.Dominated;
        }
        return result;
    }
}
