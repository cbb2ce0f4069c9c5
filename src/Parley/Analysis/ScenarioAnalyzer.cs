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

    /// <summary><see cref="AnalysisReport.Method"/> for the seeded local search (frontier not proven complete).</summary>
    public const string LocalSearch = "local search";

    /// <summary>
    /// Analyses <paramref name="scenario"/> over its principals' utilities (party order of the scenario), using reserved
    /// values at t = 0 (their curves plus timeline events at t = 0). Packages that cross any principal's red line (or use
    /// a value withdrawn at t = 0) are left out of the frontier and of every solution. Enumerable spaces are enumerated (exact); larger spaces with two linear additive
    /// parties are combined issue by issue (exact); other large spaces are searched (<see cref="ParetoFrontier.Exact"/> false).
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
        string method;
        if (space.IsEnumerable)
        {
            var matrix = UtilityMatrix.Evaluate(space, utilities);
            Lap("evaluate");
            (complete, long onFrontier) = FrontierFinder.EnumeratedComplete(matrix, space, feasible);
            ties = onFrontier;
            method = Enumeration;
        }
        else if (utilities.Length == 2 && utilities.All(u => u is LinearAdditiveUtility) && space.Issues.All(i => i.IsEnumerable)
            && FrontierFinder.IssueByIssueComplete((LinearAdditiveUtility)utilities[0], (LinearAdditiveUtility)utilities[1], feasible: feasible) is { } combined)
        {
            complete = combined;
            method = IssueByIssue;
        }
        else
        {
            complete = FrontierFinder.SearchComplete(space, utilities, options, feasible);
            exact = false;
            method = LocalSearch;
        }
        Lap("frontier");

        var r = reserved.ToArray();
        long? nash = FrontierSolutions.Nash(complete, r);
        long? kalai = FrontierSolutions.KalaiSmorodinsky(complete, r);
        long? welfare = FrontierSolutions.MaxWelfare(complete);
        var solutions = new[] { nash, kalai, welfare };
        var frontier = ParetoFrontier.Of(complete, exact, ties, options.MaxPoints, solutions.OfType<long>());
        DealPoint? Pick(long? at) => at is { } k ? frontier.Listed(k) ?? complete.Point(k) : null;
        Lap("solutions");

        return new AnalysisReport(space.Cardinality, reserved, frontier, Pick(nash), Pick(kalai), Pick(welfare), method, timings.ToImmutable());
    }
}
