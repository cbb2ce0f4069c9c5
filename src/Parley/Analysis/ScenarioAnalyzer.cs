using System.Collections.Immutable;
using System.Diagnostics;
using Parley.Outcomes;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>Options for <see cref="ScenarioAnalyzer.Analyze"/>.</summary>
/// <param name="Seed">Seed for the randomised search used on spaces that cannot be enumerated (deterministic per seed).</param>
/// <param name="SearchEffort">Relative effort of that search, a positive number (1 = default, a few seconds at most on the ANAC 2014 spaces); the number of search starts scales with it.</param>
public sealed record AnalysisOptions(int Seed = 0, double SearchEffort = 1.0);

/// <summary>Computes the deal-space analysis of a scenario: frontier, Nash, Kalai–Smorodinsky and max-welfare points.</summary>
public static class ScenarioAnalyzer
{
    /// <summary><see cref="AnalysisReport.Method"/> when every outcome is evaluated.</summary>
    public const string Enumeration = "enumeration";

    /// <summary><see cref="AnalysisReport.Method"/> for the exact issue-by-issue combination (two linear additive parties).</summary>
    public const string IssueByIssue = "issue-by-issue";

    /// <summary><see cref="AnalysisReport.Method"/> for the seeded local search (frontier not proven complete).</summary>
    public const string LocalSearch = "local search";

    /// <summary>
    /// Analyses <paramref name="scenario"/> over its principals' utilities (party order of the scenario), using reserved
    /// values at t = 0 (undiscounted). Enumerable spaces are enumerated (exact); larger spaces with two linear additive
    /// parties are combined issue by issue (exact); other large spaces are searched (<see cref="ParetoFrontier.Exact"/> false).
    /// </summary>
    public static AnalysisReport Analyze(Scenario scenario, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new AnalysisOptions();
        Validate(options);
        var principals = scenario.Principals.ToArray();
        if (principals.Length == 0) throw new ArgumentException("The scenario has no principal parties.", nameof(scenario));
        var space = scenario.Space;
        var utilities = principals.Select(p => p.Profile.Utility).ToArray();
        var reserved = principals.Select(p => p.Profile.ReservedValue.Initial).ToImmutableArray();
        var timings = ImmutableArray.CreateBuilder<StepTiming>();
        var clock = Stopwatch.StartNew();

        void Lap(string step)
        {
            timings.Add(new StepTiming(step, clock.Elapsed));
            clock.Restart();
        }

        ParetoFrontier frontier;
        string method;
        if (space.IsEnumerable)
        {
            var matrix = UtilityMatrix.Evaluate(space, utilities);
            Lap("evaluate");
            frontier = FrontierOf(matrix, space);
            method = Enumeration;
        }
        else if (utilities.Length == 2 && utilities.All(u => u is LinearAdditiveUtility) && space.Issues.All(i => i.IsEnumerable)
            && TryFrontierIssueByIssue((LinearAdditiveUtility)utilities[0], (LinearAdditiveUtility)utilities[1]) is { } combined)
        {
            frontier = combined;
            method = IssueByIssue;
        }
        else
        {
            frontier = SearchFrontier(space, utilities, options);
            method = LocalSearch;
        }
        Lap("frontier");

        var points = frontier.Points;
        var nash = BargainingSolutions.Nash(points, reserved);
        var kalai = BargainingSolutions.KalaiSmorodinsky(points, reserved);
        var welfare = BargainingSolutions.MaxWelfare(points);
        Lap("solutions");

        return new AnalysisReport(space.Cardinality, reserved, frontier, nash, kalai, welfare, method, timings.ToImmutable());
    }

    private static void Validate(AnalysisOptions options)
    {
        if (!double.IsFinite(options.SearchEffort) || options.SearchEffort <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.SearchEffort, "SearchEffort must be a positive number (1 = default).");
    }

    /// <summary>The exact frontier of an enumerated space (two parties: bucket filter and sweep; more: skyline).</summary>
    public static ParetoFrontier FrontierOf(UtilityMatrix matrix, OutcomeSpace space)
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
    /// <see cref="TryFrontierIssueByIssue"/>).
    /// </summary>
    public static ParetoFrontier FrontierIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b) =>
        TryFrontierIssueByIssue(a, b)
        ?? throw new InvalidOperationException("The additive frontier is too large to list (issues that oppose the parties exactly make it grow without bound).");

    /// <summary>
    /// The exact frontier of two linear additive utilities, or null when some step would form more than
    /// <paramref name="maxCandidates"/> partial bundles (then <see cref="Analyze"/> falls back to the search).
    /// </summary>
    public static ParetoFrontier? TryFrontierIssueByIssue(LinearAdditiveUtility a, LinearAdditiveUtility b, int maxCandidates = AdditiveFrontier.DefaultMaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Space != b.Space) throw new ArgumentException("The two utilities are over different outcome spaces.", nameof(b));
        if (AdditiveFrontier.Compute(a, b, maxCandidates) is not { } found) return null;
        var points = found.Select(p => new DealPoint([p.U0, p.U1], [.. p.Values])).ToImmutableArray();
        return new ParetoFrontier(points, Exact: true, OutcomesOnFrontier: null);
    }

    /// <summary>A non-dominated set found by the seeded search (not proven complete).</summary>
    public static ParetoFrontier SearchFrontier(OutcomeSpace space, IReadOnlyList<UtilityFunction> utilities, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var points = ParetoSearch.Run(space, utilities, options.Seed, options.SearchEffort)
            .Select(p => new DealPoint([.. p.Utilities], [.. p.Values]))
            .ToImmutableArray();
        return new ParetoFrontier(points, Exact: false, OutcomesOnFrontier: null);
    }
}
