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
    public static ParetoFrontier Enumerated(UtilityMatrix matrix, OutcomeSpace space, FeasibleValues? feasible = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(space);
        if (feasible is { IsUnrestricted: false }) return EnumeratedFeasible(matrix, space, feasible);
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

    /// <summary>The exact frontier of the feasible outcomes only (infeasible ones scored below every feasible one, then dropped).</summary>
    private static ParetoFrontier EnumeratedFeasible(UtilityMatrix matrix, OutcomeSpace space, FeasibleValues feasible)
    {
        if (feasible.IsEmpty) return new ParetoFrontier([], Exact: true, 0);
        var mask = feasible.OutcomeMask();
        var rows = new double[matrix.PartyCount][];
        for (int p = 0; p < rows.Length; p++)
        {
            var row = matrix.Row(p).ToArray();
            for (int o = 0; o < row.Length; o++) if (!mask[o]) row[o] = FeasibleValues.Penalty;
            rows[p] = row;
        }
        var frontier = Enumerated(UtilityMatrix.FromRows(rows), space);
        return frontier with { Points = [.. frontier.Points.Where(p => feasible.Allows(p.Values.AsSpan()))] };
    }

    /// <summary>
    /// The exact frontier of two linear additive utilities over the same space (every issue enumerable), without
    /// enumerating it. Throws <see cref="InvalidOperationException"/> when the frontier is too large to list (see
    /// <see cref="TryIssueByIssue(LinearAdditiveUtility, LinearAdditiveUtility, int)"/>).
    /// </summary>
    public static ParetoFrontier IssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b) =>
        TryIssueByIssue(a, b)
        ?? throw new InvalidOperationException("The additive frontier is too large to list (issues that oppose the parties exactly make it grow without bound).");

    /// <summary>
    /// The exact frontier of two linear additive utilities, or null when some step would form more than
    /// <paramref name="maxCandidates"/> partial bundles (then <see cref="ScenarioAnalyzer.Analyze"/> falls back to the search).
    /// </summary>
    public static ParetoFrontier? TryIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates) =>
        TryIssueByIssue(a, b, null, maxCandidates);

    /// <summary>As <see cref="TryIssueByIssue(LinearAdditiveUtility, LinearAdditiveUtility, int)"/>, over the feasible packages only.</summary>
    public static ParetoFrontier? TryIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, FeasibleValues? feasible, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Space != b.Space) throw new ArgumentException("The two utilities are over different outcome spaces.", nameof(b));
        if (feasible is { IsEmpty: true }) return new ParetoFrontier([], Exact: true, OutcomesOnFrontier: null);
        var found = feasible is null or { IsUnrestricted: true }
            ? AdditiveFrontier.Compute(a, b, maxCandidates)
            : AdditiveFrontier.Compute(feasible.PenalisedTables(a), feasible.PenalisedTables(b), maxCandidates)?.Where(p => feasible.Allows(p.Values)).ToList();
        if (found is null) return null;
        var points = found.Select(p => new DealPoint([p.U0, p.U1], [.. p.Values])).ToImmutableArray();
        return new ParetoFrontier(points, Exact: true, OutcomesOnFrontier: null);
    }

    /// <summary>A non-dominated set found by the seeded search (not proven complete).</summary>
    public static ParetoFrontier Search(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options, FeasibleValues? feasible = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (feasible is { IsEmpty: true }) return new ParetoFrontier([], Exact: false, OutcomesOnFrontier: null);
        var searched = feasible is null ? utilities : utilities.Select(feasible.Penalised).ToArray();
        var points = ParetoSearch.Run(space, searched, options.Seed, options.SearchEffort)
            .Where(p => feasible is null || feasible.Allows(p.Values))
            .Select(p => new DealPoint([.. p.Utilities], [.. p.Values]))
            .ToImmutableArray();
        return new ParetoFrontier(points, Exact: false, OutcomesOnFrontier: null);
    }
}
