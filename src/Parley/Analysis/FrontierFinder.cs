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

    internal static (CompleteFrontier Frontier, long OutcomesOnFrontier) EnumeratedComplete(UtilityMatrix matrix, OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(space);
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

    internal static CompleteFrontier? IssueByIssueComplete(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates,
        int segmentMinValues = SegmentFrontier.DefaultMinValues)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Space != b.Space) throw new ArgumentException("The two utilities are over different outcome spaces.", nameof(b));
        int longIssue = SegmentFrontier.LongIssue(a, b, segmentMinValues);
        if (longIssue >= 0 && SegmentFrontier.Compute(a, b, longIssue, maxCandidates) is { } segments) return segments;
        return AdditiveFrontier.Compute(a, b, maxCandidates);
    }

    /// <summary>A non-dominated set found by the seeded search (not proven complete).</summary>
    public static ParetoFrontier Search(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options) =>
        ParetoFrontier.Of(SearchComplete(space, utilities, options), exact: false, null, options.MaxPoints, []);

    internal static CompleteFrontier SearchComplete(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var points = ParetoSearch.Run(space, utilities, options.Seed, options.SearchEffort)
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
