using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The three ways to a Pareto frontier: enumeration (exact, with tie counts), issue-by-issue combination of two linear
/// additive utilities (exact, no enumeration) and the seeded search (not proven complete). Points come sorted by the
/// first party's utility, descending; at most <c>maxPoints</c> are listed (spread evenly along the frontier, both
/// extremes included), <see cref="ParetoFrontier.PointCount"/> counts them all. <see cref="ScenarioAnalyzer.Analyze"/>
/// picks one.
/// </summary>
public static class FrontierFinder
{
    /// <summary>The exact frontier of an enumerated space (two parties: bucket filter and sweep; more: skyline).</summary>
    public static ParetoFrontier Enumerated(UtilityMatrix matrix, OutcomeSpace space, int maxPoints = int.MaxValue)
    {
        var (complete, ties) = EnumeratedComplete(matrix, space);
        return ParetoFrontier.Of(complete, exact: true, ties, maxPoints, []);
    }

    /// <summary>
    /// The exact frontier of an enumerated space; with <paramref name="feasible"/> restricted, over the feasible outcomes
    /// only (infeasible ones are scored below every feasible one, so they are dominated and never listed).
    /// </summary>
    internal static (CompleteFrontier Frontier, long OutcomesOnFrontier) EnumeratedComplete(UtilityMatrix matrix, OutcomeSpace space, FeasibleValues? feasible = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(space);
        if (feasible is { IsEmpty: true }) return (new ListedFrontier([], matrix.PartyCount), 0);
        if (feasible is { IsUnrestricted: false })
        {
            var mask = feasible.OutcomeMask();
            var rows = new double[matrix.PartyCount][];
            for (int p = 0; p < rows.Length; p++)
            {
                var row = matrix.Row(p).ToArray();
                for (int o = 0; o < row.Length; o++) if (!mask[o]) row[o] = FeasibleValues.Penalty;
                rows[p] = row;
            }
            matrix = UtilityMatrix.FromRows(rows);
        }
        var exact = matrix.PartyCount == 2
            ? BilateralFrontier.Compute(matrix.RowArray(0), matrix.RowArray(1))
            : MultilateralFrontier.Compute(matrix);
        return (new EnumeratedPoints(exact, space, matrix.PartyCount), exact.OutcomesOnFrontier);
    }

    /// <summary>
    /// The exact frontier of two linear additive utilities over the same space (every issue enumerable), without
    /// enumerating it. Throws <see cref="InvalidOperationException"/> when the frontier is too large to list (see
    /// <see cref="TryIssueByIssue"/>).
    /// </summary>
    public static ParetoFrontier IssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxPoints = int.MaxValue) =>
        TryIssueByIssue(a, b, maxPoints: maxPoints)
        ?? throw new InvalidOperationException("The additive frontier is too large to list (issues that oppose the parties exactly make it grow without bound).");

    /// <summary>
    /// The exact frontier of two linear additive utilities, or null when some step would form more than
    /// <paramref name="maxCandidates"/> partial bundles (then <see cref="ScenarioAnalyzer.Analyze"/> falls back to the search).
    /// A long integer issue that both parties score linearly (more than 65,536 values) is kept as straight runs.
    /// </summary>
    public static ParetoFrontier? TryIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates, int maxPoints = int.MaxValue) =>
        IssueByIssueComplete(a, b, maxCandidates) is { } complete ? ParetoFrontier.Of(complete, exact: true, null, maxPoints, []) : null;

    /// <summary>
    /// The issue-by-issue frontier; with <paramref name="feasible"/> restricted, over feasible packages only: forbidden
    /// values score far below every allowed one, so each issue's contribution staircase drops them. Without restrictions a
    /// long linear issue (a price) is kept as straight runs.
    /// </summary>
    internal static CompleteFrontier? IssueByIssueComplete(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates,
        FeasibleValues? feasible = null, int segmentMinValues = SegmentFrontier.DefaultMinValues)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Space != b.Space) throw new ArgumentException("The two utilities are over different outcome spaces.", nameof(b));
        if (feasible is { IsEmpty: true }) return new ListedFrontier([], 2);
        // Rules over combinations are not a product of allowed values: the slots they read join the combination as one block.
        if (feasible is { HasRules: true }) return RuleBlockFrontier.Compute(a, b, feasible, maxCandidates);
        if (feasible is { IsUnrestricted: false })
            return AdditiveFrontier.Compute(feasible.PenalisedTables(a), feasible.PenalisedTables(b), maxCandidates);
        int longIssue = SegmentFrontier.LongIssue(a, b, segmentMinValues);
        if (longIssue >= 0 && SegmentFrontier.Compute(a, b, longIssue, maxCandidates) is { } segments) return segments;
        if (AdditiveFrontier.Compute(a, b, maxCandidates) is { } additive) return additive;
        // Too many partial bundles (several long opposed issues): the longest linear issue of any length as runs, the
        // others combined, keeps the work to the other issues' frontier (e.g. three prices of 2,000 values each).
        int linear = SegmentFrontier.LongIssue(a, b, minValues: 2);
        return linear >= 0 && linear != longIssue ? SegmentFrontier.Compute(a, b, linear, maxCandidates) : null;
    }

    /// <summary>
    /// The frontier of hyper-rectangle and linear additive utilities (any mix, every issue enumerable) by branch and bound
    /// over merged value classes: exact (<see cref="ParetoFrontier.Gap"/> 0) when it finishes within
    /// <see cref="AnalysisOptions.Budget"/> and <see cref="AnalysisOptions.NodeLimit"/>, otherwise the best frontier found
    /// with a certified gap. Null when some utility is of another kind. Every point's utilities are recomputed from its
    /// witness outcome.
    /// </summary>
    public static ParetoFrontier? BranchAndBound(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options) =>
        BranchAndBoundComplete(space, utilities, options) is { } found
            ? ParetoFrontier.Of(found.Frontier, found.Exact, null, options.MaxPoints, []) with { Gap = found.Gap }
            : null;

    internal static (CompleteFrontier Frontier, bool Exact, double Gap)? BranchAndBoundComplete(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options,
        FrontierBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (utilities.Count < 2 || ClassedModel.TryBuild(space, utilities) is not { } model) return null;
        budget ??= FrontierBudget.Of(options);
        // On large domains a short local search finds most frontier points; starting from them halves the nodes. Small
        // domains are proven faster than the search would run.
        var seeds = model.IssueCount >= SeedMinIssues
            ? ParetoSearch.Run(space, utilities, options.Seed, SeedEffort * options.SearchEffort, budget).Select(p => p.Values)
            : null;
        var found = BranchAndBoundFrontier.Run(model, budget, seeds);
        var exact = new ParetoArchive(utilities.Count);
        var vector = new double[utilities.Count];
        foreach (var (_, values) in found.Points)
        {
            for (int p = 0; p < vector.Length; p++) vector[p] = utilities[p].Utility(values);
            exact.Offer(vector, values);
        }
        var points = exact.Snapshot().Select(e => new DealPoint([.. e.Utilities], [.. e.Values])).ToArray();
        return (new ListedFrontier(points, utilities.Count), found.Complete, found.Gap);
    }

    /// <summary>Effort of the local search that seeds the branch and bound, relative to <see cref="AnalysisOptions.SearchEffort"/>.</summary>
    internal const double SeedEffort = 0.1;

    /// <summary>Fewest issues for which the branch and bound is seeded by the local search.</summary>
    internal const int SeedMinIssues = 16;

    /// <summary>A non-dominated set found by the seeded search (not proven complete).</summary>
    public static ParetoFrontier Search(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options) =>
        ParetoFrontier.Of(SearchComplete(space, utilities, options), exact: false, null, options.MaxPoints, []);

    /// <summary>
    /// The searched frontier; with <paramref name="feasible"/> restricted, infeasible packages are penalised in the search
    /// and dropped. The search stops early (fewer starts, each cut short) when the budget's deadline passes.
    /// </summary>
    internal static CompleteFrontier SearchComplete(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options, FeasibleValues? feasible = null,
        FrontierBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (feasible is { IsEmpty: true }) return new ListedFrontier([], utilities.Count);
        var searched = feasible is null ? utilities : utilities.Select(feasible.Penalised).ToArray();
        var points = ParetoSearch.Run(space, searched, options.Seed, options.SearchEffort, budget ?? FrontierBudget.Of(options))
            .Where(p => feasible is null || feasible.Allows(p.Values))
            .Select(p => new DealPoint([.. p.Utilities], [.. p.Values]))
            .ToArray();
        return new ListedFrontier(points, utilities.Count);
    }

    /// <summary>An enumerated frontier; outcomes decoded on demand.</summary>
    private sealed class EnumeratedPoints(EnumeratedFrontier frontier, OutcomeSpace space, int parties) : CompleteFrontier
    {
        public override int Parties => parties;
        public override long Count => frontier.Count;
        public override void Utilities(long position, Span<double> destination)
        {
            for (int p = 0; p < destination.Length; p++) destination[p] = frontier.Columns[p][position];
        }

        public override int[] Values(long position)
        {
            var values = new int[space.IssueCount];
            space.Decode(frontier.Outcomes[position], values);
            return values;
        }
    }
}
