using System.Collections.Immutable;
using System.Diagnostics;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>Computes the deal-space analysis of a scenario: frontier, Nash, Kalai–Smorodinsky and max-welfare points.</summary>
public static class ScenarioAnalyzer
{
    /// <summary><see cref="AnalysisReport.Method"/> when every outcome is evaluated.</summary>
    public const string Enumeration = "enumeration";

    /// <summary><see cref="AnalysisReport.Method"/> for the exact issue-by-issue combination (two linear additive parties).</summary>
    public const string IssueByIssue = "issue-by-issue";

    /// <summary>
    /// <see cref="AnalysisReport.Method"/> for the branch and bound over hyper-rectangle (and mixed additive) utilities:
    /// exact when it finishes within the budget, otherwise with a certified <see cref="ParetoFrontier.Gap"/>.
    /// </summary>
    public const string BranchAndBound = "branch-and-bound";

    /// <summary>Most parties the branch and bound is tried for (beyond, frontiers of large spaces are rarely listable).</summary>
    public const int BranchAndBoundMaxParties = 3;

    /// <summary><see cref="AnalysisReport.Method"/> for the seeded local search (frontier not proven complete).</summary>
    public const string LocalSearch = "local search";

    /// <summary>
    /// Analyses <paramref name="scenario"/> over its principals' utilities (party order of the scenario), using reserved
    /// values at t = 0 (their curves plus timeline events at t = 0). Packages that cross any principal's red line (or use
    /// a value withdrawn at t = 0) are left out of the frontier and of every solution. Enumerable spaces are enumerated
    /// (exact); larger spaces with two linear additive parties are combined issue by issue (exact); two or three parties
    /// with hyper-rectangle utilities (some may be additive) get the branch and bound (exact within
    /// <see cref="AnalysisOptions.Budget"/>, else a certified gap); other large spaces are searched
    /// (<see cref="ParetoFrontier.Exact"/> false).
    /// </summary>
    public static AnalysisReport Analyze(Scenario scenario, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new AnalysisOptions();
        options.Validate();
        var principals = scenario.Principals.ToArray();
        if (principals.Length == 0) throw new ArgumentException("The scenario has no principal parties.", nameof(scenario));
        var space = scenario.Space;
        var utilities = principals.Select(p => p.Profile.Utility).ToArray();
        var reserved = principals.Select(p => scenario.ReservedValueAt(scenario.Parties.IndexOf(p), 0)).ToImmutableArray();
        var feasible = FeasibleValues.For(scenario, 0);
        var budget = FrontierBudget.Of(options); // one deadline for the whole analysis, whatever the method
        var timings = ImmutableArray.CreateBuilder<StepTiming>();
        var clock = Stopwatch.StartNew();

        void Lap(string step)
        {
            timings.Add(new StepTiming(step, clock.Elapsed));
            clock.Restart();
        }

        CompleteFrontier complete;
        long? ties = null;
        bool exact = true;
        double? gap = null;
        string method;
        // Two linear additive parties: issue by issue, which also keeps a long linear issue (a price) as straight runs.
        bool additivePair = utilities.Length == 2 && utilities.All(u => u is LinearAdditiveUtility) && space.Issues.All(i => i.IsEnumerable);
        bool longIssue = additivePair && SegmentFrontier.LongIssue((LinearAdditiveUtility)utilities[0], (LinearAdditiveUtility)utilities[1]) >= 0;
        if (space.IsEnumerable && !longIssue)
        {
            (complete, ties) = Enumerate();
            method = Enumeration;
        }
        else if (additivePair && FrontierFinder.IssueByIssueComplete((LinearAdditiveUtility)utilities[0], (LinearAdditiveUtility)utilities[1], feasible: feasible) is { } combined)
        {
            complete = combined;
            method = IssueByIssue;
        }
        else if (space.IsEnumerable)
        {
            (complete, ties) = Enumerate();
            method = Enumeration;
        }
        else if (utilities.Length <= BranchAndBoundMaxParties && utilities.Any(u => u is HyperRectangleUtility) && feasible.IsUnrestricted
            && FrontierFinder.BranchAndBoundComplete(space, utilities, options, budget) is { } bounded)
        {
            (complete, exact, gap) = bounded;
            method = BranchAndBound;
        }
        else
        {
            complete = FrontierFinder.SearchComplete(space, utilities, options, feasible, budget);
            exact = false;
            method = LocalSearch;
        }

        (CompleteFrontier, long?) Enumerate()
        {
            var matrix = UtilityMatrix.Evaluate(space, utilities);
            Lap("evaluate");
            var (enumerated, onFrontier) = FrontierFinder.EnumeratedComplete(matrix, space, feasible);
            return (enumerated, onFrontier);
        }
        Lap("frontier");

        var r = reserved.ToArray();
        long? nash = FrontierSolutions.Nash(complete, r);
        long? kalai = FrontierSolutions.KalaiSmorodinsky(complete, r);
        long? welfare = FrontierSolutions.MaxWelfare(complete);
        var solutions = new[] { nash, kalai, welfare };
        var frontier = ParetoFrontier.Of(complete, exact, ties, options.MaxPoints, solutions.OfType<long>()) with { Gap = gap };
        DealPoint? Pick(long? at) => at is { } k ? frontier.Listed(k) ?? complete.Point(k) : null;
        Lap("solutions");

        return new AnalysisReport(space.Cardinality, reserved, frontier, Pick(nash), Pick(kalai), Pick(welfare), method, timings.ToImmutable());
    }
}
