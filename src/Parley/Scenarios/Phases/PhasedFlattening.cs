using System.Collections.Immutable;
using Parley.Outcomes;
using Parley.Preferences;

namespace Parley.Scenarios.Phases;

/// <summary>
/// A phased scenario as a flat one over its slots, for formats with no phases (GENIUS, GeniusWeb): each slot becomes an
/// issue; a slot scored by a phased evaluator (a deferrable slot, or the slot carrying the breakdown term) becomes a
/// discrete issue scored by evaluations (score / largest score) with the weight multiplied by the largest score, so
/// utilities stay equal (to rounding).
/// </summary>
public static class PhasedFlattening
{
    /// <summary>The warning a flat format's writer gives for a phased scenario.</summary>
    public static string Warning(Scenario scenario, string format) =>
        $"{format} has no phases: the {scenario.Phasing!.Structure.Phases.Length} phases were written as {scenario.Space.IssueCount} slot issues (issue@phase) with each party's phase weights, carry-out beliefs, breakdown value and expectations of deferred slots folded into the slot weights and scores; reading it back gives a flat scenario with the same utilities (to rounding), not the phases.";

    /// <summary><paramref name="scenario"/> without its phasing, every utility over standard evaluators; a flat scenario is returned as is.</summary>
    public static Scenario Flatten(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Phasing is null) return scenario;
        var space = scenario.Space;
        var rewrite = new bool[space.IssueCount];
        foreach (var party in scenario.Parties)
            if (party.Profile.Utility is LinearAdditiveUtility u)
                for (int s = 0; s < rewrite.Length; s++) rewrite[s] |= u.Evaluators[s] is DeferrableEvaluator or ShiftedEvaluator;
        var issues = space.Issues.Select((issue, s) => rewrite[s] && issue is not DiscreteIssue
            ? new DiscreteIssue(issue.Name, [.. Enumerable.Range(0, issue.ValueCount).Select(issue.FormatValue)])
            : issue).ToArray();
        var flat = new OutcomeSpace(issues);
        var parties = scenario.Parties.Select(p =>
        {
            var u = (LinearAdditiveUtility)p.Profile.Utility;
            var weights = u.Weights.ToArray();
            var evaluators = u.Evaluators.ToArray();
            for (int s = 0; s < rewrite.Length; s++)
            {
                if (!rewrite[s]) continue;
                var scores = Enumerable.Range(0, space.Issues[s].ValueCount).Select(v => u.Evaluators[s].Score(space.Issues[s], v)).ToArray();
                double max = scores.Max();
                if (max > 0)
                {
                    weights[s] *= max;
                    for (int v = 0; v < scores.Length; v++) scores[v] /= max;
                }
                evaluators[s] = new DiscreteEvaluator(scores);
            }
            return p with { Profile = p.Profile with { Utility = new LinearAdditiveUtility(flat, weights, evaluators) } };
        }).ToImmutableArray();
        return scenario with { Space = flat, Parties = parties, Phasing = null };
    }
}
