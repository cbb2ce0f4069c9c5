using Google.OrTools.Sat;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Testing;

/// <summary>
/// An independent exact oracle for the Pareto frontier of two hyper-rectangle (ANAC 2014) profiles with integer rectangle
/// utilities and an integer <c>maxutility</c>: the ε-constraint method on Google OR-Tools' CP-SAT, which handles the
/// integer raw sums exactly. Each party's score is S = Σ utility of the rectangles containing the outcome, capped at
/// <c>maxutility</c> (utility = min(1, S / maxutility)). Repeatedly: maximise A, then B with A held at its optimum,
/// subject to B ≥ t, record the point, set t to its B + 1; until infeasible. Every step finds the frontier point with the
/// least B above the previous one, so the list is complete. It shares no code with <c>Parley.Analysis</c>: the model is
/// built from the rectangles themselves and the scores of each solution are recounted here.
/// </summary>
internal static class CpSatFrontier
{
    /// <summary>A frontier point: capped integer scores and one outcome (value indices) reaching them.</summary>
    public sealed record Point(long A, long B, int[] Values);

    /// <summary>The frontier of the first two principals of <paramref name="scenario"/>, by A descending.</summary>
    public static List<Point> Solve(Scenario scenario)
    {
        var profiles = scenario.Principals.Take(2).Select(p => (HyperRectangleUtility)p.Profile.Utility).ToArray();
        var radices = scenario.Space.Issues.Select(i => i.ValueCount).ToArray();
        var points = new List<Point>();
        Point? previous = null;
        while (Best(radices, profiles, previous) is { } point)
        {
            points.Add(point);
            previous = point;
        }
        return points;
    }

    /// <summary>The capped integer score of <paramref name="values"/> under <paramref name="profile"/>, counted rectangle by rectangle.</summary>
    public static long Score(HyperRectangleUtility profile, IReadOnlyList<int> values)
    {
        long sum = 0;
        foreach (var rectangle in profile.Rectangles)
            if (rectangle.Bounds.All(b => values[b.Issue] >= b.MinIndex && values[b.Issue] <= b.MaxIndex)) sum += Integer(rectangle.Utility);
        return Math.Min(sum, Integer(profile.MaxUtility));
    }

    private static long Integer(double x) =>
        x == Math.Round(x) ? (long)x : throw new ArgumentException($"The CP-SAT oracle needs integer utilities; got {x}.");

    /// <summary>The frontier point with the least B above <paramref name="previous"/>'s (the first: the largest A), or null when there is none.</summary>
    private static Point? Best(int[] radices, HyperRectangleUtility[] profiles, Point? previous)
    {
        var model = new CpModel();
        // One-hot value choice per issue.
        var chosen = radices.Select((radix, i) => Enumerable.Range(0, radix).Select(v => model.NewBoolVar($"x{i}={v}")).ToArray()).ToArray();
        foreach (var issue in chosen) model.AddExactlyOne(issue);
        var capped = new IntVar[2];
        var range = new (long Low, long High)[2];
        for (int p = 0; p < 2; p++)
        {
            var score = LinearExpr.NewBuilder();
            long low = 0;
            foreach (var rectangle in profiles[p].Rectangles)
            {
                long weight = Integer(rectangle.Utility);
                if (weight == 0) continue;
                var inside = model.NewBoolVar("r");
                var bounds = rectangle.Bounds.Select(b => LinearExpr.Sum(
                    Enumerable.Range(0, radices[b.Issue]).Where(v => v >= b.MinIndex && v <= b.MaxIndex).Select(v => chosen[b.Issue][v]))).ToArray();
                // Only the direction that matters when scores are maximised: a positive rectangle may count only when
                // every bound holds (inside ≤ each bound), a penalty must count when every bound holds
                // (inside ≥ Σ bounds − (m − 1)). The solver sets the other freely to its own loss.
                if (weight > 0)
                    foreach (var bound in bounds) model.Add(inside <= bound);
                else
                    model.Add(inside >= LinearExpr.Sum(bounds) - (bounds.Length - 1));
                score.AddTerm(inside, weight);
                if (weight < 0) low += weight;
            }
            long norm = Integer(profiles[p].MaxUtility);
            range[p] = (Math.Min(low, norm), norm);
            capped[p] = model.NewIntVar(range[p].Low, range[p].High, $"capped{p}");
            model.Add(capped[p] <= score);
        }
        if (previous is not null)
        {
            if (previous.B >= range[1].High) return null;
            model.Add(capped[1] >= previous.B + 1);
            // Implied (a point with B above the previous one's and A at least as large would dominate it), and it helps
            // the solver prove the optimum; the previous outcome is a starting point for its search.
            model.Add(capped[0] <= previous.A - 1);
            for (int i = 0; i < chosen.Length; i++) model.AddHint(chosen[i][previous.Values[i]], true);
        }
        // Lexicographic: the largest A, then with A held there the largest B (the second solve starts from the first's answer).
        var solver = new CpSolver { StringParameters = "num_workers:2" };
        model.Maximize(capped[0]);
        if (Solve(solver, model) is not { } a) return null;
        model.Add(capped[0] >= a);
        model.ClearHints();
        foreach (var issue in chosen)
            foreach (var v in issue) model.AddHint(v, solver.BooleanValue(v));
        model.Maximize(capped[1]);
        long b = Solve(solver, model) ?? throw new InvalidOperationException("CP-SAT lost the first solve's answer.");
        var values = chosen.Select(issue => Array.FindIndex(issue, v => solver.BooleanValue(v))).ToArray();
        var point = new Point(Score(profiles[0], values), Score(profiles[1], values), values);
        if (point.A != a || point.B != b) throw new InvalidOperationException("CP-SAT's optimum disagrees with the recounted scores.");
        return point;
    }

    /// <summary>The proven optimum, or null when infeasible.</summary>
    private static long? Solve(CpSolver solver, CpModel model)
    {
        var status = solver.Solve(model);
        if (status == CpSolverStatus.Infeasible) return null;
        if (status != CpSolverStatus.Optimal) throw new InvalidOperationException($"CP-SAT ended with {status}.");
        return (long)Math.Round(solver.ObjectiveValue);
    }
}
