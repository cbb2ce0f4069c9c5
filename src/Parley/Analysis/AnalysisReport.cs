using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Analysis;

/// <summary>The Pareto frontier: distinct non-dominated utility vectors, each with one outcome that reaches it.</summary>
/// <param name="Points">Distinct utility vectors on the frontier, sorted by the first party's utility descending.</param>
/// <param name="Exact">True when the frontier is proven complete (enumeration or exact issue-by-issue combination).</param>
/// <param name="OutcomesOnFrontier">How many outcomes have a frontier utility vector (ties counted), where known.</param>
/// <param name="Gap">
/// Where certified (branch and bound): the largest amount of utility by which a missing frontier point could exceed the
/// reported points, i.e. every outcome u has a point p with u_i ≤ p_i + Gap for every party; 0 when exact.
/// </param>
public sealed record ParetoFrontier(ImmutableArray<DealPoint> Points, bool Exact, long? OutcomesOnFrontier, double? Gap = null);

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
    ImmutableArray<StepTiming> Timings);
