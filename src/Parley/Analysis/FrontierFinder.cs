using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The three ways to a Pareto frontier: enumeration (exact, with tie counts), issue-by-issue combination of two linear
/// additive utilities (exact, no enumeration) and the seeded search (not proven complete). Points come sorted by the
/// first party's utility, descending. <see cref="ScenarioAnalyzer.Analyze"/> picks one.
/// </summary>
public static class FrontierFinder
{
    /// <summary>The exact frontier of an enumerated space (two parties: bucket filter and sweep; more: skyline).</summary>
    public static ParetoFrontier Enumerated(UtilityMatrix matrix, OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(space);
        var exact = matrix.PartyCount == 2
            ? BilateralFrontier.Compute(matrix.RowArray(0), matrix.RowArray(1))
            : MultilateralFrontier.Compute(matrix);
        var points = ImmutableArray.CreateBuilder<DealPoint>(exact.Count);
        var values = new int[space.IssueCount];
        for (int k = 0; k < exact.Count; k++)
        {
            space.Decode(exact.Outcomes[k], values);
            points.Add(new DealPoint([.. exact.Vectors[k]], [.. values]));
        }
        return new ParetoFrontier(points.MoveToImmutable(), Exact: true, exact.OutcomesOnFrontier);
    }

    /// <summary>
    /// The exact frontier of two linear additive utilities over the same space (every issue enumerable), without
    /// enumerating it. Throws <see cref="InvalidOperationException"/> when the frontier is too large to list (see
    /// <see cref="TryIssueByIssue"/>).
    /// </summary>
    public static ParetoFrontier IssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b) =>
        TryIssueByIssue(a, b)
        ?? throw new InvalidOperationException("The additive frontier is too large to list (issues that oppose the parties exactly make it grow without bound).");

    /// <summary>
    /// The exact frontier of two linear additive utilities, or null when some step would form more than
    /// <paramref name="maxCandidates"/> partial bundles (then <see cref="ScenarioAnalyzer.Analyze"/> falls back to the search).
    /// </summary>
    public static ParetoFrontier? TryIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Space != b.Space) throw new ArgumentException("The two utilities are over different outcome spaces.", nameof(b));
        if (AdditiveFrontier.Compute(a, b, maxCandidates) is not { } found) return null;
        var points = found.Select(p => new DealPoint([p.U0, p.U1], [.. p.Values])).ToImmutableArray();
        return new ParetoFrontier(points, Exact: true, OutcomesOnFrontier: null);
    }

    /// <summary>A non-dominated set found by the seeded search (not proven complete).</summary>
    public static ParetoFrontier Search(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var points = ParetoSearch.Run(space, utilities, options.Seed, options.SearchEffort)
            .Select(p => new DealPoint([.. p.Utilities], [.. p.Values]))
            .ToImmutableArray();
        return new ParetoFrontier(points, Exact: false, OutcomesOnFrontier: null);
    }
}
