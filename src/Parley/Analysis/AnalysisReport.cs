using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Parley.Analysis;

/// <summary>
/// The Pareto frontier: distinct non-dominated utility vectors, each with one outcome that reaches it. A frontier can be
/// far larger than what is listed (every outcome of a price range can be on it): <see cref="Points"/> lists at most the
/// requested number of points, spread evenly along it with both extremes, and <see cref="PointCount"/> says how many
/// there are.
/// </summary>
/// <param name="Points">Listed frontier points, sorted by the first party's utility descending (all of them unless
/// <see cref="Truncated"/>).</param>
/// <param name="Exact">True when the frontier is proven complete (enumeration or exact issue-by-issue combination).</param>
/// <param name="OutcomesOnFrontier">How many outcomes have a frontier utility vector (ties counted), where known.</param>
/// <param name="Gap">
/// Where certified (branch and bound): the largest amount of utility by which a missing frontier point could exceed the
/// reported points, i.e. every outcome u has a point p with u_i ≤ p_i + Gap for every party; 0 when exact.
/// </param>
public sealed record ParetoFrontier(ImmutableArray<DealPoint> Points, bool Exact, long? OutcomesOnFrontier, double? Gap = null)
{
    /// <summary>The whole frontier behind <see cref="Points"/>; null when the points are all there is.</summary>
    internal CompleteFrontier? Complete { get; init; }

    /// <summary>The position along <see cref="Complete"/> of each listed point (ascending).</summary>
    internal long[] Positions { get; init; } = [];

    /// <summary>The listed point at <paramref name="position"/>, or null when that position is not listed.</summary>
    internal DealPoint? Listed(long position)
    {
        int k = Array.BinarySearch(Positions, position);
        return k >= 0 ? Points[k] : null;
    }

    /// <summary>Exact number of distinct frontier vectors (at least <see cref="Points"/>' length).</summary>
    public BigInteger PointCount => Complete?.Count ?? Points.Length;

    /// <summary>True when <see cref="Points"/> lists only some of the frontier.</summary>
    public bool Truncated => PointCount > Points.Length;

    /// <summary>
    /// Every point of the frontier when it has at most <paramref name="limit"/> (materialised; for comparisons that need
    /// them all, such as against a published frontier), otherwise the listed <see cref="Points"/>.
    /// </summary>
    public IReadOnlyList<DealPoint> PointsForComparison(int limit = 1_000_000)
    {
        if (!Truncated || Complete is null || Complete.Count > limit) return Points;
        var all = new long[Complete.Count];
        for (int k = 0; k < all.Length; k++) all[k] = k;
        return Materialise(Complete, all);
    }

    /// <summary>The points at <paramref name="positions"/>, outcomes rebuilt together.</summary>
    private static ImmutableArray<DealPoint> Materialise(CompleteFrontier complete, IReadOnlyList<long> positions)
    {
        var values = complete.ValuesOf(positions);
        var utilities = new double[complete.Parties];
        var points = ImmutableArray.CreateBuilder<DealPoint>(positions.Count);
        for (int k = 0; k < positions.Count; k++)
        {
            complete.Utilities(positions[k], utilities);
            // ValuesOf returns fresh arrays owned by no one else: wrap them, no copy.
            points.Add(new DealPoint([.. utilities], ImmutableCollectionsMarshal.AsImmutableArray(values[k])));
        }
        return points.MoveToImmutable();
    }

    /// <summary>
    /// Euclidean distance from <paramref name="utilities"/> (party order) to the nearest point of the whole frontier, listed
    /// or not (NaN for an empty frontier). Bounded work on any frontier: straight pieces are searched, not scanned.
    /// </summary>
    public double DistanceTo(ReadOnlySpan<double> utilities) =>
        FrontierSolutions.Distance(Complete ?? new ListedFrontier(Points, utilities.Length), utilities);

    /// <summary>
    /// The listing of <paramref name="complete"/>: every point when there are at most <paramref name="maxPoints"/>,
    /// otherwise at most <paramref name="maxPoints"/>: the <paramref name="include"/> positions (the bargaining solutions)
    /// and the rest spread evenly from the first point to the last.
    /// </summary>
    internal static ParetoFrontier Of(CompleteFrontier complete, bool exact, long? outcomesOnFrontier, int maxPoints, IEnumerable<long> include)
    {
        var positions = ListedPositions(complete.Count, maxPoints, include);
        return new ParetoFrontier(Materialise(complete, positions), exact, outcomesOnFrontier) { Complete = complete, Positions = [.. positions] };
    }

    internal static List<long> ListedPositions(long count, int maxPoints, IEnumerable<long> include)
    {
        if (count <= maxPoints)
        {
            var all = new List<long>((int)count);
            for (long k = 0; k < count; k++) all.Add(k);
            return all;
        }
        var required = include.Where(k => k > 0 && k < count - 1).ToHashSet();
        // Room for the required positions beside both extremes; otherwise they are left to the spread.
        int spread = maxPoints - required.Count >= 2 ? maxPoints - required.Count : maxPoints;
        var chosen = new SortedSet<long>(spread == maxPoints ? [] : required);
        if (spread == 1) chosen.Add(0);
        else
            for (int k = 0; k < spread; k++)
                chosen.Add((long)Math.Round((double)k * (count - 1) / (spread - 1)));
        return [.. chosen];
    }
}

/// <summary>How long one analysis step took.</summary>
public readonly record struct StepTiming(string Step, TimeSpan Elapsed);

/// <summary>Everything <c>parley analyze</c> computes for a scenario.</summary>
public sealed record AnalysisReport(
    BigInteger? OutcomeCount,
    ImmutableArray<double> ReservedValues,
    ParetoFrontier Frontier,
    DealPoint? Nash,
    DealPoint? KalaiSmorodinsky,
    DealPoint? MaxWelfare,
    string Method,
    ImmutableArray<StepTiming> Timings)
{
    /// <summary>How the frontier relates to the one published with the scenario (ANAC 2014 <c>pareto.xml</c>), when there is one.</summary>
    public PublishedFrontierComparison? PublishedFrontier { get; init; }
}
