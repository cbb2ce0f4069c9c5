using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Analysis;

/// <summary>The Pareto frontier: distinct non-dominated utility vectors, each with one outcome that reaches it.</summary>
/// <param name="Points">Distinct utility vectors on the frontier, sorted by the first party's utility descending.</param>
/// <param name="Exact">True when the frontier is proven complete (enumeration or exact issue-by-issue combination).</param>
/// <param name="OutcomesOnFrontier">How many outcomes have a frontier utility vector (ties counted), where known.</param>
public sealed record ParetoFrontier(ImmutableArray<DealPoint> Points, bool Exact, long? OutcomesOnFrontier);

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
